import Fluent
import Foundation
import SQLKit
import SanadCore

public enum ScreeningError: Error, Equatable, Sendable {
    case invalidStart([ScreeningStart.Field: ValidationCode])
    case invalidAnswers(AnswerProblem)
    /// A completed screening is immutable; a new one supersedes it.
    case alreadyCompleted
    /// Confirming a victim (or undoing a confirmation) needs an approval on the case, never a direct change.
    case approvalRequired
    /// Only a completed screening is reopened, and only once at a time.
    case notCompleted
    case alreadyReopened
}

/// A screening as shown to someone allowed to see it.
public struct ScreeningView: Sendable {
    public let id: UUID
    public let personID: UUID
    public let instrument: Instrument
    public let interviewerID: UUID
    public let language: String
    public let interpreter: String?
    public let place: String
    public let date: String
    public let consent: ConsentAnswers
    public let completed: Bool
    public let answers: [String: IndicatorAnswer]
    /// The evaluation of the answers so far (in progress) or as completed.
    public let evaluation: Evaluation
    public let supersedes: UUID?
    public let version: Int
    public let createdAt: Date
    public let completedAt: Date?
}

struct SealedScreening: Codable {
    var answers: [String: IndicatorAnswer]
    var interpreter: String?
}

/// An interview started and not finished, for "my work" (issue 20, finding 4).
public struct ResumableScreening: Sendable {
    public let id: UUID
    public let personID: UUID
    public let registrationNumber: String
    public let date: String
    public let answered: Int
    public let total: Int
}

