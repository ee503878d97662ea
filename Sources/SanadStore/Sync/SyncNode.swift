import Fluent
import Foundation

/// A field office enrolled with this (central) Sanad (issue 11, item 1). Until the office joins, only a digest of
/// its one-time enrolment code is kept; after, its Ed25519 public key. A revoked node keeps its row, so that what
/// it sent stays attributable and its later bundles are refused by name.
final class SyncNode: Model, @unchecked Sendable {
    static let schema = "sync_nodes"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "centres") var centres: [String]
    /// SHA-256 of the enrolment code, hex; nil once used.
    @OptionalField(key: "enrolment_digest") var enrolmentDigest: String?
    @OptionalField(key: "public_key") var publicKey: Data?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "joined_at") var joinedAt: Date?
    @OptionalField(key: "last_contact") var lastContact: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// The office's block of registration numbers (`RegistrationSeries`), so numbers made offline never collide.
    @OptionalField(key: "series") var series: Int?

    init() {}

    init(name: String, centres: [String], enrolmentDigest: String, createdAt: Date) {
        id = UUID()
        self.name = name
        self.centres = centres
        self.enrolmentDigest = enrolmentDigest
        self.createdAt = createdAt
    }
}

struct CreateSyncNodes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SyncNode.schema).id()
            .field("name", .string, .required)
            .field("centres", .array(of: .string), .required)
            .field("enrolment_digest", .string)
            .field("public_key", .data)
            .field("created_at", .datetime, .required)
            .field("joined_at", .datetime)
            .field("last_contact", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SyncNode.schema).delete()
    }
}
