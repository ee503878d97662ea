import Fluent
import Foundation
import SQLKit

/// What a node keeps of synchronisation between exchanges: the merge engine's state (`SyncOffice` on an office,
/// `SyncCentre` at the centre) and where it last read the change log. It is saved in the same transaction as the
/// rows an exchange writes, so a crash in the middle leaves the previous state and rows, and the next exchange
/// repeats the work (each operation is taken once).
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

/// The state table, and cases in the change log (their rows travel: `SyncTable`).
struct CreateSyncState: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SyncStateRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("body", .data, .required)
            .create()
        try await CreateChangeLog.addTriggers(["cases"], on: db as! any SQLDatabase)
        try await db.schema(SyncNode.schema).field("series", .int).update()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "change_log_cases_\(event)")").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS change_log_cases ON cases").run()
        }
        try await db.schema(SyncNode.schema).deleteField("series").update()
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
