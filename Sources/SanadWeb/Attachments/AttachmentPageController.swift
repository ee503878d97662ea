import SanadCore
import SanadStore
import Vapor

/// Uploading, downloading and retracting documents from the person and case pages (issue 15). Uploads are plain
/// multipart forms, so they work without JavaScript, and stream: the body is never collected.
struct AttachmentPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, Site.person(Param.id, .attachments).pathComponents, body: .stream) { req in
            try await upload(req, owner: .person, id: try req.recordID("id"))
        }
        routes.on(.POST, Site.kase(Param.cid, .attachments).pathComponents, body: .stream) { req in
            try await upload(req, owner: .kase, id: try req.recordID("cid"))
        }
        routes.page(.GET, Site.attachment(Param.aid), use: download)
        routes.page(.POST, Site.retractAttachment(Param.aid), use: retract)
    }

    /// Where the record's page is, for the redirect after an upload and for a refusal.
    static func back(_ owner: AttachmentOwner, _ id: UUID) -> String {
        owner == .person ? Site.person(id) + "#attachments" : Site.kase(id) + "#attachments"
    }

    func upload(_ req: Request, owner: AttachmentOwner, id: UUID) async throws -> Response {
        guard SameOrigin.allows(req) else { throw FormRefused(cause: "origin") }
        do {
            _ = try await AttachmentReceiver.receive(req, owner: owner, id: id, form: true)
        } catch let problem as AttachmentProblem {
            return try await refused(req, owner, id, problem)
        }
        let page = owner == .person ? Site.person(id) : Site.kase(id)
        return req.redirect(to: page + "?attached=1#attachments")
    }

    /// The record's page again with the reason at the top; nothing was kept.
    func refused(_ req: Request, _ owner: AttachmentOwner, _ id: UUID, _ problem: AttachmentProblem) async throws
        -> Response
    {
        let message = req.pageContext.t.t("attachment.error.\(problem.rawValue)")
        let status: HTTPStatus = problem == .tooLarge ? .payloadTooLarge : .unprocessableEntity
        let c = req.pageContext
        let html = Layout.page(
            c, title: c.t.t("attachment.refused-title"),
            [
                Components.errorSummary(message) ?? .empty,
                el("p", [], [el("a", [attr("href", Self.back(owner, id))], text: c.t.t("attachment.back"))]),
            ])
        return req.page(html, status: status)
    }

    func download(req: Request) async throws -> Response {
        try await AttachmentReceiver.download(req, id: try req.recordID("aid"))
    }

    func retract(req: Request) async throws -> Response {
        let id = try req.recordID("aid")
        _ = try FormData.verified(req)
        let service = try req.attachments
        let view = try await service.find(id)
        try await service.retract(id)
        return req.redirect(to: Self.back(view.owner, view.ownerID))
    }
}
