import Foundation
import XCTest
import ZIPFoundation

@testable import SanadStore

/// Builds .xlsx packages from hand-written XML, so each test shows exactly what a producer wrote.
enum Fixture {
    static let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try XCTUnwrap(archive.data)
    }

    /// sheets: (name, target as written in the rels, sheet XML body inside <sheetData>).
    static func workbook(
        sheets: [(name: String, target: String, rows: String)], sharedStrings: [String]? = nil,
        styles: String? = nil, workbookPr: String = "", hiddenFirst: Bool = false
    ) throws -> Data {
        var parts: [String: String] = [
            "[Content_Types].xml":
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels":
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ]
        var sheetList = ""
        var rels = ""
        for (index, sheet) in sheets.enumerated() {
            let state = hiddenFirst && index == 0 ? " state=\"hidden\"" : ""
            sheetList +=
                "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            rels +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"\(sheet.target)\"/>"
            let path =
                sheet.target.hasPrefix("/") ? String(sheet.target.dropFirst()) : "xl/" + sheet.target
            parts[path] =
                "<?xml version=\"1.0\"?><worksheet \(main)><sheetData>\(sheet.rows)</sheetData></worksheet>"
        }
        if let sharedStrings {
            parts["xl/sharedStrings.xml"] = "<sst \(main)>\(sharedStrings.joined())</sst>"
            rels +=
                "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if let styles {
            parts["xl/styles.xml"] = "<styleSheet \(main)>\(styles)</styleSheet>"
            rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"/xl/styles.xml\"/>"
        }
        parts["xl/workbook.xml"] =
            "<workbook \(main) xmlns:r=\"\(rel)\">\(workbookPr)<sheets>\(sheetList)</sheets></workbook>"
        parts["xl/_rels/workbook.xml.rels"] =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"
        return try zip(parts)
    }
}

