import Foundation

/// What happens to one row; raw values are the report's `outcome` column (a contract: other tools read it).
public enum ImportOutcome: String, Sendable, Codable, CaseIterable {
    case imported
    case rejected
    case duplicateInFile = "duplicate-in-file"
    case matchesExisting = "matches-existing"
    case heldForReview = "held-for-review"
}

/// The decision for one row of the file, before anything is written.
public struct ImportRowPlan: Sendable {
    /// As a spreadsheet numbers it: the header is row 1.
    public let row: Int
    public var outcome: ImportOutcome
    /// A rejection's column and reason, or the matcher's reasons for a match.
    public var reason: String
    /// The registered person a `matches-existing` or `held-for-review` row was matched with.
    public var existing: String?
    /// The earlier row of the file a `duplicate-in-file` row (or a row held against it) is the same person as.
    public var earlierRow: Int?
    public var valid: ValidPerson?
}

/// Decides every row's outcome with the identity engine, against the people already registered and within the file.
///
/// Rows are taken in file order. A row that surely matches an earlier row of the file joins it; otherwise one that
/// surely matches a registered person adds to that person; a possible match with either is held for a person to
/// decide; the rest are new people.
public struct ImportPlanner {
    /// Candidates for a row among the people already registered, best first.
    public typealias Existing = (IdentityRecord) -> [(id: String, result: MatchResult)]

    public static func plan(
        _ rows: [(row: Int, read: Result<ValidPerson, ImportRejection>)], existing: Existing,
        progress: ((Int) -> Void)? = nil
    ) -> [ImportRowPlan] {
        // The whole file is indexed first, so that how common a name is counts over the file and not over the rows
        // read so far (the first "Mohamed Ahmed Ali" of a register is not a rare name); a row is then compared only
        // with the rows before it.
        let inFile = IdentityIndex()
        inFile.insert(
            contentsOf: rows.compactMap { number, read in
                (try? read.get()).map { IdentityRecord(draft: $0, id: String(number)) }
            })
        var root: [Int: Int] = [:]
        var plans: [ImportRowPlan] = []
        plans.reserveCapacity(rows.count)
        for (number, read) in rows {
            if plans.count % 500 == 0 { progress?(plans.count) }
            let valid: ValidPerson
            switch read {
            case .failure(let rejection):
                plans.append(ImportRowPlan(row: number, outcome: .rejected, reason: rejection.description))
                continue
            case .success(let person): valid = person
            }
            let record = IdentityRecord(draft: valid, id: String(number))
            let earlier = inFile.matches(for: record, limit: 20).first { Int($0.id).map { $0 < number } == true }
            let earlierRoot = earlier.flatMap { Int($0.id) }.map { root[$0] ?? $0 }
            var plan = ImportRowPlan(row: number, outcome: .imported, reason: "", valid: valid)
            let found = earlier?.result.decision == .match ? nil : existing(record).first { $0.result.decision != nil }
            // A possible match with an earlier row that scores higher than the best registered candidate is the one
            // a supervisor should see: a register's second visit is often in the same file as its first.
            let preferEarlier =
                earlier?.result.decision == .match
                || (earlier?.result.decision == .possible && found?.result.decision != .match
                    && earlier!.result.score > (found?.result.score ?? -.infinity))
            if let earlier, preferEarlier, let earlierRoot {
                let sure = earlier.result.decision == .match
                plan.outcome = sure ? .duplicateInFile : .heldForReview
                plan.earlierRow = earlierRoot
                plan.reason =
                    (sure ? "same person as" : "may be") + " row \(earlierRoot)" + Self.because(earlier.result)
                if sure { root[number] = earlierRoot }
            } else if let found {
                plan.outcome = found.result.decision == .match ? .matchesExisting : .heldForReview
                plan.existing = found.id
                plan.reason =
                    (found.result.decision == .match ? "same person as " : "may be ") + "registered person "
                    + found.id.lowercased() + Self.because(found.result)
            }
            plans.append(plan)
        }
        return plans
    }

    /// " (score 21.3): same phone; names agree", the matcher's own words, for the report.
    static func because(_ result: MatchResult) -> String {
        String(format: " (score %.1f): ", result.score) + result.reasons.joined(separator: "; ")
    }
}

/// What a second record of a person adds to the first: names, phones and documents it does not have yet.
public struct ImportAdditions: Codable, Sendable, Equatable {
    public var aliases: [String] = []
    public var phones: [String] = []
    public var documents: [IdentityDocument] = []

    public init(aliases: [String] = [], phones: [String] = [], documents: [IdentityDocument] = []) {
        self.aliases = aliases
        self.phones = phones
        self.documents = documents
    }

    public var isEmpty: Bool { aliases.isEmpty && phones.isEmpty && documents.isEmpty }

    /// What `extra` has that `base` lacks. Names compare after folding case and spacing, so "GEBREMARIAM" adds
    /// nothing to "Gebremariam"; documents compare by their letters and digits.
    public static func of(_ extra: PersonalData, to base: PersonalData) -> ImportAdditions {
        let known = Set(base.allNames.map(nameKey))
        var seen = known
        let aliases = extra.allNames.filter { seen.insert(nameKey($0)).inserted }
        let phones = Set([base.phone].compactMap { $0 } + base.otherPhones)
        var newPhones: [String] = []
        for phone in [extra.phone].compactMap({ $0 }) + extra.otherPhones
        where !phones.contains(phone) && !newPhones.contains(phone) {
            newPhones.append(phone)
        }
        let documents = Set(base.documents.map { documentKey($0.number) })
        let newDocuments = extra.documents.filter { !documents.contains(documentKey($0.number)) }
        return ImportAdditions(aliases: aliases, phones: newPhones, documents: newDocuments)
    }

    public func apply(to personal: inout PersonalData) {
        personal.aliases += aliases
        personal.otherPhones += phones
        personal.documents += documents
    }

    /// Takes back what `apply` added, leaving anything added since by other means.
    public func remove(from personal: inout PersonalData) {
        for alias in aliases {
            if let index = personal.aliases.lastIndex(of: alias) { personal.aliases.remove(at: index) }
        }
        for phone in phones {
            if let index = personal.otherPhones.lastIndex(of: phone) { personal.otherPhones.remove(at: index) }
        }
        for document in documents {
            if let index = personal.documents.lastIndex(of: document) { personal.documents.remove(at: index) }
        }
    }

    public static func nameKey(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter }
    }

    public static func documentKey(_ number: String) -> String {
        number.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
