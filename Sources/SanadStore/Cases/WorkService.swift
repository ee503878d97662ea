import Fluent
import Foundation
import SanadCore

/// "My work" and "my centre": what is due, computed from plans, referrals, returns, follow-ups, approvals and
/// transfers each time, so it cannot drift from them.
public struct WorkService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var today: CivilDate { CivilDate(context.clock()) }

    /// Items on open cases assigned to the actor (`mine`) or at all the actor's centres.
    public func items(mine: Bool) async throws -> [WorkItem] {
        guard AccessPolicy.roleMay(actor.role, .viewCases) else { throw StoreError.forbidden }
        if !mine && !AccessPolicy.roleMay(actor.role, .approveCases) { throw StoreError.forbidden }
        var query = CaseRecord.query(on: db).filter(\.$centreCode ~~ Array(actor.centres))
            .filter(\.$stage != CaseStage.closed.rawValue)
        if mine { query = query.filter(\.$caseworkerID == UUID(uuidString: actor.userID)!) }
        let cases = try await query.limit(5000).all()
        let ids = cases.map { $0.id! }
        var items: [WorkItem] = []
        if !mine {
            items += cases.filter { $0.caseworkerID == nil }.map {
                WorkItem(kind: .unassigned, caseID: $0.id!, due: CivilDate($0.openedOn), detail: $0.priority)
            }
        }
        guard !ids.isEmpty else { return WorkItem.ordered(items, today: today) }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            items += try await PlanItem.query(on: db).filter(\.$caseID ~~ chunk).filter(\.$status == "open").all()
                .map { WorkItem(kind: .planItem, caseID: $0.caseID, due: CivilDate($0.due), detail: $0.serviceType) }
            items += try await FollowUp.query(on: db).filter(\.$caseID ~~ chunk).filter(\.$doneAt == nil).all()
                .map { WorkItem(kind: .followUp, caseID: $0.caseID, due: CivilDate($0.due), detail: "") }
            items += try await Referral.query(on: db).filter(\.$caseID ~~ chunk)
                .filter(\.$status == ReferralStatus.sent.rawValue).all()
                .map {
                    WorkItem(kind: .referralAnswer, caseID: $0.caseID, due: CivilDate($0.answerDue), detail: $0.urgency)
                }
            items += try await ReturnRecord.query(on: db).filter(\.$caseID ~~ chunk).all().compactMap { r in
                guard let step = AVRRStep(rawValue: r.step), !step.isTerminal, let since = CivilDate(r.stepSince)
                else { return nil }
                return WorkItem(
                    kind: .avrrStep, caseID: r.caseID, due: since.adding(days: AVRRStepTargets.days(step)),
                    detail: step.rawValue)
            }
            if !mine {
                items += try await ApprovalRecord.query(on: db).filter(\.$caseID ~~ chunk)
                    .filter(\.$status == "pending").all()
                    .map {
                        WorkItem(
                            kind: .approval, caseID: $0.caseID, due: CivilDate($0.requestedAt).adding(days: 2),
                            detail: $0.kind)
                    }
            }
        }
        return WorkItem.ordered(items, today: today)
    }
}
