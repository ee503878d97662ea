import SanadCore
import SanadStore
import Vapor

/// Case pages: the case file and every action on it. A refused action shows the case again with the reason.
struct CasePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.cases, use: list)
        routes.page(.GET, Site.casesCSV, use: listCSV)
        routes.page(.GET, Site.person(Param.id, .cases), use: personCases)
        routes.page(.POST, Site.person(Param.id, .cases), use: open)
        routes.page(.GET, Site.kase(Param.cid), use: show)
        routes.page(.POST, Site.kase(Param.cid, .events), use: event)
        routes.page(.POST, Site.kase(Param.cid, .notes), use: note)
        routes.page(.POST, Site.kase(Param.cid, .plan), use: addPlanItem)
        routes.page(.POST, Site.kase(Param.cid, .plan, Param.item), use: setPlanItem)
        routes.page(.POST, Site.kase(Param.cid, .approvals), use: requestApproval)
        routes.page(.POST, Site.kase(Param.cid, .approvals, Param(name: "aid")), use: decide)
        routes.page(.POST, Site.kase(Param.cid, .services), use: recordService)
        routes.page(.POST, Site.kase(Param.cid, .services, Param(name: "svc")), use: setServiceStatus)
        routes.page(.POST, Site.kase(Param.cid, .followUps), use: addFollowUp)
        routes.page(.POST, Site.kase(Param.cid, .followUps, Param(name: "fid")), use: completeFollowUp)
        routes.page(.POST, Site.kase(Param.cid, .transfers), use: requestTransfer)
        routes.page(.POST, Site.kase(Param.cid, .transfers, Param(name: "tid")), use: answerTransfer)
        routes.page(.POST, Site.kase(Param.cid, .assign), use: assign)
        routes.page(.POST, Site.kase(Param.cid, .consent), use: consent)
        routes.page(.POST, Site.kase(Param.cid, .referrals), use: sendReferral)
        routes.page(.GET, Site.kase(Param.cid, .returns), use: returnForm)
        routes.page(.POST, Site.kase(Param.cid, .returns), use: requestReturn)
        routes.page(.POST, Site.kase(Param.cid, .stays), use: checkIn)
        routes.page(.GET, Site.kase(Param.cid, .file), use: caseFile)
        routes.page(.POST, Site.returnStep(Param.rid), use: advanceReturn)
        routes.page(.POST, Site.checkOut(Param.sid), use: checkOut)
    }

    /// The page context of the case page, also when it is shown again in answer to a refused form.
    static func context(_ req: Request, _ id: UUID) -> PageContext {
        var c = req.pageContext
        c.path = Site.kase(id)
        return c
    }

    static func page(_ req: Request, _ id: UUID, error: String? = nil) async throws -> CasePage {
        let actor = try req.requireActor()
        let file = try await req.cases.file(id)
        let person = try await req.people.find(file.summary.personID)
        let partners = try req.partners
        let directory = try await partners.partners()
        // The receiver of a transfer reads a case of another centre; that centre's beds are not theirs to fill.
        let beds =
            actor.centres.contains(file.summary.centre)
            ? try await req.shelters.occupancy(centre: file.summary.centre, on: CivilDate(req.context.clock())) : []
        // One read of the accounts serves both the caseworker choice (active staff) and the names beside entries.
        let accounts = try await req.accounts.accounts()
        let staff = accounts.filter { !$0.disabled }
        let caseworkers = staff.filter {
            ($0.role == .caseworker || $0.role == .supervisor)
                && $0.centres.contains(file.summary.centre)
        }.sorted { $0.username < $1.username }
        let receiving =
            file.pendingTransfer.map {
                $0.toUser?.uuidString == actor.userID
                    || AccessPolicy.decide(actor, .approveCases, .person(centre: $0.toCentre)) == .allow
            } ?? false
        var page = CasePage(
            file: file, person: person, catalogue: try await req.serviceTypes.all(), partners: directory,
            consented: try await partners.consentedPartners(person: file.summary.personID),
            freeBeds: beds.filter { !$0.occupied },
            stayBed: file.stay.flatMap { stay in beds.first { $0.id == stay.bedID } },
            users: Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0.username) }), caseworkers: caseworkers,
            centres: try await req.centres.all(), today: CivilDate(req.context.clock()),
            receivingTransfer: receiving, error: error)
        page.attachments = try await req.attachments.list(owner: .kase, id: id)
        page.personAttachments = try await req.attachments.list(owner: .person, id: file.summary.personID)
        page.attachmentLimitMB = req.context.attachments.limit / (1024 * 1024)
        return page
    }

    /// The case file for printing (issue 15); audited as printed.
    func caseFile(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.recordID("cid")
        let cases = try req.cases
        let file = try await cases.file(id)
        try await cases.recordPrinted(id)
        let person = try await req.people.find(file.summary.personID)
        let accounts = try await req.accounts.accounts()
        let page = CaseFilePage(
            file: file, person: person, screenings: try await req.screenings.list(personID: person.id),
            vulnerability: try await req.vulnerability.profile(personID: person.id),
            attachments: try await req.attachments.list(owner: .kase, id: id)
                + (try await req.attachments.list(owner: .person, id: person.id)),
            users: Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0.username) }),
            catalogue: try await req.serviceTypes.all(), centres: try await req.centres.all(),
            printedBy: accounts.first { $0.id.uuidString == actor.userID }?.username ?? "—",
            printedAt: req.context.clock())
        return req.page(page.render(req.pageContext))
    }

    /// Runs an action on a case; on success back to the case (at `anchor`), on refusal the case with the reason.
    func act(_ req: Request, _ anchor: String, _ body: @escaping (FormData, CaseService, UUID) async throws -> Void)
        async throws -> Response
    {
        let id = try req.recordID("cid")
        let cases = try req.cases
        return try await actOn(req, caseID: { id }, anchor: anchor) { form in try await body(form, cases, id) }
    }

    /// The list filter from the query, shared by the page and its CSV.
    func filter(_ req: Request) throws -> (CaseService.Filter, String) {
        let actor = try req.requireActor()
        var filter = CaseService.Filter()
        filter.stage = req.query[String.self, at: "stage"].flatMap(CaseStage.init(rawValue:))
        let scope = req.query[String.self, at: "scope"] ?? "all"
        if scope == "mine" { filter.caseworker = UUID(uuidString: actor.userID) }
        if scope == "unassigned" { filter.unassigned = true }
        filter.page = req.query[Int.self, at: "page"] ?? 1
        return (filter, scope)
    }

    func list(req: Request) async throws -> Response {
        let (filter, scope) = try filter(req)
        let (cases, total) = try await req.cases.list(filter)
        let users = try await req.accounts.usernames()
        return req.page(
            CaseListPage(
                cases: cases, total: total, filter: filter, scope: scope, users: users,
                registration: try await req.people.registrationNumbers(cases.map(\.personID))
            ).render(req.pageContext))
    }

    /// The filtered list for spreadsheets: registration numbers and case facts, no names.
    func listCSV(req: Request) async throws -> Response {
        var (filter, _) = try filter(req)
        filter.per = 200
        var rows: [[String]] = [
            [
                "registration_number", "centre", "stage", "htcds_status", "priority", "risk", "caseworker", "opened",
                "closed",
            ]
        ]
        let users = try await req.accounts.usernames()
        var page = 1
        while true {
            filter.page = page
            let (cases, total) = try await req.cases.list(filter)
            let numbers = try await req.people.registrationNumbers(cases.map(\.personID))
            for k in cases {
                rows.append([
                    numbers[k.personID] ?? "", k.centre, k.stage.rawValue, k.htcdsStatus.rawValue, k.priority.rawValue,
                    k.risk.rawValue, k.caseworkerID.flatMap { users[$0] } ?? "", k.openedOn, k.closedOn ?? "",
                ])
            }
            if page * filter.per >= total || page >= 500 { break }
            page += 1
        }
        return SpreadsheetResponse.download(SpreadsheetResponse.csv(rows), filename: "sanad-cases.csv")
    }

    func personCases(req: Request) async throws -> Response {
        let personID = try req.recordID("id")
        let person = try await req.people.find(personID)
        let cases = try await req.cases.cases(ofPerson: personID)
        let names = try await req.centres.names(language: req.pageContext.lang)
        return req.page(PersonCasesPage(person: person, cases: cases, centreNames: names).render(req.pageContext))
    }

    func open(req: Request) async throws -> Response {
        let personID = try req.recordID("id")
        let form = try FormData.verified(req)
        do {
            let opened = try await req.cases.open(
                personID: personID, priority: form["priority"], risk: form["risk"], caseworker: nil)
            return req.redirect(to: Site.kase(opened.id))
        } catch let error as CaseError {
            let person = try await req.people.find(personID)
            let cases = try await req.cases.cases(ofPerson: personID)
            let refusal = CaseRefusal(error, req.pageContext.t)
            var page = PersonCasesPage(
                person: person, cases: cases, centreNames: try await req.centres.names(language: req.pageContext.lang))
            page.error = refusal.localized
            var c = req.pageContext
            c.path = Site.person(personID, .cases)
            return req.page(page.render(c), status: refusal.status)
        }
    }

    func show(req: Request) async throws -> Response {
        req.page(try await Self.page(req, try req.recordID("cid")).render(req.pageContext))
    }

    func event(req: Request) async throws -> Response {
        try await act(req, "stage") { form, cases, id in
            guard let kind = form["event"].flatMap(CaseEvent.Kind.init(rawValue:)) else {
                throw CaseError.invalid(CaseValidationError(["event": .unknownValue]))
            }
            _ = try await cases.transition(
                id, kind, expectedVersion: form["version"].flatMap(Int.init), priority: form["priority"],
                risk: form["risk"])
        }
    }

    func note(req: Request) async throws -> Response {
        try await act(req, "notes") { form, cases, id in try await cases.addNote(id, text: form["note"] ?? "") }
    }

    func addPlanItem(req: Request) async throws -> Response {
        try await act(req, "plan") { form, cases, id in
            let draft = PlanItemDraft(
                need: form["need"], service: form["service"], partner: form["partner"], due: form["due"])
            try await cases.addPlanItem(id, draft)
        }
    }

    func setPlanItem(req: Request) async throws -> Response {
        let item = try req.recordID("item")
        return try await act(req, "plan") { form, cases, id in
            try await cases.setPlanItem(id, item: item, status: form["status"] ?? "")
        }
    }

    func requestApproval(req: Request) async throws -> Response {
        try await act(req, "approvals") { form, cases, id in
            guard let kind = form["kind"].flatMap(ApprovalKind.init(rawValue:)) else {
                throw CaseError.invalid(CaseValidationError(["kind": .unknownValue]))
            }
            try await cases.requestApproval(id, kind: kind, subject: form["subject"])
        }
    }

    func decide(req: Request) async throws -> Response {
        let approval = try req.recordID("aid")
        return try await act(req, "approvals") { form, cases, id in
            try await cases.decide(
                id, approval: approval, approve: form["decision"] == "approved", comment: form["comment"] ?? "")
        }
    }

    func recordService(req: Request) async throws -> Response {
        try await act(req, "services") { form, cases, id in
            let draft = ServiceDraft(
                date: form["date"], type: form["type"], quantity: form["quantity"], status: form["status"],
                partner: form["partner"], cost: form["cost"], currency: form["currency"])
            _ = try await cases.recordService(id, draft)
        }
    }

    func setServiceStatus(req: Request) async throws -> Response {
        let service = try req.recordID("svc")
        return try await act(req, "services") { form, cases, id in
            guard let status = form["status"].flatMap(ServiceStatus.init(rawValue:)) else {
                throw CaseError.invalid(CaseValidationError(["status": .unknownValue]))
            }
            try await cases.setServiceStatus(id, service: service, status: status)
        }
    }

    func addFollowUp(req: Request) async throws -> Response {
        try await act(req, "follow-ups") { form, cases, id in
            try await cases.addFollowUp(id, due: form["due"], note: form["follow_note"])
        }
    }

    func completeFollowUp(req: Request) async throws -> Response {
        let item = try req.recordID("fid")
        return try await act(req, "follow-ups") { _, cases, id in try await cases.completeFollowUp(id, followUp: item) }
    }

    func requestTransfer(req: Request) async throws -> Response {
        try await act(req, "transfer") { form, cases, id in
            try await cases.requestTransfer(
                id, toCentre: form["centre"], toUser: form["user"].flatMap(UUID.init(uuidString:)))
        }
    }

    func answerTransfer(req: Request) async throws -> Response {
        let transfer = try req.recordID("tid")
        return try await act(req, "transfer") { form, cases, id in
            try await cases.answerTransfer(
                id, transfer: transfer, accept: form["decision"] == "accept", reason: form["reason"] ?? "")
        }
    }

    func assign(req: Request) async throws -> Response {
        try await act(req, "transfer") { form, cases, id in
            _ = try await cases.assign(id, to: form["user"].flatMap(UUID.init(uuidString:)))
        }
    }

    func consent(req: Request) async throws -> Response {
        try await act(req, "referrals") { form, cases, id in
            let summary = try await cases.summary(id)
            let partners = try req.partners
            let chosen = Set(form.all("partners").compactMap(UUID.init(uuidString:)))
            let current = try await partners.consentedPartners(person: summary.personID)
            for partner in chosen.subtracting(current) {
                try await partners.setConsent(person: summary.personID, partner: partner, given: true)
            }
            for partner in current.subtracting(chosen) {
                try await partners.setConsent(person: summary.personID, partner: partner, given: false)
            }
        }
    }

    /// Sends a referral, recording consent to share with the partner first when the form says it was given; a
    /// refusal shows the case with the referral as typed, never a cleared form (issue 20, finding 7).
    func sendReferral(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let id = try req.recordID("cid")
        var draft = ReferralDraft(
            partner: form["partner"], service: form["service"], urgency: form["urgency"], reason: form["reason"],
            shared: form.all("shared"), note: form["note"])
        draft.documents = form.all("documents")
        let consentNow = form.has("consent_now")
        do {
            let partners = try req.partners
            if consentNow, let partner = draft.partner.flatMap(UUID.init(uuidString:)) {
                let personID = try await req.cases.summary(id).personID
                try await partners.setConsent(person: personID, partner: partner, given: true)
            }
            _ = try await partners.send(caseID: id, draft)
            return req.redirect(to: Site.kase(id) + "#referrals")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var page = try await Self.page(req, id, error: refusal.localized)
            if !refusal.fieldTexts.isEmpty { page.refused = ("referrals", refusal.fieldTexts) }
            page.referralDraft = draft
            page.referralConsentNow = consentNow
            return req.page(page.render(Self.context(req, id)), status: refusal.status)
        }
    }

    func returnForm(req: Request) async throws -> Response {
        let id = try req.recordID("cid")
        let summary = try await req.cases.summary(id)
        let person = try await req.people.find(summary.personID)
        return req.page(
            ReturnRequestPage(caseID: id, person: person, today: CivilDate(req.context.clock())).render(req.pageContext)
        )
    }

    func requestReturn(req: Request) async throws -> Response {
        try await act(req, "avrr") { form, _, id in
            let draft = AVRRRequestDraft(country: form["country"], place: form["place"], date: form["date"])
            _ = try await req.returns
                .request(caseID: id, draft)
        }
    }

    func checkIn(req: Request) async throws -> Response {
        try await act(req, "shelter") { form, _, id in
            guard let bed = form["bed"].flatMap(UUID.init(uuidString:)) else {
                throw CaseError.invalid(CaseValidationError(["bed": .required]))
            }
            _ = try await req.shelters
                .checkIn(caseID: id, bed: bed, date: form["check_in"])
        }
    }

    /// Runs an action on a return or stay, then shows its case; a refusal shows the case with the reason.
    func actOn(
        _ req: Request, caseID: () async throws -> UUID, anchor: String, _ body: (FormData) async throws -> Void
    ) async throws -> Response {
        let form = try FormData.verified(req)
        let id = try await caseID()
        do {
            try await body(form)
            return req.redirect(to: Site.kase(id) + "#\(anchor)")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var page = try await Self.page(req, id, error: refusal.localized)
            if !refusal.fieldTexts.isEmpty { page.refused = (anchor, refusal.fieldTexts) }
            return req.page(page.render(Self.context(req, id)), status: refusal.status)
        } catch StoreError.versionConflict {
            let page = try await Self.page(req, id, error: req.pageContext.t.t("case.conflict"))
            return req.page(page.render(Self.context(req, id)), status: .conflict)
        }
    }

    func advanceReturn(req: Request) async throws -> Response {
        let rid = try req.recordID("rid")
        let returns = try req.returns
        return try await actOn(req, caseID: { try await returns.find(rid).caseID }, anchor: "avrr") { form in
            let draft = AVRRStepDraft(step: form["step"], date: form["date"], documents: form["documents"])
            _ = try await returns.advance(rid, draft, expectedVersion: form["version"].flatMap(Int.init))
        }
    }

    func checkOut(req: Request) async throws -> Response {
        let sid = try req.recordID("sid")
        let shelter = try req.shelters
        return try await actOn(req, caseID: { try await shelter.stayCase(sid) }, anchor: "shelter") { form in
            try await shelter.checkOut(stay: sid, date: form["check_out"])
        }
    }
}
