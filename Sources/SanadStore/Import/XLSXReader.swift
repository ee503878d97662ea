import Foundation
import SWXMLHash
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A cell as the sheet shows it: `row` is the sheet's 1-based row number, `column` is 0-based.
public struct SheetPosition: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
    /// "C7", for messages a person will match against the sheet.
    public var reference: String {
        var name = ""
        var n = column + 1
        while n > 0 {
            name.insert(Character(UnicodeScalar(UInt8(65 + (n - 1) % 26))), at: name.startIndex)
            n = (n - 1) / 26
        }
        return name + String(row)
    }
}

public struct SpreadsheetTable: Sendable, Equatable {
    /// The first non-empty row, up to its last non-empty cell.
    public var header: [String]
    public var headerRowNumber: Int
    /// Data rows, padded with "" to `header.count`; cells past the header are kept.
    public var rows: [[String]]
    /// The sheet's own row number of each data row, so messages can point at the right line.
    public var rowNumbers: [Int]
    /// Formulas the file carries no computed result for (files written by scripts, not Excel).
    public var formulasWithoutValue: [SheetPosition]
    public init(
        header: [String], headerRowNumber: Int = 1, rows: [[String]], rowNumbers: [Int],
        formulasWithoutValue: [SheetPosition] = []
    ) {
        self.header = header
        self.headerRowNumber = headerRowNumber
        self.rows = rows
        self.rowNumbers = rowNumbers
        self.formulasWithoutValue = formulasWithoutValue
    }
}

public enum XLSXError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notAZip
    case notAWorkbook(String)
    case noSuchSheet(String, available: [String])
    case emptySheet
    case tooManyRows(limit: Int)
    case malformed(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .notAZip: "not an .xlsx file (old .xls and .xlsb files must be saved as .xlsx)"
        case .notAWorkbook(let why): "not an Excel workbook: \(why)"
        case .noSuchSheet(let name, let available):
            "no sheet named \"\(name)\"; the workbook has: \(available.joined(separator: ", "))"
        case .emptySheet: "the sheet is empty"
        case .tooManyRows(let limit): "the sheet has more than \(limit) data rows"
        case .malformed(let why): "damaged workbook: \(why)"
        }
    }
}

public enum XLSXReader {
    public static func sheetNames(data: Data) throws(XLSXError) -> [String] {
        try Workbook(Package(open(data))).sheets.map(\.name)
    }

    public static func sheetNames(path: String) throws(XLSXError) -> [String] {
        try Workbook(Package(open(path: path))).sheets.map(\.name)
    }

    public static func read(data: Data, sheet: String? = nil, maximumRows: Int = 200_000)
        throws(XLSXError) -> SpreadsheetTable
    {
        try read(Package(open(data)), sheet: sheet, maximumRows: maximumRows)
    }

    /// Reads through the file rather than loading it whole, so large uploads cost less memory.
    public static func read(path: String, sheet: String? = nil, maximumRows: Int = 200_000)
        throws(XLSXError) -> SpreadsheetTable
    {
        try read(Package(open(path: path)), sheet: sheet, maximumRows: maximumRows)
    }

    private static func open(_ data: Data) throws(XLSXError) -> Archive {
        do { return try Archive(data: data, accessMode: .read) } catch { throw .notAZip }
    }

    private static func open(path: String) throws(XLSXError) -> Archive {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path) }
        do { return try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .notAZip
        }
    }

    private static func read(_ package: Package, sheet name: String?, maximumRows: Int)
        throws(XLSXError) -> SpreadsheetTable
    {
        let workbook = try Workbook(package)
        let sheet = try workbook.pick(name)
        guard let path = sheet.path, let xml = try package.part(path) else {
            throw .malformed("sheet \"\(sheet.name)\" has no data part")
        }
        var strings: [String] = []
        let stringsPath = workbook.related("/sharedStrings", or: "xl/sharedStrings.xml")
        if let data = try package.part(stringsPath) {
            strings = try stream(
                data, stringsPath, into: SheetParser(strings: [], formats: [], date1904: false)
            ).strings
        }
        var formats: [ValueFormat] = []
        if let data = try package.part(workbook.related("/styles", or: "xl/styles.xml")) {
            formats = try ValueFormat.cellFormats(tree(data, "styles")["styleSheet"])
        }
        let sheetParser = SheetParser(strings: strings, formats: formats, date1904: workbook.date1904)
        sheetParser.maximumRows = maximumRows
        let delegate = try stream(xml, path, into: sheetParser)
        guard delegate.foundHeader else { throw .emptySheet }
        return delegate.table
    }

    /// Shared strings and sheets can pass 10 MB, where SWXMLHash and XMLParser(data:) fail on Linux
    /// (libxml2 gets the whole document in one push and halts with "huge input lookup"); a stream is
    /// fed in chunks. Streaming also keeps no per-element tree, which matters for 100k-row sheets.
    private static func stream(_ xml: Data, _ path: String, into delegate: SheetParser)
        throws(XLSXError)
        -> SheetParser
    {
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        let finished = parser.parse()
        if let error = delegate.error { throw error }
        // Linux's XMLParser recovers from some errors and says nothing of a document cut short.
        guard finished, delegate.complete else { throw .malformed("\(path) is not well-formed XML") }
        return delegate
    }
}

