import Foundation
import SanadCore
import Vapor

extension RoleRouteMatrixTests {
    /// Case management, shelter, partners and referrals. Rows run in order on one setup, so each state-changing
    /// row leaves the case ready for the next.
    static func caseRows(
        _ ids: Ids,
        _ row: (HTTPMethod, String, String, Body, UInt, UInt, UInt, UInt, UInt?, UInt) -> (Row, String)
    ) -> [(Row, String)] {
        let c = ids.kase.uuidString
        let p = ids.person.uuidString
        let o = ids.other.uuidString
        let r = ids.referral.uuidString
        let x = UUID().uuidString
        let today = CivilDate(Date()).description
        func r6(
            _ m: HTTPMethod, _ route: String, _ path: String, _ body: Body = .none, admin: UInt, sup: UInt, cw: UInt,
            data: UInt, partner: UInt? = nil, anon: UInt
        ) -> (Row, String) {
            row(m, route, path, body, admin, sup, cw, data, partner, anon)
        }
        return [
            r6(.GET, "/cases", "/cases", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(.GET, "/people/:id/cases", "/people/\(p)/cases", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/people/:id/cases", "/people/\(o)/cases", .form([("priority", "high"), ("risk", "low")]),
                admin: 403, sup: 303, cw: 303, data: 403, anon: 303),
            r6(.GET, "/cases/:cid", "/cases/\(c)", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/events", "/cases/\(c)/events",
                .form([("event", "assess"), ("version", "1"), ("priority", "high"), ("risk", "high")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/notes", "/cases/\(c)/notes", .form([("note", "Met the person.")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/plan", "/cases/\(c)/plan",
                .form([("need", "Medical check"), ("service", "medical"), ("due", "2030-01-01")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/plan/:item", "/cases/\(c)/plan/\(x)", .form([("status", "done")]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/approvals", "/cases/\(c)/approvals", .form([("kind", "care-plan")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/approvals/:aid", "/cases/\(c)/approvals/\(x)", .form([("decision", "approved")]),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/services", "/cases/\(c)/services",
                .form([("date", today), ("type", "food"), ("quantity", "1"), ("status", "delivered")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/follow-ups", "/cases/\(c)/follow-ups",
                .form([("due", "2030-01-01"), ("follow_note", "Call back")]), admin: 403, sup: 303, cw: 303,
                data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/follow-ups/:fid", "/cases/\(c)/follow-ups/\(x)", .form([]), admin: 403, sup: 404,
                cw: 404, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/transfers", "/cases/\(c)/transfers", .form([("centre", "SD01")]), admin: 403,
                sup: 422, cw: 422, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/transfers/:tid", "/cases/\(c)/transfers/\(x)", .form([("decision", "accept")]),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/assign", "/cases/\(c)/assign", .form([("user", "")]), admin: 403, sup: 303,
                cw: 403, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/consent", "/cases/\(c)/consent", .form([("partners", ids.partner.uuidString)]),
                admin: 403, sup: 303, cw: 303, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/referrals", "/cases/\(c)/referrals",
                .form([
                    ("partner", ids.partner.uuidString), ("service", "legal-aid"), ("urgency", "routine"),
                    ("reason", "AdditionalServicesRequired"), ("shared", "sex"),
                ]), admin: 403, sup: 303, cw: 303, data: 403, anon: 303),
            r6(.GET, "/cases/:cid/returns", "/cases/\(c)/returns", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/returns", "/cases/\(c)/returns",
                .form([("country", "ERI"), ("place", "Asmara"), ("date", today)]), admin: 403, sup: 303, cw: 303,
                data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/stays", "/cases/\(c)/stays",
                .form([("bed", ids.bed.uuidString), ("check_in", today)]), admin: 403, sup: 303, cw: 303, data: 403,
                anon: 303),
            r6(
                .POST, "/returns/:rid", "/returns/\(x)", .form([("step", "eligibility"), ("date", today)]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 303),
            r6(
                .POST, "/stays/:sid/checkout", "/stays/\(x)/checkout", .form([("check_out", today)]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 303),
            r6(.GET, "/shelters/:centre", "/shelters/SD01", admin: 200, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/shelters/:centre", "/shelters/SD01", .form([("name", "Annex")]), admin: 303, sup: 303,
                cw: 403, data: 403, anon: 303),
            r6(
                .POST, "/shelters/:centre/beds", "/shelters/SD01/beds",
                .form([("shelter", x), ("room", "2"), ("labels", "B1"), ("restriction", "women")]), admin: 404,
                sup: 404, cw: 403, data: 403, anon: 303),
            r6(.GET, "/partners", "/partners", admin: 200, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/partners", "/partners", .form([("name", "Shelter NGO"), ("type", "NGO")]), admin: 303,
                sup: 403, cw: 403, data: 403, anon: 303),
            r6(.GET, "/referrals", "/referrals", admin: 403, sup: 200, cw: 200, data: 403, partner: 200, anon: 303),
            r6(
                .GET, "/referrals/:rid", "/referrals/\(r)", admin: 403, sup: 200, cw: 200, data: 403, partner: 200,
                anon: 303),
            r6(
                .POST, "/referrals/:rid", "/referrals/\(r)", .form([("decision", "accept")]), admin: 403, sup: 403,
                cw: 403, data: 403, partner: 303, anon: 303),
            r6(.GET, "/work", "/work", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(.GET, "/admin/services", "/admin/services", admin: 200, sup: 403, cw: 403, data: 403, anon: 303),
            r6(
                .POST, "/admin/services", "/admin/services",
                .form([("code", "hygiene"), ("english", "Hygiene kit"), ("arabic", "حقيبة نظافة"), ("unit", "kit")]),
                admin: 303, sup: 403, cw: 403, data: 403, anon: 303),
            r6(
                .POST, "/admin/users/:id/self-approval", "/admin/users/\(x)/self-approval", .form([("granted", "yes")]),
                admin: 404, sup: 403, cw: 403, data: 403, anon: 303),
        ]
    }
}
