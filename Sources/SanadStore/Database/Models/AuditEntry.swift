import Fluent
import Foundation

final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    /// Sequence numbers are given by the store inside the append transaction, never by the database, so that
    /// the chain's order does not depend on a driver's auto-increment.
    @ID(custom: "seq", generatedBy: .user) var id: Int?
    @Field(key: "at") var at: String
    @OptionalField(key: "actor_id") var actorID: String?
    @Field(key: "action") var action: String
    @OptionalField(key: "record_type") var recordType: String?
    @OptionalField(key: "record_id") var recordID: String?
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}

/// A single row holding the chain's head; updating it first serialises concurrent appends on both databases.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var seq: Int
    @Field(key: "hash") var hash: String

    init() {}

    init(id: Int, seq: Int, hash: String) {
        self.id = id
        self.seq = seq
        self.hash = hash
    }
}

/// Per-centre, per-year counters behind registration numbers.
final class RegistrationCounter: Model, @unchecked Sendable {
    static let schema = "registration_counters"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "year") var year: Int
    @Field(key: "last") var last: Int

    init() {}
}
