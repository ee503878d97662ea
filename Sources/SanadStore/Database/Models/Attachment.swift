import Fluent
import Foundation
import SQLKit

/// One stored file's content, encrypted in the data folder under its address (`BlobStore`). The key that opens
/// it is random per blob and kept here sealed under the data key, so a key rotation re-seals this row and never
/// touches the file.
final class AttachmentBlob: Model, @unchecked Sendable {
    static let schema = "attachment_blobs"

    @ID(key: .id) var id: UUID?
    /// HMAC-SHA-256 of the content under a key of the installation, in hex: the same file is stored once, and the
    /// address says nothing to someone who has the disk but not the key.
    @Field(key: "address") var address: String
    @Field(key: "size") var size: Int
    @Field(key: "key_sealed") var keySealed: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}

    static func sealContext(_ id: UUID) -> String { "attachment-blobs/\(id.uuidString)" }
}

/// A document attached to a record: who added it, what it is, and (sealed) its file name and caption.
final class AttachmentRecord: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "blob_id") var blobID: UUID
    /// `person`, `case`, … (`AttachmentOwner`).
    @Field(key: "owner_type") var ownerType: String
    @Field(key: "owner_id") var ownerID: UUID
    /// The person the record is about, for access and erasure.
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "kind") var kind: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    /// `AttachmentLabel` as JSON, sealed under "attachments/<id>".
    @Field(key: "sealed") var sealed: Data
    @Field(key: "added_by") var addedBy: UUID
    @Field(key: "added_at") var addedAt: Date
    @OptionalField(key: "retracted_at") var retractedAt: Date?
    @OptionalField(key: "retracted_by") var retractedBy: UUID?

    init() {}

    static func sealContext(_ id: UUID) -> String { "attachments/\(id.uuidString)" }
}

/// What is sealed of an attachment: the name it was uploaded under and the caption staff gave it.
struct AttachmentLabel: Codable, Sendable {
    var name: String
    var caption: String
}

struct CreateAttachments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AttachmentBlob.schema).id()
            .field("address", .string, .required)
            .field("size", .int64, .required)
            .field("key_sealed", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "address")
            .create()
        try await db.schema(AttachmentRecord.schema).id()
            .field("blob_id", .uuid, .required, .references(AttachmentBlob.schema, "id", onDelete: .restrict))
            .field("owner_type", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .restrict))
            .field("centre_code", .string, .required)
            .field("kind", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sealed", .data, .required)
            .field("added_by", .uuid, .required)
            .field("added_at", .datetime, .required)
            .field("retracted_at", .datetime)
            .field("retracted_by", .uuid)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "attachments_owner").on(AttachmentRecord.schema).column("owner_id").run()
            try await sql.create(index: "attachments_person").on(AttachmentRecord.schema).column("person_id").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AttachmentRecord.schema).delete()
        try await db.schema(AttachmentBlob.schema).delete()
    }
}
