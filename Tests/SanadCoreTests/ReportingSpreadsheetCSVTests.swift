import Testing

@testable import SanadCore

@Suite struct ReportingSpreadsheetCSVTests {
    @Test(arguments: [
        "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1", "+5", "-", "-x", "-1e5", "-.5", "-5.", "--5", "-5-3",
        "-3.2.1", "@SUM(A1)", "\tcmd", "\r=1", "-2+3", "- 5",
    ])
    func triggersGetAnApostrophe(_ cell: String) {
        #expect(SpreadsheetCSV.neutralise(cell) == "'" + cell)
    }

    @Test(arguments: ["-5", "-3.2", "-0", "-100000", "-0.25"])
    func plainNegativeNumbersStayNumbers(_ cell: String) {
        #expect(SpreadsheetCSV.neutralise(cell) == cell)
    }

    @Test(arguments: ["", "Amina", "5", "3.2", "SD12", " =1", "a=b", "'=1", "١٢", "سلمى", "2026-10-01", "x@y.org"])
    func ordinaryCellsAreUnchanged(_ cell: String) {
        #expect(SpreadsheetCSV.neutralise(cell) == cell)
    }

    @Test func neutralisingTwiceChangesNothingMore() {
        for cell in ["=1", "+x", "@a", "-5", "-x", "plain"] {
            let once = SpreadsheetCSV.neutralise(cell)
            #expect(SpreadsheetCSV.neutralise(once) == once)
        }
    }

    @Test func byteOrderMarkIsUTF8() {
        #expect(SpreadsheetCSV.utf8BOM == Array("\u{FEFF}".utf8))
    }
}
