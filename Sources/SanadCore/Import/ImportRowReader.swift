import Foundation

/// Why a row is not imported, naming the column as the file's header does — never the value, which is personal.
public struct ImportRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: String?
    public let reason: String

    public init(column: String?, _ reason: String) {
        self.column = column
        self.reason = reason
    }

    public var description: String { column.map { "\($0): \(reason)" } ?? reason }
}

/// Turns one spreadsheet row into a validated registration, or says which column stops it.
public struct ImportRowReader: Sendable {
    public let header: [String]
    public let mapping: ImportMapping
    public let centre: String
    public let today: CivilDate
    /// When the register was kept: the middle arrival year of its rows, the year an age was given in for a row
    /// without an arrival date of its own. Nil when no row has one (then ages are taken as of today).
    public let registerYear: Int?
    private let unmapped: [Int]

    /// `rows` (the whole file) only to find `registerYear`.
    public init(header: [String], mapping: ImportMapping, centre: String, today: CivilDate, rows: [[String]] = []) {
        self.header = header
        self.mapping = mapping
        self.centre = centre
        self.today = today
        unmapped = mapping.unmapped(header: header)
        var years: [Int] = []
        if let column = mapping.column(of: .arrivalDate) {
            for row in rows where column < row.count {
                if let year = ImportValues.year(of: row[column]), year <= today.year { years.append(year) }
            }
        }
        registerYear = years.isEmpty ? nil : years.sorted()[years.count / 2]
    }

    func columnName(_ field: ImportField) -> String? {
        mapping.column(of: field).map { header[$0].trimmed }
    }

    public func read(_ row: [String]) -> Result<ValidPerson, ImportRejection> {
        func value(_ field: ImportField) -> String? {
            guard let index = mapping.column(of: field), index < row.count else { return nil }
            var text = row[index].trimmed
            // Exports write "'+249…" so that a spreadsheet does not take a value for a formula; the mark goes.
            if text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) { text.removeFirst() }
            return ImportValues.isNothing(text) ? nil : text
        }
        func reject(_ field: ImportField, _ reason: String) -> Result<ValidPerson, ImportRejection> {
            .failure(ImportRejection(column: columnName(field), reason))
        }
        var draft = PersonDraft()
        draft.centre = centre
        var original = value(.nameOriginal)
        var latin = value(.nameLatin)
        let nameField: ImportField = mapping.column(of: .nameOriginal) != nil ? .nameOriginal : .nameLatin
        guard original != nil || latin != nil else { return reject(nameField, "no name") }
        for (field, name) in [(ImportField.nameOriginal, original), (.nameLatin, latin)] {
            if let name, !name.contains(where: \.isLetter) { return reject(field, "not a name (no letters)") }
        }
        (original, latin) = Self.arrangeNames(original: original, latin: latin)
        draft.nameOriginal = original
        draft.nameLatin = latin

