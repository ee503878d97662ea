import SanadCore
import SanadStore
import Vapor

/// Per-request facts resolved once by `SessionMiddleware`: who is signed in, in which language, the CSRF token.
final class RequestState: @unchecked Sendable {
    var user: AccountView?
    var sessionID: UUID?
    var sessionToken: String?
    var catalogue = Catalogue.forLanguage("en")
    var csrf = ""
    var newCSRFCookie = false
}

struct RequestStateKey: StorageKey { typealias Value = RequestState }
struct StoreContextKey: StorageKey { typealias Value = StoreContext }

extension Application {
    public var sanad: StoreContext {
        get {
            guard let context = storage[StoreContextKey.self] else {
                preconditionFailure("configure(_:) sets the store context before any route runs")
            }
            return context
        }
        set { storage[StoreContextKey.self] = newValue }
    }
}

extension Request {
    var state: RequestState {
        if let existing = storage[RequestStateKey.self] { return existing }
        let created = RequestState()
        storage[RequestStateKey.self] = created
        return created
    }

    var actor: Actor? { state.user?.actor }

    /// The signed-in actor, or an authentication error that becomes a redirect (pages) or a 401 (API).
    func requireActor() throws -> Actor {
        guard let actor else { throw AuthRequired() }
        return actor
    }

    var context: StoreContext { application.sanad }

    var pageContext: PageContext {
        var context = PageContext(
            t: state.catalogue, username: state.user?.username, role: state.user?.role,
            csrf: state.csrf, path: url.path)
        if let sync = application.storage[SyncHeaderKey.self]?.value.withLockedValue({ $0 }) {
            context.syncOffice = sync.office
            context.syncCentre = sync.centre
        }
        return context
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// A record id from the path; anything that is not a UUID is an unknown record, not a bad request.
    func recordID(_ name: String = "id") throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw StoreError.notFound }
        return id
    }

    func page(_ html: String, status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.body = .init(string: html)
        return response
    }
}

struct AuthRequired: Error {}
