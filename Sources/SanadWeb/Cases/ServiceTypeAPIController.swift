import Foundation
import SanadCore
import SanadStore
import Vapor

/// The service catalogue as JSON: the built-in service types and those an administrator added.
struct ServiceTypeAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/service-types", APIDoc("listServiceTypes", "Every service type, with its labels and unit."),
            use: list)
        routes.api(
            .POST, "/service-types",
            APIDoc("addServiceType", "An administrator adds a service type (its code cannot change later)."),
            body: ServiceTypeBody.self, use: add)
    }

    func list(req: Request) async throws -> OK<[ServiceKind]> {
        OK(try await req.serviceTypes.all())
    }

    func add(req: Request, body: ServiceTypeBody) async throws -> Created<ServiceKind> {
        Created(
            try await req.serviceTypes.add(code: body.code, english: body.english, arabic: body.arabic, unit: body.unit)
        )
    }
}

/// A service type is reference data: its code, its labels and the unit it is counted in.
extension ServiceKind: Content {}

struct ServiceTypeBody: Content {
    var code: String?
    var english: String?
    var arabic: String?
    var unit: String?
}
