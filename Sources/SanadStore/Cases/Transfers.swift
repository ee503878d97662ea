import Fluent
import Foundation
import SanadCore

extension CaseService {
    /// Asks to hand the case to another caseworker and/or centre. The receiving side answers.
    public func requestTransfer(_ id: UUID, toCentre: String?, toUser: UUID?) async throws {
        let record = try await load(id, for: .manageCases)
        let centre = toCentre?.isEmpty == false ? toCentre! : record.centreCode
        guard try await Centre.query(on: db).filter(\.$code == centre).first() != nil else {
            throw CaseError.unknownCentre
        }
        let user = try await assignable(toUser, centre)
        if case .failure(let e) = TransferRules.request(
            currentCaseworker: record.caseworkerID?.uuidString, currentCentre: record.centreCode,
            toCaseworker: user?.uuidString, toCentre: centre)
        {
            throw CaseError.transfer(e)
        }
        let pending = try await CaseTransfer.query(on: db).filter(\.$caseID == id).filter(\.$status == "requested")
            .count()
        if pending > 0 { throw CaseError.transfer(.alreadyDecided(.requested)) }
        _ = try await change(id, expectedVersion: nil, audit: "case.transfer.request") { record, tx in
            let t = CaseTransfer()
            t.id = UUID()
            t.caseID = record.id!
            t.fromCentre = record.centreCode
            t.toCentre = centre
            t.toUser = user
            t.status = TransferStatus.requested.rawValue
            t.requestedBy = actorUUID
            t.requestedAt = context.clock()
            try await t.create(on: tx)
        }
    }

    /// The named caseworker, or a supervisor of the receiving centre, accepts or declines.
    public func answerTransfer(_ id: UUID, transfer transferID: UUID, accept: Bool, reason: String) async throws {
        guard AccessPolicy.roleMay(actor.role, .manageCases) else { throw StoreError.forbidden }
        guard let record = try await CaseRecord.find(id, on: db),
            let transfer = try await CaseTransfer.find(transferID, on: db), transfer.caseID == id
        else { throw StoreError.notFound }
        let receiving =
            transfer.toUser == actorUUID
            || AccessPolicy.decide(actor, .approveCases, .person(centre: transfer.toCentre)) == .allow
        guard receiving else {
            if AccessPolicy.decide(actor, .viewCases, .person(centre: record.centreCode)) == .allow {
                throw StoreError.forbidden
            }
            throw StoreError.notFound
        }
        let status = TransferStatus(rawValue: transfer.status) ?? .requested
        let next: TransferStatus
        switch TransferRules.answer(status, accept: accept, reason: reason) {
        case .failure(let e): throw CaseError.transfer(e)
        case .success(let s): next = s
        }
        let now = context.clock()
        let version = record.version
        try await db.transaction { tx in
            transfer.status = next.rawValue
            transfer.decidedBy = actorUUID
            transfer.decidedAt = now
            transfer.reason = accept ? nil : reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try await transfer.update(on: tx)
            if next == .accepted {
                guard record.version == version else { throw StoreError.versionConflict(current: record.version) }
                record.centreCode = transfer.toCentre
                record.caseworkerID = transfer.toUser
                record.version += 1
                record.updatedAt = now
                try await record.update(on: tx)
            }
            try await audit("case.transfer.\(next.rawValue)", "case", id, on: tx)
        }
    }

    /// Transfers waiting for the actor: named to them, or to a centre they supervise.
    public func incomingTransfers() async throws -> [TransferView] {
        guard AccessPolicy.roleMay(actor.role, .manageCases) else { throw StoreError.forbidden }
        let rows = try await CaseTransfer.query(on: db).filter(\.$status == "requested").sort(\.$requestedAt)
            .limit(500).all()
        return rows.filter {
            $0.toUser == actorUUID || AccessPolicy.decide(actor, .approveCases, .person(centre: $0.toCentre)) == .allow
        }.map {
            TransferView(
                id: $0.id!, caseID: $0.caseID, fromCentre: $0.fromCentre, toCentre: $0.toCentre, toUser: $0.toUser,
                status: .requested, reason: nil, requestedAt: $0.requestedAt)
        }
    }
}
