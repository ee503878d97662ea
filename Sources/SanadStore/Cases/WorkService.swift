import Fluent
import Foundation
import SQLKit
import SanadCore

/// "My work" and "my centre": what is due, computed from plans, referrals, returns, follow-ups, approvals and
/// transfers each time, so it cannot drift from them.
///
/// Each kind is one query joined to the open cases in scope, reading only the columns an item needs. It used to
/// load up to 5,000 open cases first and their items 500 cases at a time: beyond 5,000 open cases work was
/// silently left out, and "my centre" took 0.62 s at 105,650 people (issue 13, item 5).
public struct WorkService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var today: CivilDate { CivilDate(context.clock()) }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Items on open cases assigned to the actor (`mine`) or at all the actor's centres, overdue first.
    public func items(mine: Bool) async throws -> [WorkItem] {
        guard AccessPolicy.roleMay(actor.role, .viewCases) else { throw StoreError.forbidden }
        if !mine && !AccessPolicy.roleMay(actor.role, .approveCases) { throw StoreError.forbidden }
        let centres = Array(actor.centres)
        guard !centres.isEmpty else { return [] }
        let me: SQLQueryString = mine ? "AND c.caseworker_id = \(bind: UUID(uuidString: actor.userID)!)" : ""
        let open: SQLQueryString = "c.centre_code IN (\(binds: centres)) AND c.stage <> 'closed' \(me)"
        var items: [WorkItem] = []
        func add(
            _ kind: WorkItem.Kind, _ query: SQLQueryString, due: (any SQLRow) throws -> CivilDate?,
            detail: String? = nil
        ) async throws {
            for row in try await sql.raw(query).all() {
                items.append(
                    WorkItem(
                        kind: kind, caseID: try row.decode(column: "case_id", as: UUID.self), due: try due(row),
                        detail: try detail.map { try row.decode(column: $0, as: String.self) } ?? ""))
            }
        }
        func day(_ column: String) -> (any SQLRow) throws -> CivilDate? {
            { row in CivilDate(try row.decode(column: column, as: String.self)) }
        }
        if !mine {
            try await add(
                .unassigned,
                "SELECT c.id AS case_id, c.opened_on, c.priority FROM cases c WHERE \(open) AND c.caseworker_id IS NULL",
                due: day("opened_on"), detail: "priority")
        }
        try await add(
            .planItem,
            """
            SELECT i.case_id, i.due, i.service_type FROM plan_items i JOIN cases c ON c.id = i.case_id
            WHERE \(open) AND i.status = 'open'
            """, due: day("due"), detail: "service_type")
        try await add(
            .followUp,
            """
            SELECT f.case_id, f.due FROM follow_ups f JOIN cases c ON c.id = f.case_id
            WHERE \(open) AND f.done_at IS NULL
            """, due: day("due"))
        try await add(
            .referralAnswer,
            """
            SELECT r.case_id, r.answer_due, r.urgency FROM referrals r JOIN cases c ON c.id = r.case_id
            WHERE \(open) AND r.status = \(bind: ReferralStatus.sent.rawValue)
            """, due: day("answer_due"), detail: "urgency")
        for row in try await sql.raw(
            "SELECT r.case_id, r.step, r.step_since FROM returns r JOIN cases c ON c.id = r.case_id WHERE \(open)"
        ).all() {
            guard let step = AVRRStep(rawValue: try row.decode(column: "step", as: String.self)), !step.isTerminal,
                let since = CivilDate(try row.decode(column: "step_since", as: String.self))
            else { continue }
            items.append(
                WorkItem(
                    kind: .avrrStep, caseID: try row.decode(column: "case_id", as: UUID.self),
                    due: since.adding(days: AVRRStepTargets.days(step)), detail: step.rawValue))
        }
        // Approvals wait for a supervisor of the centre, not for the case's caseworker: they are a supervisor's own
        // work, at the top of "my work" as of "my centre" (issue 20, finding 6).
        let approver = AccessPolicy.roleMay(actor.role, .approveCases)
        if approver {
            try await add(
                .approval,
                """
                SELECT a.case_id, a.requested_at, a.kind FROM approvals a JOIN cases c ON c.id = a.case_id
                WHERE c.centre_code IN (\(binds: centres)) AND c.stage <> 'closed' AND a.status = 'pending'
                """, due: { row in CivilDate(try row.decode(column: "requested_at", as: Date.self)).adding(days: 2) },
                detail: "kind")
        }
        let ordered = WorkItem.ordered(items, today: today)
        return ordered.filter { $0.kind == .approval } + ordered.filter { $0.kind != .approval }
    }
}
