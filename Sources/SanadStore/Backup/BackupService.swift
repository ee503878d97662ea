import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import SanadCore
import Vapor

/// What `--verify` and `restore` found inside a backup.
public struct BackupCheck: Sendable {
    public let header: BackupHeader
    /// `ok` from `PRAGMA integrity_check`, or the archive's entry count for PostgreSQL.
    public let integrity: String
    /// The audit chain inside the backup (SQLite; a PostgreSQL archive is checked after restoring).
    public let audit: AuditVerification?
    /// Attachment files the database inside refers to that are, and are not, in the `attachments` folder beside
    /// the backup (SQLite; nil for a PostgreSQL archive, checked on restore).
    public var attachments: (present: Int, missing: Int)?
}

/// Backups that restore (issue 12, item 1). SQLite: `VACUUM INTO` takes a consistent copy while the server runs.
/// PostgreSQL: `pg_dump --format=custom`, driven by Sanad. The key is never in the backup; the file says which
/// key and installation it belongs to, and a checksum covers all of it.
public enum BackupService {
    static let installationSetting = "installation_id"
    static let lastBackupSetting = "last_backup_at"

    /// Gives the installation its id at its first start; a backup carries it.
    static func markInstallation(on db: any Database) async throws {
        guard try await Setting.find(installationSetting, on: db) == nil else { return }
        try await Setting(key: installationSetting, value: UUID().uuidString.lowercased()).create(on: db)
    }

    /// Writes a backup of the running database to `url`, records when, and audits it.
    public static func backup(
        to url: URL, settings: SanadSettings, db: any Database, context: StoreContext
    ) async throws -> BackupHeader {
        let sql = db as! any SQLDatabase
        let payload: Data
        if let databaseURL = settings.databaseURL {
            payload = try PostgresTools.dump(databaseURL: databaseURL)
        } else {
            let snapshot = settings.dataDirectory.appendingPathComponent("backup-\(UUID().uuidString).sqlite")
            defer { try? FileManager.default.removeItem(at: snapshot) }
            try await sql.raw("VACUUM INTO \(bind: snapshot.path)").run()
            payload = try Data(contentsOf: snapshot)
        }
        let head = try await AuditHead.find(1, on: db)
        let now = context.clock()
        let header = BackupHeader(
            created: now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            database: settings.usesPostgres ? "postgresql" : "sqlite",
            installation: try await Setting.find(installationSetting, on: db)?.value ?? "",
            keyCheck: try await Setting.find("key_check", on: db)?.value ?? DatabaseSetup.keyCheck(context.keys.active),
            bytes: 0,
            sha256: "", people: try await Person.query(on: db).count(), auditSeq: head?.seq ?? 0,
            auditHash: head?.hash ?? "")
        let written = try BackupFile.write(header, payload: payload, to: url)
        let files = try AttachmentBackup.copy(
            try await AttachmentBackup.addresses(on: db), from: context.attachments.root,
            to: AttachmentBackup.folder(beside: url))
        try await db.transaction { tx in
            try await Setting.query(on: tx).filter(\.$id == lastBackupSetting).delete()
            try await Setting(key: lastBackupSetting, value: header.created).create(on: tx)
            try await AuditTrail.append(
                action: "backup.create", actorID: nil,
                detail:
                    "bytes=\(written.bytes) sha256=\(written.sha256) attachments=\(files.files) copied=\(files.copied)"
                    + " missing=\(files.missing)",
                now: now, key: context.keys.audit, on: tx)
        }
        return written
    }

    /// When the last backup was made, for administrators and `/metrics`.
    public static func lastBackup(on db: any Database) async throws -> Date? {
        guard let value = try await Setting.find(lastBackupSetting, on: db)?.value else { return nil }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(value)
    }

    /// Checks a backup without restoring it: the file (truncated, edited), the key, and the database inside.
    public static func verify(_ url: URL, keys: KeyRing, scratch: URL) async throws -> BackupCheck {
        let (header, payload) = try BackupFile.read(url)
        // A backup taken during a rotation carries the old key's check: the ring then holds both keys.
        guard keys.all.contains(where: { DatabaseSetup.keyCheck($0) == header.keyCheck }) else {
            throw BackupError.anotherKey
        }
        let file = scratch.appendingPathComponent("verify-\(UUID().uuidString).\(header.database)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try payload.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        if header.database == "postgresql" {
            return BackupCheck(
                header: header, integrity: "archive readable, \(try PostgresTools.list(file)) entries", audit: nil)
        }
        return try await Scratch.sqlite(file) { db in
            let integrity = try await integrityCheck(db)
            guard integrity == "ok" else { throw BackupError.damagedSnapshot(integrity) }
            guard try await Setting.find("key_check", on: db)?.value == header.keyCheck else {
                throw BackupError.anotherKey
            }
            var check = BackupCheck(
                header: header, integrity: integrity,
                audit: try await AuditTrail.verify(on: db, key: try await AuditKey.resolve(ring: keys, on: db)))
            check.attachments = AttachmentBackup.present(
                try await AttachmentBackup.addresses(sqlite: db), in: AttachmentBackup.folder(beside: url))
            return check
        }
    }

