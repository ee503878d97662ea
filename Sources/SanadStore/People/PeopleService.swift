import Fluent
import Foundation
import SQLKit
import SanadCore

/// Every read and write of a person goes through here; each asks the access policy and writes the audit trail.
public struct PeopleService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var actorUUID: UUID { UUID(uuidString: actor.userID) ?? ImportService.commandLineID }

    public func register(_ draft: PersonDraft) async throws -> PersonRecord {
        guard AccessPolicy.roleMay(actor.role, .registerPerson) else { throw StoreError.forbidden }
        let now = context.clock()
        let valid = try validated(draft, today: CivilDate(now))
        guard AccessPolicy.decide(actor, .registerPerson, .newPerson(centre: valid.centre)) == .allow else {
            throw StoreError.invalid([FieldError(.centre, .unknownValue)])
        }
        guard let centre = try await Centre.query(on: db).filter(\.$code == valid.centre).first() else {
            throw StoreError.invalid([FieldError(.centre, .unknownValue)])
        }
        let id = UUID()
        let person = Person()
        try await db.transaction { tx in
            let sequence = try await nextSequence(centre: centre.code, year: CivilDate(now).year, on: tx)
            person.id = id
            person.centreCode = centre.code
            person.registrationNumber = RegistrationNumber.format(
                prefix: centre.prefix, year: CivilDate(now).year, sequence: sequence)
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
                now: now, key: context.keys.audit, on: tx)
        }
        index(person, valid.personal)
        return try record(person)
    }

    public func find(_ id: UUID) async throws -> PersonRecord {
        let person = try await load(id, for: .viewPerson)
        try await AuditTrail.append(
            action: "person.view", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return try record(person)
    }

    /// Replaces the person's fields with `draft` (callers merge partial changes into `record.draft` first).
    /// Refused when the record is no longer at `expectedVersion`.
    public func update(_ id: UUID, with draft: PersonDraft, expectedVersion: Int) async throws -> PersonRecord {
        let person = try await load(id, for: .updatePerson)
        let now = context.clock()
        var draft = draft
        // Moving a person to another centre is a transfer (case management), not an edit.
        draft.centre = person.centreCode
        var edited = try validated(draft, today: CivilDate(now))
        let before = try record(person)
        // Names and phones that came from merged records are not on the form; an edit keeps them.
        edited.personal.aliases = before.personal.aliases
        edited.personal.otherPhones = before.personal.otherPhones
        // An unchanged estimated age is the age at registration, not today's: the birth year it gave stays.
        if edited.personal.birthDate == nil, edited.facts.estimatedAge != nil,
            edited.facts.estimatedAge == before.facts.estimatedAge
        {
            edited.facts.birthYear = before.facts.birthYear
        }
        let valid = edited
        let changes = PersonChanges.diff(
            old: (before.personal, before.facts), new: (valid.personal, valid.facts))
        guard person.version == expectedVersion else { throw StoreError.versionConflict(current: person.version) }
        if changes.isEmpty { return before }
        try await db.transaction { tx in
            // The version check in the WHERE clause makes a concurrent edit lose cleanly instead of overwriting.
            let sql = tx as! any SQLDatabase
            let claimed = try await sql.update(Person.schema)
                .set(SQLIdentifier("version"), to: SQLBind(expectedVersion + 1))
                .where("id", .equal, SQLBind(id))
                .where("version", .equal, SQLBind(expectedVersion))
                .returning("version")
                .all()
            guard !claimed.isEmpty else { throw StoreError.versionConflict(current: expectedVersion + 1) }
            let sealedBefore = person.sealed
            try apply(valid, to: person)
            // Sealing again would change the ciphertext (a new nonce) without changing what it says; kept, so that
            // an office and the centre editing other fields do not conflict on the personal ones (issue 11).
            if valid.personal == before.personal { person.sealed = sealedBefore }
            if valid.facts.consent != before.facts.consent {
                person.consentRecordedBy = actorUUID
                person.consentRecordedAt = now
            }
            person.version = expectedVersion + 1
            person.updatedAt = now
            try await person.update(on: tx)
            try await PersonIdentifier.query(on: tx).filter(\.$personID == id).delete()
            try await writeIdentifiers(id: id, personal: valid.personal, on: tx)
            try await writeRevision(id, version: person.version, changes: changes, now: now, on: tx)
            try await AuditTrail.append(
                action: "person.update", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
                now: now, key: context.keys.audit, on: tx)
        }
        index(person, valid.personal)
        return try record(person)
    }

    public func history(_ id: UUID) async throws -> [PersonRevisionRecord] {
        _ = try await load(id, for: .viewPersonHistory)
        let revisions = try await PersonRevision.query(on: db).filter(\.$personID == id)
            .sort(\.$version, .descending).all()
        try await AuditTrail.append(
            action: "person.history", actorID: actor.userID, recordType: "person", recordID: id.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return try revisions.map { r in
            let changes = try context.cipher.open(
                [FieldChange].self, from: r.sealedChanges, context: "person_revisions/\(id.uuidString)/\(r.version)")
            return PersonRevisionRecord(version: r.version, actorID: r.actorID, at: r.at, changes: changes)
        }
    }

    /// A page of people the actor may see, optionally filtered by a name or registration number and a centre.
    public func list(query: String?, centre: String?, page: Int, per: Int) async throws -> Page<PersonRecord> {
        var search = PeopleSearch()
        search.text = query
        search.centre = centre
        return try await self.search(search, page: page, per: per).page
    }

    /// People search (issue 17): a phone or document number exactly through its blind index, a registration
    /// number, or a name in any script through the identity engine, ranked, each with why it came up; narrowed by
    /// `search.filter`. People of centres the actor may not see are only counted, by centre, when they match an
    /// identifier or the whole of a name of two parts or more — what the duplicate check tells already.
    public func search(_ search: PeopleSearch, page: Int, per: Int) async throws -> PeopleSearchResult {
        guard AccessPolicy.roleMay(actor.role, .listPeople) else { throw StoreError.forbidden }
        var centres = actor.centres
        if let centre = search.centre, !centre.isEmpty { centres = centres.intersection([centre]) }
        // Bounded so that the offset arithmetic below can never overflow, whatever a query string says.
        let page = min(max(1, page), 100_000)
        let per = min(max(1, per), 100)
        let text = search.text?.trimmingCharacters(in: .whitespaces) ?? ""
        var hits: [PersonHit] = []
        var elsewhere: [String: Int] = [:]
        let total: Int
        let people: [Person]
        if text.isEmpty && search.filter.isEmpty {
            let base = Person.query(on: db).filter(\.$centreCode ~~ Array(centres)).filter(\.$mergedInto == nil)
            let excluded = try await Quarantine.excludedPeople(on: db)
            if !excluded.isEmpty { base.filter(\.$id !~ Array(excluded)) }
            total = try await base.count()
            people = try await base.sort(\.$createdAt, .descending).sort(\.$registrationNumber, .descending)
                .range(((page - 1) * per)..<(page * per)).all()
        } else {
            try await context.names.refresh(on: db, context: context)
            let today = CivilDate(context.clock())
            // A phone or document number is looked up exactly, through its blind index, before names; the
            // narrowing applies to it too.
            let exact =
                text.isEmpty
                ? []
                : try await withIdentifier(text, centres: centres)
                    .filter { context.names.admits($0.id, search.filter, today: today) }
            let found = context.names.search(text, centres: nil, filter: search.filter, today: today)
            // Set aside since it was indexed (noted by a page, an export, a check or another server).
            let excluded = try await Quarantine.excludedPeople(on: db)
            // Other centres' people are counted only for a whole name of two parts or more, never narrowed by
            // sex, age, nationality or date and never for a phone or document — one guess at a time would tell
            // those facts about a person the actor may not see — and as often as the duplicate check allows
            // (issue 19, finding 2).
            let countElsewhere =
                search.filter.isEmpty && (NameQuery(text)?.partCount ?? 0) >= 2
                && context.identityChecks.withLockedValue {
                    $0.allow(actor.userID, now: context.clock().timeIntervalSince1970)
                }
            var seen = Set<UUID>()
            for hit in exact + found where !excluded.contains(hit.id) && seen.insert(hit.id).inserted {
                if centres.contains(hit.centre) {
                    hits.append(hit)
                } else if countElsewhere && !actor.centres.contains(hit.centre) && hit.tier == 2 {
                    elsewhere[hit.centre, default: 0] += 1
                }
            }
            total = hits.count
            let slice = Array(hits.dropFirst((page - 1) * per).prefix(per))
            let rows = try await Person.query(on: db).filter(\.$id ~~ slice.map(\.id)).all()
            let order = Dictionary(uniqueKeysWithValues: slice.enumerated().map { ($1.id, $0) })
            people = rows.sorted { (order[$0.id!] ?? 0) < (order[$1.id!] ?? 0) }
        }
        let items = try await readable(people, foundIn: "people list")
        try await AuditTrail.append(
            action: "people.list", actorID: actor.userID, recordType: "person", recordID: nil,
            detail: AuditTrail.returned(
                items.map(\.id.uuidString),
                filters: [
                    "search": text.isEmpty ? nil : "yes", "centre": search.centre, "page": String(page),
                    "narrowed": search.filter.isEmpty ? nil : "yes",
                    "elsewhere": elsewhere.isEmpty ? nil : String(elsewhere.values.reduce(0, +)),
                ]),
            now: context.clock(), key: context.keys.audit, on: db)
        let shown = Set(items.map(\.id))
        return PeopleSearchResult(
            page: Page(items: items, page: page, per: per, total: total),
            hits: Dictionary(uniqueKeysWithValues: hits.filter { shown.contains($0.id) }.map { ($0.id, $0) }),
            elsewhere: elsewhere)
    }

    /// The records of `people` whose sealed fields open; any other is noted as damaged and left out, so one
    /// damaged person never takes a list down with it (issue 16).
    func readable(_ people: [Person], foundIn: String) async throws -> [PersonRecord] {
        var out: [PersonRecord] = []
        for person in people {
            do {
                out.append(try record(person))
            } catch CipherError.cannotOpen(let sealContext) {
                await Quarantine.note(context: sealContext, foundIn: foundIn, db: db, store: context)
            }
        }
        return out
    }

    /// People sharing an exact phone or document number with the given one (through the blind index).
    /// Registration numbers of the people in `ids` whom the actor may see (their centre's, or shared with it
    /// through a case), for lists that show who without opening each file. Others are left out.
    public func registrationNumbers(_ ids: [UUID]) async throws -> [UUID: String] {
        guard AccessPolicy.roleMay(actor.role, .listPeople), !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: db).filter(\.$id ~~ ids).all()
        let outside = people.filter { !actor.centres.contains($0.centreCode) }.compactMap(\.id)
        var shared: [UUID: Set<String>] = [:]
        if !outside.isEmpty {
            for c in try await CaseRecord.query(on: db).filter(\.$personID ~~ outside).all() {
                shared[c.personID, default: []].insert(c.centreCode)
            }
        }
        var out: [UUID: String] = [:]
        for p in people {
            let resource = Resource.person(centre: p.centreCode, sharedWith: shared[p.id!] ?? [])
            if AccessPolicy.decide(actor, .viewPerson, resource) == .allow { out[p.id!] = p.registrationNumber }
        }
        return out
    }

    /// People at `centres` whose phone or document number is the query, found by HMAC blind index: the database
    /// never compares a plaintext number. The caller leaves out people set aside as damaged.
    func withIdentifier(_ query: String, centres: Set<String>) async throws -> [PersonHit] {
        // Under every key of the ring: during a rotation some rows still carry the old key's digests.
        var digests: [(PersonMatchReason, String, [String])] = []
        if let phone = PhoneNumber.normalise(query) {
            // A Sudanese number is written "0912…" by one colleague and "+249 912…" by another.
            var forms = [phone]
            if phone.hasPrefix("0"), phone.count == 10 { forms.append("+249" + phone.dropFirst()) }
            if phone.hasPrefix("+249"), phone.count == 13 { forms.append("0" + phone.dropFirst(4)) }
            digests.append(
                (.phone, "phone", forms.flatMap { context.digests.blindIndexes(kind: "phone", value: $0) }))
        }
        let document = query.uppercased().filter { $0.isLetter || $0.isNumber }
        if document.count >= 4, document.contains(where: \.isNumber) {
            digests.append(
                (.document, "document", context.digests.blindIndexes(kind: "document", value: document)))
        }
        var found: [UUID: PersonMatchReason] = [:]
        for (reason, kind, values) in digests {
            for row in try await PersonIdentifier.query(on: db).filter(\.$kind == kind).filter(\.$digest ~~ values)
                .all()
            {
                found[row.personID] = found[row.personID] ?? reason
            }
        }
        guard !found.isEmpty else { return [] }
        return try await Person.query(on: db).filter(\.$id ~~ Array(found.keys)).filter(\.$mergedInto == nil)
            .filter(\.$centreCode ~~ Array(centres)).sort(\.$createdAt, .descending).all().map { person in
                PersonHit(id: person.id!, centre: person.centreCode, tier: 0, score: 0, reasons: [found[person.id!]!])
            }
    }

    func load(_ id: UUID, for action: Action) async throws -> Person {
        guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
        guard let person = try await Person.find(id, on: db) else { throw StoreError.notFound }
        // A case transferred to another centre shares its person with that centre.
        var shared: Set<String> = []
        if !actor.centres.contains(person.centreCode) {
            let cases = try await CaseRecord.query(on: db).filter(\.$personID == id).all()
            shared = Set(cases.map(\.centreCode))
            if action == .viewPerson {
                shared.formUnion(
                    try await CaseService(db: db, actor: actor, context: context).pendingTransferCentres(
                        caseIDs: cases.compactMap(\.id)))
            }
        }
        guard AccessPolicy.decide(actor, action, .person(centre: person.centreCode, sharedWith: shared)) == .allow
        else { throw StoreError.notFound }
        return person
    }

    private func validated(_ draft: PersonDraft, today: CivilDate) throws -> ValidPerson {
        switch draft.validate(today: today) {
        case .success(let valid): return valid
        case .failure(let failure): throw StoreError.invalid(failure.errors)
        }
    }

    func apply(_ valid: ValidPerson, to person: Person) throws {
        person.sex = valid.facts.sex.rawValue
        person.birthYear = valid.facts.birthYear
        person.estimatedAge = valid.facts.estimatedAge
        person.nationality = valid.facts.nationality
        person.languages = valid.facts.languages
        person.arrivalDate = valid.facts.arrivalDate
        person.flags = valid.facts.flags.map(\.rawValue).sorted()
        person.consent = zip(ConsentAnswers.fieldNames, ConsentAnswers.keys)
            .filter { valid.facts.consent[keyPath: $0.1] }.map(\.0)
        person.sealed = try context.cipher.seal(valid.personal, context: Person.sealContext(person.id!))
    }

    /// A version's changes, sealed, for the person's history.
    func writeRevision(_ id: UUID, version: Int, changes: [FieldChange], now: Date, on db: any Database) async throws {
        let revision = PersonRevision()
        revision.id = UUID()
        revision.personID = id
        revision.version = version
        revision.actorID = actorUUID
        revision.at = now
        revision.fields = changes.map(\.field)
        revision.sealedChanges = try context.cipher.seal(
            changes, context: "person_revisions/\(id.uuidString)/\(version)")
        try await revision.create(on: db)
    }

    func writeIdentifiers(id: UUID, personal: PersonalData, on db: any Database) async throws {
        for row in Self.identifiers(id: id, personal: personal, digests: context.digests) {
            try await row.create(on: db)
        }
    }

    /// The blind-index rows for a person's phone and documents, under the active key (`KeyRotation` too).
    static func identifiers(id: UUID, personal: PersonalData, digests: Digests) -> [PersonIdentifier] {
        var rows: [PersonIdentifier] = []
        if let phone = personal.phone {
            rows.append(
                PersonIdentifier(personID: id, kind: "phone", digest: digests.blindIndex(kind: "phone", value: phone)))
        }
        for doc in personal.documents {
            let value = doc.number.uppercased().filter { $0.isLetter || $0.isNumber }
            rows.append(
                PersonIdentifier(
                    personID: id, kind: "document", digest: digests.blindIndex(kind: "document", value: value)))
        }
        return rows
    }

    private func nextSequence(centre: String, year: Int, on db: any Database) async throws -> Int {
        try await reserveSequences(centre: centre, year: year, count: 1, on: db)
    }

    /// Claims `count` consecutive registration numbers and returns the first (an import numbers its people at once).
    func reserveSequences(centre: String, year: Int, count: Int, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let base = try await RegistrationSeries.base(on: db)
        try await sql.insert(into: RegistrationCounter.schema)
            .columns("id", "centre_code", "year", "last")
            .values(SQLBind(UUID()), SQLBind(centre), SQLBind(year), SQLBind(base))
            .ignoringConflicts(with: ["centre_code", "year"])
            .run()
        try await sql.update(RegistrationCounter.schema)
            .set(
                SQLIdentifier("last"),
                to: SQLBinaryExpression(SQLIdentifier("last"), .add, SQLLiteral.numeric(String(count)))
            )
            .where("centre_code", .equal, SQLBind(centre))
            .where("year", .equal, SQLBind(year))
            .run()
        guard
            let counter = try await RegistrationCounter.query(on: db).filter(\.$centreCode == centre)
                .filter(\.$year == year).first()
        else { throw StoreError.notFound }
        return counter.last - count + 1
    }

    func index(_ person: Person, _ personal: PersonalData) {
        context.names.put(person, personal)
    }

    func record(_ person: Person) throws -> PersonRecord {
        let id = person.id!
        let personal = try context.cipher.open(PersonalData.self, from: person.sealed, context: Person.sealContext(id))
        var consent = ConsentAnswers()
        for (name, key) in zip(ConsentAnswers.fieldNames, ConsentAnswers.keys) where person.consent.contains(name) {
            consent[keyPath: key] = true
        }
        let facts = PersonFacts(
            sex: Gender(rawValue: person.sex) ?? .unknown, birthYear: person.birthYear,
            estimatedAge: person.estimatedAge, nationality: person.nationality, languages: person.languages,
            arrivalDate: person.arrivalDate, flags: Set(person.flags.compactMap(PersonFlag.init(rawValue:))),
            consent: consent)
        return PersonRecord(
            id: id, registrationNumber: person.registrationNumber, centre: person.centreCode, version: person.version,
            personal: personal, facts: facts, consentRecordedBy: person.consentRecordedBy,
            consentRecordedAt: person.consentRecordedAt, mergedInto: person.mergedInto,
            traffickingStatus: person.traffickingStatus.flatMap(TraffickingStatus.init(rawValue:)),
            createdAt: person.createdAt, updatedAt: person.updatedAt)
    }
}

extension Person {
    static func sealContext(_ id: UUID) -> String { "people/\(id.uuidString)/personal" }
}
