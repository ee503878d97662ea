import Foundation
import ZIPFoundation

public enum XLSXWriterError: Error, Equatable, CustomStringConvertible {
    case tooManyRows(limit: Int)
    case tooManyColumns(limit: Int)
    /// Excel refuses cells over 32,767 characters (it "repairs" the file by dropping them).
    case cellTooLong(SheetPosition)
    case zip(String)

    public var description: String {
        switch self {
        case .tooManyRows(let limit): "a sheet holds at most \(limit) rows"
        case .tooManyColumns(let limit): "a sheet holds at most \(limit) columns"
        case .cellTooLong(let position):
            "cell \(position.reference) is longer than Excel allows (32,767)"
        case .zip(let why): "cannot build the .xlsx archive: \(why)"
        }
    }
}

/// Writes one sheet where every cell is text, so IDs and phone numbers keep leading zeros and
/// "+", and nothing that looks like a formula or a date is reinterpreted by Excel.
public enum XLSXWriter {
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    static let maximumCellLength = 32_767

    public static func write(header: [String], rows: [[String]], sheetName: String = "Sheet1") throws
        -> Data
    {
        guard rows.count < maximumRows else { throw XLSXWriterError.tooManyRows(limit: maximumRows) }
        let width = rows.reduce(header.count) { max($0, $1.count) }
        guard width <= maximumColumns else {
            throw XLSXWriterError.tooManyColumns(limit: maximumColumns)
        }
        let sheet = try sheetXML(header: header, rows: rows, width: width)
        do {
            let archive = try Archive(accessMode: .create)
            for (path, xml) in parts(sheetName: safeSheetName(sheetName)) + [
                ("xl/worksheets/sheet1.xml", sheet)
            ] {
                let bytes = Data(xml.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXWriterError.zip("no archive data") }
            return data
        } catch let error as XLSXWriterError { throw error } catch {
            throw XLSXWriterError.zip(String(describing: error))
        }
    }

    private static func sheetXML(header: [String], rows: [[String]], width: Int) throws -> String {
        let columns = (0..<max(width, 1)).map { SheetPosition(row: 0, column: $0).reference.dropLast() }
        var xml =
            declaration
            + "<worksheet xmlns=\"\(main)\"><dimension ref=\"A1:\(columns.last!)\(rows.count + 1)\"/>"
        // Frozen header: long exports stay readable when scrolled.
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
        xml += " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        xml.reserveCapacity(rows.count * width * 64)
        for (index, row) in ([header] + rows).enumerated() where row.contains(where: { !$0.isEmpty }) {
            let number = String(index + 1)
            xml += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() where !value.isEmpty {
                guard value.utf16.count <= maximumCellLength else {
                    throw XLSXWriterError.cellTooLong(SheetPosition(row: index + 1, column: column))
                }
                // Style 2 is the bold header, 1 the text format ("@") so edits in Excel stay text too.
                xml += "<c r=\"\(columns[column])\(number)\" s=\"\(index == 0 ? 2 : 1)\" t=\"inlineStr\">"
                xml += "<is><t xml:space=\"preserve\">"
                appendEscaped(value, to: &xml)
                xml += "</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Escapes markup, drops characters XML 1.0 cannot carry, and protects literal "_xHHHH_" text
    /// that Excel would otherwise decode as an escaped character.
    static func appendEscaped(_ text: String, to xml: inout String) {
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x5F
                && byte != 0xEF  // U+FFFE and U+FFFF start with 0xEF in UTF-8.
        }
        if plain {
            xml += text
            return
        }
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": xml += "&amp;"
            case "<": xml += "&lt;"
            case ">": xml += "&gt;"
            case "\"": xml += "&quot;"
            case "\r": xml += "&#13;"  // A raw CR would be read back as LF.
            case "\t", "\n": xml.unicodeScalars.append(scalar)
            case "_" where looksEscaped(scalars[(i + 1)...]): xml += "_x005F_"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    xml.unicodeScalars.append(scalar)
                }
            }
        }
    }

    private static func looksEscaped(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let next = Array(rest.prefix(6))
        return next.count == 6 && next[0] == "x" && next[5] == "_"
            && next[1...4].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Excel refuses names over 31 characters, with []:*?/\, wrapped in apostrophes, or "History".
    static func safeSheetName(_ name: String) -> String {
        var safe = name.map {
            "[]:*?/\\".contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } ? "_" : $0
        }
        while safe.first == "'" { safe.removeFirst() }
        while safe.reduce(0, { $0 + $1.utf16.count }) > 31 || safe.last == "'" { safe.removeLast() }
        let result = String(safe)
        if result.trimmingCharacters(in: .whitespaces).isEmpty { return "Sheet1" }
        return result.lowercased() == "history" ? result + "_" : result
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships =
        "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    private static func parts(sheetName: String) -> [(String, String)] {
        var name = ""
        appendEscaped(sheetName, to: &name)
        return [
            (
                "[Content_Types].xml",
                declaration
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(officeType).sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"\(officeType).worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(officeType).styles+xml\"/></Types>"
            ),
            (
                "_rels/.rels",
                declaration + "<Relationships xmlns=\"\(packageRelationships)\"><Relationship Id=\"rId1\""
                    + " Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
                    + "<sheet name=\"\(name)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "xl/styles.xml",
                declaration + "<styleSheet xmlns=\"\(main)\"><fonts count=\"2\">"
                    + "<font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                    + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\""
                    + " applyFont=\"1\"/></cellXfs><cellStyles count=\"1\">"
                    + "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
            ),
        ]
    }
}
