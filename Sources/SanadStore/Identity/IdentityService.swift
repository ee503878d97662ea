import Fluent
import Foundation
import SQLKit
import SanadCore

public enum IdentityError: Error, Equatable, Sendable {
    case samePerson
    case alreadyMerged
    case notMerged
    /// More duplicate checks than a registration desk makes; try again in a few minutes.
    case tooManyChecks
}

/// A likely existing record for a registration or a person. Records outside the actor's centres show only
/// where they are, so that a supervisor can resolve them without the caseworker seeing personal data.
public struct PossibleDuplicate: Sendable {
    public let id: UUID
    public let centre: String
    public let visible: Bool
    public let record: PersonRecord?
    public let result: MatchResult
}

/// What a merge added to the survivor, sealed in the merge record.
struct MergeAdditions: Codable {
    var aliases: [String]
    var documents: [IdentityDocument]
    var phones: [String]
}

public struct IdentityService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var people: PeopleService { PeopleService(db: db, actor: actor, context: context) }
    var actorUUID: UUID { UUID(uuidString: actor.userID)! }

    /// Likely existing records for a registration that is about to be saved. An invalid draft has none.
    public func candidates(for draft: PersonDraft) async throws -> [PossibleDuplicate] {
        guard AccessPolicy.roleMay(actor.role, .registerPerson) else { throw StoreError.forbidden }
        guard case .success(let valid) = draft.validate(today: CivilDate(context.clock())) else { return [] }
        let now = context.clock()
        guard context.identityChecks.withLockedValue({ $0.allow(actor.userID, now: now.timeIntervalSince1970) })
        else { throw IdentityError.tooManyChecks }
        try await context.names.refresh(on: db, context: context)
        let results = compare(IdentityRecord(draft: valid))
        // The check decrypts and compares against people the actor may not see: it is recorded like a view,
        // naming the records it put forward.
        try await AuditTrail.append(
            action: "identity.check", actorID: actor.userID, recordType: "person", recordID: nil,
            detail: "found=" + results.map(\.0).joined(separator: ","), now: now, key: context.keys.audit, on: db)
        return try await describe(results, excluding: [])
    }

    /// The index's candidates for `query`: records the actor may see compared on everything, records elsewhere on
    /// the names alone. With a phone, an age or a document in that comparison, one guess at a time would tell
    /// whether a person the actor may not see has them (issue 19, finding 2).
    private func compare(_ query: IdentityRecord) -> [(String, MatchResult)] {
        func seen(_ key: String) -> Bool? {
            guard let id = UUID(uuidString: key), let centre = context.names.centre(of: id) else { return nil }
            return actor.centres.contains(centre)
        }
        let visible = context.names.identities.matches(for: query, limit: 10).filter { seen($0.id) == true }
        let namesOnly = IdentityRecord(id: query.id, names: query.names)
        let elsewhere = context.names.identities.matches(for: namesOnly, limit: 10).filter { seen($0.id) == false }
        return visible.map { ($0.id, $0.result) } + elsewhere.map { ($0.id, $0.result) }
    }

    /// Likely duplicates of a registered person, without the pairs a supervisor marked as different people.
    public func candidates(forPerson id: UUID) async throws -> [PossibleDuplicate] {
        let person = try await people.load(id, for: .viewPerson)
        try await context.names.refresh(on: db, context: context)
        let personal = try context.cipher.open(PersonalData.self, from: person.sealed, context: Person.sealContext(id))
        let found = compare(IdentityRecord(person: person, personal: personal))
        let distinct = try await DistinctPair.query(on: db).group(.or) {
            $0.filter(\.$firstID == id).filter(\.$secondID == id)
        }
        .all().map { $0.firstID == id ? $0.secondID : $0.firstID }
        try await AuditTrail.append(
            action: "identity.duplicates", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
            detail: "found=" + found.map(\.0).joined(separator: ","), now: context.clock(), key: context.keys.audit,
            on: db)
        return try await describe(found, excluding: Set(distinct))
    }

    private func describe(_ found: [(String, MatchResult)], excluding: Set<UUID>) async throws -> [PossibleDuplicate] {
        var out: [PossibleDuplicate] = []
        for (key, result) in found {
            guard let id = UUID(uuidString: key), !excluding.contains(id), let centre = context.names.centre(of: id)
            else {
                continue
            }
            let visible = actor.centres.contains(centre)
            var record: PersonRecord?
            if visible, let person = try await Person.find(id, on: db) { record = try people.record(person) }
            // For a record elsewhere, only where it is and how likely: reasons and scores would tell which phone,
            // document or birth year matched, that is, facts about a person the actor may not see.
            // Always "possible": whether a record elsewhere would be a surer match is itself a fact about it.
            let shown = visible ? result : MatchResult(score: 0, decision: .possible, reasons: [])
            out.append(PossibleDuplicate(id: id, centre: centre, visible: visible, record: record, result: shown))
        }
        return out
    }

    /// Folds `mergedID` into `survivorID`: every name variant, document and phone is kept on the survivor, the
    /// merged record stays (with its history and audit) pointing at the survivor.
    /// `expectedVersion` is the survivor's version as the supervisor saw it. Either way the merge claims both
    /// records at the versions it read, so an edit saved meanwhile is never overwritten (issue 12, item 4).
    public func merge(survivor survivorID: UUID, merged mergedID: UUID, expectedVersion: Int? = nil) async throws {
        guard survivorID != mergedID else { throw IdentityError.samePerson }
        let survivor = try await people.load(survivorID, for: .mergePeople)
        let merged = try await people.load(mergedID, for: .mergePeople)
        guard survivor.mergedInto == nil, merged.mergedInto == nil else { throw IdentityError.alreadyMerged }
        if let expectedVersion, expectedVersion != survivor.version {
            throw StoreError.versionConflict(current: survivor.version)
        }
        let versions = (survivor: survivor.version, merged: merged.version)
        var keep = try context.cipher.open(
            PersonalData.self, from: survivor.sealed, context: Person.sealContext(survivorID))
        let gone = try context.cipher.open(
            PersonalData.self, from: merged.sealed, context: Person.sealContext(mergedID))
        let newNames = gone.allNames.filter { !keep.allNames.contains($0) }
        let newDocuments = gone.documents.filter { !keep.documents.contains($0) }
        let newPhones = ([gone.phone].compactMap { $0 } + gone.otherPhones)
            .filter { $0 != keep.phone && !keep.otherPhones.contains($0) }
        keep.aliases += newNames
        keep.documents += newDocuments
        keep.otherPhones += newPhones
        let combined = keep
        let addedFlags = merged.flags.filter { !survivor.flags.contains($0) }
        let addedLanguages = merged.languages.filter { !survivor.languages.contains($0) }
        let now = context.clock()
        let mergeID = UUID()
        try await db.transaction { tx in
            for (id, version) in [(survivorID, versions.survivor), (mergedID, versions.merged)] {
                let claimed = try await (tx as! any SQLDatabase).update(Person.schema)
                    .set(SQLIdentifier("version"), to: SQLBind(version + 1))
                    .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                    .where(SQLIdentifier("merged_into"), .is, SQLLiteral.null)
                    .returning("version").all()
                guard !claimed.isEmpty else {
                    throw StoreError.versionConflict(current: try await Person.find(id, on: tx)?.version ?? version)
                }
            }
            let record = PersonMerge()
            record.id = mergeID
            record.survivorID = survivorID
            record.mergedID = mergedID
            record.mergedBy = actorUUID
            record.mergedAt = now
            record.sealedAdditions = try context.cipher.seal(
                MergeAdditions(aliases: newNames, documents: newDocuments, phones: newPhones),
                context: "person_merges/\(mergeID.uuidString)")
            record.addedFlags = addedFlags
            record.addedLanguages = addedLanguages
            try await record.create(on: tx)
            survivor.sealed = try context.cipher.seal(combined, context: Person.sealContext(survivorID))
            survivor.flags = (survivor.flags + addedFlags).sorted()
            survivor.languages += addedLanguages
            survivor.version += 1
            survivor.updatedAt = now
            try await survivor.update(on: tx)
            merged.mergedInto = survivorID
            merged.version += 1
            merged.updatedAt = now
            try await merged.update(on: tx)
            // Records merged into this one earlier now point at its survivor too, so `merged_into` always names a
            // record that is not merged and every count can attribute activity in one step (issue 13).
            try await (tx as! any SQLDatabase).update(Person.schema)
                .set(SQLIdentifier("merged_into"), to: SQLBind(survivorID))
                .where(SQLIdentifier("merged_into"), .equal, SQLBind(mergedID)).run()
            for id in [survivorID, mergedID] {
                try await AuditTrail.append(
                    action: "person.merge", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
                    now: now, key: context.keys.audit, on: tx)
            }
        }
        context.names.put(survivor, combined)
        context.names.put(merged, gone)
    }

    /// Undoes a merge: the merged record returns, and exactly what the merge added to the survivor is removed.
    public func unmerge(_ mergedID: UUID) async throws {
        let merged = try await people.load(mergedID, for: .mergePeople)
        // The survivor named by the merge record: `merged_into` may since point further on, at the record the
        // survivor itself was merged into.
        guard merged.mergedInto != nil,
            let record = try await PersonMerge.query(on: db).filter(\.$mergedID == mergedID)
                .filter(\.$undoneAt == nil).sort(\.$mergedAt, .descending).first()
        else { throw IdentityError.notMerged }
        let survivorID = record.survivorID
        let survivor = try await people.load(survivorID, for: .mergePeople)
        let added = try context.cipher.open(
            MergeAdditions.self, from: record.sealedAdditions, context: "person_merges/\(record.id!.uuidString)")
        var keep = try context.cipher.open(
            PersonalData.self, from: survivor.sealed, context: Person.sealContext(survivorID))
        keep.aliases.removeAll { added.aliases.contains($0) }
        keep.documents.removeAll { added.documents.contains($0) }
        keep.otherPhones.removeAll { added.phones.contains($0) }
        let gone = try context.cipher.open(
            PersonalData.self, from: merged.sealed, context: Person.sealContext(mergedID))
        let now = context.clock()
        let restored = keep
        try await db.transaction { tx in
            survivor.sealed = try context.cipher.seal(restored, context: Person.sealContext(survivorID))
            survivor.flags.removeAll { record.addedFlags.contains($0) }
            survivor.languages.removeAll { record.addedLanguages.contains($0) }
            survivor.version += 1
            survivor.updatedAt = now
            try await survivor.update(on: tx)
            merged.mergedInto = nil
            merged.updatedAt = now
            try await merged.update(on: tx)
            // What was merged into this record before it was merged comes back to it.
            let own = try await PersonMerge.query(on: tx).filter(\.$survivorID == mergedID).filter(\.$undoneAt == nil)
                .all().map(\.mergedID)
            if !own.isEmpty {
                try await (tx as! any SQLDatabase).update(Person.schema)
                    .set(SQLIdentifier("merged_into"), to: SQLBind(mergedID))
                    .where(SQLIdentifier("id"), .in, SQLBind.group(own)).run()
            }
            record.undoneBy = actorUUID
            record.undoneAt = now
            try await record.update(on: tx)
            for id in [survivorID, mergedID] {
                try await AuditTrail.append(
                    action: "person.unmerge", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
                    now: now, key: context.keys.audit, on: tx)
            }
        }
        context.names.put(survivor, restored)
        context.names.put(merged, gone)
    }

    /// Remembers that two records are different people, so they are not proposed again.
    public func markDistinct(_ a: UUID, _ b: UUID) async throws {
        guard a != b else { throw IdentityError.samePerson }
        _ = try await people.load(a, for: .mergePeople)
        _ = try await people.load(b, for: .mergePeople)
        let (first, second) = a.uuidString < b.uuidString ? (a, b) : (b, a)
        if try await DistinctPair.query(on: db).filter(\.$firstID == first).filter(\.$secondID == second).first() != nil
        {
            return
        }
        let pair = DistinctPair()
        pair.id = UUID()
        pair.firstID = first
        pair.secondID = second
        pair.decidedBy = actorUUID
        pair.decidedAt = context.clock()
        try await db.transaction { tx in
            try await pair.create(on: tx)
            for id in [first, second] {
                try await AuditTrail.append(
                    action: "person.distinct", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
                    now: pair.decidedAt, key: context.keys.audit, on: tx)
            }
        }
    }

    /// Merges into this person, newest first, for its page.
    public func merges(into survivorID: UUID) async throws -> [MergeView] {
        _ = try await people.load(survivorID, for: .viewPerson)
        return try await PersonMerge.query(on: db).filter(\.$survivorID == survivorID).sort(\.$mergedAt, .descending)
            .all().map {
                MergeView(mergedID: $0.mergedID, mergedBy: $0.mergedBy, mergedAt: $0.mergedAt, undoneAt: $0.undoneAt)
            }
    }
}

/// A merge into a person, for its page: which record was merged, when, and whether it was undone.
public struct MergeView: Sendable, Equatable {
    public let mergedID: UUID
    public let mergedBy: UUID
    public let mergedAt: Date
    public let undoneAt: Date?
}
