import Fluent
import Foundation

/// An assisted voluntary return, at one step of `AVRRStep` since a date.
public final class ReturnRecord: Model, @unchecked Sendable {
    public static let schema = "returns"

    @ID(key: .id) public var id: UUID?
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "country") public var country: String
    @Field(key: "place_sealed") public var placeSealed: Data
    @Field(key: "step") public var step: String
    @Field(key: "step_since") public var stepSince: String
    @Field(key: "version") public var version: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One step taken on a return: its date, who did it and which documents were noted (sealed).
public final class ReturnStep: Model, @unchecked Sendable {
    public static let schema = "return_steps"

    @ID(key: .id) public var id: UUID?
    @Field(key: "return_id") public var returnID: UUID
    @Field(key: "step") public var step: String
    @Field(key: "date") public var date: String
    @Field(key: "by_user") public var byUser: UUID
    @OptionalField(key: "documents_sealed") public var documentsSealed: Data?
    @Field(key: "at") public var at: Date

    public init() {}
}
