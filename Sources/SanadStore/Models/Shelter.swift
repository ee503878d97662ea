import Fluent
import Foundation

public final class Shelter: Model, @unchecked Sendable {
    public static let schema = "shelters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "name") public var name: String

    public init() {}
}

public final class Bed: Model, @unchecked Sendable {
    public static let schema = "beds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "shelter_id") public var shelterID: UUID
    @Field(key: "room") public var room: String
    @Field(key: "label") public var label: String
    @Field(key: "restriction") public var restriction: String

    public init() {}
}

/// One person in one bed from check-in to check-out. While `check_out` is empty the stay is open; a unique index
/// on open stays per bed (and per person) is what makes a double booking impossible, whatever the timing.
public final class Stay: Model, @unchecked Sendable {
    public static let schema = "stays"

    @ID(key: .id) public var id: UUID?
    @Field(key: "bed_id") public var bedID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "check_in") public var checkIn: String
    @OptionalField(key: "check_out") public var checkOut: String?
    @Field(key: "checked_in_by") public var checkedInBy: UUID

    public init() {}
}
