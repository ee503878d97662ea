import Foundation
import Testing

@testable import SanadCore

@Suite struct ReportingHXLTableTests {
    /// HXL 1.1 hashtag syntax, lower case as the standard recommends: `#tag` then `+attribute`s,
    /// each a letter followed by letters, digits or underscores.
    static func isValidHashtag(_ text: String) -> Bool {
        text.wholeMatch(of: /#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*/) != nil
    }

    let abc = HXLTable(
        dimensions: [.admin1PCode],
        measures: ["a", "b", "c", "total"].map {
            HXLMeasure(key: $0, header: $0.uppercased(), hashtag: "#reached+ind+\($0)")
        },
        groups: [HXLMeasureGroup(total: "total", parts: ["a", "b", "c"])])

    func row(_ a: Int, _ b: Int, _ c: Int, pcode: String = "SD01") -> HXLAggregateRow {
        HXLAggregateRow(admin1PCode: pcode, counts: ["a": a, "b": b, "c": c, "total": a + b + c])
    }

    func data(_ table: HXLTable, _ rows: [HXLAggregateRow]) throws -> [[String]] {
        Array(try table.build(rows).dropFirst(2))
    }

    @Test func patternAcceptsAndRejects() {
        #expect(Self.isValidHashtag("#adm1+code+v_pcodes"))
        #expect(!Self.isValidHashtag("adm1"))
        #expect(!Self.isValidHashtag("#adm1+"))
        #expect(!Self.isValidHashtag("#1adm"))
        #expect(!Self.isValidHashtag("#reached +f"))
        #expect(!Self.isValidHashtag("#reached+F"))
    }

    @Test func everyHashtagIsValidHXL() {
        for dimension in HXLDimension.allCases { #expect(Self.isValidHashtag(dimension.hashtag), "\(dimension)") }
        for banding in AgeBanding.allCases {
            for population in HXLPopulation.allCases {
                for measure in HXLDisaggregation.people(population, banding: banding).measures {
                    #expect(Self.isValidHashtag(measure.hashtag), "\(measure.hashtag)")
                }
            }
            for measure in HXLDisaggregation(banding: banding, measure: HXLMeasure.eventParticipants).measures {
                #expect(Self.isValidHashtag(measure.hashtag), "\(measure.hashtag)")
            }
        }
        #expect(Self.isValidHashtag(HXLMeasure.services.hashtag))
        #expect(Self.isValidHashtag(HXLMeasure.events.hashtag))
        #expect(Self.isValidHashtag(HXLTable.suppressionHashtag))
    }

    @Test func measureNamesFollowSexAndAge() {
        let m = HXLMeasure.people(.reached, sex: .female, age: .children)
        #expect(m.key == "reached_f_children")
        #expect(m.hashtag == "#reached+ind+f+children")
        #expect(m.header == "People reached (female, 0-17)")
        #expect(HXLMeasure.people(.reached).hashtag == "#reached+ind")
        #expect(HXLMeasure.people(.targeted, sex: .male, age: .adults).hashtag == "#targeted+ind+m+adults")
        #expect(HXLMeasure.people(.reached, sex: .male, age: .age60plus).hashtag == "#reached+ind+m+age_60_")
        #expect(HXLMeasure.eventParticipants(sex: .female, age: .adults).key == "participants_f_adults")
    }

    @Test func headerAndHashtagRowsComeFirst() throws {
        let table = HXLTable(
            dimensions: [.periodStart, .periodEnd, .admin1Name, .admin1PCode, .originISO3],
            measures: [.people(.reached), .services])
        let rows = try table.build([
            HXLAggregateRow(
                periodStart: CivilDate("2026-10-01"), periodEnd: CivilDate("2026-10-31"), admin1Name: "Kassala",
                admin1PCode: "sd11", originISO3: "eri", counts: ["reached": 12, "services": 30])
        ])
        #expect(rows.count == 3)
        #expect(
            rows[1] == [
                "#date+start", "#date+end", "#adm1+name", "#adm1+code+v_pcodes", "#country+origin+code+v_iso3",
                "#reached+ind",
                "#indicator+num+services", "#meta+suppressed",
            ])
        #expect(rows[0].first == "Period start")
        #expect(rows[0].last == "Suppressed cells (counts 1-4 blanked, and cells that would reveal them)")
        #expect(rows[2] == ["2026-10-01", "2026-10-31", "Kassala", "SD11", "ERI", "12", "30", ""])
        #expect(rows.allSatisfy { $0.count == rows[0].count })
    }

    @Test func smallCellIsBlankedWithItsNextSmallestPart() throws {
        #expect(try data(abc, [row(3, 10, 20)]) == [["SD01", "", "", "20", "33", "a<5; b (complementary)"]])
    }

    @Test func zeroIsPublishedAndNeverChosenToHideAnother() throws {
        #expect(try data(abc, [row(0, 3, 20)]) == [["SD01", "0", "", "", "23", "b<5; c (complementary)"]])
        #expect(try data(abc, [row(0, 0, 0)]) == [["SD01", "0", "0", "0", "0", ""]])
        #expect(try data(abc, [row(0, 5, 20)]) == [["SD01", "0", "5", "20", "25", ""]])
    }

    @Test func smallTotalHidesItselfAndNeedsNothingMore() throws {
        #expect(try data(abc, [row(1, 0, 0)]) == [["SD01", "", "0", "0", "", "a<5; total<5"]])
        #expect(try data(abc, [row(2, 2, 0)]) == [["SD01", "", "", "0", "", "a<5; b<5; total<5"]])
    }

    @Test func blanksThatOnlyOneSplitExplainsAreProtected() throws {
        // 1 + 1: two blanks adding up to 2 can only be 1 and 1.
        #expect(try data(abc, [row(1, 1, 10)]) == [["SD01", "", "", "", "12", "a<5; b<5; c (complementary)"]])
        // 4 + 4 with threshold 5: two primary blanks adding up to 8 can only be 4 and 4.
        #expect(try data(abc, [row(4, 4, 10)]) == [["SD01", "", "", "", "18", "a<5; b<5; c (complementary)"]])
        // 2 + 3 = 5 has several splits; nothing more is needed.
        #expect(try data(abc, [row(2, 3, 10)]) == [["SD01", "", "", "10", "15", "a<5; b<5"]])
    }

    @Test func tiesGoToTheFirstColumn() throws {
        #expect(try data(abc, [row(9, 9, 2)]) == [["SD01", "", "9", "", "20", "a (complementary); c<5"]])
    }

    @Test func thresholdIsConfigurable() throws {
        let strict = HXLTable(dimensions: abc.dimensions, measures: abc.measures, groups: abc.groups, threshold: 11)
        let rows = try strict.build([row(7, 12, 20)])
        #expect(rows[2] == ["SD01", "", "", "20", "39", "a<11; b (complementary)"])
        #expect(rows[0].last == "Suppressed cells (counts 1-10 blanked, and cells that would reveal them)")
    }

    @Test func nestedGroupsProtectEachOther() throws {
        let table = HXLTable(
            dimensions: [.originISO3], disaggregation: .people(.reached, sexes: [.female, .male]))
        let counts: [String: Int] = [
            "reached": 23, "reached_f": 3, "reached_m": 20,
            "reached_f_children": 3, "reached_f_adults": 0, "reached_f_age_unknown": 0,
            "reached_m_children": 0, "reached_m_adults": 20, "reached_m_age_unknown": 0,
        ]
        let rows = try table.build([HXLAggregateRow(originISO3: "SSD", counts: counts)])
        #expect(
            rows[1] == [
                "#country+origin+code+v_iso3", "#reached+ind", "#reached+ind+f", "#reached+ind+m",
                "#reached+ind+f+children",
                "#reached+ind+f+adults", "#reached+ind+f+age_unknown", "#reached+ind+m+children",
                "#reached+ind+m+adults",
                "#reached+ind+m+age_unknown", "#meta+suppressed",
            ])
        // f is small, so m is blanked to protect it; m would then be the sum of its published ages,
        // so its largest age cell goes too.
        #expect(
            rows[2] == [
                "SSD", "23", "", "", "", "0", "0", "0", "", "0",
                "reached_f<5; reached_m (complementary); reached_f_children<5; reached_m_adults (complementary)",
            ])
    }

    /// Every row of three parts from 0 to 7: a reader who knows the rules (blanks are ≥ 1, primary
    /// blanks ≤ threshold − 1, parts add up to the total) must find at least two values for every
    /// primary blank.
    @Test func noPrimaryBlankCanBeWorkedOut() throws {
        let groups = [HXLTable.GroupIndexes(total: 3, parts: [0, 1, 2])]
        for a in 0...7 {
            for b in 0...7 {
                for c in 0...7 {
                    let values = [a, b, c, a + b + c]
                    let hidden = abc.suppress(values, groups: groups)
                    for (cell, reason) in hidden where reason == .primary {
                        let options = Self.possibleValues(of: cell, values: values, hidden: hidden, threshold: 5)
                        #expect(options.count >= 2, "\(values) hidden \(hidden): cell \(cell) must be \(options)")
                    }
                }
            }
        }
    }

    static func possibleValues(of cell: Int, values: [Int], hidden: [Int: HXLTable.Suppression], threshold: Int)
        -> Set<Int>
    {
        let limit = 40
        let blankParts = (0..<3).filter { hidden[$0] != nil }
        func range(_ index: Int) -> ClosedRange<Int> {
            hidden[index] == .primary ? 1...(threshold - 1) : 1...limit
        }
        var found = Set<Int>()
        func assign(_ position: Int, _ guess: [Int]) {
            if position == blankParts.count {
                let total = guess[0] + guess[1] + guess[2]
                if hidden[3] == nil && total != values[3] { return }
                if hidden[3] != nil && !range(3).contains(total) { return }
                found.insert(cell == 3 ? total : guess[cell])
                return
            }
            for value in range(blankParts[position]) {
                var next = guess
                next[blankParts[position]] = value
                assign(position + 1, next)
            }
        }
        assign(0, Array(values.prefix(3)))
        return found
    }

    @Test func rowsKeepTheirOrderAndDimensions() throws {
        let table = HXLTable(dimensions: [.sex, .ageGroup], measures: [.people(.reached)])
        let rows = try table.build([
            HXLAggregateRow(sex: .male, ageGroup: .age5to11, counts: ["reached": 8]),
            HXLAggregateRow(sex: .female, ageGroup: .adults, counts: ["reached": 4]),
            HXLAggregateRow(sex: .unknown, counts: ["reached": 0]),
        ])
        #expect(rows[1] == ["#x_sex", "#x_agegroup", "#reached+ind", "#meta+suppressed"])
        #expect(
            Array(rows.dropFirst(2)) == [
                ["m", "age_5_11", "8", ""], ["f", "adults", "", "reached<5"], ["sex_unknown", "", "0", ""],
            ])
    }

    @Test func badInputIsRefused() {
        #expect(throws: HXLTableError.missingCount(row: 0, measure: "c")) {
            try abc.build([HXLAggregateRow(counts: ["a": 1, "b": 2, "total": 3])])
        }
        #expect(throws: HXLTableError.negativeCount(row: 1, measure: "a")) {
            try abc.build([row(1, 2, 3, pcode: "SD02"), row(-1, 2, 3)])
        }
        #expect(throws: HXLTableError.groupDoesNotAddUp(row: 0, total: "total")) {
            try abc.build([HXLAggregateRow(counts: ["a": 1, "b": 2, "c": 3, "total": 7])])
        }
        #expect(throws: HXLTableError.duplicateRow(1)) { try abc.build([row(5, 6, 7), row(8, 9, 10)]) }
        #expect(throws: HXLTableError.thresholdTooLow(2)) {
            try HXLTable(dimensions: [], measures: abc.measures, threshold: 2).build([])
        }
        #expect(throws: HXLTableError.unknownGroupMember("d")) {
            try HXLTable(
                dimensions: [], measures: abc.measures, groups: [HXLMeasureGroup(total: "total", parts: ["d"])]
            )
            .build([])
        }
        #expect(throws: HXLTableError.duplicateMeasure("a")) {
            try HXLTable(dimensions: [], measures: [abc.measures[0], abc.measures[0]]).build([])
        }
        #expect(HXLTableError.duplicateRow(1).description == "Row 2 repeats the dimensions of an earlier row.")
    }

    /// Writes a sample file for /tmp/h6/check-hxl.py when SANAD_HXL_SAMPLE names a path.
    @Test func writesSampleForLibHXLCheck() throws {
        let table = HXLTable(
            dimensions: [.periodStart, .periodEnd, .admin1Name, .admin1PCode, .originISO3],
            disaggregation: .people(.reached, sexes: [.female, .male]))
        func counts(_ fc: Int, _ fa: Int, _ mc: Int, _ ma: Int) -> [String: Int] {
            [
                "reached": fc + fa + mc + ma, "reached_f": fc + fa, "reached_m": mc + ma, "reached_f_children": fc,
                "reached_f_adults": fa, "reached_f_age_unknown": 0, "reached_m_children": mc, "reached_m_adults": ma,
                "reached_m_age_unknown": 0,
            ]
        }
        let start = CivilDate("2026-10-01")
        let end = CivilDate("2026-10-31")
        let rows = try table.build([
            HXLAggregateRow(
                periodStart: start, periodEnd: end, admin1Name: "Kassala", admin1PCode: "SD11", originISO3: "ERI",
                counts: counts(3, 40, 12, 55)),
            HXLAggregateRow(
                periodStart: start, periodEnd: end, admin1Name: "Khartoum", admin1PCode: "SD01", originISO3: "SSD",
                counts: counts(0, 9, 0, 17)),
        ])
        #expect(rows.count == 4)
        #expect(rows[2].last == "reached_f_children<5; reached_f_adults (complementary)")
        guard let path = ProcessInfo.processInfo.environment["SANAD_HXL_SAMPLE"] else { return }
        // Test-only writer: every cell quoted. The product writes with CSV.swift. No byte order
        // mark: libhxl would keep it as part of the first header.
        let text =
            rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
