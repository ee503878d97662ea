import Fluent
import Foundation
import SanadCore

extension CaseService {
    public func addPlanItem(_ id: UUID, _ draft: PlanItemDraft) async throws {
        let catalogue = try await ServiceCatalogue.all(on: db)
        let valid: PlanItemDraft.Valid
        switch draft.validate(catalogue: catalogue) {
        case .success(let v): valid = v
        case .failure(let e): throw CaseError.invalid(e)
        }
        let partner = try await PartnerService.partnerID(valid.partner, on: db)
        _ = try await change(id, expectedVersion: nil, audit: "case.plan.add") { record, tx in
            try record.requireOpen()
            let item = PlanItem()
            item.id = UUID()
            item.caseID = record.id!
            item.needSealed = try seal(valid.need, "plan-items", item.id!)
            item.serviceType = valid.service
            item.partnerID = partner
            item.due = valid.due.description
            item.status = "open"
            item.createdAt = context.clock()
            try await item.create(on: tx)
        }
    }

    public func setPlanItem(_ id: UUID, item itemID: UUID, status: String) async throws {
        guard ["open", "done", "cancelled"].contains(status) else {
            throw CaseError.invalid(CaseValidationError(["status": .unknownValue]))
        }
        _ = try await change(id, expectedVersion: nil, audit: "case.plan.status") { record, tx in
            guard let item = try await PlanItem.find(itemID, on: tx), item.caseID == record.id else {
                throw StoreError.notFound
            }
            item.status = status
            try await item.update(on: tx)
        }
    }

    /// Asks a supervisor to approve the care plan, a closure (with its reason) or a trafficking status.
    public func requestApproval(_ id: UUID, kind: ApprovalKind, subject: String?) async throws {
        let record = try await load(id, for: .manageCases)
        let stage = CaseStage(rawValue: record.stage) ?? .opened
        switch kind {
        case .carePlan:
            if case .failure(let e) = CaseStateMachine.apply(.approvePlan, to: stage) { throw CaseError.transition(e) }
            let items = try await PlanItem.query(on: db).filter(\.$caseID == id).filter(\.$status == "open").count()
            if items == 0 { throw CaseError.emptyPlan }
        case .closure:
            guard let reason = subject.flatMap(ClosureReason.init(rawValue:)) else {
                throw CaseError.invalid(CaseValidationError(["reason": .required]))
            }
            if case .failure(let e) = CaseStateMachine.apply(.close(reason: reason), to: stage) {
                throw CaseError.transition(e)
            }
        case .traffickingConfirmation:
            guard subject.flatMap(TraffickingStatus.init(rawValue:)) != nil else {
                throw CaseError.invalid(CaseValidationError(["status": .required]))
            }
        }
        let pending = try await ApprovalRecord.query(on: db).filter(\.$caseID == id).filter(\.$kind == kind.rawValue)
            .filter(\.$status == "pending").count()
        if pending > 0 { throw CaseError.approvalPending(kind) }
        _ = try await change(id, expectedVersion: nil, audit: "case.approval.request") { record, tx in
            let approval = ApprovalRecord()
            approval.id = UUID()
            approval.caseID = record.id!
            approval.kind = kind.rawValue
            approval.status = "pending"
            approval.subject = subject
            approval.requestedBy = actorUUID
            approval.requestedAt = context.clock()
            try await approval.create(on: tx)
        }
    }

    /// A supervisor approves or rejects. Approving applies what was asked in the same transaction.
    public func decide(_ id: UUID, approval approvalID: UUID, approve: Bool, comment: String) async throws {
        let record = try await load(id, for: .viewCases)
        guard let approval = try await ApprovalRecord.find(approvalID, on: db), approval.caseID == id else {
            throw StoreError.notFound
        }
        guard approval.status == "pending" else { throw CaseError.approvalAlreadyDecided }
        let me = try await User.find(actorUUID, on: db)
        let own = approval.requestedBy == actorUUID || record.caseworkerID == actorUUID
        let result = Approval.record(
            kind: ApprovalKind(rawValue: approval.kind) ?? .carePlan, decision: approve ? .approved : .rejected,
            comment: comment, approverID: actor.userID,
            approverIsSupervisor: AccessPolicy.decide(actor, .approveCases, .person(centre: record.centreCode))
                == .allow,
            caseCaseworkerID: own ? actor.userID : (record.caseworkerID?.uuidString ?? ""),
            selfApprovalGranted: me?.selfApproval == true)
        let decided: Approval
        switch result {
        case .failure(let e): throw CaseError.approval(e)
        case .success(let a): decided = a
        }
        let actor = self.actor
        _ = try await change(
            id, for: .viewCases, expectedVersion: nil, audit: "case.approval.\(decided.decision.rawValue)"
        ) { record, tx in
            approval.status = decided.decision.rawValue
            approval.decidedBy = actorUUID
            approval.decidedAt = context.clock()
            if !decided.comment.isEmpty { approval.commentSealed = try seal(decided.comment, "approvals", approvalID) }
            try await approval.update(on: tx)
            guard decided.decision == .approved else { return }
            switch decided.kind {
            case .carePlan: try apply(.approvePlan, to: record)
            case .closure:
                try apply(.close(reason: approval.subject.flatMap(ClosureReason.init(rawValue:)) ?? .other), to: record)
            case .traffickingConfirmation:
                guard let status = approval.subject.flatMap(TraffickingStatus.init(rawValue:)) else { return }
                try await ScreeningService(db: tx, actor: actor, context: context).applyApproved(
                    personID: record.personID, status: status)
            }
        }
    }
}
