import SanadCore
import SanadStore
import Vapor

/// API tokens: a client signs in once with a username and password and then sends the token as a bearer.
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").post("auth", "token", use: token)
    }

    func token(req: Request) async throws -> Response {
        let body = try req.decodeJSON(TokenRequest.self)
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        switch try await req.accounts.signIn(
            username: body.username, password: body.password, clientAddress: address, kind: .api)
        {
        case .success(_, let token):
            let out = TokenResponse(
                token: token, expiresAt: req.context.clock().addingTimeInterval(AccountService.tokenLifetime))
            return try await out.encodeResponse(status: .created, for: req)
        case .invalid(let delay):
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
            throw Abort(.unauthorized, reason: "Unknown username or wrong password.")
        case .locked:
            throw Abort(.tooManyRequests, reason: "Too many failed attempts; try again later.")
        }
    }
}
