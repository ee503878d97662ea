import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import SanadCore
import Vapor

public enum SetupError: Error, CustomStringConvertible {
    case wrongKey
    case retiredKey(String)
    case dataDirectory(String)

    public var description: String {
        switch self {
        case .wrongKey:
            return "The master key does not match the one this database was created with. "
                + "Set SANAD_MASTER_KEY or SANAD_KEY_FILE to the original key."
        case .retiredKey(let since):
            return "This master key was retired by `sanad keys rotate` on \(since) and no longer opens this database. "
                + "Use the key file the rotation wrote."
        case .dataDirectory(let why): return "Cannot use the data folder: \(why)"
        }
    }
}

public enum DatabaseSetup {
    /// Registers SQLite (in the data folder, WAL) or PostgreSQL (DATABASE_URL) and every migration.
    public static func configure(_ app: Application, settings: SanadSettings) throws {
        if let url = settings.databaseURL {
            app.databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .psql)
        } else {
            do {
                try FileManager.default.createDirectory(
                    at: settings.dataDirectory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw SetupError.dataDirectory(error.localizedDescription)
            }
            let path = settings.dataDirectory.appendingPathComponent("sanad.sqlite").path
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        }
        app.migrations.add(SanadMigrations.all)
    }

    /// Migrates, switches SQLite to WAL, and checks that the key opens this database's data.
    public static func prepare(_ app: Application, source: KeySource) async throws {
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            // A connection waiting for another's write lock would otherwise retry without pause, holding a thread
            // and a core; with a timeout SQLite sleeps between tries. One connection per event loop, so one each.
            for loop in app.eventLoopGroup.makeIterator() {
                if let connection = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase {
                    try await connection.raw("PRAGMA busy_timeout=10000").run()
                }
            }
        }
        try await app.autoMigrate()
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            // Without statistics SQLite guessed wrong once the lookup indexes existed: the dashboard's monthly count
            // of presumed victims walked 100,000 people instead of 13,000 status changes (5 ms became 340 ms, twelve
            // times a page). Sampled statistics take well under a second at that size; PostgreSQL keeps its own.
            try await sql.raw("PRAGMA analysis_limit=1000").run()
            try await sql.raw("ANALYZE").run()
        }
        let keys = source.ring
        try await checkKey(keys, on: app.db)
        source.setAudit(try await AuditKey.resolve(ring: keys, on: app.db))
        try await AuditTrail.keyChain(key: source.ring.audit, on: app.db)
        try await BackupService.markInstallation(on: app.db)
    }

    /// The active key must not be one a rotation retired, and some key of the ring must be the database's: the
    /// active one, or the one a rotation in progress is replacing.
    static func checkKey(_ keys: KeyRing, on db: any Database) async throws {
        if let since = try await KeyRotation.retired(on: db)[keys.active.id] { throw SetupError.retiredKey(since) }
        if let stored = try await Setting.find("key_check", on: db) {
            guard keys.all.contains(where: { keyCheck($0) == stored.value }) else { throw SetupError.wrongKey }
        } else {
            try await Setting(key: "key_check", value: keyCheck(keys.active)).create(on: db)
        }
    }

    static func keyCheck(_ keys: DerivedKeys) -> String {
        Digests.blindIndex(kind: "key-check", value: "sanad", key: keys.blindIndex)
    }
}
