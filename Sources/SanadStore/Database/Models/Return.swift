import Fluent
import Foundation

/// An assisted voluntary return, at one step of `AVRRStep` since a date.
final class ReturnRecord: Model, @unchecked Sendable {
    static let schema = "returns"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "country") var country: String
    @Field(key: "place_sealed") var placeSealed: Data
    @Field(key: "step") var step: String
    @Field(key: "step_since") var stepSince: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One step taken on a return: its date, who did it and which documents were noted (sealed).
final class ReturnStep: Model, @unchecked Sendable {
    static let schema = "return_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "return_id") var returnID: UUID
    @Field(key: "step") var step: String
    @Field(key: "date") var date: String
    @Field(key: "by_user") var byUser: UUID
    @OptionalField(key: "documents_sealed") var documentsSealed: Data?
    @Field(key: "at") var at: Date

    init() {}
}
