import Fluent
import Foundation

/// A case: one person's assistance at one centre. The stage drives the HTCDS status; notes live apart, sealed.
final class CaseRecord: Model, @unchecked Sendable {
    static let schema = "cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @OptionalField(key: "caseworker_id") var caseworkerID: UUID?
    @Field(key: "priority") var priority: String
    @Field(key: "risk") var risk: String
    @Field(key: "stage") var stage: String
    @OptionalField(key: "closure_reason") var closureReason: String?
    @Field(key: "opened_on") var openedOn: String
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A dated note on a case; the text is sealed.
final class CaseNote: Model, @unchecked Sendable {
    static let schema = "case_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "sealed") var sealed: Data
    @Field(key: "at") var at: Date

    init() {}
}

/// A request for a supervisor's decision (care plan, closure, trafficking confirmation) and its answer.
final class ApprovalRecord: Model, @unchecked Sendable {
    static let schema = "approvals"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: String
    /// `pending`, `approved` or `rejected`.
    @Field(key: "status") var status: String
    /// What is asked: the closure reason, or the trafficking status to confirm.
    @OptionalField(key: "subject") var subject: String?
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "comment_sealed") var commentSealed: Data?

    init() {}
}

/// A request to hand a case to another caseworker or centre.
final class CaseTransfer: Model, @unchecked Sendable {
    static let schema = "case_transfers"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "from_centre") var fromCentre: String
    @Field(key: "to_centre") var toCentre: String
    @OptionalField(key: "to_user") var toUser: UUID?
    @Field(key: "status") var status: String
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?

    init() {}
}

/// One line of a care plan. The need is sealed; the service, partner and due date stay in clear for work lists.
final class PlanItem: Model, @unchecked Sendable {
    static let schema = "plan_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "need_sealed") var needSealed: Data
    @Field(key: "service_type") var serviceType: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "due") var due: String
    /// `open`, `done` or `cancelled`.
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An explicit follow-up someone promised to do by a date.
final class FollowUp: Model, @unchecked Sendable {
    static let schema = "follow_ups"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "due") var due: String
    @Field(key: "note_sealed") var noteSealed: Data
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "done_at") var doneAt: Date?

    init() {}
}
