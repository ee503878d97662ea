import SanadCore
import SanadStore
import Vapor

struct ScreeningPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.person(Param.id, .screenings), use: list)
        routes.page(.POST, Site.person(Param.id, .screenings), use: start)
        routes.page(.POST, Site.person(Param.id, .traffickingStatus), use: decide)
        routes.page(.GET, Site.screening(Param.sid), use: show)
        routes.page(.POST, Site.screening(Param.sid), use: answer)
        routes.page(.GET, Site.screeningComplete(Param.sid), use: confirmPage)
        routes.page(.POST, Site.screeningComplete(Param.sid), use: complete)
        routes.page(.POST, Site.screeningReopen(Param.sid), use: reopen)
    }

    func confirmPage(req: Request) async throws -> Response {
        let screening = try await req.screenings.find(try uuid(req, "sid"))
        if screening.completed { return req.redirect(to: Site.screening(screening.id)) }
        let person = try await req.people.find(screening.personID)
        return req.page(ScreeningCompletePage(person: person, screening: screening).render(req.pageContext))
    }

    func complete(req: Request) async throws -> Response {
        let id = try uuid(req, "sid")
        let form = try FormData.verified(req)
        let repo = try req.screenings
        guard let version = form["version"].flatMap(Int.init) else { throw Abort(.badRequest) }
        do {
            _ = try await repo.complete(id, answers: [:], expectedVersion: version)
        } catch StoreError.versionConflict {
            // Answers changed in another tab since this page: show the counts again.
            return req.redirect(to: Site.screeningComplete(id))
        } catch ScreeningError.alreadyCompleted {
            // A second click, or another tab, completed it: the result is what the user wanted to see.
        }
        return req.redirect(to: Site.screening(id))
    }

    func reopen(req: Request) async throws -> Response {
        _ = try FormData.verified(req)
        let reopened = try await req.screenings.reopen(try uuid(req, "sid"))
        return req.redirect(to: Site.screening(reopened.id))
    }

    func uuid(_ req: Request, _ name: String) throws -> UUID {
        return try req.recordID(name)
    }

    func listPage(
        _ req: Request, personID: UUID, start: ScreeningStart = ScreeningStart(),
        errors: [ScreeningStart.Field: ValidationCode] = [:]
    ) async throws -> ScreeningListPage {
        let repo = try req.screenings
        let screenings = try await repo.list(personID: personID)
        let person = try await req.people.find(personID)
        let centre = try await req.centres.find(code: person.centre)
        return ScreeningListPage(
            person: person, screenings: screenings, history: try await repo.statusHistory(personID: personID),
            instruments: InstrumentCatalogue.shipped.current, start: start, errors: errors,
            today: CivilDate(req.context.clock()),
            defaultPlace: centre?.name(for: req.pageContext.lang) ?? person.centre)
    }

    func list(req: Request) async throws -> Response {
        req.page(try await listPage(req, personID: try uuid(req, "id")).render(req.pageContext))
    }

    func start(req: Request) async throws -> Response {
        let personID = try uuid(req, "id")
        let form = try FormData.verified(req)
        var start = ScreeningStart()
        start.instrument = form["instrument"]
        start.language = form["language"]
        start.interpreter = form["interpreter"]
        start.place = form["place"]
        start.date = form["date"]
        for (name, key) in zip(ConsentAnswers.fieldNames, ConsentAnswers.keys) {
            start.consent[keyPath: key] = form.has("consent_\(name)")
        }
        do {
            let screening = try await req.screenings.start(personID: personID, start)
            return req.redirect(to: Site.screening(screening.id))
        } catch ScreeningError.invalidStart(let errors) {
            let page = try await listPage(req, personID: personID, start: start, errors: errors)
            return req.page(page.render(req.pageContext), status: .unprocessableEntity)
        }
    }

    func decide(req: Request) async throws -> Response {
        let personID = try uuid(req, "id")
        let form = try FormData.verified(req)
        let repo = try req.screenings
        guard AccessPolicy.roleMay(try req.requireActor().role, .decideTraffickingStatus) else {
            throw StoreError.forbidden
        }
        // The form's select always sends a known status; anything else was not sent by the page.
        guard let status = form["status"].flatMap(TraffickingStatus.init(rawValue:)) else {
            throw Abort(.badRequest, reason: "Unknown trafficking status.")
        }
        let organisation = form["organisation"].flatMap(DecisionOrganisation.init(rawValue:))
        try await repo.decide(personID: personID, status: status, organisation: organisation)
        return req.redirect(to: Site.person(personID, .screenings))
    }

    func show(req: Request) async throws -> Response {
        let screening = try await req.screenings.find(try uuid(req, "sid"))
        let person = try await req.people.find(screening.personID)
        if screening.completed {
            let interviewer = try await req.accounts.username(screening.interviewerID) ?? "—"
            return req.page(
                ScreeningResultPage(person: person, screening: screening, interviewer: interviewer).render(
                    req.pageContext))
        }
        let dimension = req.query[String.self, at: "d"] ?? screening.instrument.dimensions.first?.id ?? "D1"
        return req.page(
            InterviewPage(person: person, screening: screening, dimension: dimension).render(req.pageContext))
    }

    func answer(req: Request) async throws -> Response {
        let id = try uuid(req, "sid")
        let form = try FormData.verified(req)
        let repo = try req.screenings
        guard let version = form["version"].flatMap(Int.init) else { throw Abort(.badRequest) }
        var answers: [String: String] = [:]
        for (name, value) in form.pairs where name.hasPrefix("a:") { answers[String(name.dropFirst(2))] = value }
        let action = form["action"] ?? "save"
        let dimension = req.query[String.self, at: "d"] ?? "D1"
        do {
            _ = try await repo.save(id, answers: answers, expectedVersion: version)
            if action == "finish" || action == "complete" { return req.redirect(to: Site.screeningComplete(id)) }
            let next = action.hasPrefix("next:") ? String(action.dropFirst(5)) : dimension
            return req.redirect(to: Site.screening(id) + "?d=\(next.filter { $0.isLetter || $0.isNumber })")
        } catch StoreError.versionConflict {
            let screening = try await repo.find(id)
            let person = try await req.people.find(screening.personID)
            var page = InterviewPage(person: person, screening: screening, dimension: dimension)
            page.error = req.pageContext.t.t("screening.conflict")
            return req.page(page.render(req.pageContext), status: .conflict)
        }
    }
}
