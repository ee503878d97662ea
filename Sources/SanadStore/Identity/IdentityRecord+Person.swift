import Foundation
import SanadCore

extension IdentityRecord {
    /// What the matcher needs of a stored person: names in every form, and the facts that tell people apart.
    init(person: Person, personal: PersonalData) {
        self.init(
            id: person.id!.uuidString, names: personal.allNames, sex: person.sex,
            birthDate: personal.birthDate.flatMap(CivilDate.init), birthYear: person.birthYear,
            birthYearEstimated: person.estimatedAge != nil, nationality: person.nationality, phone: personal.phone,
            documentNumber: personal.documents.first?.number)
    }

    /// The same for a registration not yet saved.
    public init(draft valid: ValidPerson, id: String = "new") {
        self.init(
            id: id, names: valid.personal.allNames, sex: valid.facts.sex.rawValue,
            birthDate: valid.personal.birthDate.flatMap(CivilDate.init), birthYear: valid.facts.birthYear,
            birthYearEstimated: valid.facts.estimatedAge != nil, nationality: valid.facts.nationality,
            phone: valid.personal.phone, documentNumber: valid.personal.documents.first?.number)
    }
}