    /// Replaces the database described by `settings` with the backup, after every check passed. The server must
    /// be stopped (SQLite's file is swapped; PostgreSQL's tables are dropped and recreated in one transaction).
    public static func restore(
        _ url: URL, keys: KeyRing, settings: SanadSettings, force: Bool
    ) async throws -> BackupCheck {
        let scratch = settings.dataDirectory.appendingPathComponent("restore-scratch")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let checked = try await verify(url, keys: keys, scratch: scratch)
        let header = checked.header
        guard header.database == (settings.usesPostgres ? "postgresql" : "sqlite") else {
            throw BackupError.anotherDatabase(header.database)
        }
        let (installation, people) = try await target(settings)
        if people > 0, let installation, installation != header.installation {
            throw BackupError.anotherInstallation(header.installation)
        }
        if people > 0 && !force { throw BackupError.targetHoldsData(people: people) }
        let payload = try BackupFile.read(url).1
        let file = scratch.appendingPathComponent("restore-\(UUID().uuidString)")
        try payload.write(to: file)
        if let databaseURL = settings.databaseURL {
            try PostgresTools.restore(file, databaseURL: databaseURL)
        } else {
            let path = settings.dataDirectory.appendingPathComponent("sanad.sqlite")
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
            _ = try? FileManager.default.removeItem(at: path)
            try FileManager.default.moveItem(at: file, to: path)
        }
        return try await Scratch.database(settings) { db in
            // The attachment files come back from the folder beside the backup into the data folder.
            let addresses = try await AttachmentBackup.addresses(on: db)
            let copied = try AttachmentBackup.copy(
                addresses, from: AttachmentBackup.folder(beside: url), to: settings.attachmentsDirectory)
            var check = BackupCheck(
                header: header,
                integrity: settings.usesPostgres ? checked.integrity : try await integrityCheck(db),
                audit: try await AuditTrail.verify(on: db, key: try await AuditKey.resolve(ring: keys, on: db)))
            check.attachments = (addresses.count - copied.missing, copied.missing)
            return check
        }
    }

    /// The installation and the number of people in the database a restore would replace (none when it is new).
    static func target(_ settings: SanadSettings) async throws -> (String?, Int) {
        if !settings.usesPostgres {
            let path = settings.dataDirectory.appendingPathComponent("sanad.sqlite")
            guard FileManager.default.fileExists(atPath: path.path) else { return (nil, 0) }
        }
        return try await Scratch.database(settings) { db in
            let sql = db as! any SQLDatabase
            // A database that was never migrated has no tables yet: it holds nothing.
            let people =
                (try? await sql.raw("SELECT COUNT(*) AS n FROM people").first()?.decode(column: "n", as: Int.self)) ?? 0
            let installation = try? await sql.raw("SELECT value FROM settings WHERE key = 'installation_id'").first()?
                .decode(column: "value", as: String.self)
            return (installation, people)
        }
    }

    static func integrityCheck(_ db: any Database) async throws -> String {
        try await (db as! any SQLDatabase).raw("PRAGMA integrity_check").first()?.decode(
            column: "integrity_check", as: String.self)
            ?? "no answer"
    }
}

/// A database opened only to look at it: no migrations, no server.
enum Scratch {
    static func sqlite<T>(_ file: URL, _ body: (any Database) async throws -> T) async throws -> T {
        try await with({ $0.databases.use(.sqlite(.file(file.path)), as: .sqlite) }, body)
    }

    static func database<T>(_ settings: SanadSettings, _ body: (any Database) async throws -> T) async throws -> T {
        try await with(
            { app in
                if let url = settings.databaseURL {
                    app.databases.use(try .postgres(url: url), as: .psql)
                } else {
                    app.databases.use(
                        .sqlite(.file(settings.dataDirectory.appendingPathComponent("sanad.sqlite").path)), as: .sqlite)
                }
            }, body)
    }

    private static func with<T>(
        _ configure: (Application) throws -> Void, _ body: (any Database) async throws -> T
    ) async throws -> T {
        let app = try await Application.make(Environment(name: "scratch", arguments: ["sanad"]))
        app.logger.logLevel = .error
        do {
            try configure(app)
            let result = try await body(app.db)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
