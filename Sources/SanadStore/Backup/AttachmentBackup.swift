import Fluent
import Foundation
import SQLKit

/// Attachments in backups (issue 15, item 5). Their files are already encrypted and never change, so a backup
/// copies them into an `attachments` folder beside the backup file, once: backups written to the same folder
/// share it, and each run copies only the files that are new. The keys that open them travel inside the backup's
/// database, sealed under the master key, which is never in a backup.
public enum AttachmentBackup {
    /// Where the files of backups written to `backup`'s folder are kept.
    public static func folder(beside backup: URL) -> URL {
        backup.deletingLastPathComponent().appendingPathComponent("attachments")
    }

    /// The addresses of every stored file the database refers to.
    static func addresses(on db: any Database) async throws -> [String] {
        try await AttachmentBlob.query(on: db).all().map(\.address)
    }

    /// Copies the files not yet in `to`; returns how many files the database refers to and how many were copied.
    /// A file missing from the data folder is counted as missing and left out, never a reason to fail the backup.
    static func copy(_ addresses: [String], from: URL, to: URL) throws -> (files: Int, copied: Int, missing: Int) {
        let source = BlobStore(root: from)
        let target = BlobStore(root: to)
        var copied = 0
        var missing = 0
        for address in addresses {
            if target.exists(address) { continue }
            guard source.exists(address) else {
                missing += 1
                continue
            }
            let destination = target.path(address)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Copied under another name, then moved: a run cut short leaves no half file under a real address.
            let partial = destination.appendingPathExtension("partial")
            try? FileManager.default.removeItem(at: partial)
            try FileManager.default.copyItem(at: source.path(address), to: partial)
            try FileManager.default.moveItem(at: partial, to: destination)
            copied += 1
        }
        return (addresses.count, copied, missing)
    }

    /// How many of the files a database refers to are in `folder`.
    static func present(_ addresses: [String], in folder: URL) -> (present: Int, missing: Int) {
        let store = BlobStore(root: folder)
        let present = addresses.filter(store.exists).count
        return (present, addresses.count - present)
    }

    /// The addresses a SQLite database file (a backup's inside) refers to; none before attachments existed.
    static func addresses(sqlite db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE name = 'attachment_blobs'").all()
        guard !tables.isEmpty else { return [] }
        return try await sql.raw("SELECT address FROM attachment_blobs").all().map {
            try $0.decode(column: "address", as: String.self)
        }
    }
}
