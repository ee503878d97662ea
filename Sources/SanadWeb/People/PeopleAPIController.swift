import Foundation
import SanadCore
import SanadStore
import Vapor

struct PeopleAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.get("people", use: list)
        v1.post("people", use: create)
        v1.get("people", ":id", use: show)
        v1.patch("people", ":id", use: update)
    }

    func list(req: Request) async throws -> PersonList {
        _ = try req.requireActor()
        var problems: [Problem.FieldProblem] = []
        func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = req.query[String.self, at: name] else { return value }
            guard let n = Int(text), range.contains(n) else {
                problems.append(
                    .init(
                        field: name, code: "out-of-range",
                        detail: "Use a whole number from \(range.lowerBound) to \(range.upperBound)."))
                return value
            }
            return n
        }
        let page = int("page", default: 1, range: 1...100_000)
        let per = int("per", default: 25, range: 1...100)
        guard problems.isEmpty else { throw APIValidation(fields: problems) }
        let result = try await req.people.list(
            query: req.query[String.self, at: "q"], centre: req.query[String.self, at: "centre"], page: page, per: per)
        return PersonList(
            items: result.items.map(PersonOut.init), page: result.page, per: result.per, total: result.total)
    }

    func create(req: Request) async throws -> Response {
        let people = try req.people
        let body = try req.decodeJSON(PersonBody.self)
        let record = try await people.register(body.applied(to: PersonDraft()))
        let response = try await PersonOut(record).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/people/\(record.id.uuidString)")
        return response
    }

    func show(req: Request) async throws -> PersonOut {
        PersonOut(try await req.people.find(try id(req)))
    }

    func update(req: Request) async throws -> PersonOut {
        let people = try req.people
        let id = try id(req)
        let body = try req.decodeJSON(PersonBody.self)
        guard let version = body.version else {
            throw APIValidation(fields: [
                .init(field: "version", code: "required", detail: "Send the version your change is based on.")
            ])
        }
        let current = try await people.find(id)
        return PersonOut(try await people.update(id, with: body.applied(to: current.draft), expectedVersion: version))
    }

    func id(_ req: Request) throws -> UUID {
        return try req.recordID()
    }
}
