import Fluent
import Foundation
import SQLKit
import SanadCore

/// Cases, their notes, transitions, approvals and transfers, under the access policy. One transaction per action.
public struct CaseService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var actorUUID: UUID { UUID(uuidString: actor.userID)! }
    var today: CivilDate { CivilDate(context.clock()) }
    var people: PeopleService { PeopleService(db: db, actor: actor, context: context) }

    func audit(_ action: String, _ type: String, _ id: UUID?, on tx: any Database) async throws {
        try await AuditTrail.append(
            action: action, actorID: actor.userID, recordType: type, recordID: id?.uuidString, now: context.clock(),
            key: context.keys.audit, on: tx)
    }

    func seal(_ text: String, _ purpose: String, _ id: UUID) throws -> Data {
        try context.cipher.seal(text, context: "\(purpose)/\(id.uuidString)")
    }

    func open(_ data: Data, _ purpose: String, _ id: UUID) throws -> String {
        try context.cipher.open(String.self, from: data, context: "\(purpose)/\(id.uuidString)")
    }

    /// The case if the actor may do `action` to it; unknown and out-of-scope cases are both "not found".
    func load(_ id: UUID, for action: Action) async throws -> CaseRecord {
        guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
        guard let record = try await CaseRecord.find(id, on: db) else { throw StoreError.notFound }
        var shared: Set<String> = []
        if action == .viewCases && !actor.centres.contains(record.centreCode) {
            shared = try await pendingTransferCentres(caseIDs: [id])
        }
        guard AccessPolicy.decide(actor, action, .person(centre: record.centreCode, sharedWith: shared)) == .allow
        else { throw StoreError.notFound }
        return record
    }

    /// The centres a pending transfer of these cases is asked of: they read the case (and its person) so that
    /// the receiving caseworker or supervisor can decide (issue 19, finding 12). Writing waits for acceptance.
    func pendingTransferCentres(caseIDs: [UUID]) async throws -> Set<String> {
        guard !caseIDs.isEmpty else { return [] }
        return Set(
            try await CaseTransfer.query(on: db).filter(\.$caseID ~~ caseIDs)
                .filter(\.$status == TransferStatus.requested.rawValue).all().map(\.toCentre))
    }

    // MARK: opening and reading

    public func open(personID: UUID, priority: String?, risk: String?, caseworker: UUID?) async throws -> CaseSummary {
        let person = try await people.load(personID, for: .manageCases)
        guard AccessPolicy.decide(actor, .manageCases, .person(centre: person.centreCode)) == .allow else {
            throw StoreError.notFound
        }
        var errors: [String: ValidationCode] = [:]
        let priority = priority.flatMap(CasePriority.init(rawValue:))
        if priority == nil { errors["priority"] = .required }
        let risk = risk.flatMap(CaseRisk.init(rawValue:))
        if risk == nil { errors["risk"] = .required }
        if !errors.isEmpty { throw CaseError.invalid(CaseValidationError(errors)) }
        let assignee = try await assignable(
            caseworker ?? (actor.role == .caseworker ? actorUUID : nil), person.centreCode)
        let open = try await CaseRecord.query(on: db).filter(\.$personID == personID)
            .filter(\.$stage != CaseStage.closed.rawValue).count()
        if open > 0 { throw CaseError.caseAlreadyOpen }
        let now = context.clock()
        let record = CaseRecord()
        record.id = UUID()
        record.personID = personID
        record.centreCode = person.centreCode
        record.caseworkerID = assignee
        record.priority = priority!.rawValue
        record.risk = risk!.rawValue
        record.stage = CaseStage.opened.rawValue
        record.openedOn = CivilDate(now).description
        record.version = 1
        record.createdAt = now
        record.updatedAt = now
        try await db.transaction { tx in
            try await record.create(on: tx)
            try await audit("case.open", "case", record.id, on: tx)
        }
        return CaseSummary(record)
    }

    /// A caseworker or supervisor of the centre, or nil (unassigned).
    func assignable(_ user: UUID?, _ centre: String) async throws -> UUID? {
        guard let user else { return nil }
        guard let account = try await User.find(user, on: db), !account.disabled,
            account.role == Role.caseworker.rawValue || account.role == Role.supervisor.rawValue,
            account.centres.contains(centre)
        else { throw CaseError.unknownCaseworker }
        return user
    }

    public struct Filter: Sendable {
        public var stage: CaseStage?
        public var centre: String?
        public var caseworker: UUID?
        public var unassigned = false
        public var page = 1
        public var per = 50
        public init() {}
    }

    public func list(_ filter: Filter) async throws -> (cases: [CaseSummary], total: Int) {
        guard AccessPolicy.roleMay(actor.role, .viewCases) else { throw StoreError.forbidden }
        var centres = actor.centres
        if let centre = filter.centre { centres = centres.intersection([centre]) }
        var query = CaseRecord.query(on: db).filter(\.$centreCode ~~ Array(centres))
        if let stage = filter.stage { query = query.filter(\.$stage == stage.rawValue) }
        if let caseworker = filter.caseworker { query = query.filter(\.$caseworkerID == caseworker) }
        if filter.unassigned { query = query.filter(\.$caseworkerID == nil) }
        let total = try await query.count()
        let page = min(max(1, filter.page), 100_000)
        let per = min(max(1, filter.per), 200)
        let rows = try await query.sort(\.$updatedAt, .descending).range(((page - 1) * per)..<(page * per)).all()
        try await AuditTrail.append(
            action: "case.list", actorID: actor.userID, recordType: "case",
            detail: AuditTrail.returned(
                rows.compactMap { $0.id?.uuidString },
                filters: [
                    "centre": filter.centre, "stage": filter.stage?.rawValue,
                    "caseworker": filter.caseworker?.uuidString, "page": String(page),
                ]), now: context.clock(), key: context.keys.audit, on: db)
        return (rows.map(CaseSummary.init), total)
    }

    /// Whose each case is, for work lists: the person's registration number, and their name for the staff who may
    /// see names and only for `named` (the page shown; issue 20, finding 6: a supervisor's list said only numbers).
    /// One read of the cases and people serves both; opening names is audited.
    public func people(ofCases ids: [UUID], named: Set<UUID>) async throws -> (
        numbers: [UUID: String], names: [UUID: String]
    ) {
        guard !ids.isEmpty else { return ([:], [:]) }
        let records = try await CaseRecord.query(on: db).filter(\.$id ~~ ids).all()
        let visible = try await PeopleService(db: db, actor: actor, context: context)
            .registrationNumbers(records.map(\.personID))
        var numbers: [UUID: String] = [:]
        for r in records { numbers[r.id!] = visible[r.personID] }
        let toName = Set(records.filter { named.contains($0.id!) }.map(\.personID)).filter { visible[$0] != nil }
        guard AccessPolicy.seesPersonalFields(actor.role), !toName.isEmpty else { return (numbers, [:]) }
        var opened: [UUID: String] = [:]
        for person in try await Person.query(on: db).filter(\.$id ~~ Array(toName)).all() {
            guard
                let personal = try? context.cipher.open(
                    PersonalData.self, from: person.sealed, context: Person.sealContext(person.id!))
            else { continue }
            opened[person.id!] = personal.nameOriginal
        }
        try await AuditTrail.append(
            action: "work.names", actorID: actor.userID, recordType: "case", recordID: nil,
            detail: "\(opened.count) names", now: context.clock(), key: context.keys.audit, on: db)
        var names: [UUID: String] = [:]
        for r in records where named.contains(r.id!) { names[r.id!] = opened[r.personID] }
        return (numbers, names)
    }

    public func cases(ofPerson personID: UUID) async throws -> [CaseSummary] {
        _ = try await people.load(personID, for: .viewCases)
        return try await CaseRecord.query(on: db).filter(\.$personID == personID).sort(\.$createdAt, .descending)
            .all().filter { AccessPolicy.decide(actor, .viewCases, .person(centre: $0.centreCode)) == .allow }
            .map(CaseSummary.init)
    }

    /// Notes in the audit trail that the whole case was printed (issue 15): a paper copy leaves the system.
    public func recordPrinted(_ id: UUID) async throws {
        _ = try await load(id, for: .viewCases)
        try await audit("case.printed", "case", id, on: db)
    }

    public func summary(_ id: UUID) async throws -> CaseSummary {
        CaseSummary(try await load(id, for: .viewCases))
    }

    public func file(_ id: UUID) async throws -> CaseFile {
        let record = try await load(id, for: .viewCases)
        try await audit("case.view", "case", id, on: db)
        let notes = try await CaseNote.query(on: db).filter(\.$caseID == id).sort(\.$at, .descending).all().map {
            NoteView(authorID: $0.authorID, at: $0.at, text: try open($0.sealed, "case-notes", $0.id!))
        }
        let approvals = try await ApprovalRecord.query(on: db).filter(\.$caseID == id)
            .sort(\.$requestedAt, .descending).all().map { a in
                ApprovalView(
                    id: a.id!, kind: ApprovalKind(rawValue: a.kind) ?? .carePlan, status: a.status, subject: a.subject,
                    requestedBy: a.requestedBy, requestedAt: a.requestedAt, decidedBy: a.decidedBy,
                    comment: try a.commentSealed.map { try open($0, "approvals", a.id!) })
            }
        let transfers = try await CaseTransfer.query(on: db).filter(\.$caseID == id)
            .sort(\.$requestedAt, .descending).all().map {
                TransferView(
                    id: $0.id!, caseID: $0.caseID, fromCentre: $0.fromCentre, toCentre: $0.toCentre, toUser: $0.toUser,
                    status: TransferStatus(rawValue: $0.status) ?? .requested, reason: $0.reason,
                    requestedAt: $0.requestedAt)
            }
        let plan = try await PlanItem.query(on: db).filter(\.$caseID == id).sort(\.$due).all().map {
            PlanItemView(
                id: $0.id!, need: try open($0.needSealed, "plan-items", $0.id!), service: $0.serviceType,
                partnerID: $0.partnerID, due: $0.due, status: $0.status)
        }
        let followUps = try await FollowUp.query(on: db).filter(\.$caseID == id).sort(\.$due).all().map {
            FollowUpView(
                id: $0.id!, due: $0.due, note: try open($0.noteSealed, "follow-ups", $0.id!), done: $0.doneAt != nil)
        }
        let services = try await ServiceRecord.query(on: db).filter(\.$caseID == id).sort(\.$date, .descending)
            .all().map(ServiceView.init)
        let partners = PartnerService(db: db, actor: actor, context: context)
        let returns = ReturnService(db: db, actor: actor, context: context)
        let shelter = ShelterService(db: db, actor: actor, context: context)
        return CaseFile(
            summary: CaseSummary(record), notes: notes, approvals: approvals, transfers: transfers, plan: plan,
            followUps: followUps, services: services, referrals: try await partners.referrals(ofCase: id),
            returns: try await returns.returns(ofCase: id), stay: try await shelter.openStay(person: record.personID))
    }

    // MARK: changes

    /// Applies a change to a case in one transaction, claiming its version so two people cannot both change it.
    /// A change that states a version fails if the case moved on meanwhile; one that states none (a note, a
    /// service, a follow-up) is not based on what its author saw, so it waits its turn and is checked against the
    /// case as it then is.
    func change(
        _ id: UUID, for action: Action = .manageCases, expectedVersion: Int?, audit name: String,
        _ body: @escaping @Sendable (CaseRecord, any Database) async throws -> Void
    ) async throws -> CaseSummary {
        let seen = try await load(id, for: action)
        if let expectedVersion, expectedVersion != seen.version {
            throw StoreError.versionConflict(current: seen.version)
        }
        return try await db.transaction { tx -> CaseSummary in
            // Writing the version first takes the write lock (the row on PostgreSQL, the database on SQLite), so
            // the record read next is the one this change applies to.
            let claim = (tx as! any SQLDatabase).update(CaseRecord.schema).where("id", .equal, SQLBind(id))
            if let expectedVersion {
                claim.set(SQLIdentifier("version"), to: SQLBind(expectedVersion + 1))
                    .where("version", .equal, SQLBind(expectedVersion))
            } else {
                claim.set(
                    SQLIdentifier("version"),
                    to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
            }
            let claimed = try await claim.returning("version").all()
            guard !claimed.isEmpty, let record = try await CaseRecord.find(id, on: tx) else {
                throw StoreError.versionConflict(current: seen.version)
            }
            record.updatedAt = context.clock()
            try await body(record, tx)
            try await record.update(on: tx)
            try await audit(name, "case", id, on: tx)
            return CaseSummary(record)
        }
    }

    func apply(_ event: CaseEvent, to record: CaseRecord) throws {
        let stage = CaseStage(rawValue: record.stage) ?? .opened
        switch CaseStateMachine.apply(event, to: stage) {
        case .failure(let error): throw CaseError.transition(error)
        case .success(let next):
            record.stage = next.rawValue
            if case .close(let reason) = event {
                record.closureReason = reason.rawValue
                record.closedOn = CivilDate(context.clock()).description
            }
            if event.kind == .reopen {
                record.closureReason = nil
                record.closedOn = nil
            }
        }
    }

    /// Assessment, start of assistance, follow-up and reopening. Plan approval and closure go through `decide`.
    public func transition(
        _ id: UUID, _ event: CaseEvent.Kind, expectedVersion: Int?, priority: String? = nil,
        risk: String? = nil
    ) async throws -> CaseSummary {
        let caseEvent: CaseEvent
        switch event {
        case .assess: caseEvent = .assess
        case .startAssistance: caseEvent = .startAssistance
        case .startFollowUp: caseEvent = .startFollowUp
        case .reopen: caseEvent = .reopen
        case .approvePlan: throw CaseError.needsApproval(.carePlan)
        case .close: throw CaseError.needsApproval(.closure)
        }
        let priority = priority.flatMap(CasePriority.init(rawValue:))
        let risk = risk.flatMap(CaseRisk.init(rawValue:))
        return try await change(id, expectedVersion: expectedVersion, audit: "case.\(event.rawValue)") { record, _ in
            try apply(caseEvent, to: record)
            if let priority { record.priority = priority.rawValue }
            if let risk { record.risk = risk.rawValue }
        }
    }

    public func addNote(_ id: UUID, text: String) async throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw CaseError.invalid(CaseValidationError(["note": .required])) }
        if trimmed.count > 5000 { throw CaseError.invalid(CaseValidationError(["note": .tooLong])) }
        _ = try await change(id, expectedVersion: nil, audit: "case.note") { record, tx in
            let note = CaseNote()
            note.id = UUID()
            note.caseID = record.id!
            note.authorID = actorUUID
            note.at = context.clock()
            note.sealed = try seal(trimmed, "case-notes", note.id!)
            try await note.create(on: tx)
        }
    }

    public func assign(_ id: UUID, to user: UUID?) async throws -> CaseSummary {
        guard AccessPolicy.roleMay(actor.role, .approveCases) else { throw StoreError.forbidden }
        let record = try await load(id, for: .manageCases)
        let assignee = try await assignable(user, record.centreCode)
        return try await change(id, expectedVersion: nil, audit: "case.assign") { record, _ in
            record.caseworkerID = assignee
        }
    }

    public func addFollowUp(_ id: UUID, due: String?, note: String?) async throws {
        var errors: [String: ValidationCode] = [:]
        let date = due.flatMap { CivilDate($0.trimmingCharacters(in: .whitespaces)) }
        if date == nil { errors["due"] = (due ?? "").isEmpty ? .required : .invalidDate }
        let text = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors["follow_note"] = .required }
        if text.count > 1000 { errors["follow_note"] = .tooLong }
        if !errors.isEmpty { throw CaseError.invalid(CaseValidationError(errors)) }
        _ = try await change(id, expectedVersion: nil, audit: "case.follow-up") { record, tx in
            let item = FollowUp()
            item.id = UUID()
            item.caseID = record.id!
            item.due = date!.description
            item.createdBy = actorUUID
            item.noteSealed = try seal(text, "follow-ups", item.id!)
            try await item.create(on: tx)
        }
    }

    public func completeFollowUp(_ id: UUID, followUp: UUID) async throws {
        _ = try await change(id, expectedVersion: nil, audit: "case.follow-up.done") { record, tx in
            guard let item = try await FollowUp.find(followUp, on: tx), item.caseID == record.id else {
                throw StoreError.notFound
            }
            item.doneAt = context.clock()
            try await item.update(on: tx)
        }
    }
}
