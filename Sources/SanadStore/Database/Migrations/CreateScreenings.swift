import Fluent

struct CreateScreenings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ScreeningRecord.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .restrict))
            .field("centre_code", .string, .required)
            .field("instrument_id", .string, .required)
            .field("instrument_version", .string, .required)
            .field("interviewer_id", .uuid, .required)
            .field("language", .string, .required)
            .field("place", .string, .required)
            .field("date", .string, .required)
            .field("consent", .array(of: .string), .required)
            .field("status", .string, .required)
            .field("sealed", .data, .required)
            .field("conclusion", .string)
            .field("dimensions", .array(of: .string), .required)
            .field("supersedes", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("completed_at", .datetime)
            .create()
        try await db.schema(TraffickingStatusChange.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .restrict))
            .field("status", .string, .required)
            .field("screening_id", .uuid)
            .field("decided_by", .uuid, .required)
            .field("decision_organisation", .string)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(TraffickingStatusChange.schema).delete()
        try await db.schema(ScreeningRecord.schema).delete()
    }
}

/// The person's current HTCDS status, kept on the person so lists and reports need no join.
struct AddTraffickingStatusToPeople: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Person.schema).field("trafficking_status", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Person.schema).deleteField("trafficking_status").update()
    }
}
