import Foundation
import Testing

@testable import SanadCore

// MARK: - Helpers shared by the disclosure tests

/// Test-side reading of missing values, written from the data standard rather than taken from
/// SanadCore, so that the checks below are independent of the code they check.
func disclosureTestIsMissing(_ value: String) -> Bool {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed == "-99" || trimmed.lowercased() == "missing"
}

/// Counts the combinations of `quasi` in `table`, reading every missing spelling as one value.
func disclosureTestClassSizes(_ table: CTDCTable, quasi: [String]) -> [[String]: Int] {
    let positions = quasi.map { table.header.firstIndex(of: $0)! }
    var sizes: [[String]: Int] = [:]
    for row in table.rows {
        sizes[positions.map { disclosureTestIsMissing(row[$0]) ? "-99" : row[$0] }, default: 0] += 1
    }
    return sizes
}

/// Rows that plain suppression keeps: those whose combination occurs at least k times.
func disclosureTestBaseline(_ table: CTDCTable, quasi: [String], k: Int) -> Int {
    disclosureTestClassSizes(table, quasi: quasi).values.filter { $0 >= k }.reduce(0, +)
}

/// Checks the guarantee on an output table: every combination at least k times, with the output
/// read literally (missing must already be written `-99`).
func disclosureTestSmallestClass(_ table: CTDCTable, quasi: [String]) -> Int? {
    let positions = quasi.map { table.header.firstIndex(of: $0)! }
    var sizes: [[String]: Int] = [:]
    for row in table.rows { sizes[positions.map { row[$0] }, default: 0] += 1 }
    return sizes.values.min()
}

/// A 2017-format table: every cell `-99` but those given for each row.
private func table(_ rows: [[String: String]], header: [String] = CTDCFormat.columns2017) -> CTDCTable {
    CTDCTable(header: header, rows: rows.map { values in header.map { values[$0] ?? "-99" } })
}

private func column(_ name: String, of table: CTDCTable) -> [String] {
    let position = table.header.firstIndex(of: name)!
    return table.rows.map { $0[position] }
}

private func repeated(_ row: [String: String], _ times: Int) -> [[String: String]] {
    Array(repeating: row, count: times)
}

// MARK: - Format and validation

