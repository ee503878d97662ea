import ArgumentParser
import Foundation
import Logging
import SanadCore
import SanadStore
import SanadWeb
import Vapor

@main
struct Sanad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanad",
        abstract: "Case management for migrant resource and response centres.",
        version: SanadVersion.line,
        subcommands: [
            Serve.self, Migrate.self, Users.self, Demo.self, Audit.self, Keys.self, Screening.self, Dedup.self,
            Bench.self,
            Anonymize.self, Export.self, Backup.self, Restore.self, Nodes.self, Sync.self, Check.self, Repair.self,
            Docs.self, People.self, Import.self,
        ])
}

/// Starts a Vapor application for one command: database, keys, migrations. Every command that touches the
/// database goes through here, so an empty or older database is always migrated first.
enum Boot {
    static func application(arguments: [String] = ["sanad"]) async throws -> Application {
        let settings = SanadSettings()
        let env = Environment(
            name: ProcessInfo.processInfo.environment["SANAD_ENV"] ?? "production", arguments: arguments)
        let app = try await Application.make(env)
        // Administrative commands print their own results; migration chatter only matters to the server's log.
        if arguments.count < 2 || arguments[1] != "serve" { app.logger.logLevel = .warning }
        do {
            let (keys, created) = try KeyRing.load(environment: settings.masterKey, keyFile: settings.keyFile)
            if created {
                print(
                    "Created a new master key at \(settings.keyFile.path) (mode 0600). Back it up apart from the data:")
                print("without it the personal data in the database cannot be read.")
            }
            try SanadApp.configure(app, settings: settings, keys: keys)
            try await SanadApp.prepare(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    static func run<T>(_ body: (Application) async throws -> T) async throws -> T {
        let app = try await application()
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web server (Vapor's --hostname and --port work).")

    @ArgumentParser.Argument(parsing: .allUnrecognized, help: "Options passed to Vapor's serve command.")
    var vaporOptions: [String] = []

    func run() async throws {
        let json = SanadSettings().logFormat == "json"
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let app = try await Boot.application(arguments: ["sanad", "serve"] + vaporOptions)
        let host = option(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = option(["--port", "-p"]) ?? "8080"
        let origin = SanadSettings().publicOrigin ?? "http://\(host):\(port)"
        if let token = try await OpenServices(db: app.db, context: app.sanad).setup.issueToken() {
            // Written unbuffered: whoever started the server (a person, a script) needs the link now.
            FileHandle.standardOutput.write(
                Data(
                    "No administrator exists yet. Open this one-time link to create one:\n  \(origin)/setup/\(token)\n"
                        .utf8))
        }
        let figures = Task { [app] in
            do { try await app.sanad.prepareFigures(on: app.db) } catch {
                app.logger.warning("Dashboard figures not read at start; the first dashboard will read them.")
            }
        }
        defer { figures.cancel() }
        let interval = ProcessInfo.processInfo.environment["SANAD_SYNC_INTERVAL"].flatMap(Double.init) ?? 300
        let sync = SyncBackground.start(app, interval: max(5, interval))
        defer { sync.cancel() }
        do {
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func option(_ names: [String]) -> String? {
        for (i, arg) in vaporOptions.enumerated() {
            if names.contains(arg), i + 1 < vaporOptions.count { return vaporOptions[i + 1] }
            for name in names where arg.hasPrefix(name + "=") { return String(arg.dropFirst(name.count + 1)) }
        }
        return nil
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database, then exit.")

    func run() async throws {
        try await Boot.run { _ in print("The database is up to date.") }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The audit trail.", subcommands: [Verify.self, Anchor.self])

    struct Anchor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the trail's current head, to keep outside the database (paper, another server).")

        func run() async throws {
            guard let anchor = try await Boot.run({ app in try await AuditTrail.anchor(on: app.db) }) else {
                print("The audit trail is empty.")
                throw ExitCode(1)
            }
            print(anchor)
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the keyed chain; non-zero exit when broken.")

        @ArgumentParser.Option(
            help: "A head printed earlier by `sanad audit anchor`: the trail must still hold it unchanged.")
        var anchor: String?

        func run() async throws {
            let anchor: AuditAnchor?
            if let text = self.anchor {
                guard let parsed = AuditAnchor(text) else {
                    print("The anchor must read like: sanad-audit-anchor seq=1234 hash=<64 hex digits> at=…")
                    throw ExitCode(2)
                }
                anchor = parsed
            } else {
                anchor = nil
            }
            let result = try await Boot.run { app in
                if let anchor {
                    return try await AuditTrail.verify(on: app.db, key: app.sanad.keys.audit, anchor: anchor)
                }
                return try await AuditTrail.verify(on: app.db, key: app.sanad.keys.audit)
            }
            switch result {
            case .intact(let entries):
                print("Audit trail intact: \(entries) entries.")
            case .broken(let seq, let reason):
                print("Audit trail broken at entry \(seq): \(reason).")
                throw ExitCode(1)
            }
        }
    }
}
