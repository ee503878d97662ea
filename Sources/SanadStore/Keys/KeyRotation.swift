import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore

public enum KeyRotationError: Error, CustomStringConvertible {
    case oneKeyInEnvironment
    case unreadable(table: String, column: String, id: UUID)

    public var description: String {
        switch self {
        case .oneKeyInEnvironment:
            return "SANAD_MASTER_KEY holds one key, and a rotation cannot write the environment. Either use a key "
                + "file (SANAD_KEY_FILE), or make a key with `sanad keys generate`, set SANAD_MASTER_KEY to "
                + "\"NEW,OLD\" on every server and restart them, then run `sanad keys rotate` with that setting."
        case .unreadable(let table, let column, let id):
            return "\(table).\(column) of record \(id.uuidString) opens with no key of the ring; nothing was retired. "
                + "Run `sanad check`, then restore the record from a backup or retire it (`sanad repair`), and rotate again."
        }
    }
}

/// What a rotation did, for the command's output and the audit entry; no value, only counts.
public struct RotationReport: Sendable {
    public var from: [String] = []
    public var to = ""
    public var resealed: [String: Int] = [:]
    public var identifiers = 0
    public var passes = 0
    public var total: Int { resealed.values.reduce(0, +) }
}

/// `sanad keys rotate`: every sealed value and blind index moves to a new master key while the server keeps
/// serving. The key file is the rotation's state: a first key that differs from the database's means a rotation
/// is under way, so after a kill at any point running the command again carries on (each batch and its place
/// commit together). Each value is replaced only if it still holds what was read, so an edit made meanwhile is
/// never overwritten; a server that has not yet seen the new key file reads new values by looking again at once
/// (`KeySource`), and whatever it sealed with the old key in the meantime the closing passes pick up. Once no old
/// value is left, the old key is recorded as retired (a server started with it is refused) and leaves the file.
public struct KeyRotation: Sendable {
    let db: any Database
    let context: StoreContext
    let keyFile: URL?
    let batch: Int
    static let cursorSetting = "key_rotation"
    static let retiredSetting = "retired_keys"

    public init(db: any Database, context: StoreContext, keyFile: URL?, batch: Int = 200) {
        self.db = db
        self.context = context
        self.keyFile = keyFile
        self.batch = batch
    }

