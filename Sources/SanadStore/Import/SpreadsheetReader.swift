import CSV
import Foundation
import SanadCore

/// Reads a register as people save them: .xlsx (first sheet or a named one), or CSV with commas, semicolons or tabs,
/// with or without a byte-order mark, in UTF-8 or in the UTF-16 Excel writes as "Unicode text".
public enum SpreadsheetReader {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notAWorkbook(String)
        case unknownEncoding
        case empty
        case malformed(String)
        case tooManyRows(limit: Int)
        case noSuchSheet(String, available: [String])

        public var description: String {
            switch self {
            case .notAWorkbook(let why): return "the file is not an Excel workbook (.xlsx): \(why)"
            case .unknownEncoding:
                return "the file is neither UTF-8 nor UTF-16 text; save it from Excel as \"CSV UTF-8\" or as .xlsx"
            case .empty: return "the file is empty: expected a header row"
            case .malformed(let why): return "the file cannot be read as CSV: \(why)"
            case .tooManyRows(let limit): return "the file has more than \(limit) rows; split it"
            case .noSuchSheet(let name, let available):
                return "the workbook has no sheet \"\(name)\" (it has: \(available.joined(separator: ", ")))"
            }
        }
    }

    /// `name` is only a hint (an .xlsx that is not a zip is refused as such); the bytes decide.
    public static func read(
        _ data: Data, name: String, sheet: String? = nil, maximumRows: Int = ImportFile.maximumRows
    ) throws(Problem) -> ImportFile {
        let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if isZip || name.lowercased().hasSuffix(".xlsx") {
            guard isZip else { throw .notAWorkbook("it is not a zip archive") }
            let table: SpreadsheetTable
            do {
                table = try XLSXReader.read(data: data, sheet: sheet, maximumRows: maximumRows)
            } catch {
                switch error {
                case .noSuchSheet(let name, let available): throw .noSuchSheet(name, available: available)
                case .tooManyRows(let limit): throw .tooManyRows(limit: limit)
                case .emptySheet: throw .empty
                default: throw .notAWorkbook(error.description)
                }
            }
            var file = ImportFile(header: table.header, rows: table.rows, rowNumbers: table.rowNumbers, bytes: data)
            for position in table.formulasWithoutValue where file.formulaCells[position.row] == nil {
                file.formulaCells[position.row] = position.column
            }
            return file
        }
        let text = try decode(data)
        return try csv(text, bytes: data, maximumRows: maximumRows)
    }

    static func decode(_ data: Data) throws(Problem) -> String {
        var text: String?
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            text = String(data: data, encoding: .utf16)
        } else if data.count >= 4, data[data.startIndex + 1] == 0, data[data.startIndex + 3] == 0 {
            text = String(data: data, encoding: .utf16LittleEndian)
        } else {
            text = String(data: data, encoding: .utf8)
        }
        guard var text else { throw .unknownEncoding }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { throw .empty }
        return text
    }

    static func csv(_ text: String, bytes: Data, maximumRows: Int) throws(Problem) -> ImportFile {
        let delimiter = guessDelimiter(text)
        var header: [String] = []
        var rows: [[String]] = []
        var numbers: [Int] = []
        do {
            let reader = try CSVReader(
                string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter.unicodeScalars.first!)
            header = reader.headerRow ?? []
            // Rows are records, as a spreadsheet shows them: a note with a line break stays one row.
            var number = 1
            while let row = reader.next() {
                number += 1
                if row.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
                guard rows.count < maximumRows else { throw Problem.tooManyRows(limit: maximumRows) }
                rows.append(row)
                numbers.append(number)
            }
            if let error = reader.error { throw Problem.malformed("\(error)") }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .malformed("\(error)")
        }
        guard header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { throw .empty }
        return ImportFile(header: header, rows: rows, rowNumbers: numbers, bytes: bytes)
    }

    /// The separator that splits the header line into the most fields, outside quotes.
    public static func guessDelimiter(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for ch in firstLine {
            if ch == "\"" { quoted.toggle() } else if !quoted, counts[ch] != nil { counts[ch]! += 1 }
        }
        let best = max(counts[";"]!, counts["\t"]!)
        if counts[","]! >= best { return "," }
        return counts[";"]! >= counts["\t"]! ? ";" : "\t"
    }
}