        if let text = value(.sex) {
            guard let gender = ImportValues.sex(text) else {
                return reject(.sex, "not a sex Sanad knows (M, F, ذكر, أنثى…)")
            }
            draft.sex = gender.rawValue
        } else {
            draft.sex = Gender.unknown.rawValue
        }
        var ageThen: Int?
        if let text = value(.birthDate) {
            switch ImportValues.date(text) {
            case .date(let date): draft.birthDate = date.description
            case .year(let year): draft.estimatedAge = String(today.year - year)
            case nil:
                // "30 سنة" typed where the date goes: an age, as the age column would have it.
                guard ImportValues.monthOrYear(text) == nil, let age = ImportValues.age(text), age <= PersonDraft.maxAge
                else { return reject(.birthDate, "not a date") }
                ageThen = age
                draft.estimatedAge = String(age)
            }
        }
        if draft.birthDate == nil && draft.estimatedAge == nil, let text = value(.estimatedAge) {
            guard let age = ImportValues.age(text) else { return reject(.estimatedAge, "not a number of years") }
            ageThen = age
            draft.estimatedAge = String(age)
        }
        if let text = value(.nationality) {
            guard let iso3 = ImportValues.nationality(text) else { return reject(.nationality, "unknown nationality") }
            draft.nationality = iso3
        }
        // What the form cannot hold (a language, document type or issuing country Sanad does not know) is kept in
        // the notes under its column: it describes the person but never costs their row.
        var extraNotes: [String] = []
        func keep(_ field: ImportField, _ text: String) {
            extraNotes.append("\(columnName(field) ?? field.rawValue): \(text)")
        }
        if let text = value(.languages) {
            let (codes, unread) = ImportValues.languages(text)
            draft.languages = codes
            if unread { keep(.languages, text) }
        }
        if let text = value(.phone) {
            let phones = text.split(whereSeparator: { "/,;،".contains($0) }).map { String($0).trimmed }
            guard let first = phones.first, let phone = ImportValues.phone(first) else {
                return reject(.phone, "not a phone number")
            }
            draft.phone = phone
            if phones.count > 1 { extraNotes.append("Other phones: " + phones.dropFirst().joined(separator: ", ")) }
        }
        if let number = value(.documentNumber) {
            var type = ImportValues.documentType(columnName(.documentNumber) ?? "") ?? .other
            if let text = value(.documentType) {
                if let named = ImportValues.documentType(text) {
                    type = named
                } else {
                    type = .other
                    keep(.documentType, text)
                }
            }
            var country: String?
            if let text = value(.documentCountry) {
                country = ImportValues.nationality(text)
                if country == nil {
                    // "Sudan - COR": the country and the office that issued it; the words are kept either way.
                    country =
                        text.split(whereSeparator: { "-–/(),".contains($0) }).lazy.compactMap {
                            ImportValues.nationality(String($0))
                        }.first
                    keep(.documentCountry, text)
                }
            }
            draft.documents = [
                DocumentDraft(type: type.rawValue, number: ImportValues.asciiDigits(number), issuingCountry: country)
            ]
        }
        var arrivalYear: Int?
        if let text = value(.arrivalDate) {
            if case .date(let date) = ImportValues.date(text) {
                draft.arrivalDate = date.description
                arrivalYear = date.year
            } else if let approximate = ImportValues.monthOrYear(text), approximate.year <= today.year {
                // "Jan 2020": the form needs a day nobody wrote, so the words go to the notes and the year serves.
                arrivalYear = approximate.year
                keep(.arrivalDate, text)
            } else {
                return reject(.arrivalDate, "not a date")
            }
        }
        // An old register's age was the age when the person came, years ago; Sanad keeps the age now, so that the
        // birth year it implies is the register's (25 on arrival in 2019 is 32 in 2026).
        let givenIn = arrivalYear ?? registerYear
        if let ageThen, let givenIn, givenIn <= today.year, givenIn >= today.year - 50 {
            draft.estimatedAge = String(ageThen + today.year - givenIn)
        }
        draft.route = value(.route)
        // Columns nobody mapped are kept, not dropped: into the notes, each under its header.
        for index in unmapped where index < row.count && !ImportValues.isNothing(row[index]) {
            extraNotes.append("\(header[index].trimmed): \(row[index].trimmed)")
        }
        draft.notes = ([value(.notes)].compactMap { $0 } + extraNotes).joined(separator: "; ")
        if draft.notes?.isEmpty == true { draft.notes = nil }

        switch draft.validate(today: today) {
        case .success(let valid): return .success(valid)
        case .failure(let failure):
            let error = failure.errors[0]
            let field = ImportField(rawValue: error.field.rawValue)
            return .failure(ImportRejection(column: field.flatMap(columnName), error.code.englishMessage))
        }
    }

    /// A Latin name in the original-name column is also the Latin name; a name in Arabic or Ge'ez script in the Latin
    /// column is the original; one cell holding both ("محمد أحمد Mohamed Ahmed") is split by script.
    static func arrangeNames(original: String?, latin: String?) -> (String?, String?) {
        var original = original
        var latin = latin
        if let text = original, latin == nil, Transliteration.script(of: text) == .mixed {
            let words = text.split(separator: " ").map(String.init)
            let latinWords = words.filter { Transliteration.script(of: $0) == .latin }
            let otherWords = words.filter { Transliteration.script(of: $0) != .latin && $0.contains(where: \.isLetter) }
            if !latinWords.isEmpty && !otherWords.isEmpty {
                return (otherWords.joined(separator: " "), latinWords.joined(separator: " "))
            }
        }
        if original == nil, let text = latin, Transliteration.script(of: text) != .latin {
            original = text
            latin = nil
        }
        if original == nil { original = latin }
        if latin == nil, let text = original, Transliteration.script(of: text) == .latin { latin = text }
        return (original, latin)
    }
}
