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
                problems: [401: "Unknown username or wrong password.", 429: "Locked after repeated failures."],
                signedIn: false), body: TokenRequest.self, use: token)
    }

    func token(req: Request, body: TokenRequest) async throws -> Created<TokenResponse> {
        let result = try await req.signInGate.attempt(req) { address in
            try await req.accounts.signIn(
                username: body.username, password: body.password, clientAddress: address, kind: .api)
        }
        switch result {
        case nil:
            throw Abort(.tooManyRequests, reason: "Another sign-in from this address is in progress; try again.")
        case .success(_, let token)?:
            let out = TokenResponse(
                token: token, expiresAt: req.context.clock().addingTimeInterval(AccountService.tokenLifetime))
            return Created(out)
        case .invalid(let delay)?:
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
            throw Abort(.unauthorized, reason: "Unknown username or wrong password.")
        case .locked?:
            throw Abort(.tooManyRequests, reason: "Too many failed attempts; try again later.")
        }
    }
}
