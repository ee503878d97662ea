import SanadCore
import SanadStore
import Vapor

struct AuthPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.home, use: home)
        routes.page(.GET, Site.signIn, use: signInPage)
        routes.page(.POST, Site.signIn, use: signIn)
        routes.page(.POST, Site.signOut, use: signOut)
        routes.page(.GET, Site.setup(Param.token), use: setupPage)
        routes.page(.POST, Site.setup(Param.token), use: setup)
        routes.page(.POST, Site.locale, use: locale)
        routes.page(.GET, Site.account, use: accountPage)
        routes.page(.POST, Site.accountPassword, use: changePassword)
    }

    func home(req: Request) async throws -> Response {
        guard let user = req.state.user else { return req.redirect(to: Site.signIn) }
        let centres = try await req.centres.all()
            .filter { user.centres.contains($0.code) }.map { $0.name(for: req.pageContext.lang) }
        return req.page(AccountPages.home(req.pageContext, centres: centres))
    }

    func signInPage(req: Request) async throws -> Response {
        let next = (try? req.query.get(String.self, at: SignInResume.nextField)).flatMap {
            LocalPath.isSafe($0) ? $0 : nil
        }
        if req.state.user != nil { return req.redirect(to: next ?? Site.home) }
        return req.page(AccountPages.signIn(req.pageContext, next: next))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let username = form["username"] ?? ""
        let c = req.pageContext
        guard
            let result = try await req.signInGate.attempt(
                req,
                { address in
                    try await req.accounts.signIn(
                        username: username, password: form["password"] ?? "", clientAddress: address, kind: .browser)
                })
        else {
            return req.page(
                AccountPages.signIn(
                    c, username: username, error: c.t.t("signin.busy"), resume: SignInResume(form),
                    next: SignInResume.next(form)), status: .tooManyRequests)
        }
        switch result {
        case .success(let account, let token):
            let response = SignInResume.landing(req, form: form, account: account, token: token)
            // The language chosen before signing in becomes the account's preference when it has none.
            if account.locale == nil { try await req.accounts.setLocale(userID: account.id, locale: c.lang) }
            return response
        case .secondFactor(let pending):
            // The password was right: the code is asked for on its own page; no session exists until it is given.
            let response = req.page(
                TwoFactorPages.signInCode(c, resume: SignInResume(form), next: SignInResume.next(form)))
            response.cookies[TwoFactorPageController.pendingCookie] = SanadSessionMiddleware.cookie(
                pending, request: req, maxAge: 5 * 60)
            return response
        case .invalid:
            return req.page(
                AccountPages.signIn(
                    c, username: username, error: c.t.t("signin.invalid"), resume: SignInResume(form),
                    next: SignInResume.next(form)), status: .unauthorized)
        case .locked(let until):
            let response = req.page(
                AccountPages.signIn(
                    c, username: username, error: c.t.t("signin.locked"), resume: SignInResume(form),
                    next: SignInResume.next(form)), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: SignInWait.seconds(until, req))
            return response
        }
    }

    func signOut(req: Request) async throws -> Response {
        _ = try FormData.verified(req)
        if let token = req.state.sessionToken { try await req.accounts.signOut(token: token) }
        let response = req.redirect(to: Site.signIn)
        response.cookies[SanadSessionMiddleware.sessionCookie] = SanadSessionMiddleware.cookie(
            "", request: req, maxAge: 0)
        return response
    }

    func setupPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let setup = req.setup
        guard try await setup.isValid(token: token) else {
            await Self.auditBadSetupToken(req)
            return req.page(AccountPages.setupInvalid(req.pageContext), status: .notFound)
        }
        return req.page(AccountPages.setup(req.pageContext, token: token))
    }

    func setup(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let form = try FormData.verified(req)
        let c = req.pageContext
        let setup = req.setup
        guard try await setup.isValid(token: token) else {
            await Self.auditBadSetupToken(req)
            return req.page(AccountPages.setupInvalid(c), status: .notFound)
        }
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        var errors = AccountForms.passwordErrors(c, password: password, confirm: form["password_confirm"])
        if !AccountRules.isValidUsername(username) { errors["username"] = c.t.t("account.username.invalid") }
        if !errors.isEmpty {
            return req.page(
                AccountPages.setup(c, token: token, username: username, errors: errors), status: .unprocessableEntity)
        }
        do {
            _ = try await setup.complete(token: token, username: username, password: password)
        } catch AccountError.usernameTaken {
            errors["username"] = c.t.t("account.username.taken")
            return req.page(
                AccountPages.setup(c, token: token, username: username, errors: errors), status: .unprocessableEntity)
        }
        return req.redirect(to: Site.signIn)
    }

    /// Guessing setup tokens is a refusal like any other; the token itself is never recorded.
    static func auditBadSetupToken(_ req: Request) async {
        await req.open.refusals.record(
            actorID: req.state.user?.id.uuidString, status: 404, method: req.method.rawValue, route: req.routePattern,
            recordID: nil, reason: "setup-token", clientAddress: req.clientAddress)
    }

    func locale(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let lang = Catalogue.supported.contains(form["lang"] ?? "") ? form["lang"]! : "en"
        let next = form["next"] ?? "/"
        // Only local paths, so the switch cannot be used to send someone elsewhere.
        let target = LocalPath.isSafe(next) ? next : "/"
        if let user = req.state.user { try await req.accounts.setLocale(userID: user.id, locale: lang) }
        let response = req.redirect(to: target)
        response.cookies[SanadSessionMiddleware.languageCookie] = SanadSessionMiddleware.cookie(
            lang, request: req, maxAge: 365 * 24 * 3600)
        return response
    }

    func accountPage(req: Request) async throws -> Response {
        _ = try req.requireActor()
        return try await Self.account(req)
    }

    /// The account page with its two-factor section, as shown and as shown again after a form.
    static func account(
        _ req: Request, errors: [String: String] = [:], notice: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        guard let user = req.state.user else { throw AuthRequired() }
        let twoFactor = req.open.twoFactor
        let required = try await twoFactor.requiredRoles().contains(user.role ?? .caseworker)
        let section = TwoFactorPages.section(
            req.pageContext, on: user.twoFactor, required: required,
            recoveryLeft: try await twoFactor.recoveryCodesLeft(userID: user.id))
        return req.page(
            AccountPages.account(req.pageContext, errors: errors, notice: notice, twoFactor: section), status: status)
    }

    func changePassword(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let form = try FormData.verified(req)
        let c = req.pageContext
        guard let user = req.state.user else { throw AuthRequired() }
        let password = form["password"] ?? ""
        var errors = AccountForms.passwordErrors(c, password: password, confirm: form["password_confirm"])
        if errors.isEmpty {
            do {
                try await req.accounts.changePassword(
                    userID: user.id, current: form["current_password"] ?? "", new: password,
                    keepSession: req.state.sessionID, clientAddress: req.clientAddress)
                return try await Self.account(req, notice: c.t.t("account.password-changed"))
            } catch AccountError.wrongPassword {
                errors["current_password"] = c.t.t("account.current-password.wrong")
            } catch AccountError.tooManyAttempts {
                errors["current_password"] = c.t.t("signin.locked")
                return try await Self.account(req, errors: errors, status: .tooManyRequests)
            }
        }
        return try await Self.account(req, errors: errors, status: .unprocessableEntity)
    }
}

enum AccountForms {
    static func passwordErrors(_ c: PageContext, password: String, confirm: String?) -> [String: String] {
        var errors: [String: String] = [:]
        if !AccountRules.isAcceptablePassword(password) {
            errors["password"] = c.t.t("account.password.weak", String(AccountRules.minPasswordLength))
        } else if confirm != password {
            errors["password_confirm"] = c.t.t("account.password.mismatch")
        }
        return errors
    }
}
