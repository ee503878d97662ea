import SanadCore
import SanadStore
import Vapor

/// Shelter occupancy by date, and the shelters, rooms and beds of a centre.
struct ShelterPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.shelters(Param.centre), use: shelters)
        routes.page(.POST, Site.shelters(Param.centre), use: addShelter)
        routes.page(.POST, Site.shelterBeds(Param.centre), use: addBeds)
    }

    func centre(_ req: Request) throws -> String {
        guard let code = req.parameters.get("centre"), code.count <= 20,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw Abort(.notFound) }
        return code
    }

    func shelterPage(_ req: Request, error: String? = nil) async throws -> SheltersPage {
        let code = try centre(req)
        guard let centre = try await req.centres.find(code: code) else {
            throw Abort(.notFound)
        }
        let today = CivilDate(req.context.clock())
        let date = req.query[String.self, at: "date"].flatMap(CivilDate.init) ?? today
        let service = try req.shelters
        let beds = try await service.occupancy(centre: code, on: date)
        let shelters = try await service.shelters(centre: code)
        let regnos = try await req.people.registrationNumbers(beds.compactMap { $0.stay?.personID })
        return SheltersPage(
            centre: centre, date: date, beds: beds, shelters: shelters, registration: regnos, error: error)
    }

    func shelters(req: Request) async throws -> Response {
        req.page(try await shelterPage(req).render(req.pageContext))
    }

    func configure(_ req: Request, _ body: (FormData, ShelterService) async throws -> Void) async throws -> Response {
        let form = try FormData.verified(req)
        let code = try centre(req)
        do {
            try await body(form, req.shelters)
            return req.redirect(to: Site.shelters(code))
        } catch let error as CaseError {
            let refusal = CaseRefusal(error, req.pageContext.t)
            var c = req.pageContext
            c.path = Site.shelters(code)
            return req.page(try await shelterPage(req, error: refusal.localized).render(c), status: refusal.status)
        }
    }

    func addShelter(req: Request) async throws -> Response {
        let code = try centre(req)
        return try await configure(req) { form, service in
            _ = try await service.addShelter(centre: code, name: form["name"])
        }
    }

    func addBeds(req: Request) async throws -> Response {
        try await configure(req) { form, service in
            guard let shelter = form["shelter"].flatMap(UUID.init(uuidString:)) else {
                throw CaseError.invalid(CaseValidationError(["shelter": .required]))
            }
            try await service.addBeds(
                shelter: shelter, room: form["room"], labels: form["labels"], restriction: form["restriction"])
        }
    }
}