@Suite("Disclosure control: CTDC format and validation")
struct DisclosureValidationTests {
    @Test func columnLists() {
        #expect(CTDCFormat.columns2017.count == 58)
        #expect(CTDCFormat.allColumns.count == 63)
        #expect(Set(CTDCFormat.allColumns).count == 63)
        #expect(CTDCFormat.allColumns.filter { CTDCFormat.columns2017.contains($0) } == CTDCFormat.columns2017)
        let later = CTDCFormat.allColumns.filter { !CTDCFormat.columns2017.contains($0) }
        #expect(
            later == [
                "meansOfControlConcatenated", "isSlaveryAndPractices", "typeOfExploitConcatenated",
                "typeOfLabourConcatenated", "typeOfSexConcatenated",
            ])
        let all = CTDCFormat.allColumns
        #expect(all[all.firstIndex(of: "meansOfControlConcatenated")! + 1] == "isForcedLabour")
        #expect(all[all.firstIndex(of: "isSlaveryAndPractices")! - 1] == "isOrganRemoval")
        #expect(all[all.firstIndex(of: "typeOfExploitConcatenated")! + 1] == "typeOfLabourAgriculture")
        #expect(all[all.firstIndex(of: "typeOfLabourConcatenated")! + 1] == "typeOfSexProstitution")
        #expect(all[all.firstIndex(of: "typeOfSexConcatenated")! + 1] == "isAbduction")
        #expect(CTDCFormat.defaultQuasi.allSatisfy(CTDCFormat.columns2017.contains))
    }

    private func error(
        _ table: CTDCTable, quasi: [String] = CTDCFormat.defaultQuasi, k: Int = 5
    ) -> DisclosureError? {
        do {
            try CTDCFormat.validate(table, quasi: quasi, k: k)
        } catch {
            #expect(!error.description.isEmpty)
            #expect(throws: error) { _ = try DisclosureControl.anonymise(table, quasi: quasi, k: k) }
            return error
        }
        return nil
    }

    @Test func acceptsBothReleases() throws {
        let row = ["yearOfRegistration": "2016", "gender": "Female", "citizenship": "PH"]
        #expect(error(table(repeated(row, 3))) == nil)
        #expect(error(table(repeated(row, 3), header: CTDCFormat.allColumns)) == nil)
        // A subset of the standard columns, in any order, is fine as long as the quasi-identifiers are in it.
        let few = ["citizenship", "gender", "yearOfRegistration", "isForcedLabour"]
        #expect(error(table(repeated(row, 3), header: few), quasi: ["gender", "citizenship"]) == nil)
        let (output, report) = try DisclosureControl.anonymise(
            table(repeated(row, 3), header: CTDCFormat.allColumns), quasi: CTDCFormat.defaultQuasi, k: 3)
        #expect(output.header == CTDCFormat.allColumns)
        #expect(report.outputRows == 3)
    }

    @Test func rejectsKBelowTwo() {
        let rows = table(repeated(["gender": "Female"], 3))
        #expect(error(rows, k: 1) == .kTooSmall(1))
        #expect(error(rows, k: 0) == .kTooSmall(0))
        #expect(error(rows, k: -3) == .kTooSmall(-3))
    }

    @Test func rejectsUnknownQuasiIdentifiers() {
        let rows = table(repeated(["gender": "Female"], 3))
        #expect(error(rows, quasi: ["gender", "favouriteColour"]) == .unknownQuasiIdentifier("favouriteColour"))
        #expect(error(rows, quasi: ["Gender"]) == .unknownQuasiIdentifier("Gender"))
        #expect(error(rows, quasi: []) == .noQuasiIdentifiers)
        #expect(error(rows, quasi: ["gender", "gender"]) == .duplicateQuasiIdentifier("gender"))
        // A standard column that this (2017) file lacks.
        #expect(
            error(rows, quasi: ["gender", "isSlaveryAndPractices"])
                == .quasiIdentifierNotInFile("isSlaveryAndPractices"))
    }

    @Test func rejectsColumnsOutsideTheStandard() {
        let header = CTDCFormat.columns2017 + ["name"]
        let rows = CTDCTable(header: header, rows: [header.map { _ in "x" }])
        #expect(error(rows) == .unknownColumn("name"))
        let renamed = CTDCTable(
            header: CTDCFormat.columns2017.map { $0 == "Datasource" ? "dataSource" : $0 },
            rows: [])
        #expect(error(renamed) == .unknownColumn("dataSource"))
        let doubled = CTDCTable(header: CTDCFormat.columns2017 + ["gender"], rows: [])
        #expect(error(doubled) == .duplicateColumn("gender"))
        #expect(error(CTDCTable(header: [], rows: [])) == .emptyHeader)
    }

    @Test func rejectsRaggedRows() {
        var rows = table(repeated(["gender": "Female"], 3))
        rows.rows[1].removeLast()
        #expect(error(rows) == .rowWidth(row: 2, expected: 58, found: 57))
    }

    @Test func messagesAreEnglishSentences() {
        let errors: [DisclosureError] = [
            .emptyHeader, .kTooSmall(1), .unknownColumn("x"), .duplicateColumn("x"), .noQuasiIdentifiers,
            .unknownQuasiIdentifier("x"), .quasiIdentifierNotInFile("x"), .duplicateQuasiIdentifier("x"),
            .rowWidth(row: 1, expected: 2, found: 3), .tooManyQuasiValues(bitsNeeded: 70),
        ]
        for error in errors {
            #expect(error.description.first?.isUppercase == true)
            #expect(error.description.hasSuffix("."))
        }
        #expect(DisclosureError.unknownColumn("name").description.contains("\"name\""))
    }
}

// MARK: - Hand cases

