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

}
