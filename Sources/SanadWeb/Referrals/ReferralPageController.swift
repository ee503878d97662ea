import SanadCore
import SanadStore
import Vapor

/// The partner directory and the referral inboxes: what was sent, and what partners answered.
struct ReferralPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.partners, use: partners)
        routes.page(.POST, Site.partners, use: addPartner)
        routes.page(.GET, Site.referrals, use: referrals)
        routes.page(.GET, Site.referralsCSV, use: referralsCSV)
        routes.page(.GET, Site.referral(Param.rid), use: referral)
        routes.page(.POST, Site.referral(Param.rid), use: answer)
    }

    func partnersPage(_ req: Request, error: String? = nil, draft: PartnerDraft = PartnerDraft()) async throws
        -> PartnersPage
    {
        let service = try req.partners
        return PartnersPage(
            partners: try await service.partners(), catalogue: try await req.serviceTypes.all(), error: error,
            draft: draft)
    }

    func partners(req: Request) async throws -> Response {
        req.page(try await partnersPage(req).render(req.pageContext))
    }

    func addPartner(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let draft = PartnerDraft(
            name: form["name"], type: form["type"], services: form.all("services"), states: form.all("states"),
            focalPoint: form["focal_point"], contact: form["contact"])
        do {
            _ = try await req.partners
                .addPartner(draft)
            return req.redirect(to: Site.partners)
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
        let service = try req.partners
        let (rows, total) = try await service.inbox(status: status, page: page)
        return req.page(
            ReferralInboxPage(
                referrals: rows, total: total, status: status, page: page,
                catalogue: try await req.serviceTypes.all(), today: CivilDate(req.context.clock())
            ).render(req.pageContext))
    }

    func referralsCSV(req: Request) async throws -> Response {
        let status = req.query[String.self, at: "status"].flatMap(ReferralStatus.init(rawValue:))
        let service = try req.partners
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
        return SpreadsheetResponse.download(SpreadsheetResponse.csv(rows), filename: "sanad-referrals.csv")
    }

    func referralPage(_ req: Request, _ id: UUID, error: String? = nil) async throws -> ReferralPage {
        let service = try req.partners
        var page = ReferralPage(
            referral: try await service.find(id), catalogue: try await req.serviceTypes.all(),
            today: CivilDate(req.context.clock()), error: error)
        page.documents = try await req.attachments.list(owner: .referral, id: id).filter { $0.retractedAt == nil }
        return page
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
            _ = try await req.partners
                .answer(id, event, expectedVersion: form["version"].flatMap(Int.init))
            return req.redirect(to: Site.referral(id))
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
}
