import Fluent
import Foundation
import SQLKit
import SanadCore

/// `sanad check` (issue 16): scans everything that can rot — the database file, every sealed value, every
/// person's look-up index, the audit chain, the references between tables — notes what it finds as damaged, and
/// keeps the result for the administrators' page.
public struct IntegrityCheck: Sendable {
    let db: any Database
    let context: StoreContext
    static let lastSetting = "integrity_last_check"

    public init(db: any Database, context: StoreContext) {
        self.db = db
        self.context = context
    }

    public func run(batch: Int = 500) async throws -> IntegrityReport {
        let sql = db as! any SQLDatabase
        var report = IntegrityReport(
            checkedAt: context.clock(), database: sql.dialect.name == "sqlite" ? "sqlite" : "postgresql")
        let numbers = try await registrationNumbers()
        try await storage(&report)
        try await sealedValues(&report, numbers: numbers, batch: batch)
        try await lookUpIndexes(&report, numbers: numbers, batch: batch)
        try await auditChain(&report)
        try await references(&report)
        try await save(report)
        return report
    }

    /// The last check's report, for the administrators' page.
    public static func last(on db: any Database) async throws -> IntegrityReport? {
        guard let value = try await Setting.find(lastSetting, on: db)?.value else { return nil }
        return try? Self.decoder.decode(IntegrityReport.self, from: Data(value.utf8))
    }