/// Screenings of people, under the same access policy as the people themselves.
public struct ScreeningService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext
    var catalogue: InstrumentCatalogue = .shipped

    var people: PeopleService { PeopleService(db: db, actor: actor, context: context) }
    var actorUUID: UUID { UUID(uuidString: actor.userID)! }

    public func start(personID: UUID, _ start: ScreeningStart) async throws -> ScreeningView {
        let person = try await people.load(personID, for: .screenPerson)
        let now = context.clock()
        let valid: ScreeningStart.Valid
        switch start.validate(today: CivilDate(now), catalogue: catalogue) {
        case .success(let v): valid = v
        case .failure(let f): throw ScreeningError.invalidStart(f.errors)
        }
        let record = ScreeningRecord()
        record.id = UUID()
        record.personID = personID
        record.centreCode = person.centreCode
        record.instrumentID = valid.instrument.id
        record.instrumentVersion = valid.instrument.version
        record.interviewerID = actorUUID
        record.language = valid.language
        record.place = valid.place
        record.date = valid.date.description
        record.consent = zip(ConsentAnswers.fieldNames, ConsentAnswers.keys).filter { valid.consent[keyPath: $0.1] }
            .map(\.0)
        record.status = ScreeningRecord.Status.inProgress.rawValue
        record.sealed = try seal(SealedScreening(answers: [:], interpreter: valid.interpreter), record.id!)
        record.dimensions = []
        record.version = 1
        record.createdAt = now
        record.updatedAt = now
        try await record.createAudited(
            action: "screening.start", actorID: actor.userID, recordType: "screening",
            recordID: record.id?.uuidString, now: now, key: context.keys.audit, on: db)
        return try view(record)
    }

    /// A supervisor reopens a completed screening (issue 20, finding 2): the completed one stays as it was, with its
    /// result, in the person's history, and a new interview starts from its answers for the same interviewer; once
    /// completed, it supersedes the earlier one.
    public func reopen(_ id: UUID) async throws -> ScreeningView {
        let earlier = try await load(id, for: .decideTraffickingStatus)
        guard earlier.status == ScreeningRecord.Status.completed.rawValue else { throw ScreeningError.notCompleted }
        let open = try await ScreeningRecord.query(on: db).filter(\.$supersedes == id)
            .filter(\.$status == ScreeningRecord.Status.inProgress.rawValue).first()
        guard open == nil else { throw ScreeningError.alreadyReopened }
        let now = context.clock()
        let record = ScreeningRecord()
        record.id = UUID()
        record.personID = earlier.personID
        record.centreCode = earlier.centreCode
        record.instrumentID = earlier.instrumentID
        record.instrumentVersion = earlier.instrumentVersion
        record.interviewerID = earlier.interviewerID
        record.language = earlier.language
        record.place = earlier.place
        record.date = CivilDate(now).description
        record.consent = earlier.consent
        record.status = ScreeningRecord.Status.inProgress.rawValue
        record.sealed = try seal(try self.open(earlier), record.id!)
        record.dimensions = []
        record.supersedes = id
        record.version = 1
        record.createdAt = now
        record.updatedAt = now
        try await record.createAudited(
            action: "screening.reopened", actorID: actor.userID, recordType: "screening",
            recordID: id.uuidString, now: now, key: context.keys.audit, on: db)
        return try view(record)
    }

    /// Interviews in progress: the actor's own, or (for a supervisor asking for the centre) every one of their
    /// centres; oldest first.
    public func resumable(mine: Bool) async throws -> [ResumableScreening] {
        guard AccessPolicy.roleMay(actor.role, .screenPerson) else { throw StoreError.forbidden }
        let query = ScreeningRecord.query(on: db).filter(\.$status == ScreeningRecord.Status.inProgress.rawValue)
            .filter(\.$centreCode ~~ Array(actor.centres))
        if mine { query.filter(\.$interviewerID == actorUUID) }
        let records = try await query.sort(\.$createdAt).limit(200).all()
        let numbers = Dictionary(
            try await Person.query(on: db).filter(\.$id ~~ records.map(\.personID)).all().map {
                ($0.id!, $0.registrationNumber)
            }, uniquingKeysWith: { a, _ in a })
        return try records.map { record in
            let instrument = try catalogue.instrument(record.instrumentID, version: record.instrumentVersion)
            let answered = (try? open(record).answers.count) ?? 0
            return ResumableScreening(
                id: record.id!, personID: record.personID, registrationNumber: numbers[record.personID] ?? "—",
                date: record.date, answered: answered, total: instrument.indicators.count)
        }
    }

    /// Saves answers part-way; the interview can stop here and resume later.
    public func save(_ id: UUID, answers raw: [String: String], expectedVersion: Int) async throws -> ScreeningView {
        try await change(id, answers: raw, expectedVersion: expectedVersion, complete: false)
    }

    /// Saves the last answers, evaluates, and freezes the screening.
    public func complete(_ id: UUID, answers raw: [String: String], expectedVersion: Int) async throws -> ScreeningView
    {
        try await change(id, answers: raw, expectedVersion: expectedVersion, complete: true)
    }

    private func change(
        _ id: UUID, answers raw: [String: String], expectedVersion: Int, complete: Bool
    ) async throws -> ScreeningView {
        let record = try await load(id, for: .screenPerson)
        guard record.status == ScreeningRecord.Status.inProgress.rawValue else { throw ScreeningError.alreadyCompleted }
        let instrument = try catalogue.instrument(record.instrumentID, version: record.instrumentVersion)
        let given: [String: IndicatorAnswer]
        switch instrument.checkAnswers(raw) {
        case .success(let answers): given = answers
        case .failure(let problem): throw ScreeningError.invalidAnswers(problem)
        }
        guard record.version == expectedVersion else { throw StoreError.versionConflict(current: record.version) }
        var sealed = try open(record)
        sealed.answers.merge(given) { _, new in new }
        let now = context.clock()
        let evaluation = ScreeningEvaluator.evaluate(instrument, answers: sealed.answers)
        let updated = sealed
        try await db.transaction { tx in
            let claimed = try await (tx as! any SQLDatabase).update(ScreeningRecord.schema)
                .set(SQLIdentifier("version"), to: SQLBind(expectedVersion + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(expectedVersion))
                .where("status", .equal, SQLBind(ScreeningRecord.Status.inProgress.rawValue))
                .returning("version").all()
            guard !claimed.isEmpty else { throw StoreError.versionConflict(current: expectedVersion + 1) }
            record.sealed = try seal(updated, id)
            record.version = expectedVersion + 1
            record.updatedAt = now
            if complete {
                record.status = ScreeningRecord.Status.completed.rawValue
                record.completedAt = now
                record.conclusion = evaluation.conclusion.rawValue
                record.dimensions = evaluation.dimensions.sorted { $0.key < $1.key }.map {
                    "\($0.key):\($0.value.rawValue)"
                }
                record.supersedes = try await ScreeningRecord.query(on: tx).filter(\.$personID == record.personID)
                    .filter(\.$status == ScreeningRecord.Status.completed.rawValue).sort(\.$completedAt, .descending)
                    .first()?.id
            }
            try await record.update(on: tx)
            try await AuditTrail.append(
                action: complete ? "screening.complete" : "screening.save", actorID: actor.userID,
                recordType: "screening", recordID: id.uuidString, now: now, key: context.keys.audit, on: tx)
            if complete { try await applyStatus(after: evaluation, screening: record, now: now, on: tx) }
        }
        return try view(record)
    }

    private func applyStatus(after evaluation: Evaluation, screening: ScreeningRecord, now: Date, on tx: any Database)
        async throws
    {
        guard let person = try await Person.find(screening.personID, on: tx) else { return }
        let current = person.traffickingStatus.flatMap(TraffickingStatus.init(rawValue:))
        guard let next = TraffickingStatusRules.afterScreening(current: current, conclusion: evaluation.conclusion)
        else { return }
        try await record(status: next, person: person, screening: screening.id, organisation: nil, now: now, on: tx)
    }

    /// A supervisor's direct decision, limited to what needs no second supervisor
    /// (`TraffickingStatusRules.directChangeAllowed`).
    public func decide(personID: UUID, status: TraffickingStatus, organisation: DecisionOrganisation?) async throws {
        let person = try await people.load(personID, for: .decideTraffickingStatus)
        let current = person.traffickingStatus.flatMap(TraffickingStatus.init(rawValue:))
        guard TraffickingStatusRules.directChangeAllowed(from: current, to: status) else {
            throw ScreeningError.approvalRequired
        }
        try await apply(person: person, status: status, organisation: organisation)
    }

    /// An approved trafficking-confirmation request applies its status; the approval is the second supervisor.
    func applyApproved(personID: UUID, status: TraffickingStatus) async throws {
        let person = try await people.load(personID, for: .decideTraffickingStatus)
        try await apply(person: person, status: status, organisation: nil)
    }

    private func apply(person: Person, status: TraffickingStatus, organisation: DecisionOrganisation?) async throws {
        let now = context.clock()
        try await db.transaction { tx in
            try await record(
                status: status, person: person, screening: nil, organisation: organisation, now: now, on: tx)
        }
    }

    private func record(
        status: TraffickingStatus, person: Person, screening: UUID?, organisation: DecisionOrganisation?, now: Date,
        on tx: any Database
    ) async throws {
        let change = TraffickingStatusChange()
        change.id = UUID()
        change.personID = person.id!
        change.status = status.rawValue
        change.screeningID = screening
        change.decidedBy = actorUUID
        change.decisionOrganisation = organisation?.rawValue
        change.at = now
        try await change.create(on: tx)
        person.traffickingStatus = status.rawValue
        try await person.update(on: tx)
        try await AuditTrail.append(
            action: "person.trafficking-status", actorID: actor.userID, recordType: "person",
            recordID: person.id?.uuidString, now: now, key: context.keys.audit, on: tx)
    }

    public func statusHistory(personID: UUID) async throws -> [StatusChangeView] {
        _ = try await people.load(personID, for: .viewScreenings)
        try await AuditTrail.append(
            action: "person.trafficking-status.view", actorID: actor.userID, recordType: "person",
            recordID: personID.uuidString, now: context.clock(), key: context.keys.audit, on: db)
        return try await TraffickingStatusChange.query(on: db).filter(\.$personID == personID).sort(\.$at, .descending)
            .all().map(StatusChangeView.init)
    }

    public func find(_ id: UUID) async throws -> ScreeningView {
        let record = try await load(id, for: .viewScreenings)
        try await AuditTrail.append(
            action: "screening.view", actorID: actor.userID, recordType: "screening", recordID: id.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return try view(record)
    }

    public func list(personID: UUID) async throws -> [ScreeningView] {
        _ = try await people.load(personID, for: .viewScreenings)
        try await AuditTrail.append(
            action: "screening.list", actorID: actor.userID, recordType: "person", recordID: personID.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        let records = try await ScreeningRecord.query(on: db).filter(\.$personID == personID)
            .sort(\.$createdAt, .descending).all()
        return try records.map(view)
    }

    /// A person's screenings by instrument and date only, for choosing one (what a document is about): nothing
    /// sealed is opened, so this is not audited as a read of the answers.
    public func labels(personID: UUID) async throws -> [(id: UUID, instrument: Instrument, date: String)] {
        _ = try await people.load(personID, for: .viewScreenings)
        return try await ScreeningRecord.query(on: db).filter(\.$personID == personID)
            .sort(\.$createdAt, .descending).all().map {
                ($0.id!, try catalogue.instrument($0.instrumentID, version: $0.instrumentVersion), $0.date)
            }
    }

    private func load(_ id: UUID, for action: Action) async throws -> ScreeningRecord {
        guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
        guard let record = try await ScreeningRecord.find(id, on: db),
            AccessPolicy.decide(actor, action, .person(centre: record.centreCode)) == .allow
        else { throw StoreError.notFound }
        return record
    }

    private func seal(_ value: SealedScreening, _ id: UUID) throws -> Data {
        try context.cipher.seal(value, context: "screenings/\(id.uuidString)/answers")
    }

    private func open(_ record: ScreeningRecord) throws -> SealedScreening {
        try context.cipher.open(
            SealedScreening.self, from: record.sealed, context: "screenings/\(record.id!.uuidString)/answers")
    }

    func view(_ record: ScreeningRecord) throws -> ScreeningView {
        let instrument = try catalogue.instrument(record.instrumentID, version: record.instrumentVersion)
        let sealed = try open(record)
        var consent = ConsentAnswers()
        for (name, key) in zip(ConsentAnswers.fieldNames, ConsentAnswers.keys) where record.consent.contains(name) {
            consent[keyPath: key] = true
        }
        return ScreeningView(
            id: record.id!, personID: record.personID, instrument: instrument, interviewerID: record.interviewerID,
            language: record.language, interpreter: sealed.interpreter, place: record.place, date: record.date,
            consent: consent, completed: record.status == ScreeningRecord.Status.completed.rawValue,
            answers: sealed.answers, evaluation: ScreeningEvaluator.evaluate(instrument, answers: sealed.answers),
            supersedes: record.supersedes, version: record.version, createdAt: record.createdAt,
            completedAt: record.completedAt)
    }
}

/// One change of a person's HTCDS trafficking status: from a screening, or a supervisor's recorded decision.
public struct StatusChangeView: Sendable, Equatable {
    public let status: String
    public let screeningID: UUID?
    public let decidedBy: UUID
    public let decisionOrganisation: String?
    public let at: Date
}

extension StatusChangeView {
    init(_ change: TraffickingStatusChange) {
        self.init(
            status: change.status, screeningID: change.screeningID, decidedBy: change.decidedBy,
            decisionOrganisation: change.decisionOrganisation, at: change.at)
    }
}
