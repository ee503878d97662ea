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

    func administrator(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, .repairRecords) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func show(req: Request) async throws -> Response {
        try await page(req, actor: try administrator(req), error: nil, status: .ok)
    }

    func page(_ req: Request, actor: Actor, error: String?, status: HTTPStatus) async throws -> Response {
        let records = try await Quarantine.list(actor: actor, on: req.db)
        let last = try await IntegrityCheck.last(on: req.db)
        let done = (try? req.query.get(String.self, at: "done")) == "1"
        return req.page(
            IntegrityPages.page(req.pageContext, records: records, last: last, done: done, error: error),
            status: status)
    }

    func retire(req: Request) async throws -> Response {
        let actor = try administrator(req)
        let form = try FormData.verified(req)
        do {
            try await repair(req, actor).retire(try req.recordID("id"), reason: form["reason"] ?? "")
        } catch let error as RepairError {
            return try await refused(req, actor, error)
        }
        return req.redirect(to: Site.integrity + "?done=1")
    }

    func rebuild(req: Request) async throws -> Response {
        let actor = try administrator(req)
        _ = try FormData.verified(req)
        do {
            try await repair(req, actor).rebuild(try req.recordID("id"))
        } catch let error as RepairError {
            return try await refused(req, actor, error)
        }
        return req.redirect(to: Site.integrity + "?done=1")
    }

    func repair(_ req: Request, _ actor: Actor) -> QuarantineRepair {
        QuarantineRepair(db: req.db, actor: actor, context: req.context)
    }

    func refused(_ req: Request, _ actor: Actor, _ error: RepairError) async throws -> Response {
        let key =
            switch error {
            case .needsReason: "integrity.needs-reason"
            case .needsRebuild: "integrity.needs-rebuild"
            case .notDamaged, .postgresBackup: "integrity.not-damaged"
            }
        return try await page(req, actor: actor, error: req.pageContext.t.t(key), status: .unprocessableEntity)
    }
}
