import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import SanadCore

/// A small named value a node keeps about synchronisation (its role's settings, its registration block).
final class SyncStateRecord: Model, @unchecked Sendable {
    static let schema = "sync_state"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "body") var body: Data

    init() {}

    init(name: String, body: Data) {
        id = name
        self.body = body
    }

    static func load<T: Decodable>(_ type: T.Type, name: String, on db: any Database) async throws -> T? {
        guard let row = try await SyncStateRecord.find(name, on: db) else { return nil }
        return try JSONDecoder().decode(T.self, from: row.body)
    }

    static func save<T: Encodable>(_ value: T, name: String, on db: any Database) async throws {
        let body = try JSONEncoder().encode(value)
        if let row = try await SyncStateRecord.find(name, on: db) {
            row.body = body
            try await row.update(on: db)
        } else {
            try await SyncStateRecord(name: name, body: body).create(on: db)
        }
    }
}

/// The merge engine's state in three tables written a row per change — fields, the centre's feed, operations —
/// so an exchange saves what it changed, not everything (`SyncCentreChanges`, `SyncOfficeChanges`).
struct CreateSyncState: AsyncMigration {
    /// Tables that travel (`SyncTable`) and were not in the change log yet.
    static let logged = [
        "cases", "vulnerability_assessments", "case_notes", "plan_items", "follow_ups", "approvals",
        "awareness_events",
    ]

    func prepare(on db: any Database) async throws {
        try await db.schema(SyncStateRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("body", .data, .required)
            .create()
        let sql = db as! any SQLDatabase
        let blob = sql.dialect.name == "sqlite" ? "BLOB" : "BYTEA"
        try await sql.raw(
            """
            CREATE TABLE sync_fields (record TEXT NOT NULL, field TEXT NOT NULL, body \(unsafeRaw: blob) NOT NULL,
            PRIMARY KEY (record, field))
            """
        ).run()
        try await sql.raw(
            "CREATE TABLE sync_log (position BIGINT PRIMARY KEY, body \(unsafeRaw: blob) NOT NULL)"
        ).run()
        try await sql.raw(
            """
            CREATE TABLE sync_operations (node TEXT NOT NULL, sequence BIGINT NOT NULL,
            body \(unsafeRaw: blob) NOT NULL, PRIMARY KEY (node, sequence))
            """
        ).run()
        try await CreateChangeLog.addTriggers(Self.logged, on: sql)
        try await db.schema(SyncNode.schema).field("series", .int).update()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for table in Self.logged {
            if sql.dialect.name == "sqlite" {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "change_log_\(table)_\(event)")").run()
                }
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "change_log_\(table)") ON \(unsafeRaw: table)")
                    .run()
            }
        }
        try await db.schema(SyncNode.schema).deleteField("series").update()
        for table in ["sync_operations", "sync_log", "sync_fields"] {
            try await sql.raw("DROP TABLE \(unsafeRaw: table)").run()
        }
        try await db.schema(SyncStateRecord.schema).delete()
    }
}

/// Registration numbers are counted per centre and year on every node, so an office and the centre working apart
/// would hand out the same ones. Each office counts in its own block instead: the centre from 1, office n from
/// n × 100,000 (`KRT-2026-300001` was registered at the third office), which `RegistrationNumber.parse` still reads.
enum RegistrationSeries {
    static let stateName = "series"
    static let block = 100_000

    static func base(on db: any Database) async throws -> Int {
        (try await SyncStateRecord.load(Int.self, name: stateName, on: db) ?? 0) * block
    }
}

/// The engine as this process last saved it, with the generation it saved; another process (a `sanad sync
/// import` beside the server) moves the generation on, and the next exchange reads the tables again.
final class SyncCache: Sendable {
    struct Entry: @unchecked Sendable {
        var generation: Int
        var value: Any
    }

    private let box = NIOLockedValueBox<[String: Entry]>([:])

    func get<T>(_ name: String, generation: Int, as type: T.Type) -> T? {
        box.withLockedValue { entries in
            guard let entry = entries[name], entry.generation == generation else { return nil }
            return entry.value as? T
        }
    }

    func put(_ name: String, generation: Int, _ value: Any) {
        box.withLockedValue { $0[name] = Entry(generation: generation, value: value) }
    }
}