    /// SQLite checks its own file; PostgreSQL has no such check without an extension a superuser installs, so
    /// every table is read through, which surfaces an unreadable page or a checksum failure as an error.
    func storage(_ report: inout IntegrityReport) async throws {
        let sql = db as! any SQLDatabase
        if report.database == "sqlite" {
            let rows = try await sql.raw("PRAGMA integrity_check").all()
            let lines = rows.compactMap { try? $0.decode(column: "integrity_check", as: String.self) }
            report.storage = lines == ["ok"] ? "ok" : lines.prefix(5).joined(separator: "; ")
        } else {
            let tables = try await sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            ).all().map { try $0.decode(column: "table_name", as: String.self) }
            var failed: [String] = []
            for table in tables {
                do {
                    _ = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
                } catch {
                    failed.append(table)
                }
            }
            report.storage = failed.isEmpty ? "ok" : "unreadable: " + failed.joined(separator: ", ")
        }
        if report.storage != "ok" {
            report.findings.append(
                .init(
                    kind: "storage", table: nil, record: nil, registrationNumber: nil,
                    detail: report.storage))
        }
    }

    func sealedValues(_ report: inout IntegrityReport, numbers: [UUID: String], batch: Int) async throws {
        // A value an administrator retired stays unreadable for good; it is counted, not found again.
        let retired = Set(
            try await DamagedRecord.query(on: db).filter(\.$status == DamageStatus.retired.rawValue).all()
                .map { "\($0.table)/\($0.recordID.uuidString)/\($0.column)" })
        var found: [(SealedColumn, UUID, String)] = []
        try await SealedColumn.eachValue(on: db, batch: batch) { column, id, data, sealContext in
            report.sealedValues += 1
            guard (try? context.cipher.openRaw(data, context: sealContext)) == nil else { return }
            if retired.contains("\(column.table)/\(id.uuidString)/\(column.column)") {
                report.retired += 1
            } else {
                found.append((column, id, sealContext))
            }
        }
        report.unreadable = found.count
        for (column, id, sealContext) in found {
            await Quarantine.note(context: sealContext, foundIn: "check", db: db, store: context)
            let person = await Quarantine.owner(of: id, table: column.table, context: sealContext, db: db)
            report.findings.append(
                .init(
                    kind: DamageKind.sealedValue.rawValue, table: column.table, record: id.uuidString,
                    registrationNumber: person.flatMap { numbers[$0] },
                    detail: "\(column.column) does not open with this database's key"))
        }
    }

    /// Each current person's phone and document look-ups must be what their sealed record gives, under one of the
    /// ring's keys (during a rotation some still carry the old key's).
    func lookUpIndexes(_ report: inout IntegrityReport, numbers: [UUID: String], batch: Int) async throws {
        let excluded = try await Quarantine.excludedPeople(on: db)
        var after: UUID?
        while true {
            var query = Person.query(on: db).filter(\.$mergedInto == nil).sort(\.$id).limit(batch)
            if let after { query = query.filter(\.$id > after) }
            let people = try await query.all()
            let ids = people.compactMap(\.id)
            let stored = Dictionary(
                grouping: try await PersonIdentifier.query(on: db).filter(\.$personID ~~ ids).all(), by: \.personID)
            for person in people {
                let id = person.id!
                guard !excluded.contains(id),
                    let personal = try? context.cipher.open(
                        PersonalData.self, from: person.sealed, context: Person.sealContext(id))
                else { continue }
                report.peopleIndexed += 1
                if LookUpIndex.matches(stored[id] ?? [], personal: personal, digests: context.digests) { continue }
                report.mismatchedIndexes += 1
                try await Quarantine.note(
                    table: PersonIdentifier.schema, record: id, column: "digest", person: id, kind: .blindIndex,
                    foundIn: "check", db: db, store: context)
                report.findings.append(
                    .init(
                        kind: DamageKind.blindIndex.rawValue, table: Person.schema, record: id.uuidString,
                        registrationNumber: numbers[id],
                        detail: "phone or document look-ups do not match the record; rebuild them"))
            }
            guard let last = ids.last, people.count == batch else { break }
            after = last
        }
    }

    func auditChain(_ report: inout IntegrityReport) async throws {
        switch try await AuditTrail.verify(on: db, key: context.keys.audit) {
        case .intact(let entries):
            report.auditEntries = entries
        case .broken(let seq, let reason):
            report.auditEntries = try await AuditEntry.query(on: db).count()
            report.audit = "broken at entry \(seq): \(reason)"
            report.findings.append(
                .init(
                    kind: "audit", table: AuditEntry.schema, record: "\(seq)", registrationNumber: nil, detail: reason))
        }
    }

    func references(_ report: inout IntegrityReport) async throws {
        let sql = db as! any SQLDatabase
        for reference in TableReference.all {
            report.referencesChecked += 1
            let orphans = try await sql.raw(
                """
                SELECT c.id AS id FROM \(ident: reference.table) c WHERE c.\(ident: reference.column) IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM \(ident: reference.parent) p WHERE p.id = c.\(ident: reference.column))
                LIMIT 20
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            report.orphans += orphans.count
            for id in orphans {
                report.findings.append(
                    .init(
                        kind: "reference", table: reference.table, record: id.uuidString, registrationNumber: nil,
                        detail: "\(reference.column) names a \(reference.parent) row that does not exist"))
            }
        }
    }

    func registrationNumbers() async throws -> [UUID: String] {
        let rows = try await (db as! any SQLDatabase).select().column("id").column("registration_number")
            .from(Person.schema).all()
        var out: [UUID: String] = [:]
        for row in rows {
            out[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                column: "registration_number", as: String.self)
        }
        return out
    }

    func save(_ report: IntegrityReport) async throws {
        let value = String(decoding: try Self.encoder.encode(report), as: UTF8.self)
        try await db.transaction { tx in
            try await Setting.query(on: tx).filter(\.$id == Self.lastSetting).delete()
            try await Setting(key: Self.lastSetting, value: value).create(on: tx)
            try await AuditTrail.append(
                action: "integrity.check", actorID: nil, detail: "findings=\(report.findings.count)",
                now: context.clock(), key: context.keys.audit, on: tx)
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys]
        return e
    }()
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

/// A person's phone and document look-ups compared with what their record says.
enum LookUpIndex {
    static func matches(_ stored: [PersonIdentifier], personal: PersonalData, digests: Digests) -> Bool {
        var remaining = stored.map { ($0.kind, $0.digest) }
        var expected: [(String, String)] = []
        if let phone = personal.phone { expected.append(("phone", phone)) }
        for doc in personal.documents {
            expected.append(("document", doc.number.uppercased().filter { $0.isLetter || $0.isNumber }))
        }
        for (kind, value) in expected {
            let allowed = Set(digests.blindIndexes(kind: kind, value: value))
            guard let at = remaining.firstIndex(where: { $0.0 == kind && allowed.contains($0.1) }) else { return false }
            remaining.remove(at: at)
        }
        return remaining.isEmpty
    }
}

/// Every reference between tables the check walks; `IntegrityCheckTests` compares it with the foreign keys the
/// migrations declare, so a new reference cannot be forgotten here.
struct TableReference: Sendable, Equatable {
    let table: String
    let column: String
    let parent: String

    static let all: [TableReference] = [
        // Declared as foreign keys by the migrations.
        .init(table: "auth_sessions", column: "user_id", parent: "users"),
        .init(table: "recovery_codes", column: "user_id", parent: "users"),
        .init(table: "person_identifiers", column: "person_id", parent: "people"),
        .init(table: "person_revisions", column: "person_id", parent: "people"),
        .init(table: "person_merges", column: "survivor_id", parent: "people"),
        .init(table: "person_merges", column: "merged_id", parent: "people"),
        .init(table: "screenings", column: "person_id", parent: "people"),
        .init(table: "trafficking_status_changes", column: "person_id", parent: "people"),
        .init(table: "vulnerability_assessments", column: "person_id", parent: "people"),
        .init(table: "cases", column: "person_id", parent: "people"),
        .init(table: "case_notes", column: "case_id", parent: "cases"),
        .init(table: "attachments", column: "blob_id", parent: "attachment_blobs"),
        .init(table: "attachments", column: "person_id", parent: "people"),
        .init(table: "approvals", column: "case_id", parent: "cases"),
        .init(table: "case_transfers", column: "case_id", parent: "cases"),
        .init(table: "plan_items", column: "case_id", parent: "cases"),
        .init(table: "follow_ups", column: "case_id", parent: "cases"),
        .init(table: "services", column: "case_id", parent: "cases"),
        .init(table: "beds", column: "shelter_id", parent: "shelters"),
        .init(table: "stays", column: "bed_id", parent: "beds"),
        .init(table: "referral_consents", column: "person_id", parent: "people"),
        .init(table: "referral_consents", column: "partner_id", parent: "partners"),
        .init(table: "referrals", column: "case_id", parent: "cases"),
        .init(table: "referrals", column: "partner_id", parent: "partners"),
        .init(table: "returns", column: "case_id", parent: "cases"),
        .init(table: "return_steps", column: "return_id", parent: "returns"),
        .init(table: "import_rows", column: "batch_id", parent: "import_batches"),
        // Not declared as foreign keys: only this check would notice one broken.
        .init(table: "services", column: "person_id", parent: "people"),
        .init(table: "services", column: "stay_id", parent: "stays"),
        .init(table: "services", column: "partner_id", parent: "partners"),
        .init(table: "stays", column: "person_id", parent: "people"),
        .init(table: "stays", column: "case_id", parent: "cases"),
        .init(table: "referrals", column: "person_id", parent: "people"),
        .init(table: "returns", column: "person_id", parent: "people"),
        .init(table: "plan_items", column: "partner_id", parent: "partners"),
        .init(table: "import_rows", column: "person_id", parent: "people"),
        .init(table: "import_rows", column: "candidate_id", parent: "people"),
    ]
}
