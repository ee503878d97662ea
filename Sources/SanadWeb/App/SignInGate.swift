import NIOConcurrencyHelpers
import SanadCore
import Vapor

/// Holds the number of sign-in attempts in progress per client address (issue 19, finding 6): forty parallel
/// guesses from one address are not forty bcrypt checks at once, whatever usernames they name.
final class SignInGate: Sendable {
    private let gate: NIOLockedValueBox<AttemptGate>

    init(limit: Int) { gate = NIOLockedValueBox(AttemptGate(limit: limit)) }

    /// Runs the attempt when the address has a free place, or returns nil at once when it has none.
    func attempt<T: Sendable>(_ req: Request, _ body: (String) async throws -> T) async throws -> T? {
        let address = req.clientAddress
        guard gate.withLockedValue({ $0.enter(address) }) else {
            await req.open.refusals.record(
                actorID: nil, status: 429, method: req.method.rawValue, route: req.routePattern, recordID: nil,
                reason: "busy", clientAddress: address)
            return nil
        }
        defer { gate.withLockedValue { $0.leave(address) } }
        return try await body(address)
    }

    /// Places taken by this address now (tests hold places to see the refusal without racing requests).
    func enter(_ address: String) -> Bool { gate.withLockedValue { $0.enter(address) } }
    func leave(_ address: String) { gate.withLockedValue { $0.leave(address) } }
}

struct SignInGateKey: StorageKey {
    typealias Value = SignInGate
}

extension Request {
    var signInGate: SignInGate {
        guard let gate = application.storage[SignInGateKey.self] else {
            preconditionFailure("SanadApp.configure sets the sign-in gate")
        }
        return gate
    }

    /// The address a sign-in is counted and audited under.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// The matched route's pattern (`/people/:id`), never the path: a path can carry a secret (a setup token).
    var routePattern: String {
        route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
    }
}
