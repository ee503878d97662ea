import Foundation
import XCTest

@testable import SanadStore

final class XLSXWriterTests: XCTestCase {
    func testRoundTrip() throws {
        let header = ["الاسم", "ስም", "Phone", "Formula", "Note"]
        let rows = [
            ["محمد أحمد", "ፍቅሩ", "+249912345678", "=1+1", "👩🏽‍⚕️ ok"],
            ["0912", "", "00249", "@SUM(A1)", "  spaced\tand\nlines\r\nCR  "],
            ["a & b < c > \"d\" 'e'", "_x0041_ stays", "1e5", "TRUE", "01/02/2024"],
            ["short"],
            ["x", "", "", "", "", "extra"],
        ]
        let data = try XLSXWriter.write(header: header, rows: rows, sheetName: "Cases")
        XCTAssertEqual(try XLSXReader.sheetNames(data: data), ["Cases"])
        let table = try XLSXReader.read(data: data)
        XCTAssertEqual(table.header, header)
        XCTAssertEqual(
            table.rows, rows.map { $0.count < 5 ? $0 + Array(repeating: "", count: 5 - $0.count) : $0 })
        XCTAssertEqual(table.rowNumbers, [2, 3, 4, 5, 6])
        XCTAssertEqual(table.formulasWithoutValue, [])

        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roundtrip-\(UUID()).xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try XLSXReader.read(path: url.path), table)
    }

    func testInvalidXMLCharactersAreDroppedAndEmptyRowsKeepNumbers() throws {
        let data = try XLSXWriter.write(
            header: ["a\u{1}b\u{FFFF}", "c"], rows: [["", ""], ["\u{0}x\u{B}", "y"]])
        let table = try XLSXReader.read(data: data)
        XCTAssertEqual(table.header, ["ab", "c"])
        XCTAssertEqual(table.rows, [["x", "y"]])
        XCTAssertEqual(table.rowNumbers, [3])
    }

    func testSheetNamesExcelAccepts() throws {
        let data = try XLSXWriter.write(
            header: ["h"], rows: [], sheetName: "'Q1/Q2: [cases]?' and a very long tail")
        XCTAssertEqual(try XLSXReader.sheetNames(data: data), ["Q1_Q2_ _cases__' and a very lon"])
        XCTAssertEqual(
            try XLSXReader.sheetNames(data: XLSXWriter.write(header: ["h"], rows: [], sheetName: "")),
            ["Sheet1"])
        XCTAssertEqual(
            try XLSXReader.sheetNames(
                data: XLSXWriter.write(header: ["h"], rows: [], sheetName: "History")), ["History_"])
    }

    func testLimits() {
        XCTAssertThrowsError(
            try XLSXWriter.write(header: [String(repeating: "x", count: 32_768)], rows: [])
        ) {
            XCTAssertEqual($0 as? XLSXWriterError, .cellTooLong(SheetPosition(row: 1, column: 0)))
        }
        XCTAssertThrowsError(
            try XLSXWriter.write(header: Array(repeating: "x", count: 16_385), rows: [])
        ) {
            XCTAssertEqual($0 as? XLSXWriterError, .tooManyColumns(limit: 16_384))
        }
    }
}

extension XLSXWriterTests {
    func testWideSheetsUseMultiLetterColumns() throws {
        XCTAssertEqual(SheetPosition(row: 1, column: 26).reference, "AA1")
        XCTAssertEqual(SheetPosition(row: 9, column: 16_383).reference, "XFD9")
        let header = (0..<30).map { "h\($0)" }
        let data = try XLSXWriter.write(header: header, rows: [(0..<30).map { "v\($0)" }])
        let table = try XLSXReader.read(data: data)
        XCTAssertEqual(table.header, header)
        XCTAssertEqual(table.rows.first?.last, "v29")
    }
}
