import Fluent
import Foundation
import SQLKit
import SanadCore

public enum RepairError: Error, Equatable, CustomStringConvertible {
    case notDamaged
    case needsRebuild
    case needsReason
    case postgresBackup

    public var description: String {
        switch self {
        case .notDamaged: return "This record is not waiting for a repair."
        case .needsRebuild: return "A damaged look-up index is rebuilt from its record, not retired."
        case .needsReason: return "Say why the record is retired (up to 500 characters)."
        case .postgresBackup:
            return "Single records come back from SQLite backups; restore a PostgreSQL backup whole (sanad restore)."
        }
    }
}

/// What one damaged value became when a backup was searched for it.
public struct RestoredValue: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case restored, notInBackup = "not in the backup", damagedThere = "damaged in the backup too"
    }
    public let table: String
    public let record: UUID
    public let registrationNumber: String?
    public let outcome: Outcome
}

/// An administrator's ways out for a damaged record (issue 16, item 4): bring the value back from a backup, rebuild
/// a look-up index from its record, or retire the record with a reason. Each is audited.
public struct QuarantineRepair: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    public init(db: any Database, actor: Actor, context: StoreContext) {
        self.db = db
        self.actor = actor
        self.context = context
    }

    /// Every damaged value with its registration number, and the last `sanad check` (the Integrity page).
    public func damaged() async throws -> (records: [DamagedRecordView], lastCheck: IntegrityReport?) {
        (try await Quarantine.list(actor: actor, on: db), try await IntegrityCheck.last(on: db))
    }

    /// Gives up on a damaged record: it stays out of lists and exports, and stops counting as damage waiting.
    public func retire(_ id: UUID, reason: String) async throws {
        let row = try await open(id)
        guard row.kind == DamageKind.sealedValue.rawValue else { throw RepairError.needsRebuild }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw RepairError.needsReason }
        try await resolve(row, status: .retired, resolution: reason, action: "record.retired")
    }

    /// Rewrites a person's phone and document look-ups from their sealed record, under the active key.
    public func rebuild(_ id: UUID) async throws {
        let row = try await open(id)
        guard row.kind == DamageKind.blindIndex.rawValue, let personID = row.personID,
            let person = try await Person.find(personID, on: db)
        else { throw RepairError.notDamaged }
        let personal = try context.cipher.open(
            PersonalData.self, from: person.sealed, context: Person.sealContext(personID))
        try await db.transaction { tx in
            try await PersonIdentifier.query(on: tx).filter(\.$personID == personID).delete()
            for identifier in PeopleService.identifiers(id: personID, personal: personal, digests: context.digests) {
                try await identifier.create(on: tx)
            }
        }
        try await resolve(
            row, status: .repaired, resolution: "look-ups rebuilt from the record", action: "record.repaired")
    }

    /// Brings every damaged sealed value back from a SQLite backup where the backup holds it readable.
    public func restore(from url: URL, scratch: URL) async throws -> [RestoredValue] {
        guard AccessPolicy.decide(actor, .repairRecords) == .allow else { throw StoreError.forbidden }
        let checked = try await BackupService.verify(url, keys: context.keys, scratch: scratch)
        guard checked.header.database == "sqlite" else { throw RepairError.postgresBackup }
        let damaged = try await DamagedRecord.query(on: db).filter(\.$status == DamageStatus.damaged.rawValue)
            .filter(\.$kind == DamageKind.sealedValue.rawValue).all()
        guard !damaged.isEmpty else { return [] }
        let file = scratch.appendingPathComponent("repair-\(UUID().uuidString).sqlite")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try BackupFile.read(url).1.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let found: [UUID: Data?] = try await Scratch.sqlite(file) { backup in
            var out: [UUID: Data?] = [:]
            for row in damaged {
                out[row.id!] = try await readable(row, in: backup)
            }
            return out
        }
        let numbers = try await registrationNumbers(damaged.compactMap(\.personID))
        var outcomes: [RestoredValue] = []
        for row in damaged {
            let outcome: RestoredValue.Outcome
            switch found[row.id!] {
            case _ where try await readsNow(row):
                // Opens again (a sync or an edit brought a good value): the backup's older one would undo that.
                try await resolve(row, status: .repaired, resolution: "reads again", action: "record.repaired")
                outcome = .restored
            case .some(.some(let value)):
                try await write(value, to: row)
                try await resolve(
                    row, status: .repaired, resolution: "restored from the backup of \(checked.header.created)",
                    action: "record.restored")
                outcome = .restored
            case .some(.none): outcome = .damagedThere
            case .none: outcome = .notInBackup
            }
            outcomes.append(
                RestoredValue(
                    table: row.table, record: row.recordID, registrationNumber: row.personID.flatMap { numbers[$0] },
                    outcome: outcome))
        }
        return outcomes
    }

    /// The backup's copy of a damaged value when it opens; nil inside when it is there but does not; no entry
    /// (nil outside) when the backup does not hold the row.
    func readable(_ row: DamagedRecord, in backup: any Database) async throws -> Data?? {
        guard let column = SealedColumn.all.first(where: { $0.table == row.table && $0.column == row.column }),
            let found = try await column.row(id: row.recordID, on: backup),
            let data = try found.decode(column: column.column, as: Data?.self)
        else { return .none }
        let sealContext = try column.context(row.recordID, found)
        return .some((try? context.cipher.openRaw(data, context: sealContext)) == nil ? nil : data)
    }

    func write(_ value: Data, to row: DamagedRecord) async throws {
        if row.table == Person.schema, let person = try await Person.find(row.recordID, on: db) {
            // A new time, so every server's name index takes the person back at its next refresh.
            person.sealed = value
            person.updatedAt = context.clock()
            let personal = try context.cipher.open(
                PersonalData.self, from: value, context: Person.sealContext(row.recordID))
            try await db.transaction { tx in
                try await person.update(on: tx)
                // The look-ups follow the restored record.
                try await PersonIdentifier.query(on: tx).filter(\.$personID == row.recordID).delete()
                for identifier in PeopleService.identifiers(
                    id: row.recordID, personal: personal, digests: context.digests)
                {
                    try await identifier.create(on: tx)
                }
            }
            return
        }
        try await (db as! any SQLDatabase).update(row.table).set(SQLIdentifier(row.column), to: SQLBind(value))
            .where("id", .equal, SQLBind(row.recordID)).run()
    }

    /// Whether the live value opens now.
    func readsNow(_ row: DamagedRecord) async throws -> Bool {
        guard let column = SealedColumn.all.first(where: { $0.table == row.table && $0.column == row.column }),
            let live = try await column.row(id: row.recordID, on: db),
            let data = try live.decode(column: column.column, as: Data?.self)
        else { return false }
        return (try? context.cipher.openRaw(data, context: try column.context(row.recordID, live))) != nil
    }

    func open(_ id: UUID) async throws -> DamagedRecord {
        guard AccessPolicy.decide(actor, .repairRecords) == .allow else { throw StoreError.forbidden }
        guard let row = try await DamagedRecord.find(id, on: db) else { throw StoreError.notFound }
        guard row.status == DamageStatus.damaged.rawValue else { throw RepairError.notDamaged }
        return row
    }

    func resolve(_ row: DamagedRecord, status: DamageStatus, resolution: String, action: String) async throws {
        let now = context.clock()
        try await db.transaction { tx in
            row.status = status.rawValue
            row.resolution = resolution
            row.resolvedBy = actor.userID
            row.resolvedAt = now
            try await row.update(on: tx)
            try await AuditTrail.append(
                action: action, actorID: actor.userID, recordType: row.table, recordID: row.recordID.uuidString,
                detail: "column=\(row.column)", now: now, key: context.keys.audit, on: tx)
        }
    }

    func registrationNumbers(_ ids: [UUID]) async throws -> [UUID: String] {
        Dictionary(
            try await Person.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.registrationNumber) },
            uniquingKeysWith: { a, _ in a })
    }
}

extension SealedColumn {
    /// One row's sealed value and what its context needs, or nil when the table has no such row.
    func row(id: UUID, on db: any Database) async throws -> (any SQLRow)? {
        try await (db as! any SQLDatabase).select().column("id").column(column).columns(extra).from(table)
            .where("id", .equal, SQLBind(id)).first()
    }
}
