import Foundation
import Testing

@testable import SanadCore

/// docs/data-protection.md's access table is the policy's own (issue 18): regenerate it with `sanad docs access`.
@Suite struct AccessTableTests {
    @Test func theDocumentHoldsThePolicysTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/data-protection.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- access-table:begin -->\n"))
        let end = try #require(text.range(of: "\n<!-- access-table:end -->"))
        let table = String(text[begin.upperBound..<end.lowerBound])
        #expect(table == AccessTable.markdown(), "run `sanad docs access` and paste its table into \(url.path)")
    }

    @Test func everyActionIsARowAndEveryRoleAColumn() {
        let lines = AccessTable.markdown().split(separator: "\n")
        #expect(lines.count == Action.allCases.count + 2)
        #expect(lines.allSatisfy { $0.filter { $0 == "|" }.count == Role.allCases.count + 2 })
        #expect(lines.contains { $0.hasPrefix("| resolve sync conflicts | — | yes |") })
    }
}
