import Foundation
import SanadCore
import SanadStore
import Vapor

/// Case management as JSON: the same services and rules as the pages.
struct CaseAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.get("cases", use: list)
        v1.post("people", ":id", "cases", use: open)
        v1.get("cases", ":cid", use: show)
        v1.post("cases", ":cid", "events", use: event)
        v1.post("cases", ":cid", "notes", use: note)
        v1.post("cases", ":cid", "plan-items", use: planItem)
        v1.post("cases", ":cid", "approvals", use: requestApproval)
        v1.post("cases", ":cid", "approvals", ":aid", use: decide)
        v1.post("cases", ":cid", "services", use: service)
        v1.post("cases", ":cid", "referrals", use: refer)
        v1.post("cases", ":cid", "returns", use: requestReturn)
        v1.post("cases", ":cid", "stays", use: checkIn)
        v1.post("returns", ":rid", "steps", use: step)
        v1.post("stays", ":sid", "checkout", use: checkOut)
        v1.post("people", ":id", "consents", use: consent)
        v1.get("shelters", ":centre", "occupancy", use: occupancy)
        v1.get("partners", use: partners)
        v1.get("referrals", use: referrals)
        v1.post("referrals", ":rid", "answer", use: answer)
        v1.get("work", use: work)
    }

    func today(_ req: Request) -> CivilDate { CivilDate(req.context.clock()) }

    func created<T: Content>(_ value: T) async throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(value)
        return response
    }

    func list(req: Request) async throws -> CaseListOut {
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
        return CaseListOut(items: rows.map(CaseOut.init), page: max(1, filter.page), total: total)
    }

    func open(req: Request) async throws -> Response {
        let b = try req.decodeJSON(OpenCaseBody.self)
        let opened = try await req.cases.open(
            personID: try req.recordID("id"), priority: b.priority, risk: b.risk, caseworker: b.caseworker)
        return try await created(CaseOut(opened))
    }

    func show(req: Request) async throws -> CaseFileOut {
        CaseFileOut(try await req.cases.file(try req.recordID("cid")), today: today(req))
    }

    func event(req: Request) async throws -> CaseOut {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(CaseEventBody.self)
        guard let kind = b.event.flatMap(CaseEvent.Kind.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["event": b.event == nil ? .required : .unknownValue]))
        }
        return CaseOut(
            try await req.cases.transition(
                id, kind, expectedVersion: b.version, priority: b.priority, risk: b.risk))
    }

    func note(req: Request) async throws -> HTTPStatus {
        try await req.cases.addNote(try req.recordID("cid"), text: try req.decodeJSON(NoteBody.self).text ?? "")
        return .noContent
    }

    func planItem(req: Request) async throws -> HTTPStatus {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(PlanItemBody.self)
        var draft = PlanItemDraft()
        draft.need = b.need
        draft.service = b.service
        draft.partner = b.partner
        draft.due = b.due
        try await req.cases.addPlanItem(id, draft)
        return .noContent
    }

    func requestApproval(req: Request) async throws -> HTTPStatus {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(ApprovalRequestBody.self)
        guard let kind = b.kind.flatMap(ApprovalKind.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["kind": b.kind == nil ? .required : .unknownValue]))
        }
        try await req.cases.requestApproval(id, kind: kind, subject: b.subject)
        return .noContent
    }

    func decide(req: Request) async throws -> HTTPStatus {
        let id = try req.recordID("cid")
        let approval = try req.recordID("aid")
        let b = try req.decodeJSON(ApprovalDecisionBody.self)
        guard let decision = b.decision.flatMap(ApprovalDecision.init(rawValue:)) else {
            throw CaseError.invalid(CaseValidationError(["decision": b.decision == nil ? .required : .unknownValue]))
        }
        try await req.cases.decide(id, approval: approval, approve: decision == .approved, comment: b.comment ?? "")
        return .noContent
    }

    func service(req: Request) async throws -> Response {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(ServiceBody.self)
        var draft = ServiceDraft()
        draft.date = b.date
        draft.type = b.type
        draft.quantity = b.quantity.map { String($0) }
        draft.status = b.status
        draft.partner = b.partner
        draft.cost = b.cost.map { String($0) }
        draft.currency = b.currency
        return try await created(ServiceOut(try await req.cases.recordService(id, draft)))
    }

    func refer(req: Request) async throws -> Response {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(ReferralBody.self)
        var draft = ReferralDraft()
        draft.partner = b.partner
        draft.service = b.service
        draft.urgency = b.urgency
        draft.reason = b.reason
        draft.shared = b.shared ?? []
        draft.note = b.note
        let sent = try await req.partners
            .send(caseID: id, draft)
        return try await created(ReferralOut(sent, today: today(req)))
    }

    func requestReturn(req: Request) async throws -> Response {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(ReturnBody.self)
        var draft = AVRRRequestDraft()
        draft.country = b.country
        draft.place = b.place
        draft.date = b.date
        let r = try await req.returns
            .request(caseID: id, draft)
        return try await created(ReturnOut(r, today: today(req)))
    }

    func step(req: Request) async throws -> ReturnOut {
        let id = try req.recordID("rid")
        let b = try req.decodeJSON(ReturnStepBody.self)
        var draft = AVRRStepDraft()
        draft.step = b.step
        draft.date = b.date
        draft.documents = b.documents
        let r = try await req.returns
            .advance(id, draft, expectedVersion: b.version)
        return ReturnOut(r, today: today(req))
    }

    func checkIn(req: Request) async throws -> Response {
        let id = try req.recordID("cid")
        let b = try req.decodeJSON(StayBody.self)
        guard let bed = b.bed else { throw CaseError.invalid(CaseValidationError(["bed": .required])) }
        let stay = try await req.shelters
            .checkIn(caseID: id, bed: bed, date: b.checkIn ?? today(req).description)
        return try await created(StayOut(stay))
    }

    func checkOut(req: Request) async throws -> HTTPStatus {
        let id = try req.recordID("sid")
        let b = try req.decodeJSON(CheckOutBody.self)
        try await req.shelters
            .checkOut(stay: id, date: b.checkOut ?? today(req).description)
        return .noContent
    }

    func consent(req: Request) async throws -> HTTPStatus {
        let person = try req.recordID("id")
        let b = try req.decodeJSON(ConsentBody.self)
        guard let partner = b.partner else { throw CaseError.invalid(CaseValidationError(["partner": .required])) }
        try await req.partners
            .setConsent(person: person, partner: partner, given: b.given ?? true)
        return .noContent
    }

    func occupancy(req: Request) async throws -> [BedOut] {
        guard let centre = req.parameters.get("centre"), centre.count <= 20 else { throw StoreError.notFound }
        var date = today(req)
        if let text = req.query[String.self, at: "date"] {
            guard let parsed = CivilDate(text) else {
                throw APIValidation(fields: [.init(field: "date", code: "invalid-date", detail: "Use YYYY-MM-DD.")])
            }
            date = parsed
        }
        return try await req.shelters
            .occupancy(centre: centre, on: date).map(BedOut.init)
    }

    func partners(req: Request) async throws -> [PartnerOut] {
        try await req.partners.partners().map {
            PartnerOut(
                id: $0.id, name: $0.name, type: $0.orgType, services: $0.services, states: $0.states,
                focalPoint: $0.focalPoint, contact: $0.contact)
        }
    }

    func referrals(req: Request) async throws -> ReferralListOut {
        var status: ReferralStatus?
        if let text = req.query[String.self, at: "status"] {
            guard let value = ReferralStatus(rawValue: text) else {
                throw APIValidation(fields: [.init(field: "status", code: "unknown-value", detail: "No such status.")])
            }
            status = value
        }
        let page = req.query[Int.self, at: "page"] ?? 1
        let (rows, total) = try await req.partners
            .inbox(status: status, page: page)
        return ReferralListOut(items: rows.map { ReferralOut($0, today: today(req)) }, page: max(1, page), total: total)
    }

    func answer(req: Request) async throws -> ReferralOut {
        let id = try req.recordID("rid")
        let b = try req.decodeJSON(ReferralAnswerBody.self)
        let event: ReferralEvent
        switch b.decision {
        case "accept": event = .accept
        case "decline": event = .decline(reason: b.reason ?? "")
        case "complete": event = .complete
        case "withdraw": event = .withdraw
        default:
            throw CaseError.invalid(CaseValidationError(["decision": b.decision == nil ? .required : .unknownValue]))
        }
        let r = try await req.partners
            .answer(id, event, expectedVersion: b.version)
        return ReferralOut(r, today: today(req))
    }

    func work(req: Request) async throws -> [WorkItemOut] {
        let centre = req.query[String.self, at: "scope"] == "centre"
        let items = try await req.work
            .items(mine: !centre)
        return items.map {
            WorkItemOut(
                kind: $0.kind.rawValue, caseId: $0.caseID, due: $0.due?.description,
                overdue: $0.isOverdue(today: today(req)), detail: $0.detail)
        }
    }
}
