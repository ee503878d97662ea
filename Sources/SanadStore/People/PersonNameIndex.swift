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
        let keys: [String]
        /// The keys' words, split once here rather than for every entry at every search (a search over 100,000
        /// people spent most of its 0.25 s splitting them: issue 13, item 6).
        let words: [String]
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
        put(
            id: id, centre: person.centreCode, registrationNumber: person.registrationNumber,
            names: personal.allNames, updatedAt: person.updatedAt)
        identities.insert(IdentityRecord(person: person, personal: personal))
    }

    func put(id: UUID, centre: String, registrationNumber: String, names: [String], updatedAt: Date) {
        let keys = names.map(NameFolding.searchKey)
        let entry = Entry(
            id: id, centre: centre, registrationNumber: registrationNumber, keys: keys,
            words: keys.flatMap { $0.split(separator: " ").map(String.init) }, updatedAt: updatedAt)
        state.withLockedValue { s in
            s.entries[id] = entry
            s.watermark = max(s.watermark, updatedAt)
        }
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

    /// Ids of people in `centres` whose names match every part of `query`, or whose registration number starts with
    /// it; newest registration numbers first.
    func search(_ query: String, centres: Set<String>) -> [UUID] {
        let queryKey = NameFolding.searchKey(query)
        let tokens = queryKey.split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { return [] }
        let upper = query.trimmingCharacters(in: .whitespaces).uppercased()
        return state.withLockedValue { s in
            s.entries.values.filter { entry in
                guard centres.contains(entry.centre) else { return false }
                // Bytes, not characters: keys are folded to one normal form with marks dropped (`NameFolding`), so a
                // byte prefix is a letter prefix, at a fraction of the cost over 100,000 entries.
                if entry.registrationNumber.utf8.starts(with: upper.utf8) { return true }
                return tokens.allSatisfy { token in entry.words.contains { $0.utf8.starts(with: token.utf8) } }
            }
            .sorted { $0.registrationNumber > $1.registrationNumber }
            .map(\.id)
        }
    }
}
