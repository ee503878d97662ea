import Fluent
import Foundation
import SQLKit
import SanadCore

/// What both kinds of node do with their own database: read what changed locally into field values, and write
/// merged values back into rows (issue 11).
///
/// Local changes are found through the change log (`CreateChangeLog`), which the database writes in the same
/// transaction as the change itself: no write path can forget to record an edit, and a crash loses nothing. A
/// field becomes an operation when its value differs from what the merge last knew for it.
struct SyncReplica {
    let db: any Database
    let context: StoreContext

    struct Change {
        let record: String
        let centre: String
        let field: String
        let value: [UInt8]
    }

    /// The rows changed since `mark` (every row when nil), as the fields whose values differ from `current`.
    func capture(since mark: Int64?, current: (SyncFieldKey) -> [UInt8]?) async throws -> (
        mark: Int64, changes: [Change]
    ) {
        let sql = db as! any SQLDatabase
        let feed = ChangeFeed(sql: sql)
        let next = try await feed.mark()
        var ids: [String: Set<UUID>] = [:]
        if let mark {
            ids = try await feed.changes(since: mark, limit: 100_000_000) ?? [:]
        } else {
            for table in SyncTable.all {
                let rows = try await sql.select().column("id").from(table.name).all()
                ids[table.name] = Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
            }
        }
        var changes: [Change] = []
        for table in SyncTable.all {
            guard let changed = ids[table.name], !changed.isEmpty else { continue }
            let rows = try await table.read(Array(changed), db)
            for (id, fields) in rows.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                let record = SyncRecordName(table: table.name, id: id).text
                guard let centre = try await table.centre(fields, on: db) else { continue }
                for (field, value) in fields.sorted(by: { $0.key < $1.key })
                where current(SyncFieldKey(record: record, field: field)) != value {
                    changes.append(Change(record: record, centre: centre, field: field, value: value))
                }
            }
        }
        return (next, changes)
    }

    /// Writes each record's merged fields into its row, parents first, and returns the records that cannot be
    /// written yet (a field or the row they belong to has not arrived).
    func materialise(_ records: Set<String>, fields: [String: [String: [UInt8]]]) async throws -> Set<String> {
        var waiting: Set<String> = []
        let order = Dictionary(uniqueKeysWithValues: SyncTable.all.enumerated().map { ($1.name, $0) })
        let names = records.compactMap(SyncRecordName.init).filter { order[$0.table] != nil }.sorted {
            (order[$0.table]!, $0.id.uuidString) < (order[$1.table]!, $1.id.uuidString)
        }
        for name in names {
            let table = SyncTable.byName[name.table]!
            let values = fields[name.text] ?? [:]
            guard try await table.parentsExist(values, on: db),
                try await table.write(name.id, values, context.clock(), db)
            else {
                waiting.insert(name.text)
                continue
            }
            if name.table == Person.schema { try await reindex(name.id) }
        }
        return waiting
    }

    /// A person's look-ups follow their row: blind indexes in the database, names in memory.
    private func reindex(_ id: UUID) async throws {
        guard let person = try await Person.find(id, on: db),
            let personal = try? context.cipher.open(
                PersonalData.self, from: person.sealed, context: Person.sealContext(id))
        else { return }
        try await PersonIdentifier.query(on: db).filter(\.$personID == id).delete()
        for row in PeopleService.identifiers(id: id, personal: personal, digests: context.digests) {
            try await row.create(on: db)
        }
        context.names.put(person, personal)
    }

    /// The field values of `records` that `value` knows, by record: looked up field by field from each record's
    /// table, so an exchange costs what it touches, not every field the engine holds.
    static func index(_ records: Set<String>, _ value: (SyncFieldKey) -> [UInt8]?) -> [String: [String: [UInt8]]] {
        var out: [String: [String: [UInt8]]] = [:]
        for record in records {
            guard let name = SyncRecordName(record), let table = SyncTable.byName[name.table] else { continue }
            for field in table.fields {
                if let bytes = value(SyncFieldKey(record: record, field: field)) {
                    out[record, default: [:]][field] = bytes
                }
            }
        }
        return out
    }

    /// Whether any field of `record` is held in conflict.
    static func inConflict(_ record: String, _ state: (SyncFieldKey) -> SyncFieldState?) -> Bool {
        guard let name = SyncRecordName(record), let table = SyncTable.byName[name.table] else { return false }
        return table.fields.contains { state(SyncFieldKey(record: record, field: $0))?.inConflict == true }
    }
}
