import ArgumentParser
import Foundation
import SanadCore
import SanadStore

/// `sanad import`: old registers into Sanad through the duplicate check, and back out again (issue 14).
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring people in from old registers (CSV or .xlsx), or undo an import.",
        subcommands: [ImportPeople.self, Undo.self])

    static func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// The command line is the operator, importing into the one centre it names.
    static func operatorActor(centre: String) -> Actor {
        Actor(userID: "cli", role: .administrator, centres: [centre])
    }

    struct ImportPeople: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "Import people from a register, each row checked against the people already registered.",
            discussion: """
                Columns are recognised by their headers in English or Arabic (Name, الاسم, Sex, Date of Birth, Phone…) \
                or named in a mapping file: {"columns": {"<header>": "<field>"}} with the fields name_original, \
                name_latin, sex, birth_date, age_estimate, nationality, languages, phone, document_type, \
                document_number, document_country, arrival_date, route, notes (null leaves a column out). Columns \
                that are not mapped go into the person's notes. Every row gets an outcome in the report \
                (row,outcome,person_id,reason): imported, rejected, duplicate-in-file, matches-existing or \
                held-for-review. A batch is all or nothing: with rejected rows nothing is imported unless \
                --import-good-rows is given. Importing the same file again changes nothing.
                """)

        @ArgumentParser.Argument(help: "The register: .csv (comma, semicolon or tab; UTF-8 or UTF-16) or .xlsx.")
        var file: String
        @ArgumentParser.Option(help: "The centre the people are registered at, e.g. SD01.") var centre: String
        @ArgumentParser.Option(help: "A mapping file (JSON) naming each column's field.") var mapping: String?
        @ArgumentParser.Option(help: "The sheet of an .xlsx file (the first by default).") var sheet: String?
        @ArgumentParser.Option(help: "Write the report (CSV: row,outcome,person_id,reason) here.") var report: String?
        @ArgumentParser.Flag(help: "Write the report and change nothing.") var dryRun = false
        @ArgumentParser.Flag(help: "Import the good rows even though others were rejected.") var importGoodRows = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                Import.say("error: cannot read \(file)")
                throw ExitCode(1)
            }
            let started = Date()
            let table: ImportFile
            let chosen: ImportMapping
            do {
                table = try SpreadsheetReader.read(data, name: file, sheet: sheet)
                if let mapping {
                    guard let json = FileManager.default.contents(atPath: mapping) else {
                        Import.say("error: cannot read \(mapping)")
                        throw ExitCode(1)
                    }
                    chosen = try ImportMapping.parse(json: json, header: table.header)
                } else {
                    chosen = ImportMapping.recognised(header: table.header)
                    try chosen.check()
                }
            } catch let error as SpreadsheetReader.Problem {
                Import.say("error: \(file): \(error)")
                throw ExitCode(1)
            } catch let error as ImportMapping.Problem {
                Import.say("error: \(error)")
                throw ExitCode(1)
            }
            Import.say("\(file): \(table.rows.count) rows")
            for (index, field) in chosen.fields.sorted(by: { $0.key < $1.key }) {
                Import.say("  \(table.header[index]) → \(field.rawValue)")
            }
            let unmapped = chosen.unmapped(header: table.header).map { table.header[$0] }
            if !unmapped.isEmpty {
                Import.say("  not mapped (kept in each person's notes): \(unmapped.joined(separator: ", "))")
            }
            let bar = ProgressBar(total: table.rows.count)
            let result: ImportReport
            do {
                result = try await Boot.run { app in
                    try await ImportService(db: app.db, actor: Import.operatorActor(centre: centre), context: app.sanad)
                        .run(
                            table, mapping: chosen, centre: centre,
                            options: ImportOptions(dryRun: dryRun, importGoodRows: importGoodRows),
                            progress: { done, total in bar.show(done, of: total) })
                }
            } catch let error as ImportError {
                Import.say("error: \(error)")
                throw ExitCode(1)
            }
            bar.finish()
            if let report {
                let csv = CSVFiles.write([ImportReport.header] + result.table)
                guard CSVFiles.save(csv, to: report) else {
                    Import.say("error: cannot write \(report)")
                    throw ExitCode(1)
                }
            }
            Import.summarise(result, seconds: Date().timeIntervalSince(started))
            if result.refused { throw ExitCode(2) }
        }
    }

    static func summarise(_ result: ImportReport, seconds: Double) {
        let counts = result.counts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        if result.alreadyImported {
            say("This file was imported before (batch \(result.batchID!.uuidString.lowercased())): nothing changed.")
        } else if result.dryRun {
            say("Dry run: nothing changed.")
        } else if result.refused {
            say(
                "Nothing imported: \(result.count(.rejected)) row(s) rejected (see the report). Fix them, or run "
                    + "again with --import-good-rows to import the others.")
        } else {
            say("Batch \(result.batchID!.uuidString.lowercased()) (undo: sanad import undo <batch>).")
        }
        say(String(format: "%@ — %d rows in %.1f s", counts, result.rows.count, seconds))
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove what an import created and what it added to people already registered.",
            discussion: "Refused, naming the people and what depends on them, when later work depends on the batch.")

        @ArgumentParser.Argument(help: "The batch id the import printed.") var batch: String

        func run() async throws {
            guard let id = UUID(uuidString: batch) else {
                Import.say("error: \(batch) is not a batch id")
                throw ExitCode(1)
            }
            do {
                try await Boot.run { app in
                    guard let centre = try await ImportService.centre(ofBatch: id, on: app.db) else {
                        throw ImportError.notFound
                    }
                    try await ImportService(db: app.db, actor: Import.operatorActor(centre: centre), context: app.sanad)
                        .undo(id)
                }
            } catch let error as ImportError {
                Import.say("error: \(error)")
                throw ExitCode(1)
            }
            Import.say("Undone: batch \(batch).")
        }
    }
}

/// A one-line bar on a terminal; nothing when stderr is a file or a pipe.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * min(done, total) / total
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            + "] \(done)/\(total)"
        lock.withLock { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        if enabled { Import.say("") }
    }
}
