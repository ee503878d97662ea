import Foundation

/// The Sanad field an imported column fills. Raw values are the registration form's field names, so a mapping file
/// reads like the form (`docs/importing.md`).
public enum ImportField: String, CaseIterable, Sendable, Codable {
    case nameOriginal = "name_original"
    case nameLatin = "name_latin"
    case sex
    case birthDate = "birth_date"
    case estimatedAge = "age_estimate"
    case nationality
    case languages
    case phone
    case documentType = "document_type"
    case documentNumber = "document_number"
    case documentCountry = "document_country"
    case arrivalDate = "arrival_date"
    case route
    case notes

    /// Header texts recognised without a mapping file, in English and Arabic, compared after `headerKey` folding.
    static let knownHeaders: [ImportField: [String]] = [
        .nameOriginal: [
            "name", "full name", "name original", "name_original", "original name", "name arabic", "arabic name",
            "name in arabic", "person", "beneficiary", "beneficiary name", "migrant name", "names",
            "الاسم", "اسم", "الاسم الكامل", "الاسم بالعربي", "الاسم بالعربية", "الاسم رباعي", "الاسم الرباعي",
            "اسم المستفيد", "اسم المهاجر", "الأسماء",
        ],
        .nameLatin: [
            "name latin", "name_latin", "latin name", "name english", "english name", "name in english",
            "name (english)", "name en", "الاسم بالانجليزي", "الاسم بالإنجليزية", "الاسم بالانجليزية",
            "الاسم باللاتيني", "الاسم بالحروف اللاتينية",
        ],
        .sex: ["sex", "gender", "m/f", "sex (m/f)", "النوع", "الجنس", "النوع الاجتماعي"],
        .birthDate: [
            "date of birth", "dob", "birth date", "birthdate", "birth_date", "d.o.b", "born", "تاريخ الميلاد",
            "الميلاد", "تاريخ الولادة",
        ],
        .estimatedAge: ["age", "estimated age", "age_estimate", "age (years)", "العمر", "السن", "العمر التقريبي"],
        .nationality: [
            "nationality", "country", "country of origin", "citizenship", "origin", "الجنسية", "البلد", "بلد الأصل",
            "الدولة",
        ],
        .languages: ["languages", "language", "language spoken", "اللغة", "اللغات"],
        .phone: [
            "phone", "phone number", "phone no", "mobile", "mobile number", "tel", "telephone", "contact",
            "contact number", "رقم الهاتف", "الهاتف", "الموبايل", "رقم الموبايل", "تلفون", "رقم التلفون", "الجوال",
            "رقم الجوال",
        ],
        .documentType: ["document type", "id type", "document_type", "نوع الوثيقة", "نوع المستند"],
        .documentNumber: [
            "document number", "document no", "document_number", "passport", "passport no", "passport number",
            "passport/id no", "passport/id", "id", "id no", "id number", "national id", "رقم الجواز", "رقم الهوية",
            "رقم الوثيقة", "جواز السفر", "رقم جواز السفر", "رقم المستند",
        ],
        .documentCountry: [
            "document country", "issuing country", "document_country", "issued by", "country of issue", "بلد الإصدار",
            "جهة الإصدار", "صادر من",
        ],
        .arrivalDate: [
            "arrival date", "date of arrival", "arrival", "arrival_date", "تاريخ الوصول", "تاريخ القدوم",
        ],
        .route: ["route", "journey", "route of travel", "خط السير", "المسار"],
        .notes: ["notes", "remarks", "comments", "comment", "note", "ملاحظات", "ملاحظة", "تعليقات"],
    ]

    static let ownNumberHeaders: Set<String> = Set(["registration_number", "رقم التسجيل"].map(headerKey))

    private static let headerIndex: [String: ImportField] = {
        var index: [String: ImportField] = [:]
        for (field, headers) in knownHeaders {
            for header in headers { index[headerKey(header)] = field }
        }
        return index
    }()

    /// The field a header names, if it is one of the recognised ones.
    public static func recognise(_ header: String) -> ImportField? {
        headerIndex[headerKey(header)]
    }

    /// Case, spacing, punctuation, Arabic hamza seats, ta marbuta and diacritics do not tell headers apart.
    static func headerKey(_ text: String) -> String {
        var key = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{0622}", "\u{0623}", "\u{0625}": key.unicodeScalars.append("\u{0627}")
            case "\u{0629}": key.unicodeScalars.append("\u{0647}")
            case "\u{0649}": key.unicodeScalars.append("\u{064A}")
            case "\u{064B}"..."\u{0652}", "\u{0640}", "\u{FEFF}": continue
            case _ where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar):
                key.unicodeScalars.append(scalar)
            default: continue
            }
        }
        return key
    }
}

/// Which column fills which field. Made from the header (recognised names) or from a mapping file, and changed in
/// the import wizard. A field is filled by one column at most; a column may be left out on purpose.
public struct ImportMapping: Sendable, Equatable {
    /// Column index → field.
    public var fields: [Int: ImportField]
    /// Column indexes deliberately not imported.
    public var ignored: Set<Int>

