import Fluent
import Foundation

/// A signed-in browser session or an API token. Only the SHA-256 of the secret is stored.
public final class AuthSession: Model, @unchecked Sendable {
    public static let schema = "auth_sessions"

    public enum Kind: String, Sendable { case browser, api }

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: User
    @Field(key: "kind") public var kind: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(tokenHash: String, userID: UUID, kind: Kind, now: Date, expiresAt: Date) {
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
public final class LoginThrottle: Model, @unchecked Sendable {
    public static let schema = "login_throttles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "subject") public var subject: String
    @Field(key: "failures") public var failures: Int
    @Field(key: "last_failure_at") public var lastFailureAt: Date
    @OptionalField(key: "locked_until") public var lockedUntil: Date?

    public init() {}

    public init(subject: String, now: Date) {
        self.id = UUID()
        self.subject = subject
        self.failures = 0
        self.lastFailureAt = now
    }
}

/// Small key/value settings that belong with the data (setup token hash, key check value).
public final class Setting: Model, @unchecked Sendable {
    public static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: String

    public init() {}

    public init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}
