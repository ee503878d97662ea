import CSV
import Foundation
import SanadCore
import SanadStore

/// Reading spreadsheet exports as people actually save them: with or without a byte-order mark, with commas,
/// semicolons or tabs, in UTF-8 (or, failing that, Windows-1252).
enum CSVFiles {
    /// A file opened for writing in place, created if it does not exist. Not `FileManager.createFile`: on Linux that
    /// writes a temporary file and renames it over the path, which turns `/dev/null` or a named pipe given as the
    /// output into a regular file.
    static func openForWriting(_ path: String) -> FileHandle? {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        }
        guard let file = FileHandle(forWritingAtPath: path) else { return nil }
        // A device cannot be truncated; a regular file that was longer must be.
        try? file.truncate(atOffset: 0)
        return file
    }

    /// Writes `data` to `path` in place (see `openForWriting`); false when it cannot.
    static func save(_ data: Data, to path: String) -> Bool {
        guard let file = openForWriting(path) else { return false }
        defer { try? file.close() }
        return (try? file.write(contentsOf: data)) != nil
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        var delimiter: Character
    }

    enum ReadError: Error, CustomStringConvertible {
        case unreadable(String)
        case empty(String)
        case malformed(String, String)

        var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path)"
            case .empty(let path): return "\(path) is empty: expected a header row"
            case .malformed(let path, let why): return "\(path) is not a readable CSV file: \(why)"
            }
        }
    }

    static func read(_ path: String) throws -> Table {
        var header: [String] = []
        var rows: [[String]] = []
        let delimiter = try stream(path, header: { header = $0 }, row: { rows.append($0) })
        return Table(header: header, rows: rows, delimiter: delimiter)
    }

    /// Reads the file row by row: the header first, then each data row, handed over rather than kept.
    /// Returns the delimiter found.
    @discardableResult
    static func stream(
        _ path: String, header: ([String]) throws -> Void, row: ([String]) throws -> Void
    ) throws -> Character {
        let text = try decode(path)
        let delimiter = guessDelimiter(text)
        do {
            let reader = try CSVReader(
                string: text, hasHeaderRow: true, trimFields: false,
                delimiter: delimiter.unicodeScalars.first!)
            try header(reader.headerRow ?? [])
            while let next = reader.next() { try row(next) }
            if let error = reader.error { throw ReadError.malformed(path, "\(error)") }
            return delimiter
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError.malformed(path, "\(error)")
        }
    }

    /// The file's text: UTF-8 (or, failing that, Windows-1252) without its byte-order mark.
    private static func decode(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError.unreadable(path) }
        var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? ""
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Looks for the first visible character instead of trimming a copy of the whole text (a quarter
        // of the time of reading a million rows went to that copy).
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw ReadError.empty(path)
        }
        return text
    }

    static func guessDelimiter(_ text: String) -> Character { SpreadsheetReader.guessDelimiter(text) }

    /// CSV bytes for rows, quoting where needed (see `CSVText` for why not CSV.swift's writer).
    static func write(_ rows: [[String]]) -> Data { Data(CSVText.encode(rows)) }
}
