import Fluent
import Foundation
import NIOConcurrencyHelpers
import SanadCore

/// Decrypted names, held only in memory, so that name search works while the database holds no readable name.
/// Rebuilt from the database at start-up and refreshed from `updated_at` before each search, so several server
/// instances sharing one database see each other's writes.
public final class PersonNameIndex: Sendable {
    struct Entry: Sendable {
        let id: UUID
        let centre: String
        let registrationNumber: String
        /// The identity engine's name parts of every form (issue 17), prepared once here, not at every search.
        let name: SearchableName
        let sex: String
        /// Given, or estimated from the age at registration.
        let birthYear: Int?
        let nationality: String?
        let registeredAt: Date
        let updatedAt: Date
    }

    private struct State {
        var entries: [UUID: Entry] = [:]
        var watermark = Date(timeIntervalSince1970: 0)
    }

    private let state = NIOLockedValueBox(State())
    /// Identity facts of every current person, for duplicate detection.
    public let identities = IdentityIndex()

    public init() {}

    /// The centre of an indexed person, so that callers can tell which matches an actor may see.
    public func centre(of id: UUID) -> String? { state.withLockedValue { $0.entries[id]?.centre } }

    public var count: Int { state.withLockedValue { $0.entries.count } }

    /// Indexes a person's names (and identity facts for matching), or drops a merged record from both indexes.
    func put(_ person: Person, _ personal: PersonalData) {
        guard let id = person.id else { return }
        if person.mergedInto != nil {
            state.withLockedValue { s in
                s.entries[id] = nil
                s.watermark = max(s.watermark, person.updatedAt)
            }
            identities.remove(id: id.uuidString)
            return
        }
        let entry = Entry(
            id: id, centre: person.centreCode, registrationNumber: person.registrationNumber,
            name: SearchableName(names: personal.allNames), sex: person.sex,
            birthYear: person.birthYear
                ?? person.estimatedAge.map { CivilDate(person.createdAt).year - $0 },
            nationality: person.nationality, registeredAt: person.createdAt, updatedAt: person.updatedAt)
        state.withLockedValue { s in
            s.entries[id] = entry
            s.watermark = max(s.watermark, person.updatedAt)
        }
        identities.insert(IdentityRecord(person: person, personal: personal))
    }

    /// Loads every person changed since the last refresh (all of them the first time). A person whose sealed
    /// record does not open is noted as damaged and left out, so one bad row never stops a start or a search
    /// (issue 16); a retired one stays out.
    public func refresh(on db: any Database, context: StoreContext, foundIn: String = "name index") async throws {
        let since = state.withLockedValue { $0.watermark }
        let changed = try await Person.query(on: db).filter(\.$updatedAt >= since).all()
        guard !changed.isEmpty else { return }
        let excluded = try await Quarantine.excludedPeople(on: db)
        for person in changed {
            guard let id = person.id else { continue }
            let sealContext = Person.sealContext(id)
            guard !excluded.contains(id),
                let personal = try? context.cipher.open(PersonalData.self, from: person.sealed, context: sealContext)
            else {
                if !excluded.contains(id) {
                    await Quarantine.note(context: sealContext, foundIn: foundIn, db: db, store: context)
                }
                drop(id, updatedAt: person.updatedAt)
                continue
            }
            put(person, personal)
        }
    }

    /// Takes a person out of both indexes (damaged, retired) and moves the watermark past them.
    func drop(_ id: UUID, updatedAt: Date) {
        state.withLockedValue { s in
            s.entries[id] = nil
            s.watermark = max(s.watermark, updatedAt)
        }
        identities.remove(id: id.uuidString)
    }

    /// Whether an indexed person passes `filter` (an empty filter passes everyone).
    func admits(_ id: UUID, _ filter: PeopleFilter, today: CivilDate) -> Bool {
        guard !filter.isEmpty else { return true }
        guard let entry = state.withLockedValue({ $0.entries[id] }) else { return false }
        return filter.admits(entry, today: today)
    }

    /// People in `centres` (every centre when nil) that pass `filter`, and, when `query` is given, whose registration
    /// number starts with it or whose names the identity engine matches to it (issue 17): closest first, then the
    /// newest registration. Without a query, newest first.
    func search(_ query: String?, centres: Set<String>?, filter: PeopleFilter, today: CivilDate) -> [PersonHit] {
        let text = query?.trimmingCharacters(in: .whitespaces) ?? ""
        let upper = text.uppercased()
        let name = text.isEmpty ? nil : NameQuery(text)
        let entries = state.withLockedValue { Array($0.entries.values) }
        var hits: [(hit: PersonHit, entry: Entry)] = []
        for entry in entries {
            if let centres, !centres.contains(entry.centre) { continue }
            guard filter.admits(entry, today: today) else { continue }
            if text.isEmpty {
                hits.append((PersonHit(id: entry.id, centre: entry.centre, tier: 9, score: 0, reasons: []), entry))
            } else if upper.count >= 2, entry.registrationNumber.utf8.starts(with: upper.utf8) {
                hits.append(
                    (
                        PersonHit(
                            id: entry.id, centre: entry.centre, tier: 1, score: 0, reasons: [.registrationNumber]),
                        entry
                    ))
            } else if let name, let match = name.match(entry.name) {
                hits.append(
                    (
                        PersonHit(
                            id: entry.id, centre: entry.centre, tier: match.tier, score: match.score,
                            reasons: match.reasons,
                            matchedParts: match.matchedParts, queryParts: match.queryParts),
                        entry
                    ))
            }
        }
        hits.sort { a, b in
            if a.hit.tier != b.hit.tier { return a.hit.tier < b.hit.tier }
            if a.hit.score != b.hit.score { return a.hit.score > b.hit.score }
            if a.entry.registeredAt != b.entry.registeredAt { return a.entry.registeredAt > b.entry.registeredAt }
            return a.entry.registrationNumber > b.entry.registrationNumber
        }
        return hits.map(\.hit)
    }
}

/// Narrowing a people search (issue 17, item 2); every field optional.
public struct PeopleFilter: Sendable, Equatable {
    public var sex: String?
    public var ageFrom: Int?
    public var ageTo: Int?
    public var nationality: String?
    public var registeredFrom: CivilDate?
    public var registeredTo: CivilDate?

    public init() {}

    public var isEmpty: Bool { self == PeopleFilter() }

    func admits(_ entry: PersonNameIndex.Entry, today: CivilDate) -> Bool {
        if let sex, entry.sex != sex { return false }
        if let nationality, entry.nationality != nationality { return false }
        if ageFrom != nil || ageTo != nil {
            guard let born = entry.birthYear else { return false }
            let age = today.year - born
            if let ageFrom, age < ageFrom { return false }
            if let ageTo, age > ageTo { return false }
        }
        let registered = CivilDate(entry.registeredAt)
        if let registeredFrom, registered < registeredFrom { return false }
        if let registeredTo, registered > registeredTo { return false }
        return true
    }
}

/// One person a search found: 0 an exact phone or document, 1 a registration number, 2–4 names (`NameMatch`),
/// 9 no query.
public struct PersonHit: Sendable, Equatable {
    public let id: UUID
    public let centre: String
    public let tier: Int
    public let score: Double
    public let reasons: [PersonMatchReason]
    /// For a name: how many parts of the query were found, of how many ("two of three name parts").
    public var matchedParts = 0
    public var queryParts = 0
}
