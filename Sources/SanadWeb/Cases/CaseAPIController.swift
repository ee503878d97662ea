import Foundation
import SanadCore
import SanadStore
import Vapor

/// Case management as JSON: the same services, rules and refusals as the case pages.
struct CaseAPIController: RouteCollection {
    static let refused = "Not possible from the case's current state (`type` names the rule)."

    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/cases",
            APIDoc(
                "listCases", "Cases at the caller's centres, most recently changed first.",
                query: [
                    .oneOf("stage", CaseStage.allCases.map(\.rawValue)),
                    .oneOf("scope", ["all", "mine", "unassigned"]),
                    .page,
                ]), use: list)
        routes.api(
            .POST, "/people/{id}/cases",
            APIDoc(
                "openCase", "Open a case for a person (one open case at a time).",
                problems: [409: "The person already has an open case."]), body: OpenCaseBody.self, use: open)
        routes.api(
            .GET, "/cases/{cid}",
            APIDoc("getCase", "The case file: notes, approvals, plan, services, referrals, returns, stay (audited)."),
            use: show)
        routes.api(
            .POST, "/cases/{cid}/events",
            APIDoc(
                "caseEvent", "Move the case on: assess, plan, start assistance, close, reopen…",
                problems: [409: Self.refused + " Or changed since `version`."]), body: CaseEventBody.self, use: event)
        routes.api(
            .POST, "/cases/{cid}/notes",
            APIDoc("addCaseNote", "Add a case note (sealed at rest).", problems: [409: Self.refused]),
            body: NoteBody.self, use: note)
        routes.api(
            .POST, "/cases/{cid}/plan-items",
            APIDoc(
                "addPlanItem", "Add a need and the service that answers it to the care plan.",
                problems: [409: Self.refused]),
            body: PlanItemBody.self, use: planItem)
        routes.api(
            .POST, "/cases/{cid}/plan-items/{item}/status",
            APIDoc(
                "setPlanItemStatus", "Mark a plan item done, cancelled or open again.", problems: [409: Self.refused]),
            body: StatusChangeBody.self, use: planItemStatus)
        routes.api(
            .POST, "/cases/{cid}/approvals",
            APIDoc(
                "requestApproval", "Ask a supervisor to approve the care plan, a closure or a determination.",
                problems: [409: Self.refused]), body: ApprovalRequestBody.self, use: requestApproval)
        routes.api(
            .POST, "/cases/{cid}/approvals/{aid}",
            APIDoc(
                "decideApproval", "A supervisor approves or rejects, with a comment.", problems: [409: Self.refused]),
            body: ApprovalDecisionBody.self, use: decide)
        routes.api(
            .POST, "/cases/{cid}/services",
            APIDoc("recordService", "Record a planned or delivered service.", problems: [409: Self.refused]),
            body: ServiceBody.self, use: service)
        routes.api(
            .POST, "/cases/{cid}/services/{svc}/status",
            APIDoc(
                "setServiceStatus", "A planned service was delivered, or is cancelled.", problems: [409: Self.refused]),
            body: StatusChangeBody.self, use: serviceStatus)
        routes.api(
            .POST, "/cases/{cid}/follow-ups",
            APIDoc("addFollowUp", "Set a follow-up on a date.", problems: [409: Self.refused]), body: FollowUpBody.self,
            use: addFollowUp)
        routes.api(
            .POST, "/cases/{cid}/follow-ups/{fid}/done",
            APIDoc("completeFollowUp", "Mark a follow-up done.", problems: [409: Self.refused]), use: completeFollowUp)
        routes.api(
            .POST, "/cases/{cid}/assign",
            APIDoc(
                "assignCase", "A supervisor assigns the case to a caseworker of its centre (or none).",
                problems: [409: Self.refused]), body: AssignBody.self, use: assign)
        routes.api(
            .POST, "/cases/{cid}/transfers",
            APIDoc(
                "requestTransfer", "Ask to hand the case to another centre or caseworker.",
                problems: [409: Self.refused]), body: TransferBody.self, use: requestTransfer)
        routes.api(
            .POST, "/cases/{cid}/transfers/{tid}/answer",
            APIDoc(
                "answerTransfer", "The receiving side accepts or declines (with a reason).",
                problems: [409: Self.refused]), body: TransferAnswerBody.self, use: answerTransfer)
        routes.api(
            .GET, "/work",
            APIDoc(
                "listWork",
                "What is due, overdue first: the caller's cases, or (`scope=centre`, supervisors) the whole centre.",
                query: [.oneOf("scope", ["mine", "centre"])]), use: work)
    }

    func today(_ req: Request) -> CivilDate { CivilDate(req.context.clock()) }

    func list(req: Request) async throws -> OK<CaseListOut> {
        let actor = try req.requireActor()
        var filter = CaseService.Filter()
        if let stage = req.query[String.self, at: "stage"] {
            guard let value = CaseStage(rawValue: stage) else {
                throw APIValidation(fields: [.init(field: "stage", code: "unknown-value", detail: "No such stage.")])
            }
            filter.stage = value
        }
        switch req.query[String.self, at: "scope"] ?? "all" {
        case "mine": filter.caseworker = UUID(uuidString: actor.userID)
        case "unassigned": filter.unassigned = true
        case "all": break
        default:
            throw APIValidation(fields: [
                .init(field: "scope", code: "unknown-value", detail: "Use all, mine or unassigned.")
            ])
        }
        filter.page = req.query[Int.self, at: "page"] ?? 1
        let (rows, total) = try await req.cases.list(filter)
        return OK(CaseListOut(items: rows.map(CaseOut.init), page: max(1, filter.page), total: total))
    }

    func open(req: Request, body b: OpenCaseBody) async throws -> Created<CaseOut> {
        let opened = try await req.cases.open(
            personID: try req.recordID("id"), priority: b.priority, risk: b.risk, caseworker: b.caseworker)
        return Created(CaseOut(opened), at: Site.API.kase(opened.id))
    }

    func show(req: Request) async throws -> OK<CaseFileOut> {
        OK(CaseFileOut(try await req.cases.file(try req.recordID("cid")), today: today(req)))
    }

    func event(req: Request, body b: CaseEventBody) async throws -> OK<CaseOut> {
        let id = try req.recordID("cid")
        guard let kind = b.event.flatMap(CaseEvent.Kind.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["event": b.event == nil ? .required : .unknownValue]))
        }
        return OK(
            CaseOut(
                try await req.cases.transition(
                    id, kind, expectedVersion: b.version, priority: b.priority, risk: b.risk)))
    }

    func note(req: Request, body: NoteBody) async throws -> NoContent {
        try await req.cases.addNote(try req.recordID("cid"), text: body.text ?? "")
        return NoContent()
    }

    func planItem(req: Request, body b: PlanItemBody) async throws -> NoContent {
        let draft = PlanItemDraft(need: b.need, service: b.service, partner: b.partner, due: b.due)
        try await req.cases.addPlanItem(try req.recordID("cid"), draft)
        return NoContent()
    }

    func planItemStatus(req: Request, body: StatusChangeBody) async throws -> NoContent {
        try await req.cases.setPlanItem(
            try req.recordID("cid"), item: try req.recordID("item"), status: body.status ?? "")
        return NoContent()
    }

    func requestApproval(req: Request, body b: ApprovalRequestBody) async throws -> NoContent {
        guard let kind = b.kind.flatMap(ApprovalKind.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["kind": b.kind == nil ? .required : .unknownValue]))
        }
        try await req.cases.requestApproval(try req.recordID("cid"), kind: kind, subject: b.subject)
        return NoContent()
    }

    func decide(req: Request, body b: ApprovalDecisionBody) async throws -> NoContent {
        guard let decision = b.decision.flatMap(ApprovalDecision.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["decision": b.decision == nil ? .required : .unknownValue]))
        }
        try await req.cases.decide(
            try req.recordID("cid"), approval: try req.recordID("aid"), approve: decision == .approved,
            comment: b.comment ?? "")
        return NoContent()
    }

    func service(req: Request, body b: ServiceBody) async throws -> Created<ServiceOut> {
        let draft = ServiceDraft(
            date: b.date, type: b.type, quantity: b.quantity.map { String($0) }, status: b.status, partner: b.partner,
            cost: b.cost.map { String($0) }, currency: b.currency)
        return Created(ServiceOut(try await req.cases.recordService(try req.recordID("cid"), draft)))
    }

    func serviceStatus(req: Request, body: StatusChangeBody) async throws -> NoContent {
        guard let status = body.status.flatMap(ServiceStatus.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["status": body.status == nil ? .required : .unknownValue]))
        }
        try await req.cases.setServiceStatus(try req.recordID("cid"), service: try req.recordID("svc"), status: status)
        return NoContent()
    }

    func addFollowUp(req: Request, body: FollowUpBody) async throws -> NoContent {
        try await req.cases.addFollowUp(try req.recordID("cid"), due: body.due, note: body.note)
        return NoContent()
    }

    func completeFollowUp(req: Request) async throws -> NoContent {
        try await req.cases.completeFollowUp(try req.recordID("cid"), followUp: try req.recordID("fid"))
        return NoContent()
    }

    func assign(req: Request, body: AssignBody) async throws -> OK<CaseOut> {
        OK(CaseOut(try await req.cases.assign(try req.recordID("cid"), to: body.caseworker)))
    }

    func requestTransfer(req: Request, body: TransferBody) async throws -> NoContent {
        try await req.cases.requestTransfer(try req.recordID("cid"), toCentre: body.centre, toUser: body.caseworker)
        return NoContent()
    }

    func answerTransfer(req: Request, body: TransferAnswerBody) async throws -> NoContent {
        guard let decision = body.decision, ["accept", "decline"].contains(decision) else {
            throw CaseError.invalid(CaseValidationError(["decision": body.decision == nil ? .required : .unknownValue]))
        }
        try await req.cases.answerTransfer(
            try req.recordID("cid"), transfer: try req.recordID("tid"), accept: decision == "accept",
            reason: body.reason ?? "")
        return NoContent()
    }

    func work(req: Request) async throws -> OK<[WorkItemOut]> {
        let centre = req.query[String.self, at: "scope"] == "centre"
        return OK(
            try await req.work.items(mine: !centre).map {
                WorkItemOut(
                    kind: $0.kind.rawValue, caseId: $0.caseID, due: $0.due?.description,
                    overdue: $0.isOverdue(today: today(req)), detail: $0.detail)
            })
    }
}
