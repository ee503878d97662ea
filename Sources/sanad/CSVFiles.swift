import CSV
import Foundation

/// Reading spreadsheet exports as people actually save them: with or without a byte-order mark, with commas,
/// semicolons or tabs, in UTF-8 (or, failing that, Windows-1252).
enum CSVFiles {
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
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError.unreadable(path) }
        var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? ""
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ReadError.empty(path) }
        let delimiter = guessDelimiter(text)
        do {
            let reader = try CSVReader(
                string: text, hasHeaderRow: true, trimFields: false,
                delimiter: delimiter.unicodeScalars.first!)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if let error = reader.error { throw ReadError.malformed(path, "\(error)") }
            return Table(header: reader.headerRow ?? [], rows: rows, delimiter: delimiter)
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError.malformed(path, "\(error)")
        }
    }

    /// The separator that splits the header line into the most fields, outside quotes.
    static func guessDelimiter(_ text: String) -> Character {
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

    /// CSV text for rows, quoting where needed.
    static func write(_ rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    }
}
