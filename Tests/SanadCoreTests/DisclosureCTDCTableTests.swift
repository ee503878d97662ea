import Testing

@testable import SanadCore

@Suite struct DisclosureCTDCTableTests {
    private let header = ["yearOfRegistration", "gender", "RecruiterRelationship"]

    @Test func rowsComeBackAsTheyWentIn() {
        let rows = [["2016", "Female", "a, \"friend\""], ["2016", "Male", ""], ["-99", "Female", "a, \"friend\""]]
        let table = CTDCTable(header: header, rows: rows)
        #expect(table.rowCount == 3)
        #expect(table.rows == rows)
        #expect(table.cell(row: 2, column: 2) == "a, \"friend\"")
        #expect(table.widthProblem == nil)
    }

    @Test func csvIsTheHeaderAndRowsQuotedWhereNeeded() {
        let rows = [["2016", "Female", "line\nbreak"], ["2017", "Male", "plain"]]
        let table = CTDCTable(header: header, rows: rows)
        #expect(table.csv == CSVText.encode([header] + rows))
        #expect(CTDCTable(header: header).csv == CSVText.encode([header]))
    }

    /// Large enough to need more than one of the megabyte pieces `csv(chunk:)` hands over.
    @Test func csvInPiecesIsTheWholeFile() {
        var table = CTDCTable(header: header)
        var rows: [[String]] = []
        for index in 0..<60_000 {
            let row = [String(2000 + index % 18), index % 3 == 0 ? "Female" : "Male", "relation \(index % 977)"]
            rows.append(row)
            table.append(row)
        }
        var pieces = 0
        var bytes: [UInt8] = []
        table.csv {
            pieces += 1
            bytes += $0
        }
        #expect(pieces > 1)
        #expect(bytes == CSVText.encode([header] + rows))
    }

    @Test func theFirstRowOfTheWrongWidthIsRemembered() {
        let table = CTDCTable(header: header, rows: [["2016", "Female", "x"], ["2016"], ["1", "2", "3", "4"]])
        #expect(table.widthProblem?.row == 2 && table.widthProblem?.found == 1)
        #expect(table.rows[1] == ["2016", "", ""])
    }
}
