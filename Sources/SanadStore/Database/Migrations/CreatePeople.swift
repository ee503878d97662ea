import Fluent

struct CreatePeople: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Person.schema)
            .id()
            .field("centre_code", .string, .required)
            .field("registration_number", .string, .required)
            .field("sex", .string, .required)
            .field("birth_year", .int)
            .field("estimated_age", .int)
            .field("nationality", .string)
            .field("languages", .array(of: .string), .required)
            .field("arrival_date", .string)
            .field("flags", .array(of: .string), .required)
            .field("consent", .array(of: .string), .required)
            .field("consent_recorded_by", .uuid)
            .field("consent_recorded_at", .datetime)
            .field("sealed", .data, .required)
            .field("version", .int, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "registration_number")
            .create()
        try await db.schema(PersonIdentifier.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("digest", .string, .required)
            .create()
        try await db.schema(PersonRevision.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("actor_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("fields", .array(of: .string), .required)
            .field("sealed_changes", .data, .required)
            .unique(on: "person_id", "version")
            .create()
        try await db.schema(RegistrationCounter.schema)
            .id()
            .field("centre_code", .string, .required)
            .field("year", .int, .required)
            .field("last", .int, .required)
            .unique(on: "centre_code", "year")
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [RegistrationCounter.schema, PersonRevision.schema, PersonIdentifier.schema, Person.schema] {
            try await db.schema(schema).delete()
        }
    }
}

struct CreateAuditTrail: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema)
            .field("seq", .int, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor_id", .string)
            .field("action", .string, .required)
            .field("record_type", .string)
            .field("record_id", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await db.schema(AuditHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditHead(id: 1, seq: 0, hash: "").create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AuditHead.schema).delete()
        try await db.schema(AuditEntry.schema).delete()
    }
}

public enum SanadMigrations {
    public static let all: [any Migration] = [
        CreateCentres(), CreateUsers(), CreatePeople(), CreateAuditTrail(), CreateScreenings(),
        AddTraffickingStatusToPeople(), CreateVulnerabilityAssessments(), CreatePersonMerges(), CreateCases(),
        CreateAwarenessEvents(), AddAuditDetail(), AddTwoFactor(), AddLookupIndexes(), CreateChangeLog(),
        CreateSyncNodes(), CreateSyncState(), CreateDamagedRecords(), CreateAttachments(),
        CreateImports(),
    ]
}

/// Refusals, sign-in addresses and what a list returned need a place beside the record id (issue 19, finding 4).
struct AddAuditDetail: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema).field("detail", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema).deleteField("detail").update()
    }
}

/// TOTP second factor and recovery codes (issue 12, item 2).
struct AddTwoFactor: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for (name, type) in [
            ("totp_sealed", DatabaseSchema.DataType.data), ("totp_pending", .data), ("totp_enabled_at", .datetime),
            ("totp_last_counter", .int64),
        ] {
            try await db.schema(User.schema).field(FieldKey(stringLiteral: name), type).update()
        }
        try await db.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RecoveryCode.schema).delete()
        for name in ["totp_sealed", "totp_pending", "totp_enabled_at", "totp_last_counter"] {
            try await db.schema(User.schema).deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
