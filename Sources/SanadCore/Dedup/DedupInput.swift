import Foundation

/// Turns a spreadsheet export of registrations into identity records, reporting every unusable value by row
/// number and carrying on with the rest of the file.
public enum DedupInput {
    public struct Outcome: Sendable {
        public var records: [IdentityRecord] = []
        /// "row N: …" messages (row 1 is the header, as a spreadsheet numbers them).
        public var problems: [String] = []
    }

    public enum HeaderError: Error, Equatable, CustomStringConvertible {
        case empty
        case noIDColumn([String])

        public var description: String {
            switch self {
            case .empty: return "the file is empty: expected a header row with an id column"
            case .noIDColumn(let header):
                return "the header has no \"id\" column (found: \(header.prefix(12).joined(separator: ", ")))"
            }
        }
    }

    public static let knownColumns = [
        "id", "name", "name_latin", "sex", "date_of_birth", "age", "nationality", "phone", "document_number",
    ]

    /// Column names are matched case-insensitively, ignoring a byte-order mark and surrounding spaces.
    public static func normaliseHeader(_ header: [String]) -> [String] {
        header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmed.lowercased() }
    }

    public static func parse(header: [String], rows: [[String]], today: CivilDate) throws(HeaderError) -> Outcome {
        let names = normaliseHeader(header)
        guard !names.isEmpty, names != [""] else { throw .empty }
        guard let idColumn = names.firstIndex(of: "id") else { throw .noIDColumn(names) }
        let column = { (name: String) in names.firstIndex(of: name) }
        var outcome = Outcome()
        var seen = Set<String>()
        for (offset, row) in rows.enumerated() {
            let number = offset + 2
            func value(_ name: String) -> String? {
                guard let i = column(name), i < row.count else { return nil }
                let v = row[i].trimmed
                return v.isEmpty ? nil : v
            }
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            guard idColumn < row.count, !row[idColumn].trimmed.isEmpty else {
                outcome.problems.append("row \(number): no id; row skipped")
                continue
            }
            let id = row[idColumn].trimmed
            if !seen.insert(id).inserted {
                outcome.problems.append("row \(number): id \(id) appears again; row skipped")
                continue
            }
            let names = [value("name"), value("name_latin")].compactMap { $0 }
                .filter { $0.contains { $0.isLetter } }
            guard !names.isEmpty else {
                outcome.problems.append("row \(number): no usable name; row skipped")
                continue
            }
            for name in names where Transliteration.script(of: name) == .mixed {
                outcome.problems.append("row \(number): a name mixes scripts; its parts are compared one by one")
                _ = name
            }
            var birthDate: CivilDate?
            var birthYear: Int?
            var estimated = false
            if let dob = value("date_of_birth") {
                if let date = CivilDate(dob) {
                    birthDate = date
                    birthYear = date.year
                } else if dob.count == 4, let year = Int(dob), (1900...today.year).contains(year) {
                    birthYear = year
                } else {
                    outcome.problems.append("row \(number): date_of_birth is not YYYY-MM-DD or YYYY; ignored")
                }
            }
            if birthYear == nil, let ageText = value("age") {
                if let age = Int(ageText), (0...120).contains(age) {
                    birthYear = today.year - age
                    estimated = true
                } else {
                    outcome.problems.append("row \(number): age is not a whole number from 0 to 120; ignored")
                }
            }
            var nationality: String?
            if let code = value("nationality") {
                if let country = ReferenceData.country(code) {
                    nationality = country.iso3
                } else {
                    outcome.problems.append("row \(number): nationality is not an ISO 3166 code; ignored")
                }
            }
            var phone: String?
            if let raw = value("phone") {
                phone = PhoneNumber.normalise(raw)
                if phone == nil { outcome.problems.append("row \(number): phone is not a phone number; ignored") }
            }
            outcome.records.append(
                IdentityRecord(
                    id: id, names: names, sex: value("sex").map(normaliseSex), birthDate: birthDate,
                    birthYear: birthYear, birthYearEstimated: estimated, nationality: nationality, phone: phone,
                    documentNumber: value("document_number")))
        }
        return outcome
    }

    /// Spreadsheets say F/M, female/male, or the HTCDS values; anything else is kept as given.
    static func normaliseSex(_ text: String) -> String {
        switch text.lowercased() {
        case "f", "female", "woman", "feminine", "أنثى": return Gender.feminine.rawValue
        case "m", "male", "man", "masculine", "ذكر": return Gender.masculine.rawValue
        default: return text
        }
    }

    /// The CSV a supervisor reads: one candidate pair per row, best first.
    public static let outputHeader = ["id_a", "id_b", "score", "decision", "reasons"]

    public static func outputRow(_ a: String, _ b: String, _ result: MatchResult) -> [String] {
        [
            a, b, String(format: "%.2f", result.score), result.decision?.rawValue ?? "",
            result.reasons.joined(separator: "; "),
        ]
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
