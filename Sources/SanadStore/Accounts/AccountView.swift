import Foundation
import SanadCore

/// A staff or partner account as the rest of the system sees it: never its password hash.
public struct AccountView: Sendable, Equatable, Codable {
    public let id: UUID
    public let username: String
    public let role: Role?
    public let centres: [String]
    public let locale: String?
    public let disabled: Bool
    /// For a partner focal point, the organisation whose referrals they see.
    public let partnerID: UUID?
    /// Granted by an administrator: this supervisor may approve their own cases.
    public let selfApproval: Bool
    /// Signs in with a second factor (TOTP).
    public let twoFactor: Bool

    enum CodingKeys: String, CodingKey {
        case id, username, role, centres, locale, disabled, selfApproval, twoFactor
        case partnerID = "partner"
    }

    public var actor: Actor? {
        guard let role else { return nil }
        return Actor(userID: id.uuidString, role: role, centres: Set(centres), partner: partnerID?.uuidString)
    }
}

/// Whether a session is a browser's (cookie, idles out) or an API token's (bearer, 30 days).
public enum SessionKind: String, Sendable {
    case browser, api
    /// The password was right; the second factor is still to come (five minutes, then it expires).
    case pending
}

/// Who a valid cookie or token belongs to, and which session it is (changing the password keeps this one).
public struct SignedIn: Sendable {
    public let account: AccountView
    public let sessionID: UUID
}

extension AccountView {
    init(_ user: User) {
        self.init(
            id: user.id!, username: user.username, role: Role(rawValue: user.role), centres: user.centres,
            locale: user.locale, disabled: user.disabled, partnerID: user.partnerID,
            selfApproval: user.selfApproval ?? false, twoFactor: user.totpEnabledAt != nil)
    }
}