@Suite("Disclosure control: hand cases")
struct DisclosureHandCaseTests {
    @Test func mergesAgeBands() throws {
        // One person in each of the four young-adult bands, five in 30--38: pairing the bands hides
        // everyone with less loss than blanking the four.
        let rows =
            ["18--20", "21--23", "24--26", "27--29"].map { ["ageBroad": $0] } + repeated(["ageBroad": "30--38"], 5)
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: ["ageBroad"], k: 2)
        #expect(report.levels == ["ageBroad": "paired-band"])
        #expect(
            column("ageBroad", of: output) == ["18--23", "18--23", "24--29", "24--29"]
                + Array(repeating: "30--38", count: 5))
        #expect(report.generalisedCells == 4)
        #expect(report.suppressedCells == 0)
        #expect(report.outputRows == 9)
        #expect(report.baselineRows == 5)
    }

    @Test func makesYearRanges() throws {
        let rows =
            ["2012", "2013", "2014", "2015", "2016", "2017"].map { ["yearOfRegistration": $0] }
            + repeated(["yearOfRegistration": "2020"], 5)
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: ["yearOfRegistration"], k: 3)
        #expect(report.levels == ["yearOfRegistration": "3-year"])
        #expect(
            column("yearOfRegistration", of: output)
                == Array(repeating: "2012-2014", count: 3) + Array(repeating: "2015-2017", count: 3)
                + Array(repeating: "2018-2020", count: 5))
        #expect(report.generalisedCells == 11)
        #expect(report.suppressedCells == 0)
    }

    @Test func generalisesCountriesToSubRegions() throws {
        let rows = ["KE", "TZ", "UG"].map { ["citizenship": $0] } + repeated(["citizenship": "FR"], 5)
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: ["citizenship"], k: 3)
        #expect(report.levels == ["citizenship": "un-subregion"])
        #expect(
            column("citizenship", of: output)
                == Array(repeating: "Eastern Africa", count: 3) + Array(repeating: "Western Europe", count: 5))
    }

    @Test func generalisesCountriesToRegions() throws {
        let rows =
            ["KE", "NG", "EG"].map { ["CountryOfExploitation": $0] } + repeated(["CountryOfExploitation": "FR"], 5)
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: ["CountryOfExploitation"], k: 3)
        #expect(report.levels == ["CountryOfExploitation": "un-region"])
        #expect(
            column("CountryOfExploitation", of: output)
                == Array(repeating: "Africa", count: 3) + Array(repeating: "Europe", count: 5))
    }

    @Test func readsEveryMissingSpellingAsOneValueAndWritesMinus99() throws {
        let base = ["yearOfRegistration": "2016", "gender": "Female", "ageBroad": "18--20", "majorityStatus": "Adult"]
        var rows: [[String: String]] = []
        for (index, spelling) in ["", "-99", "Missing", " missing "].enumerated() {
            var row = base
            row["citizenship"] = spelling
            row["CountryOfExploitation"] = index % 2 == 0 ? "" : "Missing"
            row["isForcedLabour"] = spelling
            row["Datasource"] = "Hotline"
            rows.append(row)
        }
        let input = CTDCTable(
            header: CTDCFormat.columns2017,
            rows: rows.map { values in CTDCFormat.columns2017.map { values[$0] ?? "" } })
        let (output, report) = try DisclosureControl.anonymise(input, quasi: CTDCFormat.defaultQuasi, k: 4)
        #expect(report.outputRows == 4)
        #expect(report.baselineRows == 4)
        #expect(report.suppressedCells == 0)
        #expect(report.generalisedCells == 0)
        #expect(column("citizenship", of: output) == Array(repeating: "-99", count: 4))
        #expect(column("CountryOfExploitation", of: output) == Array(repeating: "-99", count: 4))
        #expect(column("isForcedLabour", of: output) == Array(repeating: "-99", count: 4))
        #expect(column("typeOfSexPornography", of: output) == Array(repeating: "-99", count: 4))
        #expect(column("Datasource", of: output) == Array(repeating: "Hotline", count: 4))
        #expect(column("gender", of: output) == Array(repeating: "Female", count: 4))
    }

    @Test func blanksOneCellWhenThatIsEnough() throws {
        // Four women from the Philippines exploited in the US, and one exploited in Malaysia: blanking
        // that one country of exploitation puts her with the three whose country is not known.
        let common = ["yearOfRegistration": "2016", "gender": "Female", "citizenship": "PH"]
        var rows = repeated(common.merging(["CountryOfExploitation": "US"]) { $1 }, 4)
        rows += repeated(common.merging(["CountryOfExploitation": "Missing"]) { $1 }, 3)
        rows.append(common.merging(["CountryOfExploitation": "MY"]) { $1 })
        let quasi = ["yearOfRegistration", "gender", "citizenship", "CountryOfExploitation"]
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: quasi, k: 4)
        #expect(report.levels.values.allSatisfy { $0 == "year" || $0 == "value" || $0 == "country" })
        #expect(column("CountryOfExploitation", of: output) == ["US", "US", "US", "US", "-99", "-99", "-99", "-99"])
        #expect(report.suppressedCells == 1)
        #expect(report.outputRows == 8)
        #expect(report.baselineRows == 4)
    }

    @Test func allMissingCombinationMustReachKToo() throws {
        // The one man fits nowhere; blank, he would be alone in the all-missing combination, so two
        // women are blanked with him (the last two in file order) rather than drop him.
        let women = repeated(["gender": "Female", "majorityStatus": "Adult"], 6)
        let rows = women + [["gender": "Male", "majorityStatus": "Minor"]]
        let quasi = ["gender", "majorityStatus"]
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: quasi, k: 3)
        #expect(report.levels == ["gender": "value", "majorityStatus": "value"])
        #expect(column("gender", of: output) == ["Female", "Female", "Female", "Female", "-99", "-99", "-99"])
        #expect(column("majorityStatus", of: output) == ["Adult", "Adult", "Adult", "Adult", "-99", "-99", "-99"])
        #expect(report.suppressedRows == 0)
        #expect(report.suppressedCells == 6)
        #expect(disclosureTestSmallestClass(output, quasi: quasi) == 3)
    }

    @Test func suppressesWholeColumnsBeforeDroppingRows() throws {
        // Three women and one man, k = 3: nothing to borrow from, so the only way to keep all four is
        // to blank both columns; that keeps more rows than dropping the man, and rows come first.
        let rows =
            repeated(["gender": "Female", "majorityStatus": "Adult"], 3) + [
                ["gender": "Male", "majorityStatus": "Minor"]
            ]
        let (output, report) = try DisclosureControl.anonymise(table(rows), quasi: ["gender", "majorityStatus"], k: 3)
        #expect(report.levels == ["gender": "suppressed", "majorityStatus": "suppressed"])
        #expect(report.outputRows == 4)
        #expect(report.suppressedCells == 8)
        #expect(column("gender", of: output) == Array(repeating: "-99", count: 4))
    }

    @Test func dropsRowsWhenFewerThanK() throws {
        let rows = table(repeated(["gender": "Female"], 2))
        let (output, report) = try DisclosureControl.anonymise(rows, quasi: CTDCFormat.defaultQuasi, k: 3)
        #expect(output.rows.isEmpty)
        #expect(output.header == CTDCFormat.columns2017)
        #expect(report.suppressedRows == 2)
        #expect(report.baselineRows == 0)
        let (empty, emptyReport) = try DisclosureControl.anonymise(table([]), quasi: CTDCFormat.defaultQuasi, k: 3)
        #expect(empty.rows.isEmpty)
        #expect(emptyReport.inputRows == 0)
    }

    @Test func keepsCommonRowsUnchanged() throws {
        let row = [
            "yearOfRegistration": "2016", "gender": "Male", "ageBroad": "30--38", "citizenship": "UA",
            "CountryOfExploitation": "RU", "majorityStatus": "Adult", "isForcedLabour": "1",
            "typeOfLabourConstruction": "1", "RecruiterRelationship": "Friend; Other",
        ]
        let input = table(repeated(row, 11))
        let (output, report) = try DisclosureControl.anonymise(input, quasi: CTDCFormat.defaultQuasi, k: 11)
        #expect(output == input)
        #expect(
            report
                == AnonymisationReport(
                    inputRows: 11, outputRows: 11, suppressedRows: 0, generalisedCells: 0, suppressedCells: 0,
                    levels: [
                        "yearOfRegistration": "year", "gender": "value", "ageBroad": "band", "citizenship": "country",
                        "CountryOfExploitation": "country", "majorityStatus": "value",
                    ],
                    baselineRows: 11))
    }
}