final class XLSXReaderTests: XCTestCase {
    func testCellTypesSharedAndInlineStrings() throws {
        let strings = [
            "<si><t>Name</t></si>", "<si><t>Phone</t></si>", "<si><t>Note</t></si>",
            "<si><r><rPr><b/></rPr><t>Fat</t></r><r><t xml:space=\"preserve\"> ima </t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>",
            "<si><t>0912</t></si>", "<si><t xml:space=\"preserve\">  spaced  </t></si>",
            "<si><t>a_x000D_b</t></si>",
        ]
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>249912345678</v></c><c r="C2" t="s"><v>4</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>Ali</t></is></c><c r="B3"><v>2.49912345678E11</v></c>\
            <c r="C3"><v>3.14</v></c><c r="D3"><v>0.1</v></c></row>
            <row r="4" spans="1:3"><c r="A4" s="0"/><c r="B4"/></row>
            <row r="6"><c r="A6" t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>
            <row r="7"><c r="B7" t="str"><f>A2&amp;"!"</f><v>Fat ima !</v></c><c r="C7"><f>SUM(B2:B3)</f></c>\
            <c r="D7"><f>1/0</f><v></v></c><c r="E7" t="str"><f>""</f><v></v></c></row>
            <row r="8"><c r="A8" t="s"><v>5</v></c><c r="B8" t="s"><v>6</v></c><c r="C8"><v>-42</v></c><c r="E8"><v>12.0</v></c></row>
            """
        let data = try Fixture.workbook(
            sheets: [("Data", "worksheets/sheet1.xml", rows)], sharedStrings: strings)
        let table = try XLSXReader.read(data: data)
        XCTAssertEqual(table.header, ["Name", "Phone", "Note"])
        XCTAssertEqual(table.headerRowNumber, 1)
        XCTAssertEqual(
            table.rows,
            [
                ["Fat ima ", "249912345678", "0912"],
                ["Ali", "249912345678", "3.14", "0.1"],
                ["TRUE", "FALSE", "#N/A"],
                ["", "Fat ima !", ""],
                ["  spaced  ", "a\rb", "-42", "", "12"],
            ])
        XCTAssertEqual(table.rowNumbers, [2, 3, 6, 7, 8])
        XCTAssertEqual(
            table.formulasWithoutValue,
            [SheetPosition(row: 7, column: 2), SheetPosition(row: 7, column: 3)])
        XCTAssertEqual(table.formulasWithoutValue.map(\.reference), ["C7", "D7"])
    }

    func testDatesFromStyles() throws {
        let styles = """
            <numFmts count="6"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/>\
            <numFmt numFmtId="166" formatCode="h:mm AM/PM"/><numFmt numFmtId="167" formatCode="[$-409]mmmm d, yyyy;@"/>\
            <numFmt numFmtId="168" formatCode="0 &quot;days&quot;"/><numFmt numFmtId="169" formatCode="[Red]#,##0.00"/></numFmts>
            <cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/>\
            <xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="169"/></cellXfs>
            """
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>33239</v></c><c r="B2" s="2"><v>33239</v></c><c r="C2" s="3"><v>33239.75</v></c>\
            <c r="D2" s="4"><v>1.5</v></c><c r="E2" s="5"><v>0.4375</v></c><c r="F2" s="6"><v>45000</v></c>\
            <c r="G2" s="7"><v>3</v></c><c r="H2" s="8"><v>1234.5</v></c><c r="I2"><v>33239</v></c></row>
            <row r="3"><c r="A3" s="1"><v>60</v></c><c r="B3" s="1"><v>59</v></c><c r="C3" s="1"><v>61</v></c>\
            <c r="D3" s="1"><v>1</v></c><c r="E3" s="1"><v>44196.999999999</v></c><c r="F3" s="1" t="d"><v>2024-02-29T10:00:00</v></c></row>
            """
        let data = try Fixture.workbook(sheets: [("S", "worksheets/sheet1.xml", rows)], styles: styles)
        let table = try XLSXReader.read(data: data)
        XCTAssertEqual(
            table.rows[0],
            [
                "1991-01-01", "1991-01-01", "1991-01-01", "1.5", "10:30:00", "2023-03-15", "3", "1234.5",
                "33239",
            ])
        XCTAssertEqual(
            table.rows[1],
            ["1900-02-29", "1900-02-28", "1900-03-01", "1900-01-01", "2021-01-01", "2024-02-29"])
    }

