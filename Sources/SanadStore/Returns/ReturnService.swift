import Fluent
import Foundation
import SQLKit
import SanadCore

public struct ReturnStepView: Sendable, Equatable {
    public let step: AVRRStep
    public let date: String
    public let byUser: UUID
    public let documents: String?
}

public struct ReturnView: Sendable, Equatable {
    public let id: UUID
    public let caseID: UUID
    public let country: String
    public let place: String
    public let step: AVRRStep
    public let stepSince: String
    public let steps: [ReturnStepView]
    public let version: Int

    public func waitingDays(today: CivilDate) -> Int {
        CivilDate(stepSince).map { AVRRMachine.waitingDays(since: $0, today: today) } ?? 0
    }
}

/// Assisted voluntary returns, step by step (`AVRRMachine` decides what may follow what).
public struct ReturnService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext
    /// The steps the programme requires; others may be skipped.
    var required: Set<AVRRStep> = Set(AVRRStep.sequence)

    var today: CivilDate { CivilDate(context.clock()) }
    var actorUUID: UUID { UUID(uuidString: actor.userID)! }

    public func request(caseID: UUID, _ draft: AVRRRequestDraft) async throws -> ReturnView {
        let cases = CaseService(db: db, actor: actor, context: context)
        let record = try await cases.load(caseID, for: .manageCases)
        try record.requireOpen()
        let valid: AVRRRequestDraft.Valid
        switch draft.validate(today: today) {
        case .success(let v): valid = v
        case .failure(let e): throw CaseError.invalid(e)
        }
        let open = try await ReturnRecord.query(on: db).filter(\.$caseID == caseID).all()
            .filter { !(AVRRStep(rawValue: $0.step)?.isTerminal ?? true) }
        if !open.isEmpty { throw CaseError.avrrAlreadyOpen }
        let r = ReturnRecord()
        r.id = UUID()
        r.caseID = caseID
        r.personID = record.personID
        r.centreCode = record.centreCode
        r.country = valid.country
        r.placeSealed = try context.cipher.seal(valid.place, context: "returns/\(r.id!.uuidString)/place")
        r.step = AVRRStep.request.rawValue
        r.stepSince = valid.date.description
        r.version = 1
        r.createdAt = context.clock()
        let first = ReturnStep()
        first.id = UUID()
        first.returnID = r.id!
        first.step = AVRRStep.request.rawValue
        first.date = valid.date.description
        first.byUser = actorUUID
        first.at = context.clock()
        try await db.transaction { tx in
            try await r.create(on: tx)
            try await first.create(on: tx)
            try await AuditTrail.append(
                action: "avrr.request", actorID: actor.userID, recordType: "case", recordID: caseID.uuidString,
                now: context.clock(), key: context.keys.audit, on: tx)
        }
        return try await view(r)
    }

    func load(_ id: UUID, for action: Action) async throws -> ReturnRecord {
        guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
        guard let r = try await ReturnRecord.find(id, on: db),
            AccessPolicy.decide(actor, action, .person(centre: r.centreCode)) == .allow
        else { throw StoreError.notFound }
        return r
    }

    /// Records the next step. Refused when it skips a required step, goes back, is dated before the step it
    /// follows or in the future, or withdraws after departure.
    public func advance(_ id: UUID, _ draft: AVRRStepDraft, expectedVersion: Int?) async throws -> ReturnView {
        let r = try await load(id, for: .manageCases)
        let current = AVRRStep(rawValue: r.step) ?? .request
        let since = CivilDate(r.stepSince) ?? today
        let valid: AVRRStepDraft.Valid
        switch draft.validate(current: current, since: since, today: today, required: required) {
        case .success(let v): valid = v
        case .failure(.fields(let e)): throw CaseError.invalid(e)
        case .failure(.step(let e)): throw CaseError.avrr(e)
        }
        let version = r.version
        if let expectedVersion, expectedVersion != version { throw StoreError.versionConflict(current: version) }
        let step = ReturnStep()
        step.id = UUID()
        step.returnID = id
        step.step = valid.step.rawValue
        step.date = valid.date.description
        step.byUser = actorUUID
        step.at = context.clock()
        if let documents = valid.documents {
            step.documentsSealed = try context.cipher.seal(documents, context: "return-steps/\(step.id!.uuidString)")
        }
        try await db.transaction { tx in
            let claimed = try await (tx as! any SQLDatabase).update(ReturnRecord.schema)
                .set(SQLIdentifier("version"), to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("version").all()
            guard !claimed.isEmpty else { throw StoreError.versionConflict(current: version + 1) }
            r.version = version + 1
            r.step = valid.step.rawValue
            r.stepSince = valid.date.description
            try await r.update(on: tx)
            try await step.create(on: tx)
            try await AuditTrail.append(
                action: "avrr.\(valid.step.rawValue)", actorID: actor.userID, recordType: "case",
                recordID: r.caseID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
        return try await view(r)
    }

    public func find(_ id: UUID) async throws -> ReturnView {
        try await view(try await load(id, for: .viewCases))
    }

    public func returns(ofCase caseID: UUID) async throws -> [ReturnView] {
        try await ReturnRecord.query(on: db).filter(\.$caseID == caseID).sort(\.$createdAt, .descending).all()
            .asyncMap { try await view($0) }
    }

    func view(_ r: ReturnRecord) async throws -> ReturnView {
        let steps = try await ReturnStep.query(on: db).filter(\.$returnID == r.id!).sort(\.$at).all().map { s in
            ReturnStepView(
                step: AVRRStep(rawValue: s.step) ?? .request, date: s.date, byUser: s.byUser,
                documents: try s.documentsSealed.map {
                    try context.cipher.open(String.self, from: $0, context: "return-steps/\(s.id!.uuidString)")
                })
        }
        return ReturnView(
            id: r.id!, caseID: r.caseID, country: r.country,
            place: try context.cipher.open(
                String.self, from: r.placeSealed, context: "returns/\(r.id!.uuidString)/place"),
            step: AVRRStep(rawValue: r.step) ?? .request, stepSince: r.stepSince, steps: steps, version: r.version)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
