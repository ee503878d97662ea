import ArgumentParser
import Foundation
import SanadCore
import SanadStore
import Vapor

/// `sanad check` (issue 16, item 3): exit 0 when clean, 1 with a summary otherwise.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan the database, every encrypted value and look-up index, the audit chain and references.",
        discussion: """
            Damaged records it finds are set aside (out of lists, search and exports) and listed for \
            administrators in the web UI and by `sanad repair list`. Exits 0 when clean, 1 otherwise.
            """)

    @ArgumentParser.Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let report = try await Boot.run { app in try await IntegrityCheck(db: app.db, context: app.sanad).run() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            report.lines.forEach { print($0) }
        }
        if !report.clean { throw ExitCode(1) }
    }
}

/// `sanad repair`: the administrator's ways out for what `sanad check` found (issue 16, item 4).
struct Repair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Damaged records: list them, restore them from a backup, rebuild look-ups, or retire them.",
        subcommands: [List.self, Restore.self, Rebuild.self, Retire.self])

    static let operatorActor = Actor(userID: "cli", role: .administrator, centres: [])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every damaged record and what became of it.")

        func run() async throws {
            let rows = try await Boot.run { app in
                try await Quarantine.list(actor: Repair.operatorActor, on: app.db)
            }
            if rows.isEmpty { print("No damaged records.") }
            for r in rows {
                print(
                    [
                        r.id.uuidString, r.status.rawValue, r.kind.rawValue, "\(r.table).\(r.column)",
                        r.registrationNumber ?? r.recordID.uuidString, r.foundIn, r.resolution ?? "",
                    ].joined(separator: "\t"))
            }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring damaged values back from a SQLite backup where it holds them undamaged.")

        @ArgumentParser.Option(help: "The backup file (`sanad backup --out`).")
        var from: String

        func run() async throws {
            let settings = SanadSettings()
            let outcomes = try await Boot.run { app in
                try await QuarantineRepair(db: app.db, actor: Repair.operatorActor, context: app.sanad).restore(
                    from: URL(fileURLWithPath: from),
                    scratch: settings.dataDirectory.appendingPathComponent("repair-scratch"))
            }
            if outcomes.isEmpty { print("No damaged values wait for a backup.") }
            for o in outcomes {
                print("\(o.table) \(o.registrationNumber ?? o.record.uuidString): \(o.outcome.rawValue)")
            }
            if outcomes.contains(where: { $0.outcome != .restored }) { throw ExitCode(1) }
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite a person's phone and document look-ups from their record.")

        @ArgumentParser.Argument(help: "The damaged record's id (`sanad repair list`).")
        var id: String

        func run() async throws {
            guard let uuid = UUID(uuidString: id) else {
                throw ValidationError("Give the id `sanad repair list` shows.")
            }
            try await Boot.run { app in
                try await QuarantineRepair(db: app.db, actor: Repair.operatorActor, context: app.sanad).rebuild(uuid)
            }
            print("Rebuilt.")
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give up on a damaged record with a reason: it stays out of lists and exports.")

        @ArgumentParser.Argument(help: "The damaged record's id (`sanad repair list`).")
        var id: String

        @ArgumentParser.Option(help: "Why (kept in the record and the audit trail).")
        var reason: String

        func run() async throws {
            guard let uuid = UUID(uuidString: id) else {
                throw ValidationError("Give the id `sanad repair list` shows.")
            }
            try await Boot.run { app in
                try await QuarantineRepair(db: app.db, actor: Repair.operatorActor, context: app.sanad).retire(
                    uuid, reason: reason)
            }
            print("Retired.")
        }
    }
}
