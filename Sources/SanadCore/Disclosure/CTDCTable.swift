/// A table in the CTDC k-anonymised column format, already parsed: a header row and data rows of
/// the same width. Reading CSV is the caller's job; ``csv(chunk:)`` writes it.
///
/// Stored by column, each cell as a code into its column's distinct values. CTDC columns hold a few
/// values each (flags, bands, countries, years), so a million-row file takes 4 bytes a cell instead
/// of a `String` (16 bytes and more) inside an array per row: 232 MB instead of 2.5 GB for the
/// million-row benchmark file, and the engine reads the codes without hashing strings again.
public struct CTDCTable: Sendable {
    public let header: [String]
    public private(set) var rowCount = 0
    /// `[column]`: cell values, distinct and in order of first appearance when appended row by row
    /// (the engine's output may list a value twice; the codes still say which cell holds what).
    private(set) var values: [[String]]
    private var valueIndex: [[String: UInt32]]
    /// `[column][row]` → index into `values[column]`.
    private(set) var codes: [[UInt32]]
    /// The first data row (counted from 1) whose width differs from the header's, and its width. The
    /// row is kept cut or padded with empty cells; ``CTDCFormat/validate(_:quasi:k:)`` refuses the table.
    public private(set) var widthProblem: (row: Int, found: Int)?

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        values = Array(repeating: [], count: header.count)
        valueIndex = Array(repeating: [:], count: header.count)
        codes = Array(repeating: [], count: header.count)
        for row in rows { append(row) }
    }

    /// A table from columns already coded (the engine's output).
    init(header: [String], values: [[String]], codes: [[UInt32]], rowCount: Int) {
        self.header = header
        self.values = values
        self.codes = codes
        self.rowCount = rowCount
        valueIndex = values.map { column in
            var index: [String: UInt32] = [:]
            for (code, value) in column.enumerated() where index[value] == nil { index[value] = UInt32(code) }
            return index
        }
    }

    public mutating func append(_ row: [String]) {
        rowCount += 1
        if row.count != header.count && widthProblem == nil { widthProblem = (rowCount, row.count) }
        for column in header.indices {
            let value = column < row.count ? row[column] : ""
            if let code = valueIndex[column][value] {
                codes[column].append(code)
            } else {
                let code = UInt32(values[column].count)
                values[column].append(value)
                valueIndex[column][value] = code
                codes[column].append(code)
            }
        }
    }

    public func cell(row: Int, column: Int) -> String { values[column][Int(codes[column][row])] }

    /// Every row as strings, for small tables and tests; setting it replaces the table's rows.
    public var rows: [[String]] {
        get { (0..<rowCount).map { row in header.indices.map { cell(row: row, column: $0) } } }
        set { self = CTDCTable(header: header, rows: newValue) }
    }

    /// The table as CSV (header first, `\n` after every row), handed over in pieces of about a megabyte
    /// so that a million rows never sit in memory twice.
    public func csv(chunk: ([UInt8]) throws -> Void) rethrows {
        let encoded = values.map { $0.map(CSVText.field) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        CSVText.append(header, to: &buffer)
        for row in 0..<rowCount {
            for column in header.indices {
                if column > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: encoded[column][Int(codes[column][row])])
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                try chunk(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try chunk(buffer) }
    }

    /// The whole table as CSV bytes.
    public var csv: [UInt8] {
        var bytes: [UInt8] = []
        csv { bytes += $0 }
        return bytes
    }
}

extension CTDCTable: Equatable {
    public static func == (lhs: CTDCTable, rhs: CTDCTable) -> Bool {
        lhs.header == rhs.header && lhs.rowCount == rhs.rowCount && lhs.rows == rhs.rows
    }
}
