import Foundation
import SanadCore
import SanadStore
import Vapor

/// Shelters, rooms and beds of a centre, and the stays in them.
struct ShelterAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/cases/{cid}/stays",
            APIDoc(
                "checkIn", "Give the case's person a free bed from a date.",
                problems: [409: "The bed or the person is taken on that date, or the bed is restricted."]),
            body: StayBody.self, use: checkIn)
        routes.api(
            .POST, "/stays/{sid}/checkout",
            APIDoc(
                "checkOut", "End a stay; its nights become a delivered safe-accommodation service.",
                problems: [409: "Already checked out."]), body: CheckOutBody.self, use: checkOut)
        routes.api(
            .GET, "/shelters/{centre}/occupancy",
            APIDoc(
                "shelterOccupancy", "Every bed of a centre and who slept there on a date (default today).",
                query: [.date("date")]), use: occupancy)
        routes.api(
            .GET, "/shelters/{centre}", APIDoc("listShelters", "The shelters of a centre."), use: shelters)
        routes.api(
            .POST, "/shelters/{centre}",
            APIDoc("addShelter", "An administrator or supervisor adds a shelter to a centre."),
            body: ShelterBody.self, use: addShelter)
        routes.api(
            .POST, "/shelters/{centre}/beds",
            APIDoc("addBeds", "Add a room's beds to a shelter, with who may sleep there."), body: BedsBody.self,
            use: addBeds)
    }

    func today(_ req: Request) -> CivilDate { CivilDate(req.context.clock()) }

    /// A centre code from the path; anything else is an unknown centre, not a bad request.
    func centre(_ req: Request) throws -> String {
        guard let code = req.parameters.get("centre"), (1...20).contains(code.count),
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw StoreError.notFound }
        return code
    }

    func checkIn(req: Request, body b: StayBody) async throws -> Created<StayOut> {
        guard let bed = b.bed else { throw CaseError.invalid(CaseValidationError(["bed": .required])) }
        let stay = try await req.shelters.checkIn(
            caseID: try req.recordID("cid"), bed: bed, date: b.checkIn ?? today(req).description)
        return Created(StayOut(stay))
    }

    func checkOut(req: Request, body b: CheckOutBody) async throws -> NoContent {
        try await req.shelters.checkOut(stay: try req.recordID("sid"), date: b.checkOut ?? today(req).description)
        return NoContent()
    }

    func occupancy(req: Request) async throws -> OK<[BedOut]> {
        let centre = try centre(req)
        var date = today(req)
        if let text = req.query[String.self, at: "date"] {
            guard let parsed = CivilDate(text) else {
                throw APIValidation(fields: [.init(field: "date", code: "invalid-date", detail: "Use YYYY-MM-DD.")])
            }
            date = parsed
        }
        return OK(try await req.shelters.occupancy(centre: centre, on: date).map(BedOut.init))
    }

    func shelters(req: Request) async throws -> OK<[ShelterOut]> {
        OK(try await req.shelters.shelters(centre: try centre(req)).map { ShelterOut(id: $0.id, name: $0.name) })
    }

    func addShelter(req: Request, body: ShelterBody) async throws -> Created<ShelterOut> {
        let id = try await req.shelters.addShelter(centre: try centre(req), name: body.name)
        return Created(ShelterOut(id: id, name: (body.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func addBeds(req: Request, body b: BedsBody) async throws -> OK<[BedOut]> {
        let centre = try centre(req)
        guard let shelter = b.shelter else { throw CaseError.invalid(CaseValidationError(["shelter": .required])) }
        try await req.shelters.addBeds(
            shelter: shelter, room: b.room, labels: b.labels?.joined(separator: ","), restriction: b.restriction)
        return OK(
            try await req.shelters.occupancy(centre: centre, on: today(req)).filter { $0.shelterID == shelter }
                .map(BedOut.init))
    }
}
