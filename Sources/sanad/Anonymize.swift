import ArgumentParser
import Foundation
import SanadCore

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Anonymise case-level files for sharing.", subcommands: [CTDC.self])

    struct CTDC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ctdc",
            abstract: "k-anonymise a file in the CTDC column format (-99, empty and Missing read as missing).",
            discussion: """
                Every combination of the quasi-identifier columns in the output occurs at least K times; rows that \
                cannot be protected are generalised, blanked (-99) or, last, dropped. Default quasi-identifiers: \
                \(CTDCFormat.defaultQuasi.joined(separator: ",")).
                """)

        @ArgumentParser.Argument(help: "The input CSV.") var input: String
        @Option(name: .customLong("k"), help: "Minimum size of every quasi-identifier group (2 or more).") var k: Int
        @Option(help: "Quasi-identifier columns, comma-separated (replaces the default set).") var quasi: String?
        @Option(help: "The output CSV.") var out: String

        func run() throws {
            let quasiColumns =
                quasi.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                ?? CTDCFormat.defaultQuasi
            // Rows go straight into the coded table: a million rows kept as strings took 2.5 GB.
            var ctdc = CTDCTable(header: [])
            do {
                try CSVFiles.stream(
                    input, header: { ctdc = CTDCTable(header: $0.map { $0.trimmingCharacters(in: .whitespaces) }) },
                    row: { ctdc.append($0) })
            } catch {
                throw ValidationError("\(error)")
            }
            let result: (CTDCTable, AnonymisationReport)
            do {
                try CTDCFormat.validate(ctdc, quasi: quasiColumns, k: k)
                result = try DisclosureControl.anonymise(ctdc, quasi: quasiColumns, k: k)
            } catch {
                throw ValidationError(error.description)
            }
            ctdc = CTDCTable(header: [])
            let (output, report) = result
            guard let file = CSVFiles.openForWriting(out) else {
                throw ValidationError("cannot write \(out)")
            }
            try output.csv { try file.write(contentsOf: $0) }
            try file.close()
            let cells = report.inputRows * quasiColumns.count
            print("rows: \(report.inputRows) in, \(report.outputRows) out, \(report.suppressedRows) suppressed")
            print("  (plain suppression of rare combinations would keep \(report.baselineRows))")
            print(
                "quasi-identifier cells: \(report.generalisedCells) generalised, \(report.suppressedCells) suppressed of \(cells)"
            )
            for column in quasiColumns { print("  \(column): \(report.levels[column] ?? "-")") }
        }
    }
}