    func testDate1904() throws {
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c></row>
            <row r="2"><c r="A2" s="1"><v>31777</v></c><c r="B2" s="1"><v>0</v></c></row>
            """
        let data = try Fixture.workbook(
            sheets: [("S", "worksheets/sheet1.xml", rows)],
            styles: "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>",
            workbookPr: "<workbookPr date1904=\"1\"/>")
        XCTAssertEqual(try XLSXReader.read(data: data).rows, [["1991-01-01", "1904-01-01"]])
    }

    func testSheetByNameWithRelativeAndAbsoluteTargets() throws {
        func sheet(_ word: String) -> String {
            "<row><c t=\"inlineStr\"><is><t>h</t></is></c></row><row><c t=\"inlineStr\"><is><t>\(word)</t></is></c></row>"
        }
        let data = try Fixture.workbook(
            sheets: [
                ("Lists", "worksheets/sheet1.xml", sheet("hidden")),
                ("People", "worksheets/sheet2.xml", sheet("first")),
                ("Cases 2024", "/xl/worksheets/other.xml", sheet("absolute")),
            ], hiddenFirst: true)
        XCTAssertEqual(try XLSXReader.sheetNames(data: data), ["Lists", "People", "Cases 2024"])
        XCTAssertEqual(try XLSXReader.read(data: data).rows, [["first"]])
        XCTAssertEqual(try XLSXReader.read(data: data).rowNumbers, [2])
        XCTAssertEqual(try XLSXReader.read(data: data, sheet: "Cases 2024").rows, [["absolute"]])
        XCTAssertEqual(try XLSXReader.read(data: data, sheet: "lists").rows, [["hidden"]])
        XCTAssertThrowsError(try XLSXReader.read(data: data, sheet: "Nope")) {
            XCTAssertEqual(
                $0 as? XLSXError, .noSuchSheet("Nope", available: ["Lists", "People", "Cases 2024"]))
        }
    }

    func testHeaderIsFirstNonEmptyRowAndShortRowsArePadded() throws {
        let rows = """
            <row r="2"><c r="B2" t="inlineStr"><is><t></t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c><c r="C3" t="inlineStr"><is><t>c</t></is></c></row>
            <row r="5"><c r="B5"><v>7</v></c></row>
            """
        let table = try XLSXReader.read(
            data: Fixture.workbook(sheets: [("S", "worksheets/sheet1.xml", rows)]))
        XCTAssertEqual(table.header, ["a", "", "c"])
        XCTAssertEqual(table.headerRowNumber, 3)
        XCTAssertEqual(table.rows, [["", "7", ""]])
        XCTAssertEqual(table.rowNumbers, [5])
    }

    func testErrors() throws {
        XCTAssertThrowsError(try XLSXReader.read(data: Data("name,phone\n".utf8))) {
            XCTAssertEqual($0 as? XLSXError, .notAZip)
        }
        XCTAssertThrowsError(try XLSXReader.read(data: Data())) {
            XCTAssertEqual($0 as? XLSXError, .notAZip)
        }
        XCTAssertThrowsError(try XLSXReader.read(data: Fixture.zip(["word/document.xml": "<w/>"]))) {
            guard case .notAWorkbook = $0 as? XLSXError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try XLSXReader.read(path: "/nonexistent/file.xlsx")) {
            XCTAssertEqual($0 as? XLSXError, .unreadable("/nonexistent/file.xlsx"))
        }
        let empty = try Fixture.workbook(sheets: [("S", "worksheets/sheet1.xml", "<row r=\"1\"/>")])
        XCTAssertThrowsError(try XLSXReader.read(data: empty)) {
            XCTAssertEqual($0 as? XLSXError, .emptySheet)
        }
        let broken = try Fixture.workbook(sheets: [("S", "worksheets/sheet1.xml", "<row><c><v>1</row>")]
        )
        XCTAssertThrowsError(try XLSXReader.read(data: broken)) {
            guard case .malformed = $0 as? XLSXError else { return XCTFail("\($0)") }
        }
        let badIndex = try Fixture.workbook(sheets: [
            ("S", "worksheets/sheet1.xml", "<row><c t=\"s\"><v>9</v></c></row>")
        ])
        XCTAssertThrowsError(try XLSXReader.read(data: badIndex)) {
            XCTAssertEqual($0 as? XLSXError, .malformed("missing shared string 9 at A1"))
        }
    }

    func testTooManyRows() throws {
        let rows = (1...6).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let data = try Fixture.workbook(sheets: [("S", "worksheets/sheet1.xml", rows)])
        XCTAssertEqual(try XLSXReader.read(data: data, maximumRows: 5).rows.count, 5)
        XCTAssertThrowsError(try XLSXReader.read(data: data, maximumRows: 4)) {
            XCTAssertEqual($0 as? XLSXError, .tooManyRows(limit: 4))
        }
    }
}

extension XLSXReaderTests {
    func testTruncatedSheetXMLIsMalformed() throws {
        let data = try Fixture.zip([
            "xl/workbook.xml":
                "<workbook \(Fixture.main) xmlns:r=\"\(Fixture.rel)\"><sheets><sheet name=\"S\" r:id=\"a\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels":
                "<Relationships><Relationship Id=\"a\" Type=\"\(Fixture.rel)/worksheet\" Target=\"s.xml\"/></Relationships>",
            "xl/s.xml":
                "<worksheet \(Fixture.main)><sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c></row><row>",
        ])
        XCTAssertThrowsError(try XLSXReader.read(data: data)) {
            guard case .malformed = $0 as? XLSXError else { return XCTFail("\($0)") }
        }
    }
}
