import Fluent
import Foundation

/// A registered migrant. Personal fields live only in `sealed` (AES-GCM, bound to this id); the rest are
/// the facts that reports need.
public final class Person: Model, @unchecked Sendable {
    public static let schema = "people"

    @ID(key: .id) public var id: UUID?
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "registration_number") public var registrationNumber: String
    @Field(key: "sex") public var sex: String
    @OptionalField(key: "birth_year") public var birthYear: Int?
    @OptionalField(key: "estimated_age") public var estimatedAge: Int?
    @OptionalField(key: "nationality") public var nationality: String?
    @Field(key: "languages") public var languages: [String]
    @OptionalField(key: "arrival_date") public var arrivalDate: String?
    @Field(key: "flags") public var flags: [String]
    @Field(key: "consent") public var consent: [String]
    @OptionalField(key: "consent_recorded_by") public var consentRecordedBy: UUID?
    @OptionalField(key: "consent_recorded_at") public var consentRecordedAt: Date?
    @Field(key: "sealed") public var sealed: Data
    @Field(key: "version") public var version: Int
    @OptionalField(key: "trafficking_status") public var traffickingStatus: String?
    /// Set when a supervisor merged this record into another; such records leave lists, search and matching.
    @OptionalField(key: "merged_into") public var mergedInto: UUID?
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// Blind indexes for exact look-ups of encrypted values (phone, document number).
public final class PersonIdentifier: Model, @unchecked Sendable {
    public static let schema = "person_identifiers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "digest") public var digest: String

    public init() {}

    public init(personID: UUID, kind: String, digest: String) {
        self.id = UUID()
        self.personID = personID
        self.kind = kind
        self.digest = digest
    }
}

/// One change to a person: which fields changed (names of fields, in clear) and the old and new values (sealed).
public final class PersonRevision: Model, @unchecked Sendable {
    public static let schema = "person_revisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "version") public var version: Int
    @Field(key: "actor_id") public var actorID: UUID
    @Field(key: "at") public var at: Date
    @Field(key: "fields") public var fields: [String]
    @Field(key: "sealed_changes") public var sealedChanges: Data

    public init() {}
}
