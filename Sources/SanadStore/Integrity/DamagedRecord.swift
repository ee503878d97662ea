import Fluent
import Foundation

/// A stored value found unreadable — a sealed field that no longer opens, a blind index that no longer matches its
/// record — and what became of it (issue 16). One row per damaged value; the first finding is audited, later
/// ones only find the row there.
final class DamagedRecord: Model, @unchecked Sendable {
    static let schema = "damaged_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "table_name") var table: String
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "column_name") var column: String
    /// The person the value belongs to, when there is one: that person leaves the name index, lists and exports.
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "found_at") var foundAt: Date
    /// Where it was found: `start-up`, a route pattern, `check`, an export.
    @Field(key: "found_in") var foundIn: String
    @Field(key: "status") var status: String
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "resolved_by") var resolvedBy: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}
}

/// What a damaged value is, and what has been done about it.
public enum DamageKind: String, Codable, Sendable, CaseIterable {
    /// A sealed field that no longer opens with the database's key.
    case sealedValue = "sealed-value"
    /// A person's phone or document look-up that no longer matches what the sealed record says.
    case blindIndex = "blind-index"
}

public enum DamageStatus: String, Codable, Sendable, CaseIterable {
    /// Left out of the name index, lists and exports until an administrator acts.
    case damaged
    /// The value was brought back from a backup, or the index rebuilt from the record: it reads again.
    case repaired
    /// Given up with a reason: stays out of lists and exports for good.
    case retired
}

struct CreateDamagedRecords: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DamagedRecord.schema)
            .id()
            .field("table_name", .string, .required)
            .field("record_id", .uuid, .required)
            .field("column_name", .string, .required)
            .field("person_id", .uuid)
            .field("kind", .string, .required)
            .field("found_at", .datetime, .required)
            .field("found_in", .string, .required)
            .field("status", .string, .required)
            .field("resolution", .string)
            .field("resolved_by", .string)
            .field("resolved_at", .datetime)
            .unique(on: "table_name", "record_id", "column_name")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DamagedRecord.schema).delete()
    }
}
