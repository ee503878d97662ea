import Foundation
import SanadCore

/// A person as a repository returns it to someone allowed to see personal fields.
public struct PersonRecord: Sendable {
    public let id: UUID
    public let registrationNumber: String
    public let centre: String
    public let version: Int
    public let personal: PersonalData
    public let facts: PersonFacts
    public let consentRecordedBy: UUID?
    public let consentRecordedAt: Date?
    /// The record this one was merged into, if any.
    public let mergedInto: UUID?
    public let traffickingStatus: TraffickingStatus?
    public let createdAt: Date
    public let updatedAt: Date

    /// The record as a draft, for edit forms and for applying a partial change.
    public var draft: PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = personal.nameOriginal
        d.nameLatin = personal.nameLatin
        d.sex = facts.sex.rawValue
        d.birthDate = personal.birthDate
        d.estimatedAge = facts.estimatedAge.map(String.init)
        d.nationality = facts.nationality
        d.languages = facts.languages
        d.phone = personal.phone
        d.documents = personal.documents.map {
            DocumentDraft(type: $0.type.rawValue, number: $0.number, issuingCountry: $0.issuingCountry)
        }
        d.arrivalDate = facts.arrivalDate
        d.route = personal.route
        d.notes = personal.notes
        d.flags = facts.flags.map(\.rawValue).sorted()
        d.consent = facts.consent
        d.centre = centre
        return d
    }
}

public struct PersonRevisionRecord: Sendable {
    public let version: Int
    public let actorID: UUID
    public let at: Date
    public let changes: [FieldChange]
}

public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let page: Int
    public let per: Int
    public let total: Int

    public var pageCount: Int { max(1, (total + per - 1) / per) }
}

/// What a people search asks for (issue 17): words in the search box, a centre, and the narrowing filters.
public struct PeopleSearch: Sendable {
    public var text: String?
    public var centre: String?
    public var filter = PeopleFilter()

    public init() {}
}

/// A page of people found, why each came up (empty without a query), and how many people at centres the actor
/// may not see match too, by centre.
public struct PeopleSearchResult: Sendable {
    public let page: Page<PersonRecord>
    public let hits: [UUID: PersonHit]
    public let elsewhere: [String: Int]
}
