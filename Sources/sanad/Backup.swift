import ArgumentParser
import Foundation
import SanadCore
import SanadStore
import SanadWeb

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up the database while the server runs (--out FILE), or check a backup (--verify FILE).",
        discussion: """
            The backup holds everything a restore needs except the master key, which stays apart: a backup alone
            reveals no name. SQLite is copied with VACUUM INTO; PostgreSQL with pg_dump (PostgreSQL's client tools,
            or SANAD_PG_BIN). Keep the key's copy somewhere else than the backups.
            """)

    @ArgumentParser.Option(help: "Where to write the backup.")
    var out: String?

    @ArgumentParser.Option(help: "A backup to check without restoring it: checksum, key, and the database inside.")
    var verify: String?

    func validate() throws {
        guard (out == nil) != (verify == nil) else { throw ValidationError("Give --out FILE or --verify FILE.") }
    }

    func run() async throws {
        if let verify {
            do {
                let keys = try RestoreKey.load(SanadSettings())
                // A folder of its own: a fixed name in a shared /tmp would belong to whoever ran first (found by
                // walking docs/administrators.md, where root and the service account both verify).
                let scratch = FileManager.default.temporaryDirectory
                    .appendingPathComponent("sanad-verify-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: scratch) }
                let check = try await BackupService.verify(URL(fileURLWithPath: verify), keys: keys, scratch: scratch)
                print(Self.describe(check))
                if case .broken = check.audit { throw ExitCode(1) }
            } catch let error as BackupError {
                print("Refused: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let url = URL(fileURLWithPath: out!)
        let header = try await Boot.run { app in
            try await BackupService.backup(
                to: url, settings: SanadSettings(), db: app.db, context: app.sanad)
        }
        print("Backup written to \(url.path): \(header.people) people, audit trail up to entry \(header.auditSeq),")
        print("\(header.bytes) bytes, sha256 \(header.sha256).")
        print(
            "Attachments: their encrypted files are in \(AttachmentBackup.folder(beside: url).path) (shared by backups")
        print("written to this folder; keep it with them).")
        print("It holds no key: keep the master key's copy apart from it.")
    }

    static func describe(_ check: BackupCheck) -> String {
        let h = check.header
        var lines = [
            "Backup of \(h.created) (\(h.database), installation \(h.installation)): checksum and key match.",
            "\(h.people) people; audit trail up to entry \(h.auditSeq). Database inside: \(check.integrity).",
        ]
        switch check.audit {
        case .intact(let entries)?: lines.append("Audit trail inside: intact, \(entries) entries.")
        case .broken(let seq, let reason)?: lines.append("Audit trail inside: broken at entry \(seq): \(reason).")
        case nil: lines.append("Audit trail: checked after restoring (PostgreSQL archive).")
        }
        if let files = check.attachments {
            lines.append(
                "Attachments: \(files.present) files present beside the backup"
                    + (files.missing > 0 ? ", \(files.missing) MISSING (their documents will not open)." : "."))
        }
        return lines.joined(separator: "\n")
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database with a backup (stop the server first).",
        discussion: """
            Everything is checked before anything is written: the file (truncated, edited), the key (the one the
            backup was made with must be set), the installation, and the database inside. A database that holds
            people is only replaced with --force.
            """)

    @ArgumentParser.Argument(help: "The backup file.")
    var file: String

    @ArgumentParser.Flag(help: "Replace a database that holds data.")
    var force = false

    func run() async throws {
        let settings = SanadSettings()
        do {
            let keys = try RestoreKey.load(settings)
            let check = try await BackupService.restore(
                URL(fileURLWithPath: file), keys: keys, settings: settings, force: force)
            print("Restored.\n" + Backup.describe(check))
            if case .broken = check.audit { throw ExitCode(1) }
        } catch let error as BackupError {
            print("Refused, nothing was changed: \(error)")
            throw ExitCode(1)
        }
    }
}

/// The key for a restore or a check must already be here: making a new one would only fail later, and leave a
/// useless key file behind.
enum RestoreKey {
    static func load(_ settings: SanadSettings) throws -> KeyRing {
        if settings.masterKey?.isEmpty == false || FileManager.default.fileExists(atPath: settings.keyFile.path) {
            return try KeyRing.load(environment: settings.masterKey, keyFile: settings.keyFile).ring
        }
        throw BackupError.keyMissing
    }
}
