import SanadStore
import Vapor

/// Help: open to everyone, signed in or not, so that a trainer can print the guides before accounts exist. They
/// hold no personal data.
struct HelpPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.help, use: index)
        routes.page(.GET, Site.guide(Param.guide), use: guide)
    }

    func index(req: Request) async throws -> Response {
        req.page(HelpPages.index(req.pageContext))
    }

    func guide(req: Request) async throws -> Response {
        let name = req.parameters.get("guide") ?? ""
        let c = req.pageContext
        guard StaffGuide.names.contains(name), let guide = StaffGuide.named(name, language: c.lang) else {
            throw StoreError.notFound
        }
        return req.page(HelpPages.guide(c, name: name, guide: guide))
    }
}
