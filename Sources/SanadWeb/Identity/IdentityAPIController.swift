import Foundation
import SanadCore
import SanadStore
import Vapor

struct MatchOut: Content {
    /// Present only for records the caller may open.
    let id: UUID?
    let centre: String
    let registrationNumber: String?
    /// Only for records the caller may open.
    let score: Double?
    let decision: String
    let reasons: [String]

    init(_ d: PossibleDuplicate) {
        id = d.visible ? d.id : nil
        centre = d.centre
        registrationNumber = d.record?.registrationNumber
        score = d.visible ? (d.result.score * 100).rounded() / 100 : nil
        decision = d.result.decision?.rawValue ?? "none"
        reasons = d.result.reasons
    }
}

struct OtherBody: Content {
    var other: UUID?
}

struct IdentityAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.grouped("api", "v1", "people")
        people.post("matches", use: matches)
        people.get(":id", "duplicates", use: duplicates)
        people.post(":id", "merge", use: merge)
        people.post(":id", "unmerge", use: unmerge)
        people.post(":id", "distinct", use: distinct)
    }

    func id(_ req: Request) throws -> UUID {
        return try req.recordID()
    }

    func other(_ req: Request) throws -> UUID {
        guard let other = try req.decodeJSON(OtherBody.self).other else {
            throw APIValidation(fields: [.init(field: "other", code: "required", detail: "Send the other person's id.")]
            )
        }
        return other
    }

    /// The registration check: the same body as a registration, nothing saved.
    func matches(req: Request) async throws -> [MatchOut] {
        let service = try req.identity
        let body = try req.decodeJSON(PersonBody.self)
        let draft = body.applied(to: PersonDraft())
        if case .failure(let failure) = draft.validate(today: CivilDate(req.context.clock())) {
            throw StoreError.invalid(failure.errors)
        }
        return try await service.candidates(for: draft).map(MatchOut.init)
    }

    func duplicates(req: Request) async throws -> [MatchOut] {
        try await req.identity.candidates(forPerson: try id(req)).map(MatchOut.init)
    }

    func merge(req: Request) async throws -> Response {
        let service = try req.identity
        try await service.merge(survivor: try id(req), merged: try other(req))
        return Response(status: .noContent)
    }

    func unmerge(req: Request) async throws -> Response {
        try await req.identity.unmerge(try id(req))
        return Response(status: .noContent)
    }

    func distinct(req: Request) async throws -> Response {
        let service = try req.identity
        try await service.markDistinct(try id(req), try other(req))
        return Response(status: .noContent)
    }
}
