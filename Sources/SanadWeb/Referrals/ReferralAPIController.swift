import Foundation
import SanadCore
import SanadStore
import Vapor

/// Referrals to partners, the consent they need, the partner directory and the partners' answers.
struct ReferralAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/cases/{cid}/referrals",
            APIDoc(
                "sendReferral", "Refer the case's person to a partner (consent to share with it first).",
                problems: [409: CaseAPIController.refused]), body: ReferralBody.self, use: refer)
        routes.api(
            .POST, "/people/{id}/consents",
            APIDoc("setReferralConsent", "Record or withdraw the person's consent to share with a partner."),
            body: ConsentBody.self, use: consent)
        routes.api(.GET, "/partners", APIDoc("listPartners", "The partner directory."), use: partners)
        routes.api(
            .POST, "/partners", APIDoc("addPartner", "Add an organisation to the partner directory."),
            body: PartnerBody.self, use: addPartner)
        routes.api(
            .GET, "/referrals",
            APIDoc(
                "listReferrals",
                "A partner focal point's inbox, or the referrals sent from the caller's centres; soonest due first.",
                query: [.oneOf("status", ReferralStatus.allCases.map(\.rawValue)), .page]), use: referrals)
        routes.api(
            .POST, "/referrals/{rid}/answer",
            APIDoc(
                "answerReferral", "The partner accepts, declines (with a reason) or completes; the sender withdraws.",
                problems: [409: "Not possible from the referral's current state, or changed since `version`."]),
            body: ReferralAnswerBody.self, use: answer)
    }

    func today(_ req: Request) -> CivilDate { CivilDate(req.context.clock()) }

    func refer(req: Request, body b: ReferralBody) async throws -> Created<ReferralOut> {
        var draft = ReferralDraft(
            partner: b.partner, service: b.service, urgency: b.urgency, reason: b.reason, shared: b.shared ?? [],
            note: b.note)
        draft.documents = b.documents ?? []
        let sent = try await req.partners.send(caseID: try req.recordID("cid"), draft)
        return Created(ReferralOut(sent, today: today(req)))
    }

    func consent(req: Request, body b: ConsentBody) async throws -> NoContent {
        let person = try req.recordID("id")
        guard let partner = b.partner else { throw CaseError.invalid(CaseValidationError(["partner": .required])) }
        try await req.partners.setConsent(person: person, partner: partner, given: b.given ?? true)
        return NoContent()
    }

    func partners(req: Request) async throws -> OK<[PartnerOut]> {
        OK(try await req.partners.partners().map(PartnerOut.init))
    }

    func addPartner(req: Request, body b: PartnerBody) async throws -> Created<PartnerOut> {
        let draft = PartnerDraft(
            name: b.name, type: b.type, services: b.services ?? [], states: b.states ?? [], focalPoint: b.focalPoint,
            contact: b.contact)
        return Created(PartnerOut(try await req.partners.addPartner(draft)))
    }

    func referrals(req: Request) async throws -> OK<ReferralListOut> {
        var status: ReferralStatus?
        if let text = req.query[String.self, at: "status"] {
            guard let value = ReferralStatus(rawValue: text) else {
                throw APIValidation(fields: [.init(field: "status", code: "unknown-value", detail: "No such status.")])
            }
            status = value
        }
        let page = req.query[Int.self, at: "page"] ?? 1
        let (rows, total) = try await req.partners.inbox(status: status, page: page)
        return OK(
            ReferralListOut(items: rows.map { ReferralOut($0, today: today(req)) }, page: max(1, page), total: total))
    }

    func answer(req: Request, body b: ReferralAnswerBody) async throws -> OK<ReferralOut> {
        let event: ReferralEvent
        switch b.decision {
        case "accept": event = .accept
        case "decline": event = .decline(reason: b.reason ?? "")
        case "complete": event = .complete
        case "withdraw": event = .withdraw
        default:
            throw CaseError.invalid(CaseValidationError(["decision": b.decision == nil ? .required : .unknownValue]))
        }
        let r = try await req.partners.answer(try req.recordID("rid"), event, expectedVersion: b.version)
        return OK(ReferralOut(r, today: today(req)))
    }
}
