import Fluent

struct CreateCentres: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Centre.schema)
            .id()
            .field("code", .string, .required)
            .field("prefix", .string, .required)
            .field("name_en", .string, .required)
            .field("name_ar", .string, .required)
            .field("state_pcode", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .unique(on: "prefix")
            .create()
        for centre in Centre.founding() { try await centre.create(on: db) }
    }

    func revert(on db: any Database) async throws { try await db.schema(Centre.schema).delete() }
}

extension Centre {
    /// The three centres of the reference operation, present from the first start.
    static func founding() -> [Centre] {
        [
            Centre(code: "SD01", prefix: "KRT", nameEN: "Khartoum", nameAR: "الخرطوم", statePcode: "SD01"),
            Centre(code: "SD12", prefix: "GDF", nameEN: "Gedaref", nameAR: "القضارف", statePcode: "SD12"),
            Centre(code: "SD11", prefix: "KSL", nameEN: "Kassala", nameAR: "كسلا", statePcode: "SD11"),
        ]
    }
}

struct CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("centres", .array(of: .string), .required)
            .field("locale", .string)
            .field("disabled", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await db.schema(AuthSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema(LoginThrottle.schema)
            .id()
            .field("subject", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("locked_until", .datetime)
            .unique(on: "subject")
            .create()
        try await db.schema(Setting.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [Setting.schema, LoginThrottle.schema, AuthSession.schema, User.schema] {
            try await db.schema(schema).delete()
        }
    }
}
