import Fluent
import Foundation

/// A supervisor's confirmation that two records are one person. The merged record stays in the database
/// (pointing at the survivor) so its history and audit remain; what the merge added to the survivor is sealed
/// here so that an undo removes exactly that.
final class PersonMerge: Model, @unchecked Sendable {
    static let schema = "person_merges"

    @ID(key: .id) var id: UUID?
    @Field(key: "survivor_id") var survivorID: UUID
    @Field(key: "merged_id") var mergedID: UUID
    @Field(key: "merged_by") var mergedBy: UUID
    @Field(key: "merged_at") var mergedAt: Date
    @Field(key: "sealed_additions") var sealedAdditions: Data
    @Field(key: "added_flags") var addedFlags: [String]
    @Field(key: "added_languages") var addedLanguages: [String]
    @OptionalField(key: "undone_by") var undoneBy: UUID?
    @OptionalField(key: "undone_at") var undoneAt: Date?

    init() {}
}

/// Two records a supervisor confirmed are different people; never proposed as duplicates again.
final class DistinctPair: Model, @unchecked Sendable {
    static let schema = "distinct_pairs"

    @ID(key: .id) var id: UUID?
    @Field(key: "first_id") var firstID: UUID
    @Field(key: "second_id") var secondID: UUID
    @Field(key: "decided_by") var decidedBy: UUID
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
}
