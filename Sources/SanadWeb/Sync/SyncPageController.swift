import SanadCore
import SanadStore
import Vapor

/// The conflicts page for supervisors; the same rules as `SyncAPIController`.
struct SyncPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.syncConflicts, use: list)
        routes.page(.POST, Site.syncConflict(Param.id), use: resolve)
    }

    func supervisor(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, .resolveSyncConflicts) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func list(req: Request) async throws -> Response {
        let actor = try supervisor(req)
        let conflicts = try await req.open.syncCentre.conflicts(centres: actor.centres)
        let resolved = (try? req.query.get(String.self, at: "resolved")) == "1"
        return req.page(
            SyncPages.conflicts(
                req.pageContext, conflicts, labels: try await labels(req, conflicts), resolved: resolved, error: nil))
    }

    /// Each person's name and registration number (the supervisor may see them; each view is audited) and the
    /// centres' names in the page's language.
    func labels(_ req: Request, _ conflicts: [SyncConflict]) async throws -> SyncPages.Labels {
        var labels = SyncPages.Labels()
        labels.centres = try await req.centres.names(language: req.pageContext.lang)
        for id in Set(conflicts.compactMap(\.personID)) {
            if let person = try? await req.people.find(id) {
                labels.people[id] =
                    "\u{2068}\(person.personal.nameOriginal)\u{2069} · \u{2066}\(person.registrationNumber)\u{2069}"
            }
        }
        return labels
    }

    func resolve(req: Request) async throws -> Response {
        let actor = try supervisor(req)
        let form = try FormData.verified(req)
        let id = req.parameters.get("id") ?? ""
        let conflicts = try await req.open.syncCentre.conflicts(centres: actor.centres)
        guard conflicts.contains(where: { $0.id == id }) else { throw SyncConflictError.notFound }
        let value = form["value"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try await req.open.syncCentre.resolve(
                id: id, choice: value == nil ? form["choice"] : nil, value: value, by: actor.userID)
        } catch let error as SyncConflictError where error != .notFound {
            let c = req.pageContext
            let message = c.t.t(error == .invalidValue ? "sync.invalid-value" : "sync.choose")
            return req.page(
                SyncPages.conflicts(
                    c, conflicts, labels: try await labels(req, conflicts), resolved: false, error: message),
                status: .unprocessableEntity)
        }
        return req.redirect(to: Site.syncConflicts + "?resolved=1")
    }
}