// MARK: - Properties on random tables

/// SplitMix64: small, seeded, and the same on every platform.
private struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    /// Skewed choice, as in real files: earlier values are much more likely.
    mutating func pick(_ values: [String]) -> String {
        values[min(below(values.count), below(values.count), below(values.count))]
    }
}

private let randomQuasiSets: [[String]] = [
    CTDCFormat.defaultQuasi,
    ["yearOfRegistration", "ageBroad"],
    ["citizenship", "CountryOfExploitation", "gender"],
    ["Datasource", "isForcedLabour", "ageBroad", "yearOfRegistration", "citizenship"],
]

private func randomTable(seed: UInt64, rows: Int) -> CTDCTable {
    var random = TestRandom(state: seed)
    let header = seed % 2 == 0 ? CTDCFormat.columns2017 : CTDCFormat.allColumns
    let missing = ["", "-99", "Missing", "-99"]
    let countries = ["PH", "UA", "MD", "US", "ID", "KE", "UG", "TZ", "NG", "GH", "RU", "TH", "MY", "AQ", "Unknown"]
    var table = CTDCTable(header: header, rows: [])
    for index in 0..<rows {
        let row = header.map { name -> String in
            // Identifies the row; never a quasi-identifier here.
            if name == "RecruiterRelationship" { return "row \(index)" }
            if random.below(12) == 0 { return random.pick(missing) }
            switch name {
            case "yearOfRegistration": return String(2017 - random.below(random.below(16) + 1))
            case "gender": return random.pick(["Female", "Male", "Unknown"])
            case "ageBroad":
                return random.pick([
                    "30--38", "18--20", "9--17", "Unknown", "21--23", "24--26", "27--29", "39--47", "0--8", "48+",
                ])
            case "majorityStatus", "majorityStatusAtExploit", "majorityEntry":
                return random.pick(["Adult", "Minor", "Unknown"])
            case "citizenship", "CountryOfExploitation": return random.pick(countries)
            case "Datasource": return random.pick(["Case Management", "Hotline"])
            case _ where name.hasSuffix("Concatenated"): return random.pick(["Debt bondage;Threats", "Other", ""])
            default: return random.pick(["0", "1", "", "-99"])
            }
        }
        table.append(row)
    }
    return table
}

