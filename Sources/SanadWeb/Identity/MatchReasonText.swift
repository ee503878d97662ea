import Foundation

/// The matcher explains itself in short English phrases (they also go to CSV files and the API). Pages show them
/// in the reader's language through this table; years stay numbers.
enum MatchReasonText {
    static let phrases: [String: String] = [
        "same phone": "reason.same-phone",
        "same document number": "reason.same-document",
        "document numbers differ by one character": "reason.document-one-character",
        "different document numbers": "reason.different-documents",
        "different sex": "reason.different-sex",
        "different nationality": "reason.different-nationality",
        "names differ": "reason.names-differ",
        "given names differ": "reason.given-names-differ",
        "some name parts differ": "reason.some-parts-differ",
        "names agree": "reason.names-agree",
        "names agree except for spelling": "reason.names-agree-spelling",
        "names agree across scripts": "reason.names-agree-scripts",
        "names agree except for spelling across scripts": "reason.names-agree-spelling-scripts",
        "names compared across scripts": "reason.names-compared-scripts",
        "grandfather's name missing in one record": "reason.grandfather-missing",
        "a name part missing in one record": "reason.part-missing",
        "name parts in a different order": "reason.parts-swapped",
        "one record's given name is the other's second name": "reason.names-shifted",
        "common names": "reason.common-names",
        "rare names": "reason.rare-names",
        "same date of birth": "reason.same-birth-date",
        "day and month of birth swapped": "reason.day-month-swapped",
        "same birth year": "reason.same-birth-year",
        "birth dates differ in one field": "reason.birth-one-field",
        "same birth year, different day": "reason.same-year-other-day",
        "same estimated birth year": "reason.same-estimated-year",
        "same birth year (one estimated)": "reason.same-year-one-estimated",
        "no phone, document or birth date confirms it": "reason.unconfirmed",
    ]

    /// Phrases that carry two years, as (pattern, key); the years fill {0} and {1}.
    static let patterns: [(NSRegularExpression, String)] = [
        (#"^estimated birth years (\d{4}) and (\d{4})$"#, "reason.estimated-years"),
        (#"^birth years (\d{4}) and (\d{4}) \(one estimated\)$"#, "reason.years-one-estimated"),
        (#"^birth years (\d{4}) and (\d{4}), same day$"#, "reason.years-same-day"),
        (#"^birth years (\d{4}) and (\d{4})$"#, "reason.years"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    /// The phrase in the catalogue's language, or nil when the table does not know it.
    static func localised(_ phrase: String, _ t: Catalogue) -> String? {
        if let key = phrases[phrase] { return t.t(key) }
        let range = NSRange(phrase.startIndex..., in: phrase)
        for (regex, key) in patterns {
            if let m = regex.firstMatch(in: phrase, range: range), m.numberOfRanges == 3,
                let a = Range(m.range(at: 1), in: phrase), let b = Range(m.range(at: 2), in: phrase)
            {
                return t.t(key, String(phrase[a]), String(phrase[b]))
            }
        }
        return nil
    }

    static func text(_ reasons: [String], _ t: Catalogue) -> String {
        reasons.map { localised($0, t) ?? $0 }.joined(separator: t.language == "ar" ? "؛ " : "; ")
    }
}