/// Excel escapes characters XML cannot carry as `_xHHHH_`; decode them so text matches what Excel shows.
func decodeOOXMLEscapes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")) else { return text }  // Foundation's search is slow.
    var out = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
        out += rest[..<start.lowerBound]
        let hex = rest[start.upperBound...].prefix(5)
        if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
            let scalar = UnicodeScalar(code)
        {
            out.unicodeScalars.append(scalar)
            rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
        } else {
            out += "_x"
            rest = rest[start.upperBound...]
        }
    }
    return out + rest
}

private func tree(_ data: Data, _ name: String) throws(XLSXError) -> XMLIndexer {
    let root = XMLHash.config {
        $0.shouldProcessNamespaces = true  // Strict OOXML and prefixed writers use other prefixes.
        $0.detectParsingErrors = true
    }.parse(data)
    if case .parsingError(let error) = root { throw .malformed("\(name): \(error)") }
    return root
}

private func attribute(_ node: XMLIndexer, _ name: String) -> String? {
    node.element?.attribute(by: name)?.text
}

/// Entries looked up case-insensitively: some writers disagree with Excel on the case of part names.
private struct Package {
    static let largestPart = 1 << 30
    let archive: Archive
    let entries: [String: Entry]

    init(_ archive: Archive) {
        self.archive = archive
        let keyed = archive.map { ($0.path.replacingOccurrences(of: "\\", with: "/").lowercased(), $0) }
        entries = Dictionary(keyed, uniquingKeysWith: { first, _ in first })
    }

    func part(_ path: String) throws(XLSXError) -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        // The declared size can lie, so the limit is also checked as bytes arrive (zip bombs).
        guard entry.uncompressedSize <= Package.largestPart else {
            throw .malformed("\(path) is too large")
        }
        var data = Data(capacity: Int(min(entry.uncompressedSize, 64 << 20)))
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > Package.largestPart { throw XLSXError.malformed("\(path) is too large") }
            }
        } catch let error as XLSXError { throw error } catch {
            throw .malformed("cannot unpack \(path)")
        }
        return data
    }

    /// Relationship id → (type, part path) for the part at `source`.
    func relationships(of source: String) throws(XLSXError) -> [String: (type: String, path: String)] {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let data = try part(relsPath) else { return [:] }
        var result: [String: (type: String, path: String)] = [:]
        for rel in try tree(data, relsPath)["Relationships"]["Relationship"].all {
            guard let id = attribute(rel, "Id"), let target = attribute(rel, "Target"),
                attribute(rel, "TargetMode") != "External"
            else { continue }
            // Targets are relative to the source's folder unless they start with "/".
            var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
            for piece in target.split(separator: "/") where piece != "." {
                if piece == ".." { _ = parts.popLast() } else { parts.append(String(piece)) }
            }
            result[id] = (attribute(rel, "Type") ?? "", parts.joined(separator: "/"))
        }
        return result
    }
}

private struct Workbook {
    struct Sheet {
        var name: String
        var path: String?
        var isWorksheet: Bool
        var visible: Bool
    }
    var sheets: [Sheet] = []
    var date1904 = false
    var rels: [String: (type: String, path: String)]

    init(_ package: Package) throws(XLSXError) {
        // The package root names the workbook part; xl/workbook.xml is only the usual answer.
        let root = try package.relationships(of: "")
        let path = root.values.first { $0.type.hasSuffix("/officeDocument") }?.path ?? "xl/workbook.xml"
        guard let data = try package.part(path) else { throw .notAWorkbook("it has no \(path)") }
        let workbook = try tree(data, path)["workbook"]
        rels = try package.relationships(of: path)
        let flag = attribute(workbook["workbookPr"], "date1904")
        date1904 = flag == "1" || flag == "true"
        for node in workbook["sheets"]["sheet"].all {
            let id = node.element?.allAttributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }
            let rel = id.flatMap { rels[$0.value.text] }
            sheets.append(
                Sheet(
                    name: attribute(node, "name") ?? "", path: rel?.path,
                    isWorksheet: rel?.type.hasSuffix("/worksheet") ?? false,
                    visible: (attribute(node, "state") ?? "visible") == "visible"))
        }
        guard !sheets.isEmpty else { throw .notAWorkbook("it lists no sheets") }
    }

    func related(_ typeSuffix: String, or fallback: String) -> String {
        rels.values.first { $0.type.hasSuffix(typeSuffix) }?.path ?? fallback
    }

    /// Without a name, the first visible worksheet: hidden sheets usually hold lookup lists.
    func pick(_ name: String?) throws(XLSXError) -> Sheet {
        guard let name else {
            return sheets.first { $0.isWorksheet && $0.visible } ?? sheets.first { $0.isWorksheet }
                ?? sheets[0]
        }
        if let sheet = sheets.first(where: { $0.name == name })
            ?? sheets.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })
        {
            return sheet
        }
        throw .noSuchSheet(name, available: sheets.map(\.name))
    }
}

