import Foundation
import SanadCore
import SanadStore
import Vapor

/// The same as the Integrity page, for administrators' tools (issue 16).
struct IntegrityAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/integrity",
            APIDoc(
                "listDamagedRecords",
                "Damaged records with their registration numbers and what became of them, and the last `sanad check`."),
            use: list)
        routes.api(
            .POST, "/integrity/{id}/retire",
            APIDoc(
                "retireDamagedRecord",
                "Give up on a damaged record with a `reason`: it stays out of lists and exports; audited.",
                problems: [409: "Not waiting for a repair, or a damaged look-up (rebuild it instead)."]),
            body: RetireBody.self, use: retire)
        routes.api(
            .POST, "/integrity/{id}/rebuild",
            APIDoc(
                "rebuildDamagedLookUps",
                "Rewrite a person's phone and document look-ups from their record; audited.",
                problems: [409: "Not a damaged look-up waiting for a repair."]),
            use: rebuild)
    }

    func administrator(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, .repairRecords) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func list(req: Request) async throws -> OK<IntegrityOut> {
        _ = try administrator(req)
        let found = try await req.repairs.damaged()
        return OK(IntegrityOut(damaged: found.records, lastCheck: found.lastCheck))
    }

    func retire(req: Request, body: RetireBody) async throws -> OK<IntegrityOut> {
        _ = try administrator(req)
        try await req.repairs.retire(
            try req.recordID("id"), reason: body.reason ?? "")
        return try await list(req: req)
    }

    func rebuild(req: Request) async throws -> OK<IntegrityOut> {
        _ = try administrator(req)
        try await req.repairs.rebuild(try req.recordID("id"))
        return try await list(req: req)
    }
}

struct RetireBody: Content {
    /// Why the record is given up (1 to 500 characters); kept with it and in the audit trail.
    var reason: String?
}

struct IntegrityOut: Content {
    let damaged: [DamagedRecordView]
    let lastCheck: IntegrityReport?
}

extension DamagedRecordView: Content {}
extension IntegrityReport: Content {}
extension DamageKind: APIDescribedValue {}
extension DamageStatus: APIDescribedValue {}
