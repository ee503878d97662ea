import Fluent
import Foundation
import SanadCore

/// An awareness-raising event. It holds no personal data: participants are counts by sex and age group.
final class AwarenessEventRecord: Model, @unchecked Sendable {
    static let schema = "awareness_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "type") var type: String
    @Field(key: "title") var title: String
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @Field(key: "state_pcode") var statePcode: String
    @OptionalField(key: "locality_pcode") var localityPcode: String?
    @Field(key: "centre_code") var centreCode: String
    @Field(key: "partners") var partners: [String]
    @Field(key: "f_children") var femaleChildren: Int
    @Field(key: "f_adults") var femaleAdults: Int
    @Field(key: "m_children") var maleChildren: Int
    @Field(key: "m_adults") var maleAdults: Int
    @Field(key: "i_children") var otherChildren: Int
    @Field(key: "i_adults") var otherAdults: Int
    @Field(key: "u_children") var unknownChildren: Int
    @Field(key: "u_adults") var unknownAdults: Int
    @OptionalField(key: "community") var community: String?
    /// "kind<TAB>count" per material, in the order given.
    @Field(key: "materials") var materials: [String]
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The participant count columns, in `ParticipantGroup.all` order (sexes f, m, i, u(nknown); children before
    /// adults), with the group each counts.
    static let participantColumns: [(column: String, group: ParticipantGroup)] = ParticipantGroup.all.map {
        ($0.key, $0)
    }
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
        for cell in AwarenessEventRecord.participantColumns.map(\.column) {
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
