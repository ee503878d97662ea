import Fluent
import Foundation
import SQLKit
import SanadCore

/// The writes an import makes to people, beside the form's: many new people under one set of numbers, and names,
/// phones and documents added to (or taken back from) a registered person with a revision in their history.
extension PeopleService {
    /// Creates people from validated rows inside the caller's transaction, numbered from one reserved block.
    func createImported(
        _ people: [(id: UUID, valid: ValidPerson)], centre: Centre, batch: UUID, now: Date, on tx: any Database
    ) async throws -> [Person] {
        guard !people.isEmpty else { return [] }
        let year = CivilDate(now).year
        let first = try await reserveSequences(centre: centre.code, year: year, count: people.count, on: tx)
        var created: [Person] = []
        created.reserveCapacity(people.count)
        for (offset, (id, valid)) in people.enumerated() {
            let person = Person()
            person.id = id
            person.centreCode = centre.code
            person.registrationNumber = RegistrationNumber.format(
                prefix: centre.prefix, year: year, sequence: first + offset)
            try apply(valid, to: person)
            person.consentRecordedBy = actorUUID
            person.consentRecordedAt = now
            person.version = 1
            person.createdBy = actorUUID
            person.createdAt = now
            person.updatedAt = now
            try await person.create(on: tx)
            try await writeIdentifiers(id: id, personal: valid.personal, on: tx)
            try await AuditTrail.append(
                action: "person.create", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
                detail: "import=\(batch.uuidString)", now: now, key: context.keys.audit, on: tx)
            created.append(person)
        }
        return created
    }

    /// Adds (or, with `removing`, takes back) names, phones and documents on a registered person, as a new version
    /// with a revision. Returns what was actually added, which may be less than asked when the person has some
    /// already.
    @discardableResult
    func changeImported(
        _ id: UUID, _ additions: ImportAdditions, removing: Bool = false, batch: UUID, now: Date, on tx: any Database
    ) async throws -> (Person, PersonalData, ImportAdditions) {
        guard let person = try await Person.find(id, on: tx) else { throw StoreError.notFound }
        let before = try context.cipher.open(PersonalData.self, from: person.sealed, context: Person.sealContext(id))
        var after = before
        var applied = additions
        if removing {
            additions.remove(from: &after)
        } else {
            applied = ImportAdditions()
            var names = Set(before.allNames.map(ImportAdditions.nameKey))
            var phones = Set([before.phone].compactMap { $0 } + before.otherPhones)
            var documents = Set(before.documents.map { ImportAdditions.documentKey($0.number) })
            for alias in additions.aliases where names.insert(ImportAdditions.nameKey(alias)).inserted {
                applied.aliases.append(alias)
            }
            for phone in additions.phones where phones.insert(phone).inserted { applied.phones.append(phone) }
            for document in additions.documents
            where documents.insert(ImportAdditions.documentKey(document.number)).inserted {
                applied.documents.append(document)
            }
            applied.apply(to: &after)
        }
        guard after != before else { return (person, before, applied) }
        let facts = try record(person).facts
        let changes = PersonChanges.diff(old: (before, facts), new: (after, facts))
        person.sealed = try context.cipher.seal(after, context: Person.sealContext(id))
        person.version += 1
        person.updatedAt = now
        try await person.update(on: tx)
        try await PersonIdentifier.query(on: tx).filter(\.$personID == id).delete()
        try await writeIdentifiers(id: id, personal: after, on: tx)
        try await writeRevision(id, version: person.version, changes: changes, now: now, on: tx)
        try await AuditTrail.append(
            action: "person.update", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
            detail: "import=\(batch.uuidString)", now: now, key: context.keys.audit, on: tx)
        return (person, after, applied)
    }
}
