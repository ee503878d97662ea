import Foundation
import Plot
import SanadCore
import SanadStore
import Vapor

/// A form that arrived after its sender's session ended (issue 20, finding 1): where it was going and what it held,
/// carried through the sign-in page as hidden fields — in the user's own browser, never stored on the server — and
/// sent again only when the signed-in user presses Send on a page carrying a token of the new session.
///
/// CSRF stays as strong as before: only a post that passes the same-origin check is kept, the kept fields are
/// sent with a token bound to the new session, and that takes the user's own click after signing in.
struct SignInResume {
    static let actionField = "resume_action"
    static let fieldPrefix = "resume:"
    static let nextField = "next"

    let action: String
    let fields: [(String, String)]

    /// The kept form of a sign-in post, when it carries one with a local address.
    init?(_ form: FormData) {
        guard let action = form[Self.actionField], LocalPath.isSafe(action) else { return nil }
        self.action = action
        fields = form.pairs.compactMap { name, value in
            name.hasPrefix(Self.fieldPrefix) ? (String(name.dropFirst(Self.fieldPrefix.count)), value) : nil
        }
    }

    init(action: String, fields: [(String, String)]) {
        self.action = action
        self.fields = fields.filter { $0.0 != "_csrf" }
    }

    /// Hidden inputs for the sign-in and two-factor pages.
    var hidden: [HNode] {
        [void("input", [attr("type", "hidden"), attr("name", Self.actionField), attr("value", action)])]
            + fields.map { name, value in
                void(
                    "input", [attr("type", "hidden"), attr("name", Self.fieldPrefix + name), attr("value", value)])
            }
    }

    /// A sign-in post's place to go back to: a page asked for while signed out (its path only: a query can hold a
    /// name typed into search).
    static func next(_ form: FormData) -> String? {
        form[nextField].flatMap { LocalPath.isSafe($0) ? $0 : nil }
    }

    static func nextHidden(_ next: String?) -> HNode? {
        next.map { void("input", [attr("type", "hidden"), attr("name", nextField), attr("value", $0)]) }
    }

    /// Where a successful sign-in lands: the kept form, ready to send; the page asked for; or Home.
    static func landing(_ req: Request, form: FormData, account: AccountView, token: String) -> Response {
        let response: Response
        if let resume = SignInResume(form) {
            var c = req.pageContext
            c.csrf = Digests.csrfToken(forSession: token)
            c.username = account.username
            c.role = account.role
            response = req.page(AccountPages.resume(c, resume))
        } else {
            response = req.redirect(to: next(form) ?? Site.home)
        }
        response.cookies[SanadSessionMiddleware.sessionCookie] = SanadSessionMiddleware.cookie(
            token, request: req, maxAge: Int(AccountService.browserLifetime))
        return response
    }
}

/// A path of this site: what a redirect or a kept form may go to, so neither can send anyone elsewhere.
enum LocalPath {
    static func isSafe(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") && path.count <= 512
            && !path.unicodeScalars.contains {
                CharacterSet.whitespacesAndNewlines.union(.controlCharacters).contains($0)
            }
            && URLComponents(string: path).map { $0.scheme == nil && $0.host == nil } == true
    }
}

/// A page form posted while signed out: answered with the sign-in page that keeps it, instead of the handler's
/// refusal (a form token of an ended session, or sign-in required) that threw the typed work away.
struct SignedOutFormMiddleware: AsyncMiddleware {
    let limit: Int

    static func isPublic(_ path: String) -> Bool {
        [Site.signIn, Site.signInCode, Site.signOut, Site.locale].contains(path) || path.hasPrefix("/setup/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, !request.isAPI, request.state.user == nil,
            !Self.isPublic(request.url.path), request.headers.contentType == .urlEncodedForm,
            SameOrigin.allows(request)
        else { return try await next.respond(to: request) }
        if request.body.data == nil { _ = try await request.body.collect(max: limit).get() }
        guard let form = try? FormData(request) else { return try await next.respond(to: request) }
        let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        guard LocalPath.isSafe(path) else { return try await next.respond(to: request) }
        // Refused like any other request that needs a sign-in, and audited with its route.
        await request.open.refusals.record(
            actorID: nil, status: 401, method: request.method.rawValue, route: request.routePattern, recordID: nil,
            reason: "signed-out", clientAddress: request.clientAddress)
        let c = request.pageContext
        let ended = request.cookies[SanadSessionMiddleware.sessionCookie] != nil
        return request.page(
            AccountPages.signIn(
                c, notice: c.t.t(ended ? "signin.resume.ended" : "signin.resume.needed"),
                resume: SignInResume(action: path, fields: form.pairs)),
            status: .unauthorized)
    }
}
