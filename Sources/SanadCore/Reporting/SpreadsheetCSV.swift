/// Helpers for CSV files meant to be opened in spreadsheet programs. Quoting is left to
/// `CSVText`; these only deal with what spreadsheets do on top of CSV.
public enum SpreadsheetCSV {
    /// The UTF-8 byte order mark. Excel reads a CSV file without it in the system's legacy code
    /// page, which garbles Arabic names; with it, as UTF-8. Write it once, before the first row.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A cell made safe against formula injection (CSV injection).
    ///
    /// Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and some
    /// skip a leading tab or carriage return before deciding, so a name typed as
    /// `=HYPERLINK(...)` could run on an officer's machine. Such cells get a leading apostrophe,
    /// which spreadsheets show as text and do not display (OWASP's advice).
    ///
    /// A plain negative decimal number (`-5`, `-3.2`: a minus, digits, optionally a point and
    /// more digits) is left as it is, so that it stays a number: a spreadsheet computes nothing
    /// from it. `+5`, `-1e5`, `-.5` and anything else starting with a trigger are still prefixed,
    /// because they are not numbers Sanad writes and erring that way costs only an apostrophe.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, triggers.contains(first) else { return cell }
        if isPlainNegativeNumber(cell) { return cell }
        return "'" + cell
    }

    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isPlainNegativeNumber(_ cell: String) -> Bool {
        let scalars = Array(cell.unicodeScalars)
        guard scalars.count >= 2, scalars[0] == "-" else { return false }
        let body = scalars.dropFirst()
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (ArraySlice<Unicode.Scalar>) -> Bool = { part in
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
        return parts.allSatisfy(isDigits)
    }
}
