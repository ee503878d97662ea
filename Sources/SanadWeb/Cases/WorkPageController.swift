import SanadCore
import SanadStore
import Vapor

/// Work lists: what is due for me, or for my centre.
struct WorkPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.work, use: work)
    }

    /// Items a page shows: at 5,000 open cases the whole list of one centre weighed 189 KB (issue 13, item 5).
    static let perPage = 50

    func work(req: Request) async throws -> Response {
        let centreScope = req.query[String.self, at: "scope"] == "centre"
        let service = try req.work
        let items = try await service.items(mine: !centreScope)
        let today = CivilDate(req.context.clock())
        let pageCount = max(1, (items.count + Self.perPage - 1) / Self.perPage)
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), pageCount)
        let shown = Array(items.dropFirst((page - 1) * Self.perPage).prefix(Self.perPage))
        let cases = try req.cases
        let transfers = try await cases.incomingTransfers()
        let caseRegno = try await cases.registrationNumbers(
            ofCases: Array(Set(shown.map(\.caseID) + transfers.map(\.caseID))))
        return req.page(
            WorkPage(
                items: shown, total: items.count, overdue: items.filter { $0.isOverdue(today: today) }.count,
                page: page, pageCount: pageCount, transfers: transfers, caseRegno: caseRegno,
                centreScope: centreScope, catalogue: try await req.serviceTypes.all(), today: today
            ).render(req.pageContext))
    }
}
