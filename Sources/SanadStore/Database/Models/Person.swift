import Fluent
import Foundation

/// A registered migrant. Personal fields live only in `sealed` (AES-GCM, bound to this id); the rest are
/// the facts that reports need.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "registration_number") var registrationNumber: String
    @Field(key: "sex") var sex: String
    @OptionalField(key: "birth_year") var birthYear: Int?
    @OptionalField(key: "estimated_age") var estimatedAge: Int?
    @OptionalField(key: "nationality") var nationality: String?
    @Field(key: "languages") var languages: [String]
    @OptionalField(key: "arrival_date") var arrivalDate: String?
    @Field(key: "flags") var flags: [String]
    @Field(key: "consent") var consent: [String]
    @OptionalField(key: "consent_recorded_by") var consentRecordedBy: UUID?
    @OptionalField(key: "consent_recorded_at") var consentRecordedAt: Date?
    @Field(key: "sealed") var sealed: Data
    @Field(key: "version") var version: Int
    @OptionalField(key: "trafficking_status") var traffickingStatus: String?
    /// Set when a supervisor merged this record into another; such records leave lists, search and matching.
    @OptionalField(key: "merged_into") var mergedInto: UUID?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Blind indexes for exact look-ups of encrypted values (phone, document number).
final class PersonIdentifier: Model, @unchecked Sendable {
    static let schema = "person_identifiers"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "digest") var digest: String

    init() {}

    init(personID: UUID, kind: String, digest: String) {
        self.id = UUID()
        self.personID = personID
        self.kind = kind
        self.digest = digest
    }
}

/// One change to a person: which fields changed (names of fields, in clear) and the old and new values (sealed).
final class PersonRevision: Model, @unchecked Sendable {
    static let schema = "person_revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "actor_id") var actorID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "fields") var fields: [String]
    @Field(key: "sealed_changes") var sealedChanges: Data

    init() {}
}
