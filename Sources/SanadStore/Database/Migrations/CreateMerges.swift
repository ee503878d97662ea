import Fluent

struct CreatePersonMerges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Person.schema).field("merged_into", .uuid).update()
        try await db.schema(PersonMerge.schema)
            .id()
            .field("survivor_id", .uuid, .required, .references(Person.schema, "id", onDelete: .restrict))
            .field("merged_id", .uuid, .required, .references(Person.schema, "id", onDelete: .restrict))
            .field("merged_by", .uuid, .required)
            .field("merged_at", .datetime, .required)
            .field("sealed_additions", .data, .required)
            .field("added_flags", .array(of: .string), .required)
            .field("added_languages", .array(of: .string), .required)
            .field("undone_by", .uuid)
            .field("undone_at", .datetime)
            .create()
        try await db.schema(DistinctPair.schema)
            .id()
            .field("first_id", .uuid, .required)
            .field("second_id", .uuid, .required)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "first_id", "second_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DistinctPair.schema).delete()
        try await db.schema(PersonMerge.schema).delete()
        try await db.schema(Person.schema).deleteField("merged_into").update()
    }
}
