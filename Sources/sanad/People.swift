import ArgumentParser
import Foundation
import SanadCore
import SanadStore

/// `sanad people`: what administrators do to people's records outside the web pages (issue 18).
struct People: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "People's records: erase a person's personal data where law or their request requires it.",
        subcommands: [Erase.self])

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Destroy a person's personal fields for good; the counts they are part of stay.",
            discussion: """
                Names, contacts, documents, route, notes, earlier versions, what was shared with partners, case \
                notes, plan needs, comments, the return place and travel documents are replaced so that no key \
                opens them; sex, birth year, nationality, dates, screening answers and conclusion, services and \
                case outcomes stay. Backups made before keep the old values until they are destroyed \
                (docs/data-protection.md).
                """)

        @ArgumentParser.Argument(help: "The person's registration number, e.g. SD01-KRT-2025-000027.")
        var registrationNumber: String

        @ArgumentParser.Option(help: "Why: the request or legal basis (kept sealed with the record; no name).")
        var reason: String

        @ArgumentParser.Flag(help: "Confirm: the personal data cannot be brought back.")
        var yes = false

        func run() async throws {
            guard yes else {
                print("This destroys \(registrationNumber)'s personal data for good. Run again with --yes to do it.")
                throw ExitCode(1)
            }
            let result = try await Boot.run { app in
                try await PersonErasure(db: app.db, actor: Repair.operatorActor, context: app.sanad)
                    .erase(registrationNumber: registrationNumber, reason: reason)
            }
            print("Erased the personal data of \(result.registrationNumber) (\(result.records) record(s)).")
            for (table, count) in result.replaced.sorted(by: { $0.key < $1.key }) {
                print("  \(table): \(count) value(s) replaced")
            }
            print("  person_identifiers: \(result.lookUpsRemoved) look-up(s) deleted")
            print("Backups made before today still hold the old values: destroy them as your retention policy says.")
        }
    }
}
