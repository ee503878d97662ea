import Foundation
import Testing

@testable import SanadCore

/// The CTDC 2017 release, read from the shared data folder beside the repository
/// (`<repo>/../shared/data/ctdc/`). It is not part of the project; the tests skip when it is absent.
private let ctdcFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent()  // SanadCoreTests
    .appendingPathComponent("../../../shared/data/ctdc/ctdc-global-dataset-2017-11-27.csv")
    .standardizedFileURL.path

private let ctdcFileIsPresent = FileManager.default.fileExists(atPath: ctdcFile)

/// A minimal RFC 4180 reader for the test: comma-separated, fields optionally in double quotes,
/// quotes doubled inside them, commas and line breaks allowed inside quotes, CRLF or LF line ends.
/// (Production code receives rows already parsed.)
private func readCSV(_ data: Data) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var rowStarted = false
    let bytes = [UInt8](data)
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    func endField() {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
        let byte = bytes[index]
        index += 1
        rowStarted = true
        if quoted {
            if byte == UInt8(ascii: "\"") {
                if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                    field.append(byte)
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(byte)
            }
            continue
        }
        switch byte {
        case UInt8(ascii: "\""):
            quoted = true
        case UInt8(ascii: ","):
            endField()
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            if byte == UInt8(ascii: "\r") && index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
            endField()
            rows.append(row)
            row.removeAll(keepingCapacity: true)
            rowStarted = false
        default:
            field.append(byte)
        }
    }
    if rowStarted {
        endField()
        rows.append(row)
    }
    return rows
}

@Suite("Disclosure control: the CTDC 2017 release")
struct DisclosureCTDCFileTests {
    @Test func csvReaderHandlesQuotes() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3"
        #expect(readCSV(Data(text.utf8)) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test(
        .enabled(
            if: ctdcFileIsPresent,
            "CTDC 2017 file not found at ../shared/data/ctdc/ beside the repository; skipping the real-data test"),
        arguments: [11, 5])
    func anonymisesTheRelease(k: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ctdcFile))
        let csv = readCSV(data)
        let input = CTDCTable(header: csv[0], rows: Array(csv.dropFirst()))
        #expect(input.header == CTDCFormat.columns2017)
        #expect(input.rows.count == 47_102)

        let quasi = CTDCFormat.defaultQuasi
        let clock = ContinuousClock()
        let started = clock.now
        let (output, report) = try DisclosureControl.anonymise(input, quasi: quasi, k: k)
        let elapsed = clock.now - started

        #expect(try #require(disclosureTestSmallestClass(output, quasi: quasi)) >= k)
        let baseline = disclosureTestBaseline(input, quasi: quasi, k: k)
        #expect(report.baselineRows == baseline)
        #expect(output.rows.count >= baseline)
        #expect(output.header == input.header)
        #expect(output.rows.allSatisfy { row in row.allSatisfy { !$0.isEmpty && $0 != "Missing" } })

        let quasiCells = report.inputRows * quasi.count
        let allCells = report.inputRows * input.header.count
        let changed = report.generalisedCells + report.suppressedCells
        let rowsKept = Double(report.outputRows) / Double(report.inputRows)
        let quasiKept = Double(report.outputRows * quasi.count - changed) / Double(quasiCells)
        let cellsKept = Double(report.outputRows * input.header.count - changed) / Double(allCells)
        print(
            """
            CTDC 2017, k = \(k): kept \(report.outputRows) of \(report.inputRows) rows \
            (\(String(format: "%.2f", 100 * rowsKept))%; plain suppression \(report.baselineRows), \
            \(String(format: "%.2f", 100 * Double(report.baselineRows) / Double(report.inputRows)))%), \
            quasi-identifier cells unchanged \(String(format: "%.2f", 100 * quasiKept))%, \
            all cells unchanged \(String(format: "%.3f", 100 * cellsKept))%, \
            \(report.generalisedCells) generalised, \(report.suppressedCells) suppressed, \
            levels \(report.levels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")), \
            \(elapsed) (this build)
            """)
    }
}
