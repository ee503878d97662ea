import Foundation
import SanadCore
import SanadStore
import Vapor

/// Awareness-raising events as JSON: counts of participants and materials, no personal data.
struct EventAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/events",
            APIDoc(
                "listEvents", "Events at the caller's centres, newest first.",
                query: [
                    .date("from"), .date("to"), .string("state", "State P-code, e.g. SD11."),
                    .oneOf("type", AwarenessEventType.allCases.map(\.rawValue)), .page,
                ]), use: list)
        routes.api(
            .POST, "/events", APIDoc("recordEvent", "Record an awareness-raising event."), body: EventBody.self,
            use: create)
        routes.api(.GET, "/events/{eid}", APIDoc("getEvent", "One event."), use: show)
    }

    func list(req: Request) async throws -> OK<EventListOut> {
        let (f, _) = try EventPageController.filter(req)
        let (events, total) = try await req.events.list(f)
        return OK(EventListOut(items: events.map(EventOut.init), page: max(1, f.page), total: total))
    }

    func create(req: Request, body: EventBody) async throws -> Created<EventOut> {
        var d = AwarenessEventDraft()
        d.type = body.type
        d.title = body.title
        d.startDate = body.startDate
        d.endDate = body.endDate
        d.statePcode = body.state
        d.localityPcode = body.locality
        d.centre = body.centre
        d.partners = body.partners ?? []
        for group in ParticipantGroup.all {
            d.participants[group] = body.participants?[group.description].map(String.init)
        }
        d.community = body.community
        d.materials = (body.materials ?? []).map { MaterialDraft(kind: $0.kind, count: $0.count.map(String.init)) }
        d.notes = body.notes
        let recorded: EventView
        do {
            recorded = try await req.events.record(d)
        } catch EventError.invalid(let failure) {
            throw APIValidation(
                fields: failure.errors.map {
                    .init(field: $0.field.rawValue, code: $0.code.rawValue, detail: $0.code.englishMessage)
                })
        }
        return Created(EventOut(recorded), at: Site.API.event(recorded.id))
    }

    func show(req: Request) async throws -> OK<EventOut> {
        OK(EventOut(try await req.events.find(try req.recordID("eid"))))
    }
}
