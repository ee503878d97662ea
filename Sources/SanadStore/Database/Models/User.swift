import Fluent
import Foundation
import SanadCore

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "centres") var centres: [String]
    @OptionalField(key: "locale") var locale: String?
    @Field(key: "disabled") var disabled: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// For a partner focal point, the organisation whose referrals they see.
    @OptionalField(key: "partner_id") var partnerID: UUID?
    /// Granted by an administrator: this supervisor may approve their own cases.
    @OptionalField(key: "self_approval") var selfApproval: Bool?
    /// The TOTP secret, sealed, once the second factor is confirmed; `totpPending` while it is being set up.
    @OptionalField(key: "totp_sealed") var totpSealed: Data?
    @OptionalField(key: "totp_pending") var totpPending: Data?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The last time step a code was accepted for: a code works once.
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?

    init() {}

    init(username: String, passwordHash: String, role: Role, centres: [String]) {
        self.id = UUID()
        self.username = username
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.centres = centres
        self.disabled = false
    }

    var actor: Actor? {
        guard let id, let role = Role(rawValue: role) else { return nil }
        return Actor(userID: id.uuidString, role: role, centres: Set(centres), partner: partnerID?.uuidString)
    }
}

/// A one-time recovery code, stored as a hash, for when the phone with the authenticator app is lost.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, codeHash: String) {
        self.id = UUID()
        self.userID = userID
        self.codeHash = codeHash
    }
}