/// Whether `output` is `input` itself, missing, or a coarser value of it — checked from the values'
/// meaning, not with SanadCore's hierarchy code.
private func isCoarsening(_ output: String, of input: String, column: String) -> Bool {
    if output == input || output == "-99" { return true }
    switch column {
    case "yearOfRegistration":
        let bounds = output.split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, let year = Int(input) else { return false }
        return bounds[0] <= year && year <= bounds[1]
    case "ageBroad":
        func range(_ band: String) -> ClosedRange<Int>? {
            if band.hasSuffix("+") { return Int(band.dropLast()).map { $0...200 } }
            let parts = band.components(separatedBy: "--").compactMap { Int($0) }
            return parts.count == 2 ? parts[0]...parts[1] : nil
        }
        guard let inner = range(input), let outer = range(output) else { return false }
        return outer.contains(inner.lowerBound) && outer.contains(inner.upperBound)
    case "citizenship", "CountryOfExploitation":
        let region = CountryRegions.region(forISO2: input)
        return output == region?.unSubRegion || output == region?.unRegion
    default:
        return false
    }
}

@Suite("Disclosure control: properties on random tables")
struct DisclosurePropertyTests {
    @Test(arguments: Array(UInt64(1)...UInt64(16)))
    func guaranteeHolds(seed: UInt64) throws {
        var random = TestRandom(state: seed &* 7919)
        let rowCount = [1, 5, 40, 120, 250, 400][random.below(6)]
        let k = [2, 3, 5, 11][random.below(4)]
        let quasi = randomQuasiSets[random.below(randomQuasiSets.count)]
        let input = randomTable(seed: seed, rows: rowCount)
        let (output, report) = try DisclosureControl.anonymise(input, quasi: quasi, k: k)

        // k-anonymity, counted here, with the output read as written.
        if let smallest = disclosureTestSmallestClass(output, quasi: quasi) {
            #expect(smallest >= k, "seed \(seed): a class of \(smallest) < k = \(k)")
        }
        // At least as many rows as plain suppression keeps.
        let baseline = disclosureTestBaseline(input, quasi: quasi, k: k)
        #expect(report.baselineRows == baseline)
        #expect(output.rows.count >= baseline, "seed \(seed): \(output.rows.count) rows < baseline \(baseline)")
        #expect(report.inputRows == rowCount)
        #expect(report.outputRows == output.rows.count)
        #expect(report.suppressedRows == rowCount - output.rows.count)
        #expect(output.header == input.header)
        #expect(Set(report.levels.keys) == Set(quasi))

        // Kept rows in input order; other columns untouched but for missing written -99; quasi cells
        // kept, coarsened or blanked; the report's cell counts match.
        let byID = Dictionary(
            uniqueKeysWithValues: input.rows.map { ($0[input.header.firstIndex(of: "RecruiterRelationship")!], $0) })
        let idPosition = output.header.firstIndex(of: "RecruiterRelationship")!
        var lastIndex = -1
        var generalised = 0
        var suppressed = 0
        for row in output.rows {
            let original = try #require(byID[row[idPosition]])
            let index = Int(row[idPosition].dropFirst(4))!
            #expect(index > lastIndex)
            lastIndex = index
            for (position, name) in output.header.enumerated() {
                let before = disclosureTestIsMissing(original[position]) ? "-99" : original[position]
                if quasi.contains(name) {
                    #expect(
                        isCoarsening(row[position], of: before, column: name), "\(name): \(before) → \(row[position])")
                    if row[position] == "-99" && before != "-99" { suppressed += 1 }
                    if row[position] != "-99" && row[position] != before { generalised += 1 }
                } else {
                    #expect(row[position] == before)
                }
            }
        }
        #expect(report.generalisedCells == generalised)
        #expect(report.suppressedCells == suppressed)
    }

    @Test func deterministic() throws {
        let input = randomTable(seed: 99, rows: 300)
        let first = try DisclosureControl.anonymise(input, quasi: CTDCFormat.defaultQuasi, k: 5)
        let second = try DisclosureControl.anonymise(input, quasi: CTDCFormat.defaultQuasi, k: 5)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
    }
}
