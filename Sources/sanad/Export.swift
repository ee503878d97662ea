import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import SanadWeb

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Files for sharing: HXL aggregates and k-anonymous CTDC case data.",
        subcommands: [HXL.self, CTDC.self])

    /// The command line is the operator: it sees every centre, and its exports are audited as "cli".
    static let operatorActor = Actor(userID: "cli", role: .administrator, centres: [])

    /// The report period's problems in the words of the command line.
    static func periodMessage(_ e: CaseValidationError) -> String {
        e.errors.sorted { $0.key < $1.key }.map { field, code in
            switch (field, code) {
            case ("to", .tooEarly): return "--to is before --from: the period ends before it starts."
            case ("to", .outOfRange): return "The period is longer than ten years."
            case ("from", .implausibleDate): return "--from is before 2000."
            case ("centre", _): return "Unknown centre; use a centre code such as SD01."
            case ("bands", _): return "--bands must be children-adults or fine."
            default: return "--\(field): \(code.englishMessage)"
            }
        }.joined(separator: " ")
    }

    static func write(_ data: Data, to path: String) throws {
        guard CSVFiles.save(data, to: path) else {
            throw ValidationError("Cannot write \(path).")
        }
    }

    struct HXL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hxl",
            abstract: "People assisted in a period as an HXL-tagged CSV, small cells suppressed.",
            discussion: """
                The second row holds HXL hashtags. Counts from 1 to threshold-1 are blanked, with complementary \
                cells where a total would reveal them; the #meta+suppressed column says what was blanked.
                """)

        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Option(help: "Breakdowns, comma-separated: centre,nationality,sex,age.") var by: String = "centre"
        @Option(help: "A centre code to limit the export to.") var centre: String?
        @Option(help: "Age bands: children-adults or fine.") var bands: String = "children-adults"
        @Option(help: "Smallest count published (3 or more).") var threshold: Int = 5
        @Option(help: "The output CSV.") var out: String

        func run() async throws {
            // Everything that can be checked without the database is checked before it is opened.
            let breakdowns: [HXLBreakdown]
            do {
                breakdowns = try HXLExport.breakdowns(by)
            } catch {
                throw ValidationError(error.description)
            }
            guard threshold >= 3 else { throw ValidationError("--threshold must be 3 or more.") }
            if case .failure(let e) = ReportQuery.make(
                from: from, to: to, banding: bands, knownCentres: centre.map { [$0.uppercased()] } ?? [])
            {
                throw ValidationError(Export.periodMessage(e))
            }
            try await Boot.run { app in
                let known = try await OpenServices(db: app.db, context: app.sanad).centres.codes()
                let query: ReportQuery
                switch ReportQuery.make(from: from, to: to, centre: centre, banding: bands, knownCentres: known) {
                case .success(let q): query = q
                case .failure(let e): throw ValidationError(Export.periodMessage(e))
                }
                let rows = try await StoreServices(db: app.db, actor: Export.operatorActor, context: app.sanad).hxl
                    .table(query, by: breakdowns, threshold: threshold)
                try Export.write(CSVFiles.write(rows), to: out)
                let suppressed = rows.dropFirst(2).filter { !($0.last ?? "").isEmpty }.count
                print(
                    "wrote \(rows.count - 2) rows to \(out); \(suppressed) with suppressed cells (threshold \(threshold))"
                )
            }
        }
    }

    struct CTDC: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ctdc",
            abstract: "Sanad's victims and presumed victims in the k-anonymised CTDC format.",
            discussion: """
                Only people whose consent covers anonymised research use are exported. Every combination of the \
                quasi-identifier columns in the output occurs at least K times. Default quasi-identifiers: \
                \(CTDCFormat.defaultQuasi.joined(separator: ",")).
                """)

        @Option(name: .customLong("k"), help: "Minimum size of every quasi-identifier group (2 or more).") var k: Int
        @Option(help: "Quasi-identifier columns, comma-separated (replaces the default set).") var quasi: String?
        @Option(help: "The output CSV.") var out: String

        func run() async throws {
            let quasiColumns =
                quasi.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                ?? CTDCFormat.defaultQuasi
            // Checked on an empty table first, so a bad k or column stops before the database is opened.
            do {
                try CTDCFormat.validate(CTDCTable(header: CTDCFormat.columns2017, rows: []), quasi: quasiColumns, k: k)
            } catch {
                throw ValidationError(error.description)
            }
            try await Boot.run { app in
                let source = try await OpenServices(db: app.db, context: app.sanad).ctdc.cases(actorID: "cli")
                let (output, report) = try DisclosureControl.anonymise(source.table, quasi: quasiColumns, k: k)
                try Export.write(Data(output.csv), to: out)
                let cells = report.inputRows * quasiColumns.count
                print("cases: \(report.inputRows) with consent to share (\(source.withoutConsent) left out without it)")
                print("rows: \(report.inputRows) in, \(report.outputRows) out, \(report.suppressedRows) suppressed")
                print(
                    "quasi-identifier cells: \(report.generalisedCells) generalised, \(report.suppressedCells) suppressed of \(cells)"
                )
                for column in quasiColumns { print("  \(column): \(report.levels[column] ?? "-")") }
            }
        }
    }
}