/// How a numeric cell is shown, decided by its style's number format.
private enum ValueFormat {
    case general, date, time

    static func cellFormats(_ styles: XMLIndexer) -> [ValueFormat] {
        var custom: [Int: String] = [:]
        for node in styles["numFmts"]["numFmt"].all {
            if let id = attribute(node, "numFmtId").flatMap(Int.init),
                let code = attribute(node, "formatCode")
            {
                custom[id] = code
            }
        }
        return styles["cellXfs"]["xf"].all.map { xf in
            let id = attribute(xf, "numFmtId").flatMap(Int.init) ?? 0
            if let code = custom[id] { return classify(code) }
            switch id {
            case 14...17, 22, 27...36, 50...58: return .date
            case 18...21, 45, 47: return .time
            default: return .general  // 46 is elapsed time ([h]:mm:ss), a duration rather than a moment.
            }
        }
    }

    /// Reads a custom format code the way Excel does: quoted text, escapes and [brackets] are not
    /// placeholders, "m" means minutes next to h or s, and AM/PM is a time marker.
    static func classify(_ code: String) -> ValueFormat {
        let chars = Array(code.lowercased())
        var hasDate = false
        var hasTime = false
        var elapsed = false
        var last: Character = " "
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"": i = (chars[(i + 1)...].firstIndex(of: "\"") ?? chars.count)
            case "\\", "_", "*": i += 1
            case "[":
                let end = chars[i...].firstIndex(of: "]") ?? chars.count
                let inside = chars[(i + 1)..<end]
                if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) {
                    elapsed = true
                    last = inside.first!
                }
                i = end
            case "a" where chars[i...].starts(with: "am/pm") || chars[i...].starts(with: "a/p"):
                hasTime = true
                i += chars[i...].starts(with: "am/pm") ? 4 : 2
            case "d", "y": (hasDate, last) = (true, c)
            case "h", "s": (hasTime, last) = (true, c)
            case "m":
                while i + 1 < chars.count && chars[i + 1] == "m" { i += 1 }
                let next = chars[(i + 1)...].first { "dyhs".contains($0) }
                if last == "h" || next == "s" { hasTime = true } else { hasDate = true }
                last = "m"
            default: break
            }
            i += 1
        }
        return hasDate ? .date : (hasTime && !elapsed ? .time : .general)
    }

    /// Integers keep every digit (phone numbers stored as numbers); others use Swift's shortest form.
    static func number(_ raw: String) -> String {
        let digits = raw.utf8.drop { $0 == UInt8(ascii: "-") }
        if !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return raw }
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 9e18 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Serial day numbers to ISO dates, reproducing Excel's fictitious 1900-02-29 (serial 60).
    static func text(serial raw: String, as format: ValueFormat, date1904: Bool) -> String {
        guard let serial = Double(raw), serial >= 0, serial < 2_958_466 else { return number(raw) }
        // Excel keeps times to the millisecond, so 23:59:59.9996 is already the next day.
        let ms = Int((serial * 86_400_000).rounded())
        let (days, time) = ms.quotientAndRemainder(dividingBy: 86_400_000)
        if format == .time {
            let seconds = min((time + 500) / 1000, 86_399)
            return "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        }
        if !date1904 && days == 60 { return "1900-02-29" }
        if !date1904 && days == 0 { return number(raw) }  // Excel would show the nonsense 1900-01-00.
        let unixDays = days - (date1904 ? 24_107 : days < 60 ? 25_568 : 25_569)
        // Days to civil date, after Howard Hinnant's algorithm: no Calendar, no time zones.
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return "\(yoe + era * 400 + (month <= 2 ? 1 : 0))-\(pad(month))-\(pad(day))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Reads sheets and the shared strings table: `<si>` holds rich text exactly like an inline `<is>`.
private final class SheetParser: NSObject, XMLParserDelegate {
    var strings: [String]
    let formats: [ValueFormat]
    let date1904: Bool
    var maximumRows = Int.max
    var table = SpreadsheetTable(header: [], rows: [], rowNumbers: [])
    var foundHeader = false
    var error: XLSXError?
    var complete = false
    private var depth = 0

    private var inSheetData = false
    private var rowNumber = 0
    private var rowNumberFromCell = false
    private var cells: [String] = []
    private var column = -1
    private var type = ""
    private var style = 0
    private var hasFormula = false
    private var hasValue = false
    private var value = ""
    private var inline = ""
    private var inInline = false
    private var phonetic = 0
    private enum Capture { case none, value, inline }
    private var capture = Capture.none

    init(strings: [String], formats: [ValueFormat], date1904: Bool) {
        (self.strings, self.formats, self.date1904) = (strings, formats, date1904)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String]
    ) {
        depth += 1
        switch name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData:
            let number = attributes["r"].flatMap(Int.init)
            rowNumber = number ?? rowNumber + 1
            rowNumberFromCell = number == nil
            cells.removeAll(keepingCapacity: true)
            column = -1
        case "c" where inSheetData:
            column += 1
            if let ref = attributes["r"], let (refColumn, refRow) = Self.parse(reference: ref) {
                column = refColumn
                if rowNumberFromCell { (rowNumber, rowNumberFromCell) = (refRow, false) }
            }
            guard column < 16_384 else {
                return fail(.malformed("cell beyond column XFD in row \(rowNumber)"), parser)
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            (hasFormula, hasValue, value, inline) = (false, false, "", "")
        case "v" where inSheetData: (capture, hasValue) = (.value, true)
        case "f" where inSheetData: hasFormula = true
        case "is" where inSheetData: inInline = true
        case "si": (inInline, inline) = (true, "")
        case "rPh": phonetic += 1
        case "t" where inInline && phonetic == 0: capture = .inline
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .value: value += string
        case .inline: inline += string
        case .none: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        fail(.malformed("bad XML at line \(parser.lineNumber), column \(parser.columnNumber)"), parser)
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        depth -= 1
        complete = depth == 0
        switch name {
        case "v", "t": capture = .none
        case "rPh": phonetic -= 1
        case "is": inInline = false
        case "si":
            strings.append(decodeOOXMLEscapes(inline))
            inInline = false
        case "c" where inSheetData: finishCell(parser)
        case "row" where inSheetData: finishRow(parser)
        case "sheetData": inSheetData = false
        default: break
        }
    }

    private func finishCell(_ parser: XMLParser) {
        let text: String
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                return fail(.malformed("missing shared string \(value) at \(position.reference)"), parser)
            }
            text = strings[index]
        case "inlineStr": text = decodeOOXMLEscapes(inline.isEmpty ? value : inline)
        case "str": text = decodeOOXMLEscapes(value)
        case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "d": text = String(value.prefix { $0 != "T" })  // ISO 8601 (Strict OOXML); keep the date.
        case "e": text = value
        default:
            let format = style < formats.count ? formats[style] : .general
            text =
                value.isEmpty
                ? ""
                : format == .general
                    ? ValueFormat.number(value)
                    : ValueFormat.text(serial: value, as: format, date1904: date1904)
        }
        // An empty cached string (t="str") is a real result; an empty number is not.
        if hasFormula && (!hasValue || (value.isEmpty && type != "str")) {
            table.formulasWithoutValue.append(position)
        }
        guard !text.isEmpty else { return }
        if column >= cells.count {
            cells.append(contentsOf: repeatElement("", count: column - cells.count + 1))
        }
        cells[column] = text
    }

    private func finishRow(_ parser: XMLParser) {
        guard !cells.isEmpty else { return }
        guard foundHeader else {
            (table.header, table.headerRowNumber, foundHeader) = (cells, rowNumber, true)
            return
        }
        guard table.rows.count < maximumRows else {
            return fail(.tooManyRows(limit: maximumRows), parser)
        }
        if cells.count < table.header.count {
            cells.append(contentsOf: repeatElement("", count: table.header.count - cells.count))
        }
        table.rows.append(cells)
        table.rowNumbers.append(rowNumber)
    }

    private var position: SheetPosition { SheetPosition(row: rowNumber, column: column) }

    private func fail(_ error: XLSXError, _ parser: XMLParser) {
        self.error = self.error ?? error
        parser.abortParsing()
    }

    /// "C7" → (2, 7); nil for anything else, so the cell just follows the previous one.
    static func parse(reference: String) -> (Int, Int)? {
        var column = 0
        var row = 0
        for byte in reference.utf8 {
            switch byte {
            case 65...90 where row == 0: column = column * 26 + Int(byte) - 64
            case 97...122 where row == 0: column = column * 26 + Int(byte) - 96
            case 48...57 where column > 0: row = row * 10 + Int(byte) - 48
            case 36: continue  // "$C$7"
            default: return nil
            }
            if column > 16_384 || row > 1 << 24 { return nil }
        }
        return column > 0 && row > 0 ? (column - 1, row) : nil
    }
}
