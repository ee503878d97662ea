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

    init(_ s: ScreeningView) {
        id = s.id
        personId = s.personID
        instrument = s.instrument.id
        instrumentVersion = s.instrument.version
        interviewerId = s.interviewerID
        language = s.language
        interpreter = s.interpreter
        place = s.place
        date = s.date
        status = s.completed ? "completed" : "in-progress"
        answers = s.answers.mapValues(\.rawValue)
        result = s.evaluation
        supersedes = s.supersedes
        version = s.version
        completedAt = s.completedAt
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

struct ScreeningAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.get("screening", "instruments", use: instruments)
        v1.get("screening", "instruments", ":iid", use: instrument)
        v1.get("people", ":id", "screenings", use: list)
        v1.post("people", ":id", "screenings", use: start)
        v1.post("people", ":id", "trafficking-status", use: decide)
        v1.get("screenings", ":sid", use: show)
        v1.patch("screenings", ":sid", use: save)
        v1.post("screenings", ":sid", "complete", use: complete)
    }

    func uuid(_ req: Request, _ name: String) throws -> UUID {
        return try req.recordID(name)
    }

    func instruments(req: Request) async throws -> [InstrumentSummary] {
        _ = try req.requireActor()
        return InstrumentCatalogue.shipped.instruments.map {
            InstrumentSummary(id: $0.id, version: $0.version, status: $0.status.rawValue, title: $0.title.en)
        }
    }

    func instrument(req: Request) async throws -> Instrument {
        _ = try req.requireActor()
        do {
            return try InstrumentCatalogue.shipped.instrument(req.parameters.get("iid") ?? "")
        } catch {
            throw StoreError.notFound
        }
    }

    func list(req: Request) async throws -> [ScreeningOut] {
        try await req.screenings.list(personID: try uuid(req, "id")).map(ScreeningOut.init)
    }

    func start(req: Request) async throws -> Response {
        let repo = try req.screenings
        let body = try req.decodeJSON(ScreeningStartBody.self)
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
        let screening = try await repo.start(personID: try uuid(req, "id"), start)
        let response = try await ScreeningOut(screening).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/screenings/\(screening.id.uuidString)")
        return response
    }

    func show(req: Request) async throws -> ScreeningOut {
        ScreeningOut(try await req.screenings.find(try uuid(req, "sid")))
    }

    func answers(_ req: Request) throws -> (Int, [String: String]) {
        let body = try req.decodeJSON(AnswersBody.self)
        guard let version = body.version else {
            throw APIValidation(fields: [
                .init(field: "version", code: "required", detail: "Send the version your change is based on.")
            ])
        }
        return (version, body.answers ?? [:])
    }

    func save(req: Request) async throws -> ScreeningOut {
        let repo = try req.screenings
        let (version, answers) = try answers(req)
        return ScreeningOut(try await repo.save(try uuid(req, "sid"), answers: answers, expectedVersion: version))
    }

    func complete(req: Request) async throws -> ScreeningOut {
        let repo = try req.screenings
        let (version, answers) = try answers(req)
        return ScreeningOut(try await repo.complete(try uuid(req, "sid"), answers: answers, expectedVersion: version))
    }

    func decide(req: Request) async throws -> Response {
        let repo = try req.screenings
        let body = try req.decodeJSON(StatusBody.self)
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
        try await repo.decide(personID: try uuid(req, "id"), status: status, organisation: organisation)
        return Response(status: .noContent)
    }
}

struct VulnerabilityOut: Content {
    let personId: UUID
    let model: String
    let answers: [String: String]
    let context: [String: String]
    let profile: [LevelProfile]
    let assessedAt: Date?
}

extension LevelProfile: Content {}

struct FactorAnswersBody: Content {
    var answers: [String: String]?
}

struct VulnerabilityAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "people", ":id", "vulnerability", use: show)
        routes.post("api", "v1", "people", ":id", "vulnerability", use: assess)
    }

    func parts(_ req: Request) throws -> (VulnerabilityService, UUID) {
        let id = try req.recordID()
        return (try req.vulnerability, id)
    }

    func show(req: Request) async throws -> VulnerabilityOut {
        let (repo, id) = try parts(req)
        let v = try await repo.profile(personID: id)
        return VulnerabilityOut(
            personId: id, model: "\(VulnerabilityModel.shipped.id) v\(VulnerabilityModel.shipped.version)",
            answers: v.personAnswers.mapValues(\.rawValue), context: v.contextAnswers.mapValues(\.rawValue),
            profile: v.profile, assessedAt: v.assessedAt)
    }

    func assess(req: Request) async throws -> Response {
        let (repo, id) = try parts(req)
        let body = try req.decodeJSON(FactorAnswersBody.self)
        try await repo.assess(personID: id, answers: body.answers ?? [:])
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }
}
