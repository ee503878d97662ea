import Fluent
import Foundation
import SQLKit

/// Every column that holds a value sealed by `FieldCipher`, with the associated data it was sealed under, so that
/// a key rotation can re-seal each one without knowing what it holds. A sealed column missing here would keep its
/// old key; `KeyRotationTests` looks at every blob in the database after a rotation to catch that.
struct SealedColumn: Sendable {
    let table: String
    let column: String
    /// Columns besides `id` the context is made of.
    let extra: [String]
    let context: @Sendable (UUID, any SQLRow) throws -> String

    init(
        _ table: String, _ column: String, extra: [String] = [],
        context: @escaping @Sendable (UUID, any SQLRow) throws -> String
    ) {
        self.table = table
        self.column = column
        self.extra = extra
        self.context = context
    }

    /// Up to `limit` rows after `after` in id order: the id, the sealed value and what its context needs.
    func page(after: UUID?, limit: Int, on db: any Database) async throws -> [any SQLRow] {
        var query = (db as! any SQLDatabase).select().column("id").column(column).columns(extra).from(table)
        if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
        return try await query.orderBy("id").limit(limit).all()
    }

    /// Every sealed value of every column, a page at a time: the column, the row's id, the value and the context
    /// it was sealed under (`KeyCensus`, `IntegrityCheck`).
    static func eachValue(
        on db: any Database, batch: Int, _ body: (SealedColumn, UUID, Data, String) async throws -> Void
    ) async throws {
        for column in all {
            var after: UUID?
            while true {
                let rows = try await column.page(after: after, limit: batch, on: db)
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    guard let data = try row.decode(column: column.column, as: Data?.self) else { continue }
                    try await body(column, id, data, try column.context(id, row))
                }
                guard let last = rows.last, rows.count == batch else { break }
                after = try last.decode(column: "id", as: UUID.self)
            }
        }
    }

    static let all: [SealedColumn] = [
        SealedColumn("people", "sealed") { id, _ in Person.sealContext(id) },
        SealedColumn("person_revisions", "sealed_changes", extra: ["person_id", "version"]) { _, row in
            let person = try row.decode(column: "person_id", as: UUID.self)
            let version = try row.decode(column: "version", as: Int.self)
            return "person_revisions/\(person.uuidString)/\(version)"
        },
        SealedColumn("person_merges", "sealed_additions") { id, _ in "person_merges/\(id.uuidString)" },
        SealedColumn("referrals", "shared_sealed") { id, _ in "referrals/\(id.uuidString)" },
        SealedColumn("screenings", "sealed") { id, _ in "screenings/\(id.uuidString)/answers" },
        SealedColumn("vulnerability_assessments", "sealed") { id, _ in "vulnerability_assessments/\(id.uuidString)" },
        SealedColumn("case_notes", "sealed") { id, _ in "case-notes/\(id.uuidString)" },
        SealedColumn("approvals", "comment_sealed") { id, _ in "approvals/\(id.uuidString)" },
        SealedColumn("plan_items", "need_sealed") { id, _ in "plan-items/\(id.uuidString)" },
        SealedColumn("follow_ups", "note_sealed") { id, _ in "follow-ups/\(id.uuidString)" },
        SealedColumn("returns", "place_sealed") { id, _ in "returns/\(id.uuidString)/place" },
        SealedColumn("return_steps", "documents_sealed") { id, _ in "return-steps/\(id.uuidString)" },
        SealedColumn("attachment_blobs", "key_sealed") { id, _ in AttachmentBlob.sealContext(id) },
        SealedColumn("attachments", "sealed") { id, _ in AttachmentRecord.sealContext(id) },
        SealedColumn("import_rows", "sealed") { id, _ in ImportRowRecord.sealContext(id) },
        SealedColumn("users", "totp_sealed") { id, _ in "users/\(id.uuidString)/totp" },
        SealedColumn("users", "totp_pending") { id, _ in "users/\(id.uuidString)/totp-pending" },
    ]
}
