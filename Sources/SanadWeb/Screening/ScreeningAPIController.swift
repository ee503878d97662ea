import Foundation
import SanadCore
import SanadStore
import Vapor

struct ScreeningOut: Content {
    let id: UUID
    let personId: UUID
    let instrument: String
    let instrumentVersion: String
    let interviewerId: UUID
    let language: String
    let interpreter: String?
    let place: String
    let date: String
    let status: String
    let answers: [String: String]
    let result: Evaluation
    let supersedes: UUID?
    let version: Int
    let completedAt: Date?
}

extension ScreeningOut {
    init(_ s: ScreeningView) {
        self.init(
            id: s.id, personId: s.personID, instrument: s.instrument.id, instrumentVersion: s.instrument.version,
            interviewerId: s.interviewerID, language: s.language, interpreter: s.interpreter, place: s.place,
            date: s.date, status: s.completed ? "completed" : "in-progress", answers: s.answers.mapValues(\.rawValue),
            result: s.evaluation, supersedes: s.supersedes, version: s.version, completedAt: s.completedAt)
    }
}

struct ScreeningStartBody: Content {
    var instrument: String?
    var language: String?
    var interpreter: String?
    var place: String?
    var date: String?
    var consent: PersonBody.Consent?
}

struct AnswersBody: Content {
    var version: Int?
    var answers: [String: String]?
}

struct StatusBody: Content {
    var status: String?
    var decisionOrganisation: String?
}

struct InstrumentSummary: Content {
    let id: String
    let version: String
    let status: String
    let title: String
}

extension Instrument: Content {}
extension Evaluation: Content {}
extension Strength: APIDescribedValue {}
extension InstrumentStatus: APIDescribedValue {}
extension DimensionStatus: APIDescribedValue {}
extension Conclusion: APIDescribedValue {}

struct ScreeningAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/screening/instruments", APIDoc("listInstruments", "Screening instruments (every version)."),
            use: instruments)
        routes.api(
            .GET, "/screening/instruments/{iid}", APIDoc("getInstrument", "One instrument with its indicators."),
            use: instrument)
        routes.api(
            .GET, "/people/{id}/screenings", APIDoc("listScreenings", "A person's screenings, newest first."),
            use: list)
        routes.api(
            .POST, "/people/{id}/screenings",
            APIDoc("startScreening", "Start a screening interview (consent and instrument first)."),
            body: ScreeningStartBody.self, use: start)
        routes.api(
            .POST, "/people/{id}/trafficking-status",
            APIDoc(
                "decideTraffickingStatus",
                "A supervisor records a trafficking status decision that needs no second supervisor.",
                problems: [409: "Confirming a victim, or undoing a confirmation, goes through an approval on the case."]
            ),
            body: StatusBody.self, use: decide)
        routes.api(.GET, "/screenings/{sid}", APIDoc("getScreening", "One screening with its result."), use: show)
        routes.api(
            .PATCH, "/screenings/{sid}",
            APIDoc(
                "saveScreeningAnswers", "Save answers; `version` must be the current one.",
                problems: [409: "Changed since `version`, or already completed."]), body: AnswersBody.self,
            use: save)
        routes.api(
            .POST, "/screenings/{sid}/complete",
            APIDoc(
                "completeScreening", "Save the last answers and complete; the result is fixed from then on.",
                problems: [409: "Changed since `version`, or already completed."]), body: AnswersBody.self,
            use: complete)
        routes.api(
            .POST, "/screenings/{sid}/reopen",
            APIDoc(
                "reopenScreening",
                "A supervisor reopens a completed screening: a new interview starts from its answers for the same "
                    + "interviewer; the completed one stays in the history as it was. Audited.",
                problems: [409: "Not completed, or reopened already."]),
            use: reopen)
    }

    func reopen(req: Request) async throws -> Created<ScreeningOut> {
        let screening = try await req.screenings.reopen(try req.recordID("sid"))
        return Created(ScreeningOut(screening), at: Site.API.screening(screening.id))
    }

    func instruments(req: Request) async throws -> OK<[InstrumentSummary]> {
        _ = try req.requireActor()
        return OK(
            InstrumentCatalogue.shipped.instruments.map {
                InstrumentSummary(id: $0.id, version: $0.version, status: $0.status.rawValue, title: $0.title.en)
            })
    }

    func instrument(req: Request) async throws -> OK<Instrument> {
        _ = try req.requireActor()
        do {
            return OK(try InstrumentCatalogue.shipped.instrument(req.parameters.get("iid") ?? ""))
        } catch {
            throw StoreError.notFound
        }
    }

    func list(req: Request) async throws -> OK<[ScreeningOut]> {
        OK(try await req.screenings.list(personID: try req.recordID("id")).map(ScreeningOut.init))
    }

    func start(req: Request, body: ScreeningStartBody) async throws -> Created<ScreeningOut> {
        var start = ScreeningStart()
        start.instrument = body.instrument
        start.language = body.language
        start.interpreter = body.interpreter
        start.place = body.place
        start.date = body.date
        if let consent = body.consent {
            for (key, value) in zip(ConsentAnswers.keys, consent.values) {
                start.consent[keyPath: key] = value ?? false
            }
        }
        let screening = try await req.screenings.start(personID: try req.recordID("id"), start)
        return Created(ScreeningOut(screening), at: Site.API.screening(screening.id))
    }

    func show(req: Request) async throws -> OK<ScreeningOut> {
        OK(ScreeningOut(try await req.screenings.find(try req.recordID("sid"))))
    }

    func answers(_ body: AnswersBody) throws -> (Int, [String: String]) {
        guard let version = body.version else {
            throw APIValidation(fields: [
                .init(field: "version", code: "required", detail: "Send the version your change is based on.")
            ])
        }
        return (version, body.answers ?? [:])
    }

    func save(req: Request, body: AnswersBody) async throws -> OK<ScreeningOut> {
        let (version, answers) = try answers(body)
        return OK(
            ScreeningOut(
                try await req.screenings.save(try req.recordID("sid"), answers: answers, expectedVersion: version)))
    }

    func complete(req: Request, body: AnswersBody) async throws -> OK<ScreeningOut> {
        let (version, answers) = try answers(body)
        return OK(
            ScreeningOut(
                try await req.screenings.complete(try req.recordID("sid"), answers: answers, expectedVersion: version)))
    }

    func decide(req: Request, body: StatusBody) async throws -> NoContent {
        guard let status = body.status.flatMap(TraffickingStatus.init(rawValue:)) else {
            throw APIValidation(fields: [
                .init(field: "status", code: "unknown-value", detail: "Use an HTCDS trafficking status.")
            ])
        }
        var organisation: DecisionOrganisation?
        if let raw = body.decisionOrganisation {
            guard let org = DecisionOrganisation(rawValue: raw) else {
                throw APIValidation(fields: [
                    .init(
                        field: "decisionOrganisation", code: "unknown-value",
                        detail: "Use an HTCDS decision-making organisation.")
                ])
            }
            organisation = org
        }
        try await req.screenings.decide(personID: try req.recordID("id"), status: status, organisation: organisation)
        return NoContent()
    }
}
