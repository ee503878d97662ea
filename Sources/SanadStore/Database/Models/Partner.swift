import Fluent
import Foundation

/// A partner organisation in the directory. Nothing here is about a migrant.
final class Partner: Model, @unchecked Sendable {
    static let schema = "partners"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "org_type") var orgType: String
    @Field(key: "services") var services: [String]
    @Field(key: "states") var states: [String]
    @OptionalField(key: "focal_point") var focalPoint: String?
    @OptionalField(key: "contact") var contact: String?

    init() {}
}

/// A person's recorded consent to share with one partner; withdrawing it stops further referrals.
final class ReferralConsent: Model, @unchecked Sendable {
    static let schema = "referral_consents"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "partner_id") var partnerID: UUID
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    init() {}
}

/// A referral to a partner. What is shared is copied and sealed at sending, so the partner sees exactly what the
/// person agreed to, not whatever the record later holds.
final class Referral: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "partner_id") var partnerID: UUID
    @Field(key: "service_type") var serviceType: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "reason") var reason: String
    @Field(key: "shared_fields") var sharedFields: [String]
    @Field(key: "shared_sealed") var sharedSealed: Data
    @Field(key: "status") var status: String
    @OptionalField(key: "decline_reason") var declineReason: String?
    @Field(key: "sent_on") var sentOn: String
    @Field(key: "answer_due") var answerDue: String
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @Field(key: "sent_by") var sentBy: UUID
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
