import Fluent
import Foundation
import SQLKit
import SanadCore

/// One damaged value as an administrator sees it: where it is, whose it is, what became of it.
public struct DamagedRecordView: Sendable, Codable, Equatable {
    public let id: UUID
    public let table: String
    public let recordID: UUID
    public let column: String
    public let personID: UUID?
    /// The person's registration number, which stays readable when their sealed fields do not.
    public let registrationNumber: String?
    public let kind: DamageKind
    public let foundAt: Date
    public let foundIn: String
    public let status: DamageStatus
    public let resolution: String?
}

/// What the signed-out side needs of the quarantine: `/health`'s count, and noting a value a request met damaged.
public struct IntegrityStatus: Sendable {
    let db: any Database
    let context: StoreContext

    public func damagedCount() async throws -> Int { try await Quarantine.openCount(on: db) }

    public func note(context sealContext: String, foundIn: String) async {
        await Quarantine.note(context: sealContext, foundIn: foundIn, db: db, store: context)
    }
}

/// Keeps one damaged record from taking the centre down (issue 16): a value that fails to open is noted once
/// (audited), its person leaves the name index, lists and record-level exports, and everything else goes on.
public enum Quarantine {
    /// Notes a value that failed to open, from the context it was sealed under (`FieldCipher`). Never throws: the
    /// caller's own answer (a notice, a row left out) is what matters, and a failure to note is noted next time.
    public static func note(context: String, foundIn: String, db: any Database, store: StoreContext) async {
        guard let (column, record) = SealedColumn.named(byContext: context) else { return }
        let person = await owner(of: record, table: column.table, context: context, db: db)
        let row = await revisionRow(context: context, db: db) ?? record
        _ = try? await note(
            table: column.table, record: row, column: column.column, person: person, kind: .sealedValue,
            foundIn: foundIn, db: db, store: store)
    }

    /// Records the damage unless it is already recorded (and not repaired since). True when this call recorded it.
    @discardableResult
    static func note(
        table: String, record: UUID, column: String, person: UUID?, kind: DamageKind, foundIn: String,
        db: any Database, store: StoreContext
    ) async throws -> Bool {
        // Out of this server's name index at once, whichever way the damage was met.
        if table == Person.schema && kind == .sealedValue { store.names.drop(record, updatedAt: .distantPast) }
        let existing = try await DamagedRecord.query(on: db).filter(\.$table == table)
            .filter(\.$recordID == record).filter(\.$column == column).first()
        if let existing, existing.status != DamageStatus.repaired.rawValue { return false }
        let now = store.clock()
        try await db.transaction { tx in
            let row = existing ?? DamagedRecord()
            if existing == nil {
                row.id = UUID()
                row.table = table
                row.recordID = record
                row.column = column
            }
            row.personID = person
            row.kind = kind.rawValue
            row.foundAt = now
            row.foundIn = String(foundIn.prefix(200))
            row.status = DamageStatus.damaged.rawValue
            row.resolution = nil
            row.resolvedBy = nil
            row.resolvedAt = nil
            try await row.save(on: tx)
            try await AuditTrail.append(
                action: "record.damaged", actorID: nil, recordType: table, recordID: record.uuidString,
                detail: "column=\(column) kind=\(kind.rawValue) found_in=\(foundIn)", now: now,
                key: store.keys.audit, on: tx)
        }
        return true
    }

    /// People whose own sealed record is damaged or was retired: out of the name index, lists and record-level
    /// exports. A damaged look-up index leaves its person listed: the record itself reads.
    public static func excludedPeople(on db: any Database) async throws -> Set<UUID> {
        Set(
            try await DamagedRecord.query(on: db).filter(\.$table == Person.schema)
                .filter(\.$kind == DamageKind.sealedValue.rawValue)
                .filter(\.$status != DamageStatus.repaired.rawValue).all().map(\.recordID))
    }

    /// Values still waiting for an administrator: what `/health` counts.
    public static func openCount(on db: any Database) async throws -> Int {
        try await DamagedRecord.query(on: db).filter(\.$status == DamageStatus.damaged.rawValue).count()
    }

    /// Every damaged value, newest first, with registration numbers: for administrators only (`Action.repairRecords`).
    public static func list(actor: Actor, on db: any Database) async throws -> [DamagedRecordView] {
        guard AccessPolicy.decide(actor, .repairRecords) == .allow else { throw StoreError.forbidden }
        return try await views(on: db)
    }

    static func views(on db: any Database) async throws -> [DamagedRecordView] {
        let rows = try await DamagedRecord.query(on: db).sort(\.$foundAt, .descending).all()
        let people = rows.compactMap(\.personID)
        let numbers = Dictionary(
            try await Person.query(on: db).filter(\.$id ~~ people).all().map { ($0.id!, $0.registrationNumber) },
            uniquingKeysWith: { a, _ in a })
        return rows.map { row in
            DamagedRecordView(
                id: row.id!, table: row.table, recordID: row.recordID, column: row.column, personID: row.personID,
                registrationNumber: row.personID.flatMap { numbers[$0] },
                kind: DamageKind(rawValue: row.kind) ?? .sealedValue, foundAt: row.foundAt, foundIn: row.foundIn,
                status: DamageStatus(rawValue: row.status) ?? .damaged, resolution: row.resolution)
        }
    }

    /// The person a damaged value belongs to, where its table says so directly.
    static func owner(of record: UUID, table: String, context: String, db: any Database) async -> UUID? {
        switch table {
        case Person.schema: return record
        case PersonRevision.schema: return record
        case ScreeningRecord.schema, VulnerabilityAssessment.schema:
            let row = try? await (db as! any SQLDatabase).select().column("person_id").from(table)
                .where("id", .equal, SQLBind(record)).first()
            return try? row?.decode(column: "person_id", as: UUID.self)
        default: return nil
        }
    }

    /// A revision's context names its person and version, not its row.
    static func revisionRow(context: String, db: any Database) async -> UUID? {
        let parts = context.split(separator: "/")
        guard parts.count == 3, parts[0] == PersonRevision.schema, let person = UUID(uuidString: String(parts[1])),
            let version = Int(parts[2])
        else { return nil }
        return try? await PersonRevision.query(on: db).filter(\.$personID == person).filter(\.$version == version)
            .first()?.id
    }
}

extension SealedColumn {
    /// The column a cipher context belongs to, and the id it names: contexts start with the table's name (hyphens
    /// for underscores in a few) and the record's id.
    static func named(byContext context: String) -> (SealedColumn, UUID)? {
        let parts = context.split(separator: "/").map(String.init)
        guard parts.count >= 2, let id = UUID(uuidString: parts[1]) else { return nil }
        let table = parts[0].replacingOccurrences(of: "-", with: "_")
        let candidates = all.filter { $0.table == table }
        guard !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return (candidates[0], id) }
        let pending = context.hasSuffix("totp-pending")
        return candidates.first { ($0.column == "totp_pending") == pending }.map { ($0, id) }
    }
}
