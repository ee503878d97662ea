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
            let table: CSVFiles.Table
            do {
                table = try CSVFiles.read(input)
            } catch {
                throw ValidationError("\(error)")
            }
            let ctdc = CTDCTable(header: table.header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: table.rows)
            let result: (CTDCTable, AnonymisationReport)
            do {
                try CTDCFormat.validate(ctdc, quasi: quasiColumns, k: k)
                result = try DisclosureControl.anonymise(ctdc, quasi: quasiColumns, k: k)
            } catch {
                throw ValidationError(error.description)
            }
            let (output, report) = result
            let text = try CSVFiles.write([output.header] + output.rows)
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(out)")
            }
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
