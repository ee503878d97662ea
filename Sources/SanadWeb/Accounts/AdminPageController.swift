import SanadCore
import SanadStore
import Vapor

struct AdminPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.users, use: users)
        routes.page(.GET, Site.newUser, use: newUser)
        routes.page(.POST, Site.users, use: createUser)
        routes.page(.POST, Site.selfApproval(Param.id), use: selfApproval)
        routes.page(.GET, Site.centres, use: centres)
        routes.page(.GET, Site.newCentre, use: newCentre)
        routes.page(.POST, Site.centres, use: createCentre)
        routes.page(.GET, Site.audit, use: audit)
    }

    func require(_ req: Request, _ action: Action) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, action) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func centreChoices(_ req: Request) async throws -> [Components.Choice] {
        let lang = req.pageContext.lang
        return try await req.centres.all()
            .map { Components.Choice($0.code, $0.name(for: lang)) }
    }

    func partnerChoices(_ req: Request) async throws -> [Components.Choice] {
        try await req.partners.partners().map { Components.Choice($0.id.uuidString, $0.name) }
    }

    func selfApproval(req: Request) async throws -> Response {
        let actor = try require(req, .manageUsers)
        let form = try FormData.verified(req)
        try await req.accounts.setSelfApproval(
            userID: try req.recordID("id"), granted: form["granted"] == "yes", by: actor)
        return req.redirect(to: Site.users)
    }

    func users(req: Request) async throws -> Response {
        let actor = try require(req, .manageUsers)
        let changes = try await req.accounts.privilegeChanges(
            since: req.context.clock().addingTimeInterval(-30 * 24 * 3600), by: actor)
        let alerts = try await req.accounts.signInAlerts(
            since: req.context.clock().addingTimeInterval(-7 * 24 * 3600), by: actor)
        let lastBackup = try await req.open.backups.lastBackup()
        let twoFactorRoles = try await req.open.twoFactor.requiredRoles()
        let all = try await req.accounts.accounts()
        let names = Dictionary(uniqueKeysWithValues: try await centreChoices(req).map { ($0.value, $0.label) })
        let notice = req.query[String.self, at: "created"] != nil ? req.pageContext.t.t("users.created") : nil
        let partners = Dictionary(
            uniqueKeysWithValues: try await req.partners.partners().map { ($0.id, $0.name) })
        return req.page(
            AdminPages.users(
                req.pageContext, users: all, centreNames: names, partnerNames: partners, notice: notice,
                privilegeChanges: changes, signInAlerts: alerts, lastBackup: lastBackup,
                now: req.context.clock(), twoFactorRoles: twoFactorRoles, nodes: try await req.open.syncNodes.list()))
    }

    func newUser(req: Request) async throws -> Response {
        _ = try require(req, .manageUsers)
        return req.page(
            AdminPages.newUser(
                req.pageContext, centres: try await centreChoices(req), partners: try await partnerChoices(req)))
    }

    func createUser(req: Request) async throws -> Response {
        let actor = try require(req, .manageUsers)
        let form = try FormData.verified(req)
        let c = req.pageContext
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let role = Role(rawValue: form["role"] ?? "")
        let centres = form.all("centres")
        var errors = AccountForms.passwordErrors(c, password: form["password"] ?? "", confirm: form["password"])
        if !AccountRules.isValidUsername(username) { errors["username"] = c.t.t("account.username.invalid") }
        if role == nil { errors["role"] = c.t.t("error.required") }
        let partner = form["partner"].flatMap(UUID.init(uuidString:))
        if let role, role != .administrator, role != .partner, centres.isEmpty {
            errors["centres"] = c.t.t("users.centres.required")
        }
        if role == .partner && partner == nil { errors["partner"] = c.t.t("error.required") }
        if errors.isEmpty, let role {
            do {
                _ = try await req.accounts.createUser(
                    username: username, password: form["password"] ?? "", role: role, centres: centres,
                    partner: partner,
                    by: actor)
                return req.redirect(to: Site.users + "?created=1")
            } catch AccountError.usernameTaken {
                errors["username"] = c.t.t("account.username.taken")
            } catch AccountError.unknownCentre {
                errors["centres"] = c.t.t("error.unknown-value")
            } catch AccountError.unknownPartner {
                errors["partner"] = c.t.t("error.unknown-value")
            }
        }
        let page = AdminPages.newUser(
            c, centres: try await centreChoices(req), partners: try await partnerChoices(req), username: username,
            role: role?.rawValue, checked: Set(centres), errors: errors)
        return req.page(page, status: .unprocessableEntity)
    }

    func centres(req: Request) async throws -> Response {
        _ = try require(req, .manageCentres)
        let all = try await req.centres.all()
        let notice = req.query[String.self, at: "created"] != nil ? req.pageContext.t.t("centres.created") : nil
        return req.page(AdminPages.centres(req.pageContext, centres: all, notice: notice))
    }

    func newCentre(req: Request) async throws -> Response {
        _ = try require(req, .manageCentres)
        return req.page(AdminPages.newCentre(req.pageContext))
    }

    func createCentre(req: Request) async throws -> Response {
        let actor = try require(req, .manageCentres)
        let form = try FormData.verified(req)
        let c = req.pageContext
        let values = Dictionary(form.pairs, uniquingKeysWith: { a, _ in a })
        var errors: [String: String] = [:]
        do {
            _ = try await req.centres.add(
                code: values["code"] ?? "", prefix: values["prefix"] ?? "", nameEN: values["name_en"] ?? "",
                nameAR: values["name_ar"] ?? "", statePcode: values["state"] ?? "", by: actor)
            return req.redirect(to: Site.centres + "?created=1")
        } catch let error as CentreError {
            switch error {
            case .invalidCode: errors["code"] = c.t.t("centres.code.invalid")
            case .invalidPrefix: errors["prefix"] = c.t.t("centres.prefix.invalid")
            case .missingName:
                if (values["name_en"] ?? "").isEmpty { errors["name_en"] = c.t.t("error.required") }
                if (values["name_ar"] ?? "").isEmpty { errors["name_ar"] = c.t.t("error.required") }
                if errors.isEmpty { errors["name_en"] = c.t.t("error.too-long") }
            case .unknownState: errors["state"] = c.t.t("error.unknown-value")
            case .duplicate: errors["code"] = c.t.t("centres.duplicate")
            }
        }
        return req.page(AdminPages.newCentre(c, values: values, errors: errors), status: .unprocessableEntity)
    }

    func audit(req: Request) async throws -> Response {
        _ = try require(req, .viewAuditTrail)
        let page = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), 1_000_000)
        let per = 50
        let result = try await req.auditTrail.page(page, per: per)
        let names = Dictionary(
            uniqueKeysWithValues: try await req.accounts.accounts().map { ($0.id.uuidString, $0.username) })
        let pages = max(1, (result.total + per - 1) / per)
        return req.page(
            AdminPages.audit(req.pageContext, entries: result.entries, page: page, pageCount: pages, usernames: names))
    }
}
