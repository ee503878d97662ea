import Fluent
import Foundation
import SQLKit
import SanadCore

/// Reads and writes the merge engines' state (`CreateSyncState`'s tables), a row per changed field, feed entry or
/// operation, in the transaction of the exchange that changed them.
struct SyncStorage {
    let sql: any SQLDatabase

    init(_ db: any Database) { sql = db as! any SQLDatabase }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
    static let decoder = JSONDecoder()
    /// The row of `sync_fields` that holds a record's centre rather than a field.
    static let centreField = "#centre"

    struct FieldRow: Codable {
        var state: SyncFieldState?
        var history: [SyncOpID]?
        var centre: String?
    }

    /// An office's operation: its own (in the outbox until answered) or a fact from elsewhere.
    struct OfficeOperation: Codable {
        var operation: SyncOperation
        var outcome: SyncOutcome?
        var pending: Bool
        var fact: Bool
    }

    // MARK: Rows

    func fieldRows() async throws -> [(SyncFieldKey, FieldRow)] {
        try await sql.select().columns("record", "field", "body").from("sync_fields").all().map { row in
            (
                SyncFieldKey(
                    record: try row.decode(column: "record", as: String.self),
                    field: try row.decode(column: "field", as: String.self)),
                try Self.decoder.decode(FieldRow.self, from: row.decode(column: "body", as: Data.self))
            )
        }
    }

    func putFields(_ rows: [(SyncFieldKey, FieldRow?)]) async throws {
        let removed = rows.filter { $0.1 == nil }.map(\.0)
        for key in removed {
            try await sql.delete(from: "sync_fields").where("record", .equal, SQLBind(key.record))
                .where("field", .equal, SQLBind(key.field)).run()
        }
        let kept = try rows.compactMap { key, row in try row.map { (key, try Self.encoder.encode($0)) } }
        for start in stride(from: 0, to: kept.count, by: 300) {
            var insert = sql.insert(into: "sync_fields").columns("record", "field", "body")
            for (key, body) in kept[start..<min(kept.count, start + 300)] {
                insert = insert.values(SQLBind(key.record), SQLBind(key.field), SQLBind(body))
            }
            try await insert.onConflict(with: ["record", "field"]) { $0.set(excludedValueOf: "body") }.run()
        }
    }

    func operationRows<T: Decodable>(_ type: T.Type) async throws -> [T] {
        try await sql.select().column("body").from("sync_operations").all().map {
            try Self.decoder.decode(T.self, from: $0.decode(column: "body", as: Data.self))
        }
    }

    func putOperations(_ rows: [(SyncOpID, Data?)]) async throws {
        for (id, body) in rows where body == nil {
            try await sql.delete(from: "sync_operations").where("node", .equal, SQLBind(id.node))
                .where("sequence", .equal, SQLBind(id.sequence)).run()
        }
        let kept = rows.compactMap { id, body in body.map { (id, $0) } }
        for start in stride(from: 0, to: kept.count, by: 300) {
            var insert = sql.insert(into: "sync_operations").columns("node", "sequence", "body")
            for (id, body) in kept[start..<min(kept.count, start + 300)] {
                insert = insert.values(SQLBind(id.node), SQLBind(id.sequence), SQLBind(body))
            }
            try await insert.onConflict(with: ["node", "sequence"]) { $0.set(excludedValueOf: "body") }.run()
        }
    }

    func logRows() async throws -> [SyncLogEntry] {
        try await sql.select().columns("position", "body").from("sync_log").orderBy("position").all().map {
            try Self.decoder.decode(SyncLogEntry.self, from: $0.decode(column: "body", as: Data.self))
        }
    }

    func appendLog(_ entries: ArraySlice<SyncLogEntry>) async throws {
        let rows = try entries.indices.map { ($0, try Self.encoder.encode(entries[$0])) }
        for start in stride(from: 0, to: rows.count, by: 300) {
            var insert = sql.insert(into: "sync_log").columns("position", "body")
            for (position, body) in rows[start..<min(rows.count, start + 300)] {
                insert = insert.values(SQLBind(position), SQLBind(body))
            }
            try await insert.run()
        }
    }

    // MARK: The centre

    func loadCentre(node: String, received: [String: Int], nextSequence: Int, alarms: [SyncOperation]) async throws
        -> SyncCentre
    {
        var saved = SyncCentreSaved()
        for (key, row) in try await fieldRows() {
            if key.field == Self.centreField {
                saved.recordCentre[key.record] = row.centre
            } else if let state = row.state {
                saved.fields[key] = state
                if let history = row.history { saved.history[key] = history }
            }
        }
        saved.log = try await logRows()
        for entry in try await operationRows(SyncSavedOperation.self) { saved.operations[entry.operation.id] = entry }
        saved.received = received
        saved.nextSequence = nextSequence
        saved.alarms = alarms
        return SyncCentre(node: node, restoring: saved)
    }

    /// Writes what changed in `engine` and marks it saved.
    func saveCentre(_ engine: inout SyncCentre) async throws {
        let changes = engine.changes
        var rows: [(SyncFieldKey, FieldRow?)] = changes.fields.map {
            ($0, FieldRow(state: engine.fields[$0], history: engine.history[$0]))
        }
        rows += changes.records.map {
            (SyncFieldKey(record: $0, field: Self.centreField), FieldRow(centre: engine.recordCentre[$0]))
        }
        try await putFields(rows)
        try await appendLog(engine.log[changes.logFrom...])
        try await putOperations(
            try changes.operations.map { id in (id, try engine.saved(id).map { try Self.encoder.encode($0) }) })
        engine.clearChanges()
    }

    // MARK: An office

    func loadOffice(node: String, centres: Set<String>, nextSequence: Int, cursor: Int, gone: [String: Int])
        async throws -> SyncOffice
    {
        var saved = SyncOfficeSaved()
        for (key, row) in try await fieldRows() { saved.fields[key] = row.state }
        for row in try await operationRows(OfficeOperation.self) {
            if row.pending { saved.outbox.append(row.operation) }
            if let outcome = row.outcome { saved.outcomes[row.operation.id] = outcome }
            if row.fact { saved.facts[row.operation.id] = row.operation }
        }
        saved.nextSequence = nextSequence
        saved.cursor = cursor
        saved.gone = gone
        return SyncOffice(node: node, centres: centres, restoring: saved)
    }

    func saveOffice(_ engine: inout SyncOffice, madeHere: [SyncOpID: SyncOperation]) async throws {
        let changes = engine.changes
        try await putFields(changes.fields.map { ($0, engine.fields[$0].map { FieldRow(state: $0) }) })
        let pending = Dictionary(
            engine.outbox.filter { changes.operations.contains($0.id) }.map { ($0.id, $0) },
            uniquingKeysWith: { a, _ in a })
        var rows: [(SyncOpID, Data?)] = []
        for id in changes.operations.union(changes.facts) {
            let fact = engine.facts[id]
            guard let operation = pending[id] ?? madeHere[id] ?? fact else {
                rows.append((id, nil))
                continue
            }
            let row = OfficeOperation(
                operation: operation, outcome: engine.outcomes[id], pending: pending[id] != nil, fact: fact != nil)
            rows.append((id, try Self.encoder.encode(row)))
        }
        try await putOperations(rows)
        engine.clearChanges()
    }
}
