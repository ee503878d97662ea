import Foundation
import SanadCore
import SanadStore
import Vapor

/// Assisted voluntary return: the request on a case and each step after it.
struct ReturnAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/cases/{cid}/returns",
            APIDoc(
                "requestReturn", "Record the person's wish to return (one open request per case).",
                problems: [409: CaseAPIController.refused]), body: ReturnBody.self, use: requestReturn)
        routes.api(
            .POST, "/returns/{rid}/steps",
            APIDoc(
                "advanceReturn", "Record the next step of a return, in order.",
                problems: [409: "Not the next step, or changed since `version`."]), body: ReturnStepBody.self,
            use: step)
    }

    func today(_ req: Request) -> CivilDate { CivilDate(req.context.clock()) }

    func requestReturn(req: Request, body b: ReturnBody) async throws -> Created<ReturnOut> {
        let draft = AVRRRequestDraft(country: b.country, place: b.place, date: b.date)
        let r = try await req.returns.request(caseID: try req.recordID("cid"), draft)
        return Created(ReturnOut(r, today: today(req)))
    }

    func step(req: Request, body b: ReturnStepBody) async throws -> OK<ReturnOut> {
        let draft = AVRRStepDraft(step: b.step, date: b.date, documents: b.documents)
        let r = try await req.returns.advance(try req.recordID("rid"), draft, expectedVersion: b.version)
        return OK(ReturnOut(r, today: today(req)))
    }
}
