import SanadCore
import SanadStore
import Vapor

/// Setting up the second factor, the second step of signing in, and the administrator's reset and policy.
struct TwoFactorPageController: RouteCollection {
    static let pendingCookie = "sanad_pending"

    func boot(routes: any RoutesBuilder) throws {
        routes.page(.POST, Site.twoFactor, use: begin)
        routes.page(.POST, Site.twoFactorConfirm, use: confirm)
        routes.page(.POST, Site.signInCode, use: code)
        routes.page(.POST, Site.twoFactorReset(Param.id), use: reset)
        routes.page(.POST, Site.twoFactorPolicy, use: policy)
    }

    func begin(req: Request) async throws -> Response {
        _ = try req.requireActor()
        _ = try FormData.verified(req)
        guard let user = req.state.user else { throw AuthRequired() }
        let (secret, uri) = try await req.open.twoFactor.begin(userID: user.id)
        return req.page(TwoFactorPages.setup(req.pageContext, secret: secret, uri: uri))
    }

    func confirm(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let form = try FormData.verified(req)
        guard let user = req.state.user else { throw AuthRequired() }
        let c = req.pageContext
        do {
            let codes = try await req.open.twoFactor.confirm(userID: user.id, code: form["code"] ?? "")
            return req.page(TwoFactorPages.recoveryCodes(c, codes: codes))
        } catch TwoFactorError.wrongCode {
            guard let (secret, uri) = try await req.open.twoFactor.pending(userID: user.id) else {
                return req.redirect(to: Site.account)
            }
            return req.page(
                TwoFactorPages.setup(c, secret: secret, uri: uri, error: c.t.t("two-factor.code.wrong")),
                status: .unprocessableEntity)
        } catch TwoFactorError.notStarted {
            return req.redirect(to: Site.account)
        }
    }

    /// The code after the password: the pending token from the cookie the password step set.
    func code(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let c = req.pageContext
        guard let pending = req.cookies[Self.pendingCookie]?.string else { return req.redirect(to: Site.signIn) }
        let result = try await req.signInGate.attempt(req) { address in
            try await req.accounts.completeSignIn(pending: pending, code: form["code"] ?? "", clientAddress: address)
        }
        switch result {
        case .success(let account, let token)?:
            let response = SignInResume.landing(req, form: form, account: account, token: token)
            response.cookies[Self.pendingCookie] = SanadSessionMiddleware.cookie("", request: req, maxAge: 0)
            if account.locale == nil { try await req.accounts.setLocale(userID: account.id, locale: c.lang) }
            return response
        case .locked(let until)?:
            let response = req.page(
                TwoFactorPages.signInCode(
                    c, error: c.t.t("signin.locked"), resume: SignInResume(form), next: SignInResume.next(form)),
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: SignInWait.seconds(until, req))
            return response
        case nil:
            return req.page(
                TwoFactorPages.signInCode(
                    c, error: c.t.t("signin.busy"), resume: SignInResume(form), next: SignInResume.next(form)),
                status: .tooManyRequests)
        case .invalid?, .secondFactor?:
            return req.page(
                TwoFactorPages.signInCode(
                    c, error: c.t.t("two-factor.code.wrong"), resume: SignInResume(form), next: SignInResume.next(form)),
                status: .unauthorized)
        }
    }

    func reset(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        _ = try FormData.verified(req)
        try await req.open.twoFactor.reset(userID: try req.recordID("id"), by: actor)
        return req.redirect(to: Site.users)
    }

    func policy(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try FormData.verified(req)
        let roles = Set(form.all("roles").compactMap(Role.init(rawValue:)))
        try await req.open.twoFactor.setRequiredRoles(roles, by: actor)
        return req.redirect(to: Site.users)
    }
}
