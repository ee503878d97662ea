import Fluent
import Foundation

/// One trafficking screening interview. Answers and the interpreter's name are sealed; the instrument, the
/// status and the result stay in clear because supervision and reports need them.
final class ScreeningRecord: Model, @unchecked Sendable {
    static let schema = "screenings"

    enum Status: String, Sendable { case inProgress = "in-progress", completed }

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "instrument_version") var instrumentVersion: String
    @Field(key: "interviewer_id") var interviewerID: UUID
    @Field(key: "language") var language: String
    @Field(key: "place") var place: String
    @Field(key: "date") var date: String
    @Field(key: "consent") var consent: [String]
    @Field(key: "status") var status: String
    @Field(key: "sealed") var sealed: Data
    @OptionalField(key: "conclusion") var conclusion: String?
    @Field(key: "dimensions") var dimensions: [String]
    @OptionalField(key: "supersedes") var supersedes: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "completed_at") var completedAt: Date?

    init() {}
}

/// Every change of a person's HTCDS trafficking status: from a screening, or a supervisor's recorded decision.
final class TraffickingStatusChange: Model, @unchecked Sendable {
    static let schema = "trafficking_status_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "screening_id") var screeningID: UUID?
    @Field(key: "decided_by") var decidedBy: UUID
    @OptionalField(key: "decision_organisation") var decisionOrganisation: String?
    @Field(key: "at") var at: Date

    init() {}
}
