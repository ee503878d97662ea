import Foundation
import NIOConcurrencyHelpers
import SanadCore
import SanadStore
import Vapor

/// One-time form keys (issue 20, finding 9): a registration form carries a random key, and the second of two
/// clicks on its button lands where the first went instead of registering again or warning of a duplicate of the
/// record the first click made. Kept per session in this server's memory for ten minutes: a double click reaches
/// the same server (keep-alive), and a key only ever leads to a page the session could open anyway.
final class OnceForms: Sendable {
    enum Claim: Equatable {
        case first
        case done(String)
    }

    private enum Entry {
        case pending(Date)
        case done(String, Date)
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    static let lifetime: TimeInterval = 600

    /// The first request with a key goes on; one that comes while the first is being saved waits for its result.
    func claim(_ key: String) async -> Claim {
        for _ in 0..<50 {
            let now = Date()
            let state: Entry? = entries.withLockedValue { entries in
                entries = entries.filter { _, entry in
                    switch entry {
                    case .pending(let at), .done(_, let at): return now.timeIntervalSince(at) < Self.lifetime
                    }
                }
                if let existing = entries[key] { return existing }
                entries[key] = .pending(now)
                return nil
            }
            switch state {
            case nil: return .first
            case .done(let path, _)?: return .done(path)
            case .pending?: try? await Task.sleep(for: .milliseconds(100))
            }
        }
        return .first
    }

    func finish(_ key: String, at path: String) {
        entries.withLockedValue { $0[key] = .done(path, Date()) }
    }

    /// The first request did not save (a warning, an error): the same key may try again.
    func release(_ key: String) {
        entries.withLockedValue { _ = $0.removeValue(forKey: key) }
    }
}

struct OnceFormsKey: StorageKey { typealias Value = OnceForms }

extension Request {
    /// The key of a one-time form, bound to the session that sent it.
    func onceKey(_ form: FormData) -> String? {
        guard let key = form[OnceFormsField.name], key.count <= 64, let session = state.sessionID else { return nil }
        return "\(session.uuidString)/\(key)"
    }

    var onceForms: OnceForms { application.storage[OnceFormsKey.self]! }
}

enum OnceFormsField {
    static let name = "form_key"
}
