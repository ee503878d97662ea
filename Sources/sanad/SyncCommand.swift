import ArgumentParser
import Foundation
import SanadStore
import SanadWeb
import Vapor

/// A field office's synchronisation with its centre (issue 11), and the centre's side of bundles carried by hand.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Synchronise a field office with its centre: over the link, or with bundles carried by hand.",
        subcommands: [Join.self, Now.self, Export.self, Import.self, Status.self])

    /// Runs `body`, turning the refusals synchronisation names into a message and exit code 1 (not a trace).
    static func run(_ body: (Application) async throws -> Void) async throws {
        try await Boot.run { app in
            do {
                try await body(app)
            } catch let error as SyncExchangeError {
                throw ValidationError(error.description)
            } catch let error as SyncNodeError {
                throw ValidationError(error.description)
            }
        }
    }

    struct Join: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join a centre with the one-time code from `sanad nodes add` there, then take a first copy.")

        @ArgumentParser.Argument(help: "The centre's address, e.g. https://sanad.example.org") var centralURL: String
        @ArgumentParser.Option(help: "The one-time enrolment code.") var code: String

        func run() async throws {
            try await Sync.run { app in
                let answer = try await SyncHTTP.join(app, central: centralURL, code: code)
                print("Joined as \(answer.node), serving \(answer.centres.joined(separator: ", ")).")
                let run = try await app.open.syncOffice.now(
                    transport: SyncHTTP.transport(app, central: centralURL))
                print(run.description)
            }
        }
    }

    struct Now: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One push-and-pull exchange with the centre; prints `pushed N, pulled M, conflicts C`.")

        func run() async throws {
            try await Sync.run { app in
                guard let status = try await app.open.syncOffice.status() else {
                    throw SyncExchangeError.notEnrolled
                }
                let run = try await app.open.syncOffice.now(
                    transport: SyncHTTP.transport(app, central: status.central))
                print(run.description)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a signed, encrypted bundle of what the other side has not acknowledged (for a USB stick).")

        @ArgumentParser.Option(help: "The file to write.") var out: String
        @ArgumentParser.Option(help: "At the centre: the office the bundle is for.") var node: String?

        func run() async throws {
            try await Sync.run { app in
                let bundle: Data
                if try await app.open.syncOffice.status() != nil {
                    bundle = try await app.open.syncOffice.prepare(everything: true)
                } else {
                    guard let node else {
                        throw ValidationError("At the centre, name the office the bundle is for: --node NAME.")
                    }
                    bundle = try await app.open.syncCentre.export(node: node)
                }
                try bundle.write(to: URL(fileURLWithPath: out))
                print("Wrote \(out) (\(bundle.count) bytes).")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a bundle from the other side (refused if unknown, revoked or changed); idempotent.")

        @ArgumentParser.Argument(help: "The bundle file.") var file: String
        @ArgumentParser.Option(help: "At the centre: where to write the answer for the office (default: FILE.reply).")
        var reply: String?

        func run() async throws {
            try await Sync.run { app in
                guard let bundle = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("Cannot read \(file).")
                }
                if try await app.open.syncOffice.status() != nil {
                    let (_, run) = try await app.open.syncOffice.take(bundle)
                    print(run.description)
                } else {
                    let (answer, counts) = try await app.open.syncCentre.exchange(bundle, limit: 1_000_000)
                    let path = reply ?? file + ".reply"
                    try answer.write(to: URL(fileURLWithPath: path))
                    print(
                        "taken \(counts.taken), conflicts \(counts.held), refused \(counts.refused); answer for the office in \(path)"
                    )
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "This office's centre, last exchange and waiting edits.")

        func run() async throws {
            try await Sync.run { app in
                guard let status = try await app.open.syncOffice.status() else {
                    print("Not a field office (sanad sync join CENTRAL_URL --code CODE).")
                    return
                }
                let last = status.lastSync.map { ISO8601DateFormatter().string(from: $0) } ?? "never"
                print("\(status.node) → \(status.central), centres \(status.centres.joined(separator: ","))")
                print("last synchronised \(last); \(status.pending) edits waiting; \(status.conflicts) conflicts open")
            }
        }
    }
}

extension Application {
    var open: OpenServices { OpenServices(db: db, context: sanad) }
}
