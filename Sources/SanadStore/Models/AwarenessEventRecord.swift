import Fluent
import Foundation

/// An awareness-raising event. It holds no personal data: participants are counts by sex and age group.
public final class AwarenessEventRecord: Model, @unchecked Sendable {
    public static let schema = "awareness_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "type") public var type: String
    @Field(key: "title") public var title: String
    @Field(key: "start_date") public var startDate: String
    @OptionalField(key: "end_date") public var endDate: String?
    @Field(key: "state_pcode") public var statePcode: String
    @OptionalField(key: "locality_pcode") public var localityPcode: String?
    @Field(key: "centre_code") public var centreCode: String
    @Field(key: "partners") public var partners: [String]
    @Field(key: "f_children") public var femaleChildren: Int
    @Field(key: "f_adults") public var femaleAdults: Int
    @Field(key: "m_children") public var maleChildren: Int
    @Field(key: "m_adults") public var maleAdults: Int
    @Field(key: "i_children") public var otherChildren: Int
    @Field(key: "i_adults") public var otherAdults: Int
    @Field(key: "u_children") public var unknownChildren: Int
    @Field(key: "u_adults") public var unknownAdults: Int
    @OptionalField(key: "community") public var community: String?
    /// "kind<TAB>count" per material, in the order given.
    @Field(key: "materials") public var materials: [String]
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

struct CreateAwarenessEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        var builder = db.schema(AwarenessEventRecord.schema).id()
            .field("type", .string, .required)
            .field("title", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("state_pcode", .string, .required)
            .field("locality_pcode", .string)
            .field("centre_code", .string, .required)
            .field("partners", .array(of: .string), .required)
        for cell in [
            "f_children", "f_adults", "m_children", "m_adults", "i_children", "i_adults", "u_children", "u_adults",
        ] {
            builder = builder.field(.string(cell), .int, .required)
        }
        try await builder
            .field("community", .string)
            .field("materials", .array(of: .string), .required)
            .field("notes", .string)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AwarenessEventRecord.schema).delete()
    }
}
