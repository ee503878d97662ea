import Foundation
import SanadCore
import SanadStore

/// An import row's reason in the page's language. The report file keeps the English words (other tools read it);
/// the pages say the same in Arabic: the matcher's phrases through `MatchReasonText`, a rejection's words here.
enum ImportReasonText {
    static let rejections: [String: String] = [
        "no name": "import.why.no-name",
        "not a name (no letters)": "import.why.not-a-name",
        "not a date": "import.why.not-a-date",
        "not a number of years": "import.why.not-a-number",
        "unknown nationality": "import.why.unknown-nationality",
        "not a phone number": "import.why.not-a-phone",
        "a formula without a saved value": "import.why.formula",
        "not a sex Sanad knows (M, F, ذكر, أنثى…)": "import.why.unknown-sex",
    ]

    static let match = try! NSRegularExpression(
        pattern: #"^(same person as|may be) (row (\d+)|registered person [0-9a-f-]+) \(score [0-9.]+\): (.*)$"#)

    static func text(_ row: ImportReportRow, _ t: Catalogue) -> String {
        let reason = row.reason
        let range = NSRange(reason.startIndex..., in: reason)
        if let m = match.firstMatch(in: reason, range: range), let kind = Range(m.range(at: 1), in: reason),
            let rest = Range(m.range(at: 4), in: reason)
        {
            let sure = reason[kind] == "same person as"
            let head =
                if let number = Range(m.range(at: 3), in: reason) {
                    t.t(sure ? "import.reason.same-row" : "import.reason.maybe-row", String(reason[number]))
                } else {
                    t.t(sure ? "import.reason.same-person" : "import.reason.maybe-person")
                }
            let phrases = reason[rest].components(separatedBy: "; ")
            return head + (t.language == "ar" ? ": " : ": ") + MatchReasonText.text(phrases, t)
        }
        guard row.outcome == .rejected else { return reason }
        // "Column: why" — the column as the file names it, the why in the page's language.
        let (column, why) =
            reason.range(of: ": ", options: .backwards).map {
                (String(reason[..<$0.lowerBound]), String(reason[$0.upperBound...]))
            }
            ?? (nil, reason)
        let words =
            rejections[why].map { t.t($0) }
            ?? ValidationCode.allCases.first { $0.englishMessage == why }.map { t.t("error.\($0.rawValue)") } ?? why
        return column.map { "\u{2068}\($0)\u{2069}: \(words)" } ?? words
    }
}
