import Fluent
import Foundation

/// A case: one person's assistance at one centre. The stage drives the HTCDS status; notes live apart, sealed.
public final class CaseRecord: Model, @unchecked Sendable {
    public static let schema = "cases"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @OptionalField(key: "caseworker_id") public var caseworkerID: UUID?
    @Field(key: "priority") public var priority: String
    @Field(key: "risk") public var risk: String
    @Field(key: "stage") public var stage: String
    @OptionalField(key: "closure_reason") public var closureReason: String?
    @Field(key: "opened_on") public var openedOn: String
    @OptionalField(key: "closed_on") public var closedOn: String?
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// A dated note on a case; the text is sealed.
public final class CaseNote: Model, @unchecked Sendable {
    public static let schema = "case_notes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "sealed") public var sealed: Data
    @Field(key: "at") public var at: Date

    public init() {}
}

/// A request for a supervisor's decision (care plan, closure, trafficking confirmation) and its answer.
public final class ApprovalRecord: Model, @unchecked Sendable {
    public static let schema = "approvals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "kind") public var kind: String
    /// `pending`, `approved` or `rejected`.
    @Field(key: "status") public var status: String
    /// What is asked: the closure reason, or the trafficking status to confirm.
    @OptionalField(key: "subject") public var subject: String?
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "comment_sealed") public var commentSealed: Data?

    public init() {}
}

/// A request to hand a case to another caseworker or centre.
public final class CaseTransfer: Model, @unchecked Sendable {
    public static let schema = "case_transfers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "from_centre") public var fromCentre: String
    @Field(key: "to_centre") public var toCentre: String
    @OptionalField(key: "to_user") public var toUser: UUID?
    @Field(key: "status") public var status: String
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "reason") public var reason: String?

    public init() {}
}

/// One line of a care plan. The need is sealed; the service, partner and due date stay in clear for work lists.
public final class PlanItem: Model, @unchecked Sendable {
    public static let schema = "plan_items"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "need_sealed") public var needSealed: Data
    @Field(key: "service_type") public var serviceType: String
    @OptionalField(key: "partner_id") public var partnerID: UUID?
    @Field(key: "due") public var due: String
    /// `open`, `done` or `cancelled`.
    @Field(key: "status") public var status: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An explicit follow-up someone promised to do by a date.
public final class FollowUp: Model, @unchecked Sendable {
    public static let schema = "follow_ups"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "due") public var due: String
    @Field(key: "note_sealed") public var noteSealed: Data
    @Field(key: "created_by") public var createdBy: UUID
    @OptionalField(key: "done_at") public var doneAt: Date?

    public init() {}
}