    /// Keys retired by earlier rotations, by id, with the day each was retired.
    public static func retired(on db: any Database) async throws -> [String: String] {
        guard let value = try await Setting.find(retiredSetting, on: db)?.value else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(value.utf8))) ?? [:]
    }

    /// Starts a rotation unless one is under way: a new key goes first in the key file, the old one stays for
    /// reading. Returns whether a new key was made.
    @discardableResult
    public func begin() async throws -> Bool {
        let ring = context.keySource.refreshed(force: true)
        guard ring.previous.isEmpty else { return false }
        guard let keyFile else { throw KeyRotationError.oneKeyInEnvironment }
        // The audit key stays the installation's: sealed with the old key now, with the new one at the end.
        try await AuditKey.carry(ring.audit, ring: ring, on: db)
        let masters = try KeyRing.parseAll(try String(contentsOf: keyFile, encoding: .utf8))
        try KeyRing.write([SymmetricKey(size: .bits256)] + masters, to: keyFile)
        _ = context.keySource.refreshed(force: true)
        return true
    }

    /// Re-seals everything, then retires the old keys. `settle` is how long running servers get to notice the new
    /// key file before the closing pass; `stopAfter` (tests) ends the run after that many batches, as a kill would.
    public func run(settle: Duration = .seconds(3), stopAfter: Int? = nil) async throws -> RotationReport? {
        let ring = context.keySource.refreshed(force: true)
        var report = RotationReport(from: ring.previous.map(\.id), to: ring.active.id)
        var budget = stopAfter
        let cursor = try await loadCursor(for: ring.active.id)
        guard try await pass(from: cursor, report: &report, budget: &budget) else { return nil }
        try await Task.sleep(for: settle)
        // Closing passes until one finds nothing: values sealed meanwhile by servers still on the old key.
        while true {
            let before = report.total + report.identifiers
            guard try await pass(from: nil, report: &report, budget: &budget) else { return nil }
            if report.total + report.identifiers == before || report.passes >= 5 { break }
        }
        try await complete(ring, report: report)
        return report
    }

    struct Cursor {
        var column: Int
        var after: UUID?
    }

    func loadCursor(for target: String) async throws -> Cursor? {
        guard let value = try await Setting.find(Self.cursorSetting, on: db)?.value else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == target, let column = Int(parts[1]) else { return nil }
        return Cursor(column: column, after: UUID(uuidString: parts[2]))
    }

    /// One pass over every sealed column from `cursor`; false when the budget ran out first.
    func pass(from cursor: Cursor?, report: inout RotationReport, budget: inout Int?) async throws -> Bool {
        report.passes += 1
        let target = context.keys.active.id
        for (index, column) in SealedColumn.all.enumerated() where index >= (cursor?.column ?? 0) {
            var after = index == cursor?.column ? cursor?.after : nil
            while true {
                if let left = budget {
                    if left == 0 { return false }
                    budget = left - 1
                }
                let rows = try await column.page(after: after, limit: batch, on: db)
                guard let last = rows.last else { break }
                let lastID = try last.decode(column: "id", as: UUID.self)
                let (resealed, identifiers) = try await db.transaction { tx in
                    // A write first: on SQLite it takes the lock (waiting its turn) before anything is read, so a
                    // server's commit in between cannot fail the transaction as stale.
                    try await saveCursor("\(target):\(index):\(lastID.uuidString)", on: tx)
                    return try await reseal(rows, column, on: tx)
                }
                report.resealed["\(column.table).\(column.column)", default: 0] += resealed
                report.identifiers += identifiers
                after = lastID
                if rows.count < batch { break }
            }
        }
        return true
    }

    func reseal(_ rows: [any SQLRow], _ column: SealedColumn, on tx: any Database) async throws -> (Int, Int) {
        let sql = tx as! any SQLDatabase
        var resealed = 0
        var identifiers = 0
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let old = try row.decode(column: column.column, as: Data?.self) else { continue }
            let sealContext = try column.context(id, row)
            let new: Data?
            do {
                new = try context.cipher.resealed(old, context: sealContext)
            } catch {
                // A record an administrator retired as damaged can never be re-sealed; it stays as it is.
                let retired = try await DamagedRecord.query(on: tx).filter(\.$table == column.table)
                    .filter(\.$recordID == id).filter(\.$column == column.column)
                    .filter(\.$status == DamageStatus.retired.rawValue).first()
                if retired != nil { continue }
                throw KeyRotationError.unreadable(table: column.table, column: column.column, id: id)
            }
            guard let new else { continue }
            // Only if the row still holds what was read: an edit made since stays as it is.
            let matched = try await sql.update(column.table).set(SQLIdentifier(column.column), to: SQLBind(new))
                .where("id", .equal, SQLBind(id)).where(SQLIdentifier(column.column), .equal, SQLBind(old))
                .returning("id").all()
            guard !matched.isEmpty else { continue }
            resealed += 1
            if column.table == Person.schema {
                let personal = try context.cipher.open(PersonalData.self, from: new, context: sealContext)
                try await PersonIdentifier.query(on: tx).filter(\.$personID == id).delete()
                let rows = PeopleService.identifiers(id: id, personal: personal, digests: context.digests)
                for identifier in rows { try await identifier.create(on: tx) }
                identifiers += rows.count
            }
        }
        return (resealed, identifiers)
    }

    func saveCursor(_ value: String, on tx: any Database) async throws {
        try await Setting.query(on: tx).filter(\.$id == Self.cursorSetting).delete()
        try await Setting(key: Self.cursorSetting, value: value).create(on: tx)
    }

    /// The database now answers to the new key only; then the old keys leave the key file.
    func complete(_ ring: KeyRing, report: RotationReport) async throws {
        let today = CivilDate(context.clock()).description
        try await db.transaction { tx in
            try await Setting.query(on: tx).filter(\.$id == Self.cursorSetting).delete()  // the lock first
            var retired = try await Self.retired(on: tx)
            for old in ring.previous { retired[old.id] = retired[old.id] ?? today }
            let encoded = String(decoding: try JSONEncoder().encode(retired), as: UTF8.self)
            try await Setting.query(on: tx).filter(\.$id ~~ [Self.retiredSetting, Self.cursorSetting, "key_check"])
                .delete()
            try await Setting(key: Self.retiredSetting, value: encoded).create(on: tx)
            try await Setting(key: "key_check", value: DatabaseSetup.keyCheck(ring.active)).create(on: tx)
            try await AuditKey.carry(ring.audit, ring: ring, on: tx)
            try await AuditTrail.append(
                action: "keys.rotate", actorID: nil,
                detail: "from=\(ring.previous.map(\.id).joined(separator: ",")) to=\(ring.active.id) "
                    + "resealed=\(report.total) identifiers=\(report.identifiers)",
                now: context.clock(), key: ring.audit, on: tx)
        }
        if let keyFile {
            let masters = try KeyRing.parseAll(try String(contentsOf: keyFile, encoding: .utf8))
            if masters.count > 1 { try KeyRing.write([masters[0]], to: keyFile) }
            _ = context.keySource.refreshed(force: true)
        }
    }
}
