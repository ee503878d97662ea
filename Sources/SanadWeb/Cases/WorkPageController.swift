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
        let all = try await service.items(mine: !centreScope)
        let kind = req.query[String.self, at: "kind"].flatMap(WorkItem.Kind.init(rawValue:))
        let items = kind.map { k in all.filter { $0.kind == k } } ?? all
        let today = CivilDate(req.context.clock())
        let pageCount = max(1, (items.count + Self.perPage - 1) / Self.perPage)
        let pageNumber = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), pageCount)
        let shown = Array(items.dropFirst((pageNumber - 1) * Self.perPage).prefix(Self.perPage))
        let cases = try req.cases
        let transfers = try await cases.incomingTransfers()
        let (caseRegno, names) = try await cases.people(
            ofCases: Array(Set(shown.map(\.caseID) + transfers.map(\.caseID))), named: Set(shown.map(\.caseID)))
        let actor = try req.requireActor()
        let screenings =
            AccessPolicy.roleMay(actor.role, .screenPerson)
            ? try await req.screenings.resumable(mine: !centreScope) : []
        let page = WorkPage(
            items: shown, total: items.count, overdue: items.filter { $0.isOverdue(today: today) }.count,
            page: pageNumber, pageCount: pageCount, transfers: transfers, caseRegno: caseRegno, names: names,
            screenings: screenings, centreScope: centreScope, kind: kind,
            kinds: Dictionary(grouping: all, by: \.kind).mapValues(\.count),
            catalogue: try await req.serviceTypes.all(), today: today)
        return req.page(page.render(req.pageContext))
    }
}
