import Foundation
import NIOConcurrencyHelpers
import SanadCore
import SanadStore
import Vapor

/// A registration the duplicate check stopped, kept for its warning page (issue 20, finding 15): the post answers
/// with a redirect to a page that shows it, so that Back later returns to a page, not to a form to send again.
/// Per session, in this server's memory, for ten minutes; nothing of it is written anywhere.
final class HeldRegistrations: Sendable {
    struct Held: Sendable {
        let draft: PersonDraft
        let duplicates: [PossibleDuplicate]
        let at: Date
    }

    private let entries = NIOLockedValueBox<[String: Held]>([:])

    func hold(_ draft: PersonDraft, _ duplicates: [PossibleDuplicate], session: UUID) -> String {
        let token = Digests.randomToken()
        let now = Date()
        entries.withLockedValue { entries in
            entries = entries.filter { now.timeIntervalSince($0.value.at) < OnceForms.lifetime }
            entries["\(session.uuidString)/\(token)"] = Held(draft: draft, duplicates: duplicates, at: now)
        }
        return token
    }

    func held(_ token: String, session: UUID) -> Held? {
        entries.withLockedValue { $0["\(session.uuidString)/\(token)"] }
    }
}

struct HeldRegistrationsKey: StorageKey { typealias Value = HeldRegistrations }

extension Request {
    var heldRegistrations: HeldRegistrations { application.storage[HeldRegistrationsKey.self]! }
}
