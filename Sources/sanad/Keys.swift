import ArgumentParser
import Foundation
import SanadStore

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The master key: rotate it, see which key holds what, make a new one.",
        subcommands: [Rotate.self, Status.self, Generate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-seal every personal field and blind index under a new master key; the old key is retired.",
            discussion: """
                Runs while the server serves. A new key goes first in the key file and the old one stays until no \
                value needs it; then the old key is refused. Interrupted at any point, run it again: it carries on. \
                Back up the database and the new key file afterwards; older backups still need the old key.
                """)

        @ArgumentParser.Option(help: "Values re-sealed per transaction.")
        var batch = 200

        func run() async throws {
            let settings = SanadSettings()
            let keyFile = settings.masterKey?.isEmpty == false ? nil : settings.keyFile
            let report = try await Boot.run { app in
                let rotation = KeyRotation(db: app.db, context: app.sanad, keyFile: keyFile, batch: batch)
                if try await rotation.begin() {
                    print("New master key written first in \(keyFile!.path); the old one stays until the end.")
                } else {
                    print("Carrying on the rotation under way.")
                }
                return try await rotation.run()
            }
            guard let report else { return }
            print("Rotated to key \(report.to) from \(report.from.joined(separator: ", ")) in \(report.passes) passes:")
            for (column, count) in report.resealed.sorted(by: { $0.key < $1.key }) where count > 0 {
                print("  \(column): \(count) re-sealed")
            }
            print("  person identifiers: \(report.identifiers) rewritten")
            if keyFile == nil {
                print("Now set SANAD_MASTER_KEY to the first key alone on every server: the others are refused.")
            } else {
                print("The old key is retired and gone from the key file. Back up the database and the key file now.")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which key seals how many values, and whether every value opens.")

        func run() async throws {
            let (census, ring) = try await Boot.run { app in
                (try await KeyCensus.take(db: app.db, context: app.sanad), app.sanad.keys)
            }
            print(
                "Active key \(ring.active.id)"
                    + (ring.previous.isEmpty
                        ? ""
                        : "; rotation under way from "
                            + ring.previous.map(\.id).joined(separator: ", ")))
            for (key, count) in census.byKey.sorted(by: { $0.key < $1.key }) {
                print("  \(key == "none" ? "sealed before key ids" : "key \(key)"): \(count) values")
            }
            print("\(census.total) sealed values, \(census.unreadable) unreadable.")
            if census.unreadable > 0 { throw ExitCode(1) }
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new random master key (64 hex digits), for SANAD_MASTER_KEY=\"NEW,OLD\" rotations.")

        func run() {
            print(KeyRing.hex(KeyRing.newKey()))
        }
    }
}
