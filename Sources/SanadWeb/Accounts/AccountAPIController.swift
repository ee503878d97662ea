import SanadCore
import SanadStore
import Vapor

/// API tokens: a client signs in once with a username and password and then sends the token as a bearer.
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/auth/token",
            APIDoc(
                "createToken", "Exchange a username and password for an API token.",
                problems: [
                    401: "Unknown username, wrong password, or a second-factor `code` missing or wrong.",
                    429: "Locked after repeated failures.",
                ],
                signedIn: false), body: TokenRequest.self, use: token)
    }

    func token(req: Request, body: TokenRequest) async throws -> Created<TokenResponse> {
        let result = try await req.signInGate.attempt(req) { address in
            try await req.accounts.signIn(
                username: body.username, password: body.password, clientAddress: address, kind: .api, code: body.code)
        }
        switch result {
        case nil:
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": "1"],
                reason: "Another sign-in from this address is in progress; try again.")
        case .success(_, let token)?:
            let out = TokenResponse(
                token: token, expiresAt: req.context.clock().addingTimeInterval(AccountService.tokenLifetime))
            return Created(out)
        case .invalid?:
            throw Abort(.unauthorized, reason: "Unknown username, wrong password or wrong code.")
        case .secondFactor?:
            throw Abort(.unauthorized, reason: "This account signs in with a second factor: send `code` too.")
        case .locked(let until)?:
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": SignInWait.seconds(until, req)],
                reason: "Too many failed attempts; try again later.")
        }
    }
}

/// The `Retry-After` value for a refused sign-in: whole seconds until the next attempt may be made.
enum SignInWait {
    static func seconds(_ until: Date, _ req: Request) -> String {
        String(max(1, Int(until.timeIntervalSince(req.context.clock()).rounded(.up))))
    }
}
