import Fluent
import Foundation

/// A partner organisation in the directory. Nothing here is about a migrant.
public final class Partner: Model, @unchecked Sendable {
    public static let schema = "partners"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "org_type") public var orgType: String
    @Field(key: "services") public var services: [String]
    @Field(key: "states") public var states: [String]
    @OptionalField(key: "focal_point") public var focalPoint: String?
    @OptionalField(key: "contact") public var contact: String?

    public init() {}
}

/// A person's recorded consent to share with one partner; withdrawing it stops further referrals.
public final class ReferralConsent: Model, @unchecked Sendable {
    public static let schema = "referral_consents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "partner_id") public var partnerID: UUID
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "at") public var at: Date
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?

    public init() {}
}

/// A referral to a partner. What is shared is copied and sealed at sending, so the partner sees exactly what the
/// person agreed to, not whatever the record later holds.
public final class Referral: Model, @unchecked Sendable {
    public static let schema = "referrals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "partner_id") public var partnerID: UUID
    @Field(key: "service_type") public var serviceType: String
    @Field(key: "urgency") public var urgency: String
    @Field(key: "reason") public var reason: String
    @Field(key: "shared_fields") public var sharedFields: [String]
    @Field(key: "shared_sealed") public var sharedSealed: Data
    @Field(key: "status") public var status: String
    @OptionalField(key: "decline_reason") public var declineReason: String?
    @Field(key: "sent_on") public var sentOn: String
    @Field(key: "answer_due") public var answerDue: String
    @OptionalField(key: "answered_at") public var answeredAt: Date?
    @Field(key: "sent_by") public var sentBy: UUID
    @Field(key: "version") public var version: Int
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
