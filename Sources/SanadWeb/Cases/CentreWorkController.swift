import Fluent
import SanadCore
import SanadStore
import Vapor

/// Shelters, the partner directory, referral inboxes, work lists and the service catalogue.
struct CentreWorkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("shelters", ":centre", use: shelters)
        routes.post("shelters", ":centre", use: addShelter)
        routes.post("shelters", ":centre", "beds", use: addBeds)
        routes.get("partners", use: partners)
        routes.post("partners", use: addPartner)
        routes.get("referrals", use: referrals)
        routes.get("referrals.csv", use: referralsCSV)
        routes.get("referrals", ":rid", use: referral)
        routes.post("referrals", ":rid", use: answer)
        routes.get("work", use: work)
        routes.get("admin", "services", use: catalogue)
        routes.post("admin", "services", use: addService)
    }

    func centre(_ req: Request) throws -> String {
        guard let code = req.parameters.get("centre"), code.count <= 20,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw Abort(.notFound) }
        return code
    }

    func shelterPage(_ req: Request, error: String? = nil) async throws -> SheltersPage {
        let code = try centre(req)
        let actor = try req.requireActor()
        guard let centre = try await Centre.query(on: req.db).filter(\.$code == code).first() else {
            throw Abort(.notFound)
        }
        let today = CivilDate(req.context.clock())
        let date = req.query[String.self, at: "date"].flatMap(CivilDate.init) ?? today
        let service = ShelterService(db: req.db, actor: actor, context: req.context)
        let beds = try await service.occupancy(centre: code, on: date)
        let shelters = try await service.shelters(centre: code)
        var regnos: [UUID: String] = [:]
        let ids = beds.compactMap { $0.stay?.personID }
        if !ids.isEmpty {
            for p in try await Person.query(on: req.db).filter(\.$id ~~ ids).all() {
                regnos[p.id!] = p.registrationNumber
            }
        }
        return SheltersPage(
            centre: centre, date: date, beds: beds, shelters: shelters, registration: regnos, error: error)
    }

    func shelters(req: Request) async throws -> Response {
        req.page(try await shelterPage(req).render(req.pageContext))
    }

    func configure(_ req: Request, _ body: (FormData, ShelterService) async throws -> Void) async throws -> Response {
        let form = try FormData.verified(req)
        let code = try centre(req)
        do {
            try await body(form, ShelterService(db: req.db, actor: try req.requireActor(), context: req.context))
            return req.redirect(to: "/shelters/\(code)")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var c = req.pageContext
            c.path = "/shelters/\(code)"
            return req.page(try await shelterPage(req, error: refusal.localized).render(c), status: refusal.status)
        }
    }

    func addShelter(req: Request) async throws -> Response {
        let code = try centre(req)
        return try await configure(req) { form, service in
            _ = try await service.addShelter(centre: code, name: form["name"])
        }
    }

    func addBeds(req: Request) async throws -> Response {
        try await configure(req) { form, service in
            guard let shelter = form["shelter"].flatMap(UUID.init(uuidString:)) else {
                throw CaseError.invalid(CaseValidationError(["shelter": .required]))
            }
            try await service.addBeds(
                shelter: shelter, room: form["room"], labels: form["labels"], restriction: form["restriction"])
        }
    }

    func partnersPage(_ req: Request, error: String? = nil, draft: PartnerDraft = PartnerDraft()) async throws
        -> PartnersPage
    {
        let service = PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
        return PartnersPage(
            partners: try await service.partners(), catalogue: try await ServiceCatalogue.all(on: req.db), error: error,
            draft: draft)
    }

    func partners(req: Request) async throws -> Response {
        req.page(try await partnersPage(req).render(req.pageContext))
    }

    func addPartner(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        var draft = PartnerDraft()
        draft.name = form["name"]
        draft.type = form["type"]
        draft.services = form.all("services")
        draft.states = form.all("states")
        draft.focalPoint = form["focal_point"]
        draft.contact = form["contact"]
        do {
            _ = try await PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
                .addPartner(draft)
            return req.redirect(to: "/partners")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            return req.page(
                try await partnersPage(req, error: refusal.localized, draft: draft).render(req.pageContext),
                status: refusal.status)
        }
    }

    func referrals(req: Request) async throws -> Response {
        let status = req.query[String.self, at: "status"].flatMap(ReferralStatus.init(rawValue:))
        let page = req.query[Int.self, at: "page"] ?? 1
        let service = PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
        let (rows, total) = try await service.inbox(status: status, page: page)
        return req.page(
            ReferralInboxPage(
                referrals: rows, total: total, status: status, page: page,
                catalogue: try await ServiceCatalogue.all(on: req.db), today: CivilDate(req.context.clock())
            ).render(req.pageContext))
    }

    func referralsCSV(req: Request) async throws -> Response {
        let status = req.query[String.self, at: "status"].flatMap(ReferralStatus.init(rawValue:))
        let service = PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
        let today = CivilDate(req.context.clock())
        var rows: [[String]] = [
            ["sent_on", "partner", "service", "urgency", "reason", "status", "answer_due", "overdue"]
        ]
        var page = 1
        while true {
            let (items, total) = try await service.inbox(status: status, page: page, per: 200)
            rows += items.map {
                [
                    $0.sentOn, $0.partnerName, $0.service, $0.urgency.rawValue, $0.reason.rawValue, $0.status.rawValue,
                    $0.answerDue, $0.isOverdue(today: today) ? "yes" : "no",
                ]
            }
            if page * 200 >= total || page >= 500 { break }
            page += 1
        }
        return SpreadsheetResponse.download(try SpreadsheetResponse.csv(rows), filename: "sanad-referrals.csv")
    }

    func referralPage(_ req: Request, _ id: UUID, error: String? = nil) async throws -> ReferralPage {
        let service = PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
        return ReferralPage(
            referral: try await service.find(id), catalogue: try await ServiceCatalogue.all(on: req.db),
            today: CivilDate(req.context.clock()), error: error)
    }

    func referral(req: Request) async throws -> Response {
        req.page(try await referralPage(req, try req.recordID("rid")).render(req.pageContext))
    }

    func answer(req: Request) async throws -> Response {
        let id = try req.recordID("rid")
        let form = try FormData.verified(req)
        let event: ReferralEvent
        switch form["decision"] {
        case "accept": event = .accept
        case "decline": event = .decline(reason: form["reason"] ?? "")
        case "complete": event = .complete
        case "withdraw": event = .withdraw
        default: throw Abort(.badRequest, reason: "Unknown decision.")
        }
        do {
            _ = try await PartnerService(db: req.db, actor: try req.requireActor(), context: req.context)
                .answer(id, event, expectedVersion: form["version"].flatMap(Int.init))
            return req.redirect(to: "/referrals/\(id.uuidString)")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            return req.page(
                try await referralPage(req, id, error: refusal.localized).render(req.pageContext),
                status: refusal.status)
        } catch StoreError.versionConflict {
            return req.page(
                try await referralPage(req, id, error: req.pageContext.t.t("case.conflict")).render(req.pageContext),
                status: .conflict)
        }
    }

    func work(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let centreScope = req.query[String.self, at: "scope"] == "centre"
        let service = WorkService(db: req.db, actor: actor, context: req.context)
        let items = try await service.items(mine: !centreScope)
        let cases = CaseService(db: req.db, actor: actor, context: req.context)
        let transfers = try await cases.incomingTransfers()
        let records = try await CaseRecord.query(on: req.db).filter(
            \.$id ~~ Array(Set(items.map(\.caseID) + transfers.map(\.caseID)))
        ).all()
        let regnos = try await CaseController().registrationNumbers(req, records.map(\.personID))
        var caseRegno: [UUID: String] = [:]
        for r in records { caseRegno[r.id!] = regnos[r.personID] }
        return req.page(
            WorkPage(
                items: items, transfers: transfers, caseRegno: caseRegno, centreScope: centreScope,
                catalogue: try await ServiceCatalogue.all(on: req.db), today: CivilDate(req.context.clock())
            ).render(req.pageContext))
    }

    func catalogue(req: Request) async throws -> Response {
        guard AccessPolicy.decide(try req.requireActor(), .manageServiceCatalogue) == .allow else {
            throw StoreError.forbidden
        }
        return req.page(
            ServiceCataloguePage(catalogue: try await ServiceCatalogue.all(on: req.db)).render(req.pageContext))
    }

    func addService(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let actor = try req.requireActor()
        do {
            _ = try await ServiceCatalogue.add(
                code: form["code"], english: form["english"], arabic: form["arabic"], unit: form["unit"], actor: actor,
                context: req.context, on: req.db)
            return req.redirect(to: "/admin/services")
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var page = ServiceCataloguePage(catalogue: try await ServiceCatalogue.all(on: req.db))
            page.error = refusal.localized
            return req.page(page.render(req.pageContext), status: refusal.status)
        }
    }
}
