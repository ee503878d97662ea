import Fluent
import Foundation

final class Shelter: Model, @unchecked Sendable {
    static let schema = "shelters"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "name") var name: String

    init() {}
}

final class Bed: Model, @unchecked Sendable {
    static let schema = "beds"

    @ID(key: .id) var id: UUID?
    @Field(key: "shelter_id") var shelterID: UUID
    @Field(key: "room") var room: String
    @Field(key: "label") var label: String
    @Field(key: "restriction") var restriction: String

    init() {}
}

/// One person in one bed from check-in to check-out. While `check_out` is empty the stay is open; a unique index
/// on open stays per bed (and per person) is what makes a double booking impossible, whatever the timing.
final class Stay: Model, @unchecked Sendable {
    static let schema = "stays"

    @ID(key: .id) var id: UUID?
    @Field(key: "bed_id") var bedID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "check_in") var checkIn: String
    @OptionalField(key: "check_out") var checkOut: String?
    @Field(key: "checked_in_by") var checkedInBy: UUID

    init() {}
}
