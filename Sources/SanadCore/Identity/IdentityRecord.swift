import Foundation

/// What the matcher knows about one registration (no UUID dependence: ids are strings).
public struct IdentityRecord: Sendable, Equatable {
    public var id: String
    /// Every name form given: original script and Latin; any may be empty.
    public var names: [String]
    /// HTCDS "Feminine"/"Masculine"/... or nil.
    public var sex: String?
    public var birthDate: CivilDate?
    /// When only a year is known (from "YYYY" or an estimated age).
    public var birthYear: Int?
    /// True when `birthYear` came from an estimated age (wider tolerance).
    public var birthYearEstimated: Bool
    /// ISO 3166-1 alpha-3.
    public var nationality: String?
    /// Normalised (`PhoneNumber.normalise`).
    public var phone: String?
    /// As given.
    public var documentNumber: String?

    public init(
        id: String, names: [String], sex: String? = nil, birthDate: CivilDate? = nil, birthYear: Int? = nil,
        birthYearEstimated: Bool = false, nationality: String? = nil, phone: String? = nil,
        documentNumber: String? = nil
    ) {
        self.id = id
        self.names = names
        self.sex = sex
        self.birthDate = birthDate
        self.birthYear = birthYear
        self.birthYearEstimated = birthYearEstimated
        self.nationality = nationality
        self.phone = phone
        self.documentNumber = documentNumber
    }

    /// The birth year implied by an age estimated on `date` (a person aged 30 in 2024 was born about 1994).
    public static func estimatedBirthYear(age: Int, on date: CivilDate) -> Int {
        date.year - age
    }

    /// What the matcher knows of a registration not yet saved.
    public init(draft valid: ValidPerson, id: String = "new") {
        self.init(
            id: id, names: valid.personal.allNames, sex: valid.facts.sex.rawValue,
            birthDate: valid.personal.birthDate.flatMap(CivilDate.init), birthYear: valid.facts.birthYear,
            birthYearEstimated: valid.facts.estimatedAge != nil, nationality: valid.facts.nationality,
            phone: valid.personal.phone, documentNumber: valid.personal.documents.first?.number)
    }

    /// What the matcher knows of a demo person, registered on their arrival date.
    public init(id: String, demo person: DemoPerson) {
        let names =
            person.nameOriginal == person.nameLatin ? [person.nameLatin] : [person.nameOriginal, person.nameLatin]
        let arrival = CivilDate(person.arrivalDate)
        self.init(
            id: id, names: names, sex: person.sex, birthDate: person.birthDate.flatMap { CivilDate($0) },
            birthYear: person.estimatedAge.flatMap { age in arrival.map { Self.estimatedBirthYear(age: age, on: $0) } },
            birthYearEstimated: person.estimatedAge != nil, nationality: person.nationality,
            phone: person.phone.flatMap(PhoneNumber.normalise), documentNumber: person.documentNumber)
    }
}

/// A record prepared once for comparing: name parts of every form in one flat array, normalised keys.
struct IdentityFeatures: Sendable {
    enum Sex: Sendable {
        case female, male
    }

    var id: String
    /// The parts of every distinct name form, form after form (`NamePart.form` numbers them).
    var parts: [NamePart]
    var formCount: Int
    var sex: Sex?
    var birthDate: CivilDate?
    var birthYear: Int?
    var birthYearEstimated: Bool
    var nationality: String?
    var phone: String?
    var document: String?

    static let maximumForms = 8
    static let maximumParts = 6

    init(_ record: IdentityRecord) {
        id = record.id
        var forms: [[NamePart]] = []
        for name in record.names where forms.count < Self.maximumForms {
            var form = Array(NameKeys.nameParts(name).prefix(Self.maximumParts))
            guard !form.isEmpty else { continue }
            let written = Transliteration.script(of: name)
            let script: Script = written == .arabic || written == .ethiopic ? written : .latin
            // Equal forms (a Latin name given twice, or one that equals the transliteration) add nothing.
            if forms.contains(form) { continue }
            for index in form.indices {
                form[index].form = UInt8(forms.count)
                form[index].script = script
            }
            forms.append(form)
        }
        parts = forms.flatMap { $0 }
        formCount = forms.count
        switch record.sex?.lowercased() {
        case "feminine", "female", "f": sex = .female
        case "masculine", "male", "m": sex = .male
        default: sex = nil
        }
        // 1 January is what registers write when only the year is known, and the year is then often a guess: two
        // records of one person read "01/01/1986" and "01/01/1990" as often as two ages do.
        let placeholder = record.birthDate.map { $0.month == 1 && $0.day == 1 } ?? false
        birthDate = placeholder ? nil : record.birthDate
        birthYear = record.birthDate?.year ?? record.birthYear
        birthYearEstimated = placeholder || (record.birthDate == nil && record.birthYearEstimated)
        let nationality = record.nationality?.trimmingCharacters(in: .whitespaces).uppercased()
        self.nationality = nationality?.isEmpty == false ? nationality : nil
        phone = Self.phoneKey(record.phone)
        document = Self.documentKey(record.documentNumber)
    }

    /// The last nine digits: "+249912345678", "00249912345678" and "0912345678" are one Sudanese mobile.
    static func phoneKey(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let digits = phone.unicodeScalars.filter { ("0"..."9").contains($0) }
        guard digits.count >= 6 else { return nil }
        return String(String.UnicodeScalarView(digits.suffix(9)))
    }

    /// Letters and digits only, uppercased: "EP 123-4567" and "ep1234567" are one document.
    static func documentKey(_ number: String?) -> String? {
        guard let number else { return nil }
        let kept = number.uppercased().unicodeScalars.filter {
            ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
        guard kept.count >= 4 else { return nil }
        return String(String.UnicodeScalarView(kept))
    }

    /// Distinct primary skeletons over all forms, for frequencies.
    var distinctSkeletons: Set<NameCode> {
        Set(parts.map(\.skeleton))
    }
}
