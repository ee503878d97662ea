import Fluent
import Foundation
import SQLKit
import SanadCore

/// Batches after the import: their reports, the rows held for a supervisor, and undo.
extension ImportService {
    /// The batches of the actor's centres, newest first.
    public func batches() async throws -> [ImportBatchView] {
        guard AccessPolicy.roleMay(actor.role, .importPeople) else { throw StoreError.forbidden }
        var query = ImportBatch.query(on: db)
        if actor.role != .administrator { query = query.filter(\.$centreCode ~~ Array(actor.centres)) }
        let batches = try await query.sort(\.$createdAt, .descending).all()
        let ids = batches.compactMap(\.id)
        var waiting: [UUID: Int] = [:]
        if !ids.isEmpty {
            for row in try await ImportRowRecord.query(on: db).filter(\.$batchID ~~ ids)
                .filter(\.$outcome == ImportOutcome.heldForReview.rawValue).filter(\.$decidedAt == nil).all()
            {
                waiting[row.batchID, default: 0] += 1
            }
        }
        return batches.map { view($0, waiting: waiting[$0.id!] ?? 0) }
    }

    public func batch(_ id: UUID) async throws -> (ImportBatchView, ImportReport) {
        let batch = try await load(id)
        let report = try await report(of: batch)
        let waiting = report.rows.filter { $0.outcome == .heldForReview && !$0.decided }.count
        try await AuditTrail.append(
            action: "import.viewed", actorID: actor.userID, recordType: "import", recordID: id.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return (view(batch, waiting: waiting), report)
    }

    /// One row of a batch's report (the review page reads one row, not a register's thousands).
    public func row(batch id: UUID, row number: Int) async throws -> ImportReportRow? {
        _ = try await load(id)
        return try await ImportRowRecord.query(on: db).filter(\.$batchID == id).filter(\.$row == number).first()
            .map(Self.reportRow)
    }

    /// What a held row would register, for a supervisor to compare with the candidate.
    public func heldRegistration(batch id: UUID, row: Int) async throws -> ValidPerson {
        guard AccessPolicy.roleMay(actor.role, .mergePeople) else { throw StoreError.forbidden }
        _ = try await load(id)
        guard
            let record = try await ImportRowRecord.query(on: db).filter(\.$batchID == id).filter(\.$row == row)
                .first(), record.outcome == ImportOutcome.heldForReview.rawValue, let sealed = record.sealed,
            let held = try context.cipher.open(
                ImportRowPayload.self, from: sealed, context: ImportRowRecord.sealContext(record.id!)
            ).held
        else { throw ImportError.notHeld }
        try await AuditTrail.append(
            action: "import.row-viewed", actorID: actor.userID, recordType: "import", recordID: id.uuidString,
            detail: "row=\(row)", now: context.clock(), key: context.keys.audit, on: db)
        return held.valid
    }

    func load(_ id: UUID) async throws -> ImportBatch {
        guard AccessPolicy.roleMay(actor.role, .importPeople) else { throw StoreError.forbidden }
        guard let batch = try await ImportBatch.find(id, on: db), mayImport(into: batch.centreCode) else {
            throw ImportError.notFound
        }
        return batch
    }

    func report(of batch: ImportBatch) async throws -> ImportReport {
        let rows = try await ImportRowRecord.query(on: db).filter(\.$batchID == batch.id!).sort(\.$row).all()
        return ImportReport(batchID: batch.id, rows: rows.map(Self.reportRow))
    }

    static func reportRow(_ r: ImportRowRecord) -> ImportReportRow {
        ImportReportRow(
            row: r.row, outcome: ImportOutcome(rawValue: r.outcome) ?? .rejected, personID: r.personID,
            reason: r.reason, candidateID: r.candidateID, earlierRow: r.earlierRow, decided: r.decidedAt != nil)
    }

    func view(_ batch: ImportBatch, waiting: Int) -> ImportBatchView {
        ImportBatchView(
            id: batch.id!, centre: batch.centreCode, fileHash: batch.fileHash, rowCount: batch.rowCount,
            counts: batch.counts, createdBy: batch.createdBy, createdAt: batch.createdAt, undoneAt: batch.undoneAt,
            waiting: waiting)
    }

    /// A supervisor's decision on a held row: the same person (the row's names, phones and documents are added to
    /// them) or a different one (registered as new). Rows of the file that were the same person as it follow it.
    public func decide(batch id: UUID, row: Int, samePerson: Bool) async throws -> UUID {
        guard AccessPolicy.roleMay(actor.role, .mergePeople) else { throw StoreError.forbidden }
        let batch = try await load(id)
        guard batch.undoneAt == nil else { throw ImportError.alreadyUndone }
        let rows = try await ImportRowRecord.query(on: db).filter(\.$batchID == id).all()
        guard let record = rows.first(where: { $0.row == row }),
            record.outcome == ImportOutcome.heldForReview.rawValue, record.decidedAt == nil, let sealed = record.sealed,
            let held = try context.cipher.open(
                ImportRowPayload.self, from: sealed, context: ImportRowRecord.sealContext(record.id!)
            ).held
        else { throw ImportError.notHeld }
        var target = record.candidateID
        if target == nil, let earlier = record.earlierRow {
            target = rows.first { $0.row == earlier }?.personID
        }
        let now = context.clock()
        let followers = rows.filter { $0.outcome == ImportOutcome.duplicateInFile.rawValue && $0.earlierRow == row }
        guard let centre = try await Centre.query(on: db).filter(\.$code == batch.centreCode).first() else {
            throw ImportError.unknownCentre(batch.centreCode)
        }
        if samePerson {
            guard let target else { throw ImportError.notHeld }
            // The supervisor must be able to change the person the row is added to.
            _ = try await people.load(target, for: .updatePerson)
        }
        let chosen = target
        let (person, personal) = try await db.transaction { tx -> (Person, PersonalData) in
            let service = PeopleService(db: tx, actor: actor, context: context)
            var payload = ImportRowPayload()
            let result: (Person, PersonalData)
            if samePerson, let target = chosen {
                let (person, personal, applied) = try await service.changeImported(
                    target, ImportAdditions(everything: held.personal), batch: id, now: now, on: tx)
                record.outcome = ImportOutcome.matchesExisting.rawValue
                record.personID = target
                record.createdPerson = false
                payload.additions = applied
                result = (person, personal)
            } else {
                let newID = UUID()
                let created = try await service.createImported(
                    [(newID, held.valid)], centre: centre, batch: id, now: now, on: tx)
                record.outcome = ImportOutcome.imported.rawValue
                record.personID = newID
                record.createdPerson = true
                result = (created[0], held.personal)
            }
            record.sealed =
                payload.additions == nil
                ? nil : try context.cipher.seal(payload, context: ImportRowRecord.sealContext(record.id!))
            record.decidedBy = actorUUID
            record.decidedAt = now
            try await record.update(on: tx)
            for follower in followers {
                follower.personID = record.personID
                try await follower.update(on: tx)
            }
            try await AuditTrail.append(
                action: "import.decided", actorID: actor.userID, recordType: "import", recordID: id.uuidString,
                detail: "row=\(row),same=\(samePerson)", now: now, key: context.keys.audit, on: tx)
            return result
        }
        context.names.put(person, personal)
        return person.id!
    }

    /// Takes back a batch: the people it created are deleted and what it added to registered people is removed —
    /// unless later work depends on a created person (a case, a screening, an edit…), which it names instead.
    public func undo(_ id: UUID) async throws {
        let batch = try await load(id)
        guard batch.undoneAt == nil else { throw ImportError.alreadyUndone }
        let rows = try await ImportRowRecord.query(on: db).filter(\.$batchID == id).all()
        let created = rows.filter(\.createdPerson).compactMap(\.personID)
        let additions = try rows.filter { !$0.createdPerson && $0.personID != nil && $0.sealed != nil }.compactMap {
            row -> (UUID, ImportAdditions)? in
            let payload = try context.cipher.open(
                ImportRowPayload.self, from: row.sealed!, context: ImportRowRecord.sealContext(row.id!))
            return payload.additions.map { (row.personID!, $0) }
        }
        try await checkNothingDependsOn(created, batch: id, rows: rows)
        let now = context.clock()
        let deleted = Set(created)
        let touched = try await db.transaction { tx -> [(Person, PersonalData)] in
            let service = PeopleService(db: tx, actor: actor, context: context)
            var touched: [(Person, PersonalData)] = []
            for (person, added) in additions where !deleted.contains(person) {
                let (record, personal, _) = try await service.changeImported(
                    person, added, removing: true, batch: id, now: now, on: tx)
                touched.append((record, personal))
            }
            for chunk in stride(from: 0, to: created.count, by: 500).map({
                Array(created[$0..<min($0 + 500, created.count)])
            }) {
                try await PersonIdentifier.query(on: tx).filter(\.$personID ~~ chunk).delete()
                try await PersonRevision.query(on: tx).filter(\.$personID ~~ chunk).delete()
                try await ImportRowRecord.query(on: tx).filter(\.$personID ~~ chunk).set(\.$personID, to: nil).update()
                try await Person.query(on: tx).filter(\.$id ~~ chunk).delete()
            }
            batch.undoneAt = now
            batch.undoneBy = actorUUID
            try await batch.update(on: tx)
            try await AuditTrail.append(
                action: "import.undone", actorID: actor.userID, recordType: "import", recordID: id.uuidString,
                detail: "deleted=\(created.count),changed=\(touched.count)", now: now, key: context.keys.audit, on: tx)
            return touched
        }
        for person in created { context.names.drop(person, updatedAt: now) }
        for (person, personal) in touched { context.names.put(person, personal) }
    }

    /// Every record that points at a person the batch created, and every change made to them since.
    private func checkNothingDependsOn(_ created: [UUID], batch: UUID, rows: [ImportRowRecord]) async throws {
        guard !created.isEmpty else { return }
        let sql = db as! any SQLDatabase
        var found: [UUID: Set<String>] = [:]
        let ownTables: Set<String> = ["person_identifiers", "person_revisions", "import_rows"]
        let references = TableReference.all.filter { $0.parent == Person.schema && !ownTables.contains($0.table) }
        for chunk in stride(from: 0, to: created.count, by: 500).map({
            Array(created[$0..<min($0 + 500, created.count)])
        }) {
            for reference in references {
                let hits = try await sql.select().column(reference.column).from(reference.table)
                    .where(SQLIdentifier(reference.column), .in, SQLBind.group(chunk)).all()
                for hit in hits {
                    let id = try hit.decode(column: reference.column, as: UUID.self)
                    found[id, default: []].insert(reference.table.replacingOccurrences(of: "_", with: " "))
                }
            }
            // Additions by this batch's own review decisions raise a created person's version too.
            for person in try await Person.query(on: db).filter(\.$id ~~ chunk).all() {
                let ownChanges = rows.filter { !$0.createdPerson && $0.personID == person.id }.count
                if person.version > 1 + ownChanges { found[person.id!, default: []].insert("edited since") }
                if person.mergedInto != nil { found[person.id!, default: []].insert("merged") }
            }
        }
        guard !found.isEmpty else { return }
        let numbers = try await people.registrationNumbers(Array(found.keys))
        let reasons = found.keys.sorted { (numbers[$0] ?? "") < (numbers[$1] ?? "") }.map { id in
            "\(numbers[id] ?? id.uuidString): " + found[id]!.sorted().joined(separator: ", ")
        }
        throw ImportError.undoBlocked(reasons)
    }
}

extension ImportService {
    /// The centre a batch imported into (the command line acts for that centre).
    public static func centre(ofBatch id: UUID, on db: any Database) async throws -> String? {
        try await ImportBatch.find(id, on: db)?.centreCode
    }
}
