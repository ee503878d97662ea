import SanadCore
import SanadStore
import Vapor

/// The service catalogue: the shipped service types and those an administrator added.
struct ServiceCataloguePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.serviceTypes, use: catalogue)
        routes.page(.POST, Site.serviceTypes, use: addService)
    }

    func catalogue(req: Request) async throws -> Response {
        guard AccessPolicy.decide(try req.requireActor(), .manageServiceCatalogue) == .allow else {
            throw StoreError.forbidden
        }
        return req.page(
            ServiceCataloguePage(catalogue: try await req.serviceTypes.all()).render(req.pageContext))
    }

    func addService(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        do {
            _ = try await req.serviceTypes.add(
                code: form["code"], english: form["english"], arabic: form["arabic"], unit: form["unit"])
            return req.redirect(to: Site.serviceTypes)
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var page = ServiceCataloguePage(catalogue: try await req.serviceTypes.all())
            page.error = refusal.localized
            return req.page(page.render(req.pageContext), status: refusal.status)
        }
    }
}
