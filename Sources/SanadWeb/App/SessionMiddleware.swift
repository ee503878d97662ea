import SanadCore
import SanadStore
import Vapor

/// Resolves the session cookie or bearer token, the language and the CSRF token for every request.
struct SanadSessionMiddleware: AsyncMiddleware {
    static let sessionCookie = "sanad_session"
    static let csrfCookie = "sanad_csrf"
    static let languageCookie = "sanad_lang"

    /// The API takes bearer tokens only: a session cookie would let another page of the same site post to it.
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let state = request.state
        // The metrics scraper's bearer token is no API token; `SanadMetrics` checks it.
        if let bearer = request.headers.bearerAuthorization?.token, request.url.path != Site.metrics {
            guard let signedIn = try await request.accounts.resolve(token: bearer, kind: .api) else {
                throw Abort(.unauthorized, reason: "The token is unknown or has expired.")
            }
            state.user = signedIn.account
            state.sessionID = signedIn.sessionID
        } else if !request.isAPI, let token = request.cookies[Self.sessionCookie]?.string,
            let signedIn = try await request.accounts.resolve(token: token, kind: .browser)
        {
            state.user = signedIn.account
            state.sessionID = signedIn.sessionID
            state.sessionToken = token
        }
        let language =
            state.user?.locale
            ?? request.cookies[Self.languageCookie].map(\.string).flatMap {
                Catalogue.supported.contains($0) ? $0 : nil
            }
            ?? Catalogue.negotiate(request.headers.first(name: .acceptLanguage)) ?? "en"
        state.catalogue = Catalogue.forLanguage(language)
        if let token = state.sessionToken {
            state.csrf = Digests.csrfToken(forSession: token)
        } else if let csrf = request.cookies[Self.csrfCookie]?.string, csrf.count >= 32 {
            state.csrf = csrf
        } else {
            state.csrf = Digests.randomToken()
            state.newCSRFCookie = true
        }
        let response: Response
        if try await mustEnrol(request) {
            if request.isAPI { throw SecondFactorEnrolmentRequired() }
            response = request.redirect(to: Site.account)
        } else {
            response = try await next.respond(to: request)
        }
        if state.newCSRFCookie && !request.isAPI {
            response.cookies[Self.csrfCookie] = Self.cookie(state.csrf, request: request, maxAge: nil)
        }
        // The account's language is remembered in the browser too, so the sign-in page after a session ends
        // speaks it (issue 20, finding 22).
        if !request.isAPI, let locale = state.user?.locale, request.cookies[Self.languageCookie]?.string != locale,
            response.cookies[Self.languageCookie] == nil
        {
            response.cookies[Self.languageCookie] = Self.cookie(locale, request: request, maxAge: 365 * 24 * 3600)
        }
        return response
    }

    /// Paths someone who must still set up a second factor may use: the account page and the set-up itself.
    static let enrolmentPaths: Set<String> = [
        Site.account, Site.twoFactor, Site.twoFactorConfirm, Site.signOut, Site.locale, Site.stylesheet, Site.health,
        Site.metrics, "/api/v1/openapi.json",
    ]

    /// The administrator's policy names this role and the account has no second factor yet.
    func mustEnrol(_ request: Request) async throws -> Bool {
        guard let user = request.state.user, let role = user.role, !user.twoFactor,
            !Self.enrolmentPaths.contains(request.url.path)
        else { return false }
        return try await request.open.twoFactor.requiredRoles().contains(role)
    }

    static func cookie(_ value: String, request: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
            isSecure: request.application.http.server.configuration.tlsConfiguration != nil
                || request.application.servedOverHTTPS, isHTTPOnly: true,
            sameSite: .lax)
    }
}

/// An account whose role must sign in with a second factor has not set one up yet.
struct SecondFactorEnrolmentRequired: Error {}
