import Foundation
import SanadCore
import SanadStore
import Vapor

/// User and centre administration as JSON, for administrators: the same rules as the admin pages.
struct AdminAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/users", APIDoc("listUsers", "Every account, by username (never a password hash)."), use: users)
        routes.api(
            .POST, "/users",
            APIDoc(
                "createUser", "Create a staff or partner account.",
                problems: [409: "The username is already in use."]), body: UserBody.self, use: createUser)
        routes.api(
            .POST, "/users/{id}/self-approval",
            APIDoc(
                "setSelfApproval",
                "Let a supervisor approve their own cases (a centre with one supervisor), or stop it."),
            body: SelfApprovalBody.self, use: selfApproval)
        routes.api(
            .POST, "/users/{id}/two-factor/reset",
            APIDoc("resetTwoFactor", "Clear an account's second factor (a lost phone): audited; its sessions end."),
            use: resetTwoFactor)
        routes.api(
            .GET, "/two-factor-policy",
            APIDoc("getTwoFactorPolicy", "The roles that must sign in with a second factor."),
            use: twoFactorPolicy)
        routes.api(
            .POST, "/two-factor-policy",
            APIDoc("setTwoFactorPolicy", "Set the roles that must sign in with a second factor (empty: none)."),
            body: TwoFactorPolicyBody.self, use: setTwoFactorPolicy)
        routes.api(.GET, "/centres", APIDoc("listCentres", "The centres, by code."), use: centres)
        routes.api(
            .POST, "/centres",
            APIDoc(
                "createCentre", "Add a centre: its code, registration prefix, names and state.",
                problems: [409: "A centre with this code or prefix exists."]), body: CentreBody.self, use: createCentre)
    }

    func administrator(_ req: Request, _ action: Action) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, action) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func users(req: Request) async throws -> OK<[AccountView]> {
        _ = try administrator(req, .manageUsers)
        return OK(try await req.accounts.accounts())
    }

    func createUser(req: Request, body: UserBody) async throws -> Created<AccountView> {
        let actor = try administrator(req, .manageUsers)
        guard let role = body.role.flatMap(Role.init(rawValue:)) else {
            throw APIValidation(fields: [
                .init(
                    field: "role", code: body.role == nil ? "required" : "unknown-value",
                    detail: "administrator, supervisor, caseworker, data-officer or partner.")
            ])
        }
        let account = try await req.accounts.createUser(
            username: body.username ?? "", password: body.password ?? "", role: role, centres: body.centres ?? [],
            partner: body.partner, by: actor)
        return Created(account)
    }

    func selfApproval(req: Request, body: SelfApprovalBody) async throws -> NoContent {
        let actor = try administrator(req, .manageUsers)
        guard let granted = body.granted else {
            throw APIValidation(fields: [.init(field: "granted", code: "required", detail: "true or false.")])
        }
        try await req.accounts.setSelfApproval(userID: try req.recordID(), granted: granted, by: actor)
        return NoContent()
    }

    func resetTwoFactor(req: Request) async throws -> NoContent {
        let actor = try administrator(req, .manageUsers)
        try await req.open.twoFactor.reset(userID: try req.recordID(), by: actor)
        return NoContent()
    }

    func twoFactorPolicy(req: Request) async throws -> OK<TwoFactorPolicyBody> {
        _ = try administrator(req, .manageUsers)
        return OK(TwoFactorPolicyBody(roles: try await req.open.twoFactor.requiredRoles().map(\.rawValue).sorted()))
    }

    func setTwoFactorPolicy(req: Request, body: TwoFactorPolicyBody) async throws -> NoContent {
        let actor = try administrator(req, .manageUsers)
        var roles: Set<Role> = []
        for name in body.roles ?? [] {
            guard let role = Role(rawValue: name) else {
                throw APIValidation(fields: [
                    .init(field: "roles", code: "unknown-value", detail: "administrator, supervisor, caseworker, …")
                ])
            }
            roles.insert(role)
        }
        try await req.open.twoFactor.setRequiredRoles(roles, by: actor)
        return NoContent()
    }

    func centres(req: Request) async throws -> OK<[CentreView]> {
        _ = try req.requireActor()
        return OK(try await req.centres.all())
    }

    func createCentre(req: Request, body: CentreBody) async throws -> Created<CentreView> {
        let actor = try administrator(req, .manageCentres)
        let centre = try await req.centres.add(
            code: body.code ?? "", prefix: body.prefix ?? "", nameEN: body.nameEn ?? "", nameAR: body.nameAr ?? "",
            statePcode: body.state ?? "", by: actor)
        return Created(centre)
    }
}

struct TwoFactorPolicyBody: Content {
    var roles: [String]?
}
