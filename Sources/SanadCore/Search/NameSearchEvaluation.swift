import Foundation

/// The share of searches that find the intended person among the first five results (issue 17), for the
/// identity engine's search and for the substring search it replaces, on `IdentityEvaluation`'s generator and on
/// `SearchHeldOutRegister`.
public enum NameSearchEvaluation {
    public struct Search: Sendable {
        public let query: String
        public let target: String
        public let kind: String
    }

    public struct Outcome: Sendable {
        public var searches = 0
        public var foundInFive = 0
        public var byKind: [String: (searches: Int, found: Int)] = [:]
        public var share: Double { searches == 0 ? 0 : Double(foundInFive) / Double(searches) }
    }

    /// People indexed by their first registration; searched by the names of their later ones, each name form a
    /// search, as a colleague who registered them again wrote them.
    public static func development(people: Int, seed: UInt64) -> (
        people: [(id: String, names: [String])], searches: [Search]
    ) {
        let registrations = IdentityEvaluation.generate(people: people, seed: seed)
        var first: [Int: IdentityRecord] = [:]
        var indexed: [(id: String, names: [String])] = []
        var searches: [Search] = []
        for registration in registrations {
            guard let original = first[registration.personKey] else {
                first[registration.personKey] = registration.record
                indexed.append((registration.record.id, registration.record.names))
                continue
            }
            for name in registration.record.names where !name.isEmpty {
                let scripts = Set(original.names.map(NameQuery.script(of:)))
                let kind =
                    !scripts.contains(NameQuery.script(of: name))
                    ? "other script"
                    : original.names.contains(name) ? "same form" : "other spelling, part or typo"
                searches.append(Search(query: name, target: original.id, kind: kind))
            }
        }
        return (indexed, searches)
    }

    public static func heldOut(people: Int, seed: UInt64) -> (
        people: [(id: String, names: [String])], searches: [Search]
    ) {
        let register = SearchHeldOutRegister.make(people: people, seed: seed)
        return (
            register.people,
            register.searches.map { Search(query: $0.query, target: $0.target, kind: $0.habit.rawValue) }
        )
    }

    /// The engine: tiers, then score, then the newest registration first (as the people page orders ties).
    public static func engine(_ people: [(id: String, names: [String])]) -> @Sendable (String) -> [String] {
        let prepared = people.enumerated().map {
            (order: $0.offset, id: $0.element.id, name: SearchableName(names: $0.element.names))
        }
        return { text in
            guard let query = NameQuery(text) else { return [] }
            var hits: [(order: Int, id: String, match: NameMatch)] = []
            for person in prepared {
                if let match = query.match(person.name) { hits.append((person.order, person.id, match)) }
            }
            return hits.sorted {
                $0.match.tier != $1.match.tier
                    ? $0.match.tier < $1.match.tier
                    : $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.order > $1.order
            }.prefix(5).map(\.id)
        }
    }

    /// What the people page did before: every word of the query begins a word of a stored name form (folded for
    /// case, accents and Arabic letter variants), newest registration first.
    public static func substring(_ people: [(id: String, names: [String])]) -> @Sendable (String) -> [String] {
        let prepared = people.enumerated().map { entry in
            (
                order: entry.offset, id: entry.element.id,
                words: entry.element.names.flatMap { NameFolding.searchKey($0).split(separator: " ").map(String.init) }
            )
        }
        return { text in
            let tokens = NameFolding.searchKey(text).split(separator: " ").map(String.init)
            guard !tokens.isEmpty else { return [] }
            return prepared.filter { person in
                tokens.allSatisfy { token in person.words.contains { $0.hasPrefix(token) } }
            }.sorted { $0.order > $1.order }.prefix(5).map(\.id)
        }
    }

    public static func measure(_ searches: [Search], with rank: (String) -> [String]) -> Outcome {
        var outcome = Outcome()
        for search in searches {
            let found = rank(search.query).contains(search.target)
            outcome.searches += 1
            if found { outcome.foundInFive += 1 }
            outcome.byKind[search.kind, default: (0, 0)].searches += 1
            if found { outcome.byKind[search.kind, default: (0, 0)].found += 1 }
        }
        return outcome
    }
}
