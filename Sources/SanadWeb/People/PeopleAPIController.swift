import Foundation
import SanadCore
import SanadStore
import Vapor

struct PeopleAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/people",
            APIDoc(
                "listPeople",
                "People the caller may see. Without `q` or filters, newest first. With `q`: an exact phone or document "
                    + "number (through the blind index), a registration number, or a name in any script and spelling "
                    + "matched by the identity engine, closest first, each item's `match` saying why; `elsewhere` "
                    + "counts matches at centres the caller may not see.",
                query: [
                    .string("q", "A name in any script, a registration number, a phone or a document number."),
                    .string("centre"), .string("sex", "A sex of a person (HTCDS), e.g. Feminine."),
                    .integer("ageFrom", 0...120), .integer("ageTo", 0...120),
                    .string("nationality", "ISO 3166-1 alpha-3."),
                    .string("registeredFrom", "YYYY-MM-DD."), .string("registeredTo", "YYYY-MM-DD."),
                    .page, .integer("per", 1...100),
                ]), use: list)
        routes.api(.POST, "/people", APIDoc("registerPerson", "Register a person."), body: PersonBody.self, use: create)
        routes.api(.GET, "/people/{id}", APIDoc("getPerson", "One person (the view is audited)."), use: show)
        routes.api(
            .PATCH, "/people/{id}",
            APIDoc(
                "updatePerson", "Change some fields; `version` must be the current one.",
                problems: [409: "Someone else changed the person since `version`."]), body: PersonBody.self,
            use: update)
    }

    func list(req: Request) async throws -> OK<PersonList> {
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
        let query = PeopleSearchQuery(req)
        problems += query.problems
        guard problems.isEmpty else { throw APIValidation(fields: problems) }
        let result = try await req.people.search(query.search, page: page, per: per)
        return OK(
            PersonList(
                items: result.page.items.map { record in
                    var out = PersonOut(record)
                    out.match = result.hits[record.id].flatMap(PersonMatchOut.init)
                    return out
                }, page: result.page.page, per: result.page.per, total: result.page.total,
                elsewhere: result.elsewhere.isEmpty ? nil : result.elsewhere))
    }

    func create(req: Request, body: PersonBody) async throws -> Created<PersonOut> {
        let record = try await req.people.register(body.applied(to: PersonDraft()))
        return Created(PersonOut(record), at: Site.API.person(record.id))
    }

    func show(req: Request) async throws -> OK<PersonOut> {
        OK(PersonOut(try await req.people.find(try req.recordID())))
    }

    func update(req: Request, body: PersonBody) async throws -> OK<PersonOut> {
        let people = try req.people
        let id = try req.recordID()
        guard let version = body.version else {
            throw APIValidation(fields: [
                .init(field: "version", code: "required", detail: "Send the version your change is based on.")
            ])
        }
        let current = try await people.find(id)
        return OK(
            PersonOut(try await people.update(id, with: body.applied(to: current.draft), expectedVersion: version)))
    }
}
