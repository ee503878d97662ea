import Fluent
import Foundation

/// A signed-in browser session or an API token. Only the SHA-256 of the secret is stored.
final class AuthSession: Model, @unchecked Sendable {
    static let schema = "auth_sessions"

    typealias Kind = SessionKind

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, kind: Kind, now: Date, expiresAt: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.kind = kind.rawValue
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }
}

/// Failed sign-in counters per account and per client address (both stored as keyed hashes).
final class LoginThrottle: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(subject: String, now: Date) {
        self.id = UUID()
        self.subject = subject
        self.failures = 0
        self.lastFailureAt = now
    }
}

/// Small key/value settings that belong with the data (setup token hash, key check value).
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}
