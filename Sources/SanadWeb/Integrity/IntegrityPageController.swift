import SanadCore
import SanadStore
import Vapor

/// Damaged records and the last integrity check, for administrators (issue 16, items 3 and 4).
struct IntegrityPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.integrity, use: show)
        routes.page(.POST, Site.retireDamaged(Param.id), use: retire)
        routes.page(.POST, Site.rebuildDamaged(Param.id), use: rebuild)
    }

    func administrator(_ req: Request) throws {
        guard AccessPolicy.decide(try req.requireActor(), .repairRecords) == .allow else { throw StoreError.forbidden }
    }

    func show(req: Request) async throws -> Response {
        try administrator(req)
        return try await page(req, error: nil, status: .ok)
    }

    func page(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let (records, last) = try await req.repairs.damaged()
        let done = (try? req.query.get(String.self, at: "done")) == "1"
        return req.page(
            IntegrityPages.page(req.pageContext, records: records, last: last, done: done, error: error),
            status: status)
    }

    func retire(req: Request) async throws -> Response {
        try administrator(req)
        let form = try FormData.verified(req)
        do {
            try await req.repairs.retire(try req.recordID("id"), reason: form["reason"] ?? "")
        } catch let error as RepairError {
            return try await refused(req, error)
        }
        return req.redirect(to: Site.integrity + "?done=1")
    }

    func rebuild(req: Request) async throws -> Response {
        try administrator(req)
        _ = try FormData.verified(req)
        do {
            try await req.repairs.rebuild(try req.recordID("id"))
        } catch let error as RepairError {
            return try await refused(req, error)
        }
        return req.redirect(to: Site.integrity + "?done=1")
    }

    func refused(_ req: Request, _ error: RepairError) async throws -> Response {
        let key =
            switch error {
            case .needsReason: "integrity.needs-reason"
            case .needsRebuild: "integrity.needs-rebuild"
            case .notDamaged, .postgresBackup: "integrity.not-damaged"
            }
        return try await page(req, error: req.pageContext.t.t(key), status: .unprocessableEntity)
    }
}