    public init(fields: [Int: ImportField] = [:], ignored: Set<Int> = []) {
        self.fields = fields
        self.ignored = ignored
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownField(column: String, field: String)
        case unknownColumn(String)
        case fieldTwice(ImportField)
        case noNameColumn
        case malformed(String)

        public var description: String {
            switch self {
            case .unknownField(let column, let field):
                return "the mapping gives column \"\(column)\" the field \"\(field)\", which is not one of: "
                    + ImportField.allCases.map(\.rawValue).joined(separator: ", ")
            case .unknownColumn(let column):
                return "the mapping names a column \"\(column)\" that the file does not have"
            case .fieldTwice(let field): return "two columns are mapped to \(field.rawValue); keep one"
            case .noNameColumn:
                return
                    "no column holds names: map one to name_original or name_latin (for example \"Name\" or \"الاسم\")"
            case .malformed(let why): return "the mapping file is not valid JSON of the form {\"columns\": {…}}: \(why)"
            }
        }
    }

    /// Recognised headers. A header seen twice (two "Name" columns) fills its field once, from the first.
    public static func recognised(header: [String]) -> ImportMapping {
        var mapping = ImportMapping()
        var taken = Set<ImportField>()
        for (index, text) in header.enumerated() {
            // A number Sanad gave (in its own export) is given again on import, not kept as a note.
            if ImportField.ownNumberHeaders.contains(ImportField.headerKey(text)) {
                mapping.ignored.insert(index)
                continue
            }
            guard let field = ImportField.recognise(text), taken.insert(field).inserted else { continue }
            mapping.fields[index] = field
        }
        return mapping
    }

    /// A mapping file: `{"columns": {"<header>": "<field>" or null}}`. Null (or "") leaves the column out; headers
    /// the file does not mention are recognised as usual.
    public static func parse(json: Data, header: [String]) throws(Problem) -> ImportMapping {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) } catch { throw .malformed("not JSON") }
        guard let root = object as? [String: Any], let columns = root["columns"] as? [String: Any] else {
            throw .malformed("expected an object with a \"columns\" object")
        }
        var chosen: [String: ImportField?] = [:]
        for (column, value) in columns {
            switch value {
            case is NSNull: chosen[column] = .some(nil)
            case let text as String where text.isEmpty || text == "ignore": chosen[column] = .some(nil)
            case let text as String:
                guard let field = ImportField(rawValue: text) else { throw .unknownField(column: column, field: text) }
                chosen[column] = field
            default: throw .malformed("the value for \"\(column)\" is not a field name")
            }
        }
        return try make(header: header, chosen: chosen)
    }

    /// The recognised mapping with `chosen` (header text → field, or nil for "leave out") laid over it.
    public static func make(header: [String], chosen: [String: ImportField?]) throws(Problem) -> ImportMapping {
        let keys = header.map(ImportField.headerKey)
        for column in chosen.keys where !keys.contains(ImportField.headerKey(column)) {
            throw .unknownColumn(column)
        }
        var mapping = recognised(header: header)
        for (column, field) in chosen {
            let key = ImportField.headerKey(column)
            for index in keys.indices where keys[index] == key {
                mapping.fields[index] = nil
                if let field { mapping.fields[index] = field } else { mapping.ignored.insert(index) }
            }
        }
        // A field named in the file wins over the same field recognised in another column.
        let named = Set(
            keys.indices.filter { index in chosen.keys.contains { ImportField.headerKey($0) == keys[index] } })
        let explicit = Set(chosen.values.compactMap { $0 })
        for (index, field) in mapping.fields where !named.contains(index) && explicit.contains(field) {
            mapping.fields[index] = nil
        }
        try mapping.check()
        return mapping
    }

    public func check() throws(Problem) {
        var seen = Set<ImportField>()
        for index in fields.keys.sorted() {
            let field = fields[index]!
            guard seen.insert(field).inserted else { throw .fieldTwice(field) }
        }
        guard seen.contains(.nameOriginal) || seen.contains(.nameLatin) else { throw .noNameColumn }
    }

    public func column(of field: ImportField) -> Int? {
        fields.first { $0.value == field }?.key
    }

    /// Columns that are neither mapped nor deliberately left out: their values go into the person's notes.
    public func unmapped(header: [String]) -> [Int] {
        header.indices.filter { fields[$0] == nil && !ignored.contains($0) && !header[$0].trimmed.isEmpty }
    }

    /// The mapping as a mapping file would say it, for the report and the wizard's "download mapping".
    public func json(header: [String]) -> Data {
        var columns: [String: Any] = [:]
        for (index, text) in header.enumerated() where !text.trimmed.isEmpty {
            if let field = fields[index] {
                columns[text] = field.rawValue
            } else if ignored.contains(index) {
                columns[text] = NSNull()
            }
        }
        let data = try? JSONSerialization.data(
            withJSONObject: ["columns": columns], options: [.sortedKeys, .prettyPrinted])
        return data ?? Data("{}".utf8)
    }
}
