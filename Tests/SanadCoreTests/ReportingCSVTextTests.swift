import CSV
import Foundation
import Testing

@testable import SanadCore

@Suite struct ReportingCSVTextTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        let text = String(
            decoding: CSVText.encode([["a", "b,c", "say \"hi\""], ["line\nbreak", "cr\r", "", "سلمى"]]), as: UTF8.self)
        #expect(text == "a,\"b,c\",\"say \"\"hi\"\"\"\n\"line\nbreak\",\"cr\r\",,سلمى\n")
    }

    @Test func emptyTableIsEmptyText() {
        #expect(CSVText.encode([]).isEmpty)
    }

    /// Fields made of the characters that matter to CSV, in every script Sanad writes, read back by
    /// CSV.swift's reader exactly as they went in.
    @Test func csvSwiftReadsBackWhatWasWritten() throws {
        let pieces = ["a", "Z", " ", ",", "\"", "\n", "\r\n", "\r", "-99", "سلمى", "ሰላም", "é", "'=1", ";", "\t"]
        var random = SeededGenerator(seed: 4180)
        for _ in 0..<200 {
            let width = Int.random(in: 1...6, using: &random)
            let rows: [[String]] = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                (0..<width).map { _ in
                    (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                        .joined()
                }
            }
            let text = String(decoding: CSVText.encode(rows), as: UTF8.self)
            let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false)
            var read: [[String]] = []
            while let row = reader.next() { read.append(row) }
            #expect(reader.error == nil)
            #expect(read == rows, "\(rows)")
        }
    }
}
