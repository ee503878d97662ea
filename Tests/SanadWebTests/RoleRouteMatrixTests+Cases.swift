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
            r6(.GET, "/cases.csv", "/cases.csv", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .GET, "/referrals.csv", "/referrals.csv", admin: 403, sup: 200, cw: 200, data: 403, partner: 200,
                anon: 303),
            r6(.GET, "/people/:id/cases", "/people/\(p)/cases", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/people/:id/cases", "/people/\(o)/cases", .form([("priority", "high"), ("risk", "low")]),
                admin: 403, sup: 303, cw: 303, data: 403, anon: 401),
            r6(.GET, "/cases/:cid", "/cases/\(c)", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/events", "/cases/\(c)/events",
                .form([("event", "assess"), ("version", "1"), ("priority", "high"), ("risk", "high")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/notes", "/cases/\(c)/notes", .form([("note", "Met the person.")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/plan", "/cases/\(c)/plan",
                .form([("need", "Medical check"), ("service", "medical"), ("due", "2030-01-01")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/plan/:item", "/cases/\(c)/plan/\(x)", .form([("status", "done")]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/approvals", "/cases/\(c)/approvals", .form([("kind", "care-plan")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/approvals/:aid", "/cases/\(c)/approvals/\(x)", .form([("decision", "approved")]),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/services", "/cases/\(c)/services",
                .form([("date", today), ("type", "food"), ("quantity", "1"), ("status", "delivered")]), admin: 403,
                sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/services/:svc", "/cases/\(c)/services/\(x)", .form([("status", "delivered")]),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/follow-ups", "/cases/\(c)/follow-ups",
                .form([("due", "2030-01-01"), ("follow_note", "Call back")]), admin: 403, sup: 303, cw: 303,
                data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/follow-ups/:fid", "/cases/\(c)/follow-ups/\(x)", .form([]), admin: 403, sup: 404,
                cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/transfers", "/cases/\(c)/transfers", .form([("centre", "SD01")]), admin: 403,
                sup: 422, cw: 422, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/transfers/:tid", "/cases/\(c)/transfers/\(x)", .form([("decision", "accept")]),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/assign", "/cases/\(c)/assign", .form([("user", "")]), admin: 403, sup: 303,
                cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/consent", "/cases/\(c)/consent", .form([("partners", ids.partner.uuidString)]),
                admin: 403, sup: 303, cw: 303, data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/referrals", "/cases/\(c)/referrals",
                .form([
                    ("partner", ids.partner.uuidString), ("service", "legal-aid"), ("urgency", "routine"),
                    ("reason", "AdditionalServicesRequired"), ("shared", "sex"),
                ]), admin: 403, sup: 303, cw: 303, data: 403, anon: 401),
            r6(.GET, "/cases/:cid/returns", "/cases/\(c)/returns", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/cases/:cid/returns", "/cases/\(c)/returns",
                .form([("country", "ERI"), ("place", "Asmara"), ("date", today)]), admin: 403, sup: 303, cw: 303,
                data: 403, anon: 401),
            r6(
                .POST, "/cases/:cid/stays", "/cases/\(c)/stays",
                .form([("bed", ids.bed.uuidString), ("check_in", today)]), admin: 403, sup: 303, cw: 303, data: 403,
                anon: 401),
            r6(
                .POST, "/returns/:rid", "/returns/\(x)", .form([("step", "eligibility"), ("date", today)]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/stays/:sid/checkout", "/stays/\(x)/checkout", .form([("check_out", today)]), admin: 403,
                sup: 404, cw: 404, data: 403, anon: 401),
            r6(.GET, "/shelters/:centre", "/shelters/SD01", admin: 200, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/shelters/:centre", "/shelters/SD01", .form([("name", "Annex")]), admin: 303, sup: 303,
                cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/shelters/:centre/beds", "/shelters/SD01/beds",
                .form([("shelter", x), ("room", "2"), ("labels", "B1"), ("restriction", "women")]), admin: 404,
                sup: 404, cw: 403, data: 403, anon: 401),
            r6(.GET, "/partners", "/partners", admin: 200, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/partners", "/partners", .form([("name", "Shelter NGO"), ("type", "NGO")]), admin: 303,
                sup: 403, cw: 403, data: 403, anon: 401),
            r6(.GET, "/referrals", "/referrals", admin: 403, sup: 200, cw: 200, data: 403, partner: 200, anon: 303),
            r6(
                .GET, "/referrals/:rid", "/referrals/\(r)", admin: 403, sup: 200, cw: 200, data: 403, partner: 200,
                anon: 303),
            r6(
                .POST, "/referrals/:rid", "/referrals/\(r)", .form([("decision", "accept")]), admin: 403, sup: 403,
                cw: 403, data: 403, partner: 303, anon: 401),
            r6(.GET, "/work", "/work", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(.GET, "/admin/services", "/admin/services", admin: 200, sup: 403, cw: 403, data: 403, anon: 303),
            r6(
                .POST, "/admin/services", "/admin/services",
                .form([("code", "hygiene"), ("english", "Hygiene kit"), ("arabic", "حقيبة نظافة"), ("unit", "kit")]),
                admin: 303, sup: 403, cw: 403, data: 403, anon: 401),
            r6(.GET, "/api/v1/cases", "/api/v1/cases", admin: 403, sup: 200, cw: 200, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/people/:id/cases", "/api/v1/people/\(p)/cases",
                .json(#"{"priority":"low","risk":"low"}"#),
                admin: 403, sup: 409, cw: 409, data: 403, anon: 401),
            r6(.GET, "/api/v1/cases/:cid", "/api/v1/cases/\(c)", admin: 403, sup: 200, cw: 200, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/events", "/api/v1/cases/\(c)/events",
                .json(#"{"event":"start-assistance"}"#),
                admin: 403, sup: 409, cw: 409, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/notes", "/api/v1/cases/\(c)/notes", .json(#"{"text":"Phoned the family."}"#),
                admin: 403, sup: 204, cw: 204, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/plan-items", "/api/v1/cases/\(c)/plan-items",
                .json(#"{"need":"Counselling","service":"mhpss","due":"2030-03-01"}"#), admin: 403, sup: 204, cw: 204,
                data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/plan-items/:item/status", "/api/v1/cases/\(c)/plan-items/\(x)/status",
                .json(#"{"status":"done"}"#), admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/follow-ups", "/api/v1/cases/\(c)/follow-ups",
                .json(#"{"due":"2030-01-02","note":"Call back"}"#), admin: 403, sup: 204, cw: 204, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/follow-ups/:fid/done", "/api/v1/cases/\(c)/follow-ups/\(x)/done", .json(nil),
                admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/transfers", "/api/v1/cases/\(c)/transfers", .json(#"{"centre":"SD01"}"#),
                admin: 403, sup: 422, cw: 422, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/transfers/:tid/answer", "/api/v1/cases/\(c)/transfers/\(x)/answer",
                .json(#"{"decision":"accept"}"#), admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/assign", "/api/v1/cases/\(c)/assign", .json("{}"), admin: 403, sup: 200,
                cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/approvals", "/api/v1/cases/\(c)/approvals", .json(#"{"kind":"care-plan"}"#),
                admin: 403, sup: 409, cw: 409, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/approvals/:aid", "/api/v1/cases/\(c)/approvals/\(x)",
                .json(#"{"decision":"approved"}"#), admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/services", "/api/v1/cases/\(c)/services",
                .json(#"{"date":"\#(today)","type":"medical","quantity":1,"status":"delivered"}"#), admin: 403,
                sup: 201, cw: 201, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/services/:svc/status", "/api/v1/cases/\(c)/services/\(x)/status",
                .json(#"{"status":"delivered"}"#), admin: 403, sup: 404, cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/referrals", "/api/v1/cases/\(c)/referrals",
                .json(
                    #"{"partner":"\#(ids.partner.uuidString)","service":"legal-aid","urgency":"urgent","reason":"Other","shared":["age"]}"#
                ), admin: 403, sup: 201, cw: 201, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/returns", "/api/v1/cases/\(c)/returns",
                .json(#"{"country":"ERI","place":"Keren","date":"\#(today)"}"#), admin: 403, sup: 409, cw: 409,
                data: 403, anon: 401),
            r6(
                .POST, "/api/v1/cases/:cid/stays", "/api/v1/cases/\(c)/stays",
                .json(#"{"bed":"\#(ids.bed.uuidString)"}"#),
                admin: 403, sup: 409, cw: 409, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/returns/:rid/steps", "/api/v1/returns/\(x)/steps",
                .json(#"{"step":"eligibility","date":"\#(today)"}"#), admin: 403, sup: 404, cw: 404, data: 403,
                anon: 401),
            r6(
                .POST, "/api/v1/stays/:sid/checkout", "/api/v1/stays/\(x)/checkout", .json("{}"), admin: 403, sup: 404,
                cw: 404, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/people/:id/consents", "/api/v1/people/\(p)/consents",
                .json(#"{"partner":"\#(ids.partner.uuidString)","given":true}"#), admin: 403, sup: 204, cw: 204,
                data: 403, anon: 401),
            r6(
                .GET, "/api/v1/shelters/:centre/occupancy", "/api/v1/shelters/SD01/occupancy", admin: 200, sup: 200,
                cw: 200, data: 403, anon: 401),
            r6(.GET, "/api/v1/partners", "/api/v1/partners", admin: 200, sup: 200, cw: 200, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/partners", "/api/v1/partners", .json(#"{"name":"Law Clinic","type":"NGO"}"#),
                admin: 201, sup: 403, cw: 403, data: 403, anon: 401),
            r6(
                .GET, "/api/v1/shelters/:centre", "/api/v1/shelters/SD01", admin: 200, sup: 200, cw: 200, data: 403,
                anon: 401),
            r6(
                .POST, "/api/v1/shelters/:centre", "/api/v1/shelters/SD01", .json(#"{"name":"Annex B"}"#), admin: 201,
                sup: 201, cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/shelters/:centre/beds", "/api/v1/shelters/SD01/beds",
                .json(#"{"shelter":"\#(x)","room":"3","labels":["C1"],"restriction":"women"}"#), admin: 404, sup: 404,
                cw: 403, data: 403, anon: 401),
            r6(
                .GET, "/api/v1/service-types", "/api/v1/service-types", admin: 200, sup: 200, cw: 200, data: 200,
                partner: 200, anon: 401),
            r6(
                .POST, "/api/v1/service-types", "/api/v1/service-types",
                .json(#"{"code":"blankets","english":"Blankets","arabic":"بطانيات","unit":"item"}"#), admin: 201,
                sup: 403, cw: 403, data: 403, anon: 401),
            r6(
                .GET, "/api/v1/referrals", "/api/v1/referrals", admin: 403, sup: 200, cw: 200, data: 403, partner: 200,
                anon: 401),
            r6(
                .POST, "/api/v1/referrals/:rid/answer", "/api/v1/referrals/\(r)/answer",
                .json(#"{"decision":"decline","reason":"No capacity"}"#), admin: 403, sup: 403, cw: 403, data: 403,
                partner: 409, anon: 401),
            r6(.GET, "/api/v1/work", "/api/v1/work", admin: 403, sup: 200, cw: 200, data: 403, anon: 401),
            r6(.GET, "/events", "/events", admin: 200, sup: 200, cw: 200, data: 200, partner: 403, anon: 303),
            r6(.GET, "/events.csv", "/events.csv", admin: 200, sup: 200, cw: 200, data: 200, partner: 403, anon: 303),
            r6(.GET, "/events/new", "/events/new", admin: 403, sup: 200, cw: 200, data: 403, anon: 303),
            r6(
                .POST, "/events", "/events",
                .form([
                    ("type", "radio"), ("title", "Safe migration"), ("start_date", today), ("state", "SD01"),
                    ("centre", "SD01"), ("participants_f_adults", "10"),
                ]), admin: 403, sup: 303, cw: 303, data: 403, anon: 401),
            r6(.GET, "/events/:eid", "/events/\(x)", admin: 404, sup: 404, cw: 404, data: 404, partner: 403, anon: 303),
            r6(.GET, "/reports", "/reports", admin: 200, sup: 200, cw: 403, data: 200, partner: 403, anon: 303),
            r6(
                .GET, "/reports/figures.csv", "/reports/figures.csv", admin: 200, sup: 200, cw: 403, data: 200,
                partner: 403, anon: 303),
            r6(
                .GET, "/reports/hxl.csv", "/reports/hxl.csv?by=centre,sex", admin: 200, sup: 200, cw: 403, data: 200,
                partner: 403, anon: 303),
            r6(
                .GET, "/reports/ctdc.csv", "/reports/ctdc.csv?k=11", admin: 200, sup: 200, cw: 403, data: 200,
                partner: 403, anon: 303),
            r6(
                .GET, "/api/v1/reports/summary", "/api/v1/reports/summary?from=2026-01-01&to=\(today)", admin: 200,
                sup: 200, cw: 403, data: 200, partner: 403, anon: 401),
            r6(
                .GET, "/api/v1/reports/trends", "/api/v1/reports/trends?from=2026-01-01&to=\(today)", admin: 200,
                sup: 200, cw: 403, data: 200, partner: 403, anon: 401),
            r6(
                .GET, "/api/v1/events", "/api/v1/events", admin: 200, sup: 200, cw: 200, data: 200, partner: 403,
                anon: 401),
            r6(
                .POST, "/api/v1/events", "/api/v1/events",
                .json(#"{"type":"sports","title":"Football","startDate":"\#(today)","state":"SD01","centre":"SD01"}"#),
                admin: 403, sup: 201, cw: 201, data: 403, anon: 401),
            r6(
                .GET, "/api/v1/events/:eid", "/api/v1/events/\(x)", admin: 404, sup: 404, cw: 404, data: 404,
                partner: 403, anon: 401),
            r6(
                .POST, "/admin/users/:id/self-approval", "/admin/users/\(x)/self-approval", .form([("granted", "yes")]),
                admin: 404, sup: 403, cw: 403, data: 403, anon: 401),
            // Two-factor: setting it up is anyone's own business; resetting and the policy are administrators'.
            r6(
                .POST, "/account/two-factor", "/account/two-factor", .form([]), admin: 200, sup: 200, cw: 200,
                data: 200, anon: 401),
            r6(
                .POST, "/account/two-factor/confirm", "/account/two-factor/confirm", .form([("code", "000000")]),
                admin: 303, sup: 303, cw: 303, data: 303, anon: 401),
            r6(
                .POST, "/signin/code", "/signin/code", .form([("code", "000000")]), admin: 303, sup: 303, cw: 303,
                data: 303, anon: 303),
            r6(
                .POST, "/admin/users/:id/two-factor/reset", "/admin/users/\(x)/two-factor/reset", .form([]),
                admin: 404, sup: 403, cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/admin/two-factor-policy", "/admin/two-factor-policy", .form([]), admin: 303, sup: 403,
                cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/users/:id/two-factor/reset", "/api/v1/users/\(x)/two-factor/reset", .json(nil),
                admin: 404, sup: 403, cw: 403, data: 403, anon: 401),
            r6(
                .GET, "/api/v1/two-factor-policy", "/api/v1/two-factor-policy", .json(nil), admin: 200, sup: 403,
                cw: 403, data: 403, anon: 401),
            r6(
                .POST, "/api/v1/two-factor-policy", "/api/v1/two-factor-policy", .json(#"{"roles":[]}"#), admin: 204,
                sup: 403, cw: 403, data: 403, anon: 401),
        ]
    }
}
