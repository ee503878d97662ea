import Fluent
import Foundation

/// One trafficking screening interview. Answers and the interpreter's name are sealed; the instrument, the
/// status and the result stay in clear because supervision and reports need them.
public final class ScreeningRecord: Model, @unchecked Sendable {
    public static let schema = "screenings"

    public enum Status: String, Sendable { case inProgress = "in-progress", completed }

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "instrument_id") public var instrumentID: String
    @Field(key: "instrument_version") public var instrumentVersion: String
    @Field(key: "interviewer_id") public var interviewerID: UUID
    @Field(key: "language") public var language: String
    @Field(key: "place") public var place: String
    @Field(key: "date") public var date: String
    @Field(key: "consent") public var consent: [String]
    @Field(key: "status") public var status: String
    @Field(key: "sealed") public var sealed: Data
    @OptionalField(key: "conclusion") public var conclusion: String?
    @Field(key: "dimensions") public var dimensions: [String]
    @OptionalField(key: "supersedes") public var supersedes: UUID?
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "completed_at") public var completedAt: Date?

    public init() {}
}

/// Every change of a person's HTCDS trafficking status: from a screening, or a supervisor's recorded decision.
public final class TraffickingStatusChange: Model, @unchecked Sendable {
    public static let schema = "trafficking_status_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "status") public var status: String
    @OptionalField(key: "screening_id") public var screeningID: UUID?
    @Field(key: "decided_by") public var decidedBy: UUID
    @OptionalField(key: "decision_organisation") public var decisionOrganisation: String?
    @Field(key: "at") public var at: Date

    public init() {}
}
