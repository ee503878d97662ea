import SanadCore
import SanadStore
import Vapor

struct PeoplePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.people, use: list)
        routes.page(.GET, Site.newPerson, use: newForm)
        routes.page(.POST, Site.people, use: create)
        routes.page(.GET, Site.person(Param.id), use: show)
        routes.page(.GET, Site.person(Param.id, .edit), use: editForm)
        routes.page(.POST, Site.person(Param.id, .edit), use: update)
        routes.page(.GET, Site.person(Param.id, .history), use: history)
        routes.page(.POST, Site.person(Param.id, .merge), use: merge)
        routes.page(.POST, Site.person(Param.id, .unmerge), use: unmerge)
        routes.page(.POST, Site.person(Param.id, .distinct), use: distinct)
    }

    func centreNames(_ req: Request) async throws -> [String: String] {
        try await req.centres.names(language: req.pageContext.lang)
    }

    func centreChoices(_ req: Request, actor: Actor) async throws -> [Components.Choice] {
        let lang = req.pageContext.lang
        return try await req.centres.all()
            .filter { actor.centres.contains($0.code) }.map { Components.Choice($0.code, $0.name(for: lang)) }
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let query = PeopleSearchQuery(req)
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), 100_000)
        // A filter that cannot be used is named on the page and left out of the search.
        let result = try await req.people.search(query.search, page: page, per: 25)
        let model = PeopleListPage(
            result: result, query: query, centres: try await centreChoices(req, actor: actor),
            centreNames: try await req.centres.names(language: req.pageContext.lang),
            today: CivilDate(req.context.clock()))
        return req.page(model.render(req.pageContext), status: query.problems.isEmpty ? .ok : .unprocessableEntity)
    }

    func newForm(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard AccessPolicy.roleMay(actor.role, .registerPerson) else { throw StoreError.forbidden }
        let centres = try await centreChoices(req, actor: actor)
        if let token = req.query[String.self, at: "check"], let session = req.state.sessionID,
            let held = req.heldRegistrations.held(token, session: session)
        {
            let page = PersonFormPage(
                draft: held.draft, centres: centres, duplicates: held.duplicates,
                centreNames: try await centreNames(req))
            return req.page(page.render(req.pageContext))
        }
        var draft = PersonDraft()
        draft.centre = centres.first?.value
        return req.page(PersonFormPage(draft: draft, centres: centres).render(req.pageContext))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try FormData.verified(req)
        let draft = form.personDraft
        // A second click on Register lands where the first went (issue 20, finding 9).
        let once = req.onceKey(form)
        if let once, case .done(let path) = await req.onceForms.claim(once) { return req.redirect(to: path) }
        var saved = false
        defer { if let once, !saved { req.onceForms.release(once) } }
        do {
            // Before saving, look for the same person under another spelling, script or centre.
            if form["confirmed_new"] != "yes" {
                let duplicates = try await req.identity.candidates(for: draft)
                if !duplicates.isEmpty {
                    // Post, redirect, get: the warning is a page of its own, so Back never offers to post again.
                    if let session = req.state.sessionID {
                        let token = req.heldRegistrations.hold(draft, duplicates, session: session)
                        return req.redirect(to: Site.newPerson + "?check=\(token)")
                    }
                    let page = PersonFormPage(
                        draft: draft, centres: try await centreChoices(req, actor: actor), duplicates: duplicates,
                        centreNames: try await centreNames(req))
                    return req.page(page.render(req.pageContext))
                }
            }
            let record = try await req.people.register(draft)
            let path = Site.person(record.id) + "?created=1"
            if let once { req.onceForms.finish(once, at: path) }
            saved = true
            return req.redirect(to: path)
        } catch StoreError.invalid(let errors) {
            let page = PersonFormPage(
                draft: draft, errors: Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a }),
                centres: try await centreChoices(req, actor: actor))
            return req.page(page.render(req.pageContext), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let record = try await req.people.find(try personID(req))
        let c = req.pageContext
        let centre = try await req.centres.find(code: record.centre)
        let notices = [
            "created": "person.created", "saved": "person.saved", "merged": "match.merged",
            "unmerged": "match.unmerged", "attached": "attachment.attached",
        ]
        let notice = notices.first { req.query[String.self, at: $0.key] != nil }.map { c.t.t($0.value) }
        let identity = try req.identity
        var page = PersonViewPage(
            record: record, centreName: centre?.name(for: c.lang) ?? record.centre,
            today: CivilDate(req.context.clock()), notice: notice)
        if record.mergedInto == nil {
            page.duplicates = try await identity.candidates(forPerson: record.id)
            page.merges = try await identity.merges(into: record.id).filter { $0.undoneAt == nil }.map(\.mergedID)
        }
        page.centreNames = try await centreNames(req)
        if record.mergedInto == nil, c.may(.viewCases) {
            let overview = try await req.cases.overview(ofPerson: record.id)
            let actor = try req.requireActor()
            // Only the beds of the actor's own centres are read, as on the case page.
            var bed: BedView?
            if let stay = overview.stay, let centre = overview.stayCase?.centre, actor.centres.contains(centre) {
                bed = try await req.shelters.occupancy(centre: centre, on: CivilDate(req.context.clock()))
                    .first { $0.id == stay.bedID }
            }
            page.summary = PersonSummary(
                overview: overview, traffickingStatus: record.traffickingStatus, bed: bed,
                centreNames: page.centreNames)
        }
        if c.may(.viewCases) {
            let users = try await req.accounts.accounts()
            page.attachments = AttachmentSection(
                owner: .person, ownerID: record.id,
                items: try await req.attachments.list(owner: .person, id: record.id),
                users: Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.username) }),
                limitMB: req.context.attachments.limit / (1024 * 1024),
                mayAdd: c.may(.updatePerson) && record.mergedInto == nil && record.personal.erasure == nil,
                targets: c.may(.viewScreenings)
                    ? try await req.screenings.labels(personID: record.id).map {
                        .init(
                            "screening:\($0.id.uuidString)",
                            c.t.t("attachment.about.screening", $0.instrument.title.text(for: c.lang), $0.date))
                    } : [])
        }
        page.syncConflict = try await req.open.syncCentre.hasConflict(person: record.id)
        return req.page(page.render(c))
    }

    func editForm(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard AccessPolicy.roleMay(actor.role, .updatePerson) else { throw StoreError.forbidden }
        let record = try await req.people.find(try personID(req))
        let page = PersonFormPage(
            draft: record.draft, centres: [], editing: (record.id, record.version, record.registrationNumber))
        return req.page(page.render(req.pageContext))
    }

    func update(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let id = try personID(req)
        let form = try FormData.verified(req)
        var draft = form.personDraft
        guard let version = form["version"].flatMap(Int.init) else { throw Abort(.badRequest) }
        let people = try req.people
        // The form edits one document; the others (from the API or a merge) are kept as they are.
        let current = try await people.find(id)
        draft.documents = Array(draft.documents.prefix(1)) + current.draft.documents.dropFirst()
        do {
            _ = try await people.update(id, with: draft, expectedVersion: version)
            return req.redirect(to: Site.person(id) + "?saved=1")
        } catch StoreError.invalid(let errors) {
            let current = try await people.find(id)
            let page = PersonFormPage(
                draft: draft, errors: Dictionary(errors.map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a }),
                centres: [], editing: (id, version, current.registrationNumber))
            return req.page(page.render(req.pageContext), status: .unprocessableEntity)
        } catch StoreError.versionConflict {
            // Show the person's current state; the caseworker re-applies the change knowingly.
            let current = try await people.find(id)
            let page = PersonFormPage(
                draft: current.draft, centres: [], editing: (id, current.version, current.registrationNumber),
                conflict: true)
            return req.page(page.render(req.pageContext), status: .conflict)
        }
    }

    func history(req: Request) async throws -> Response {
        let id = try personID(req)
        let people = try req.people
        let revisions = try await people.history(id)
        let record = try await people.find(id)
        let names = try await req.accounts.usernames()
        return req.page(
            PersonHistoryPage(record: record, revisions: revisions, usernames: names).render(req.pageContext))
    }

    func other(_ form: FormData) throws -> UUID {
        guard let id = form["other"].flatMap(UUID.init(uuidString:)) else { throw StoreError.notFound }
        return id
    }

    func merge(req: Request) async throws -> Response {
        let id = try personID(req)
        let form = try FormData.verified(req)
        try await req.identity.merge(
            survivor: id, merged: try other(form), expectedVersion: form["version"].flatMap(Int.init))
        return req.redirect(to: Site.person(id) + "?merged=1")
    }

    func unmerge(req: Request) async throws -> Response {
        let id = try personID(req)
        _ = try FormData.verified(req)
        try await req.identity.unmerge(id)
        return req.redirect(to: Site.person(id) + "?unmerged=1")
    }

    func distinct(req: Request) async throws -> Response {
        let id = try personID(req)
        let form = try FormData.verified(req)
        try await req.identity.markDistinct(id, try other(form))
        return req.redirect(to: Site.person(id))
    }

    func personID(_ req: Request) throws -> UUID {
        return try req.recordID()
    }
}
