import Fluent
import Foundation

/// A supervisor's confirmation that two records are one person. The merged record stays in the database
/// (pointing at the survivor) so its history and audit remain; what the merge added to the survivor is sealed
/// here so that an undo removes exactly that.
public final class PersonMerge: Model, @unchecked Sendable {
    public static let schema = "person_merges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "survivor_id") public var survivorID: UUID
    @Field(key: "merged_id") public var mergedID: UUID
    @Field(key: "merged_by") public var mergedBy: UUID
    @Field(key: "merged_at") public var mergedAt: Date
    @Field(key: "sealed_additions") public var sealedAdditions: Data
    @Field(key: "added_flags") public var addedFlags: [String]
    @Field(key: "added_languages") public var addedLanguages: [String]
    @OptionalField(key: "undone_by") public var undoneBy: UUID?
    @OptionalField(key: "undone_at") public var undoneAt: Date?

    public init() {}
}

/// Two records a supervisor confirmed are different people; never proposed as duplicates again.
public final class DistinctPair: Model, @unchecked Sendable {
    public static let schema = "distinct_pairs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "first_id") public var firstID: UUID
    @Field(key: "second_id") public var secondID: UUID
    @Field(key: "decided_by") public var decidedBy: UUID
    @Field(key: "decided_at") public var decidedAt: Date

    public init() {}
}
