import Fluent
import Foundation
import SanadCore

public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: String
    @Field(key: "centres") public var centres: [String]
    @OptionalField(key: "locale") public var locale: String?
    @Field(key: "disabled") public var disabled: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// For a partner focal point, the organisation whose referrals they see.
    @OptionalField(key: "partner_id") public var partnerID: UUID?
    /// Granted by an administrator: this supervisor may approve their own cases.
    @OptionalField(key: "self_approval") public var selfApproval: Bool?

    public init() {}

    public init(username: String, passwordHash: String, role: Role, centres: [String]) {
        self.id = UUID()
        self.username = username
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.centres = centres
        self.disabled = false
    }

    public var actor: Actor? {
        guard let id, let role = Role(rawValue: role) else { return nil }
        return Actor(userID: id.uuidString, role: role, centres: Set(centres), partner: partnerID?.uuidString)
    }
}
