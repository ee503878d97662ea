import SanadCore
import SanadStore
import Vapor

/// Awareness-raising events: pages, CSV and API.
struct EventPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.events, use: list)
        routes.page(.GET, Site.eventsCSV, use: csv)
        routes.page(.GET, Site.newEvent, use: newEvent)
        routes.page(.POST, Site.events, use: create)
        routes.page(.GET, Site.event(Param.eid), use: show)
    }

    /// The filter from the query; a bad value is a clear error, not an empty list.
    static func filter(_ req: Request) throws -> (EventService.Filter, String) {
        var f = EventService.Filter()
        var problems: [Problem.FieldProblem] = []
        var query: [String] = []
        func date(_ name: String) -> CivilDate? {
            guard let text = req.query[String.self, at: name], !text.isEmpty else { return nil }
            guard let d = CivilDate(text) else {
                problems.append(.init(field: name, code: "invalid-date", detail: "Use YYYY-MM-DD."))
                return nil
            }
            query.append("\(name)=\(d)")
            return d
        }
        f.from = date("from")
        f.to = date("to")
        if let from = f.from, let to = f.to, to < from {
            problems.append(.init(field: "to", code: "too-early", detail: "The period ends before it starts."))
        }
        if let state = req.query[String.self, at: "state"], !state.isEmpty {
            if let s = ReferenceData.states.first(where: { $0.pcode == state.uppercased() }) {
                f.state = s.pcode
                query.append("state=\(s.pcode)")
            } else {
                problems.append(.init(field: "state", code: "unknown-value", detail: "No such state P-code."))
            }
        }
        if let type = req.query[String.self, at: "type"], !type.isEmpty {
            if let t = AwarenessEventType(rawValue: type) {
                f.type = t
                query.append("type=\(t.rawValue)")
            } else {
                problems.append(.init(field: "type", code: "unknown-value", detail: "No such event type."))
            }
        }
        f.page = req.query[Int.self, at: "page"] ?? 1
        if !problems.isEmpty { throw APIValidation(fields: problems) }
        return (f, query.joined(separator: "&"))
    }

    func list(req: Request) async throws -> Response {
        let (f, query) = try Self.filter(req)
        let (events, total) = try await req.events.list(f)
        return req.page(EventListPage(events: events, total: total, filter: f, query: query).render(req.pageContext))
    }

    func csv(req: Request) async throws -> Response {
        var (f, _) = try Self.filter(req)
        f.per = 10_000
        let (events, _) = try await req.events.list(f)
        let cells = ParticipantGroup.all
        var rows: [[String]] = [
            ["start_date", "end_date", "type", "title", "state_pcode", "locality_pcode", "centre", "partners"]
                + cells.map(\.description) + ["participants_total", "community", "materials"]
        ]
        for e in events {
            rows.append(
                [
                    e.startDate, e.endDate ?? "", e.type, e.title, e.statePcode, e.localityPcode ?? "", e.centreCode,
                    e.partners.joined(separator: "; "),
                ] + cells.map { String(e.participants[$0] ?? 0) }
                    + [
                        String(e.totalParticipants), e.community ?? "",
                        e.materialCounts.map { "\($0.kind): \($0.count)" }.joined(separator: "; "),
                    ])
        }
        return SpreadsheetResponse.download(SpreadsheetResponse.csv(rows), filename: "sanad-events.csv")
    }

    func centres(_ req: Request) async throws -> [Components.Choice] {
        let actor = try req.requireActor()
        return try await req.centres.all().filter { actor.centres.contains($0.code) }
            .map { Components.Choice($0.code, $0.name(for: req.pageContext.lang)) }
    }

    func newEvent(req: Request) async throws -> Response {
        guard AccessPolicy.roleMay(try req.requireActor().role, .recordEvents) else { throw StoreError.forbidden }
        return req.page(EventFormPage(centres: try await centres(req)).render(req.pageContext))
    }

    static func draft(_ form: FormData) -> AwarenessEventDraft {
        var d = AwarenessEventDraft()
        d.type = form["type"]
        d.title = form["title"]
        d.startDate = form["start_date"]
        d.endDate = form["end_date"]
        d.statePcode = form["state"]
        d.localityPcode = form["locality"]
        d.centre = form["centre"]
        d.partners = (form["partners"] ?? "").split(separator: ",").map { String($0) }
        for group in ParticipantGroup.all { d.participants[group] = form[group.description] }
        d.community = form["community"]
        d.materials = zip(form.all("material_kind"), form.all("material_count"))
            .filter {
                !$0.0.trimmingCharacters(in: .whitespaces).isEmpty || !$0.1.trimmingCharacters(in: .whitespaces).isEmpty
            }
            .map { MaterialDraft(kind: $0.0, count: $0.1) }
        d.notes = form["notes"]
        return d
    }

    func create(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let draft = Self.draft(form)
        do {
            _ = try await req.events.record(draft)
            return req.redirect(to: Site.events)
        } catch EventError.invalid(let failure) {
            let page = EventFormPage(draft: draft, errors: failure.errors, centres: try await centres(req))
            var c = req.pageContext
            c.path = Site.newEvent
            return req.page(page.render(c), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        req.page(EventPage(event: try await req.events.find(try req.recordID("eid"))).render(req.pageContext))
    }

    // MARK: API
}
