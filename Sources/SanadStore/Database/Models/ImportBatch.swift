import Fluent
import Foundation
import SQLKit

/// One run of `sanad import people` or of the import wizard: which file (by its hash), into which centre, by whom.
/// A file is imported once per centre; an undone batch frees it to be imported again.
final class ImportBatch: Model, @unchecked Sendable {
    static let schema = "import_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "file_hash") var fileHash: String
    @Field(key: "row_count") var rowCount: Int
    /// Outcome counts at import, as `outcome=count,…` (the rows hold the current state after review).
    @Field(key: "counts") var counts: String
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "undone_by") var undoneBy: UUID?
    @OptionalField(key: "undone_at") var undoneAt: Date?

    init() {}
}

/// What became of one row of an imported file. `sealed` holds what a later step needs: for a row held for review,
/// the registration it would make; for a row added to a person, what it added (so that undo takes exactly that).
final class ImportRowRecord: Model, @unchecked Sendable {
    static let schema = "import_rows"

    @ID(key: .id) var id: UUID?
    @Field(key: "batch_id") var batchID: UUID
    @Field(key: "row") var row: Int
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "person_id") var personID: UUID?
    /// The registered person a held row may be.
    @OptionalField(key: "candidate_id") var candidateID: UUID?
    @OptionalField(key: "earlier_row") var earlierRow: Int?
    @Field(key: "reason") var reason: String
    @OptionalField(key: "sealed") var sealed: Data?
    /// True when this row created `person_id` (undo deletes it), false when it added to an existing person.
    @Field(key: "created_person") var createdPerson: Bool
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}

    static func sealContext(_ id: UUID) -> String { "import_rows/\(id.uuidString)" }
}

struct CreateImports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ImportBatch.schema).id()
            .field("centre_code", .string, .required)
            .field("file_hash", .string, .required)
            .field("row_count", .int, .required)
            .field("counts", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("undone_by", .uuid)
            .field("undone_at", .datetime)
            .create()
        try await db.schema(ImportRowRecord.schema).id()
            .field("batch_id", .uuid, .required, .references(ImportBatch.schema, "id", onDelete: .cascade))
            .field("row", .int, .required)
            .field("outcome", .string, .required)
            .field("person_id", .uuid)
            .field("candidate_id", .uuid)
            .field("earlier_row", .int)
            .field("reason", .string, .required)
            .field("sealed", .data)
            .field("created_person", .bool, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .unique(on: "batch_id", "row")
            .create()
        if let sql = db as? any SQLDatabase {
            // One live batch per file and centre, even when the same file is imported twice at once.
            try await sql.raw(
                """
                CREATE UNIQUE INDEX import_batches_file ON import_batches (centre_code, file_hash) \
                WHERE undone_at IS NULL
                """
            ).run()
            try await sql.create(index: "import_rows_person").on(ImportRowRecord.schema).column("person_id").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ImportRowRecord.schema).delete()
        try await db.schema(ImportBatch.schema).delete()
    }
}
