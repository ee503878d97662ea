import Fluent
import Foundation

public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    /// Sequence numbers are given by the store inside the append transaction, never by the database, so that
    /// the chain's order does not depend on a driver's auto-increment.
    @ID(custom: "seq", generatedBy: .user) public var id: Int?
    @Field(key: "at") public var at: String
    @OptionalField(key: "actor_id") public var actorID: String?
    @Field(key: "action") public var action: String
    @OptionalField(key: "record_type") public var recordType: String?
    @OptionalField(key: "record_id") public var recordID: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}
}

/// A single row holding the chain's head; updating it first serialises concurrent appends on both databases.
public final class AuditHead: Model, @unchecked Sendable {
    public static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) public var id: Int?
    @Field(key: "seq") public var seq: Int
    @Field(key: "hash") public var hash: String

    public init() {}

    public init(id: Int, seq: Int, hash: String) {
        self.id = id
        self.seq = seq
        self.hash = hash
    }
}

/// Per-centre, per-year counters behind registration numbers.
public final class RegistrationCounter: Model, @unchecked Sendable {
    public static let schema = "registration_counters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "year") public var year: Int
    @Field(key: "last") public var last: Int

    public init() {}
}
