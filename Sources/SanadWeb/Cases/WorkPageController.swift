import SanadCore
import SanadStore
import Vapor

/// Work lists: what is due for me, or for my centre.
struct WorkPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.work, use: work)
    }

    func work(req: Request) async throws -> Response {
        let centreScope = req.query[String.self, at: "scope"] == "centre"
        let service = try req.work
        let items = try await service.items(mine: !centreScope)
        let cases = try req.cases
        let transfers = try await cases.incomingTransfers()
        let caseRegno = try await cases.registrationNumbers(
            ofCases: Array(Set(items.map(\.caseID) + transfers.map(\.caseID))))
        return req.page(
            WorkPage(
                items: items, transfers: transfers, caseRegno: caseRegno, centreScope: centreScope,
                catalogue: try await req.serviceTypes.all(), today: CivilDate(req.context.clock())
            ).render(req.pageContext))
    }
}
