/// The roles of docs/domain.md. Raw values are the spellings used by the CLI, the API and the database.
public enum Role: String, CaseIterable, Codable, Sendable {
    case administrator
    case supervisor
    case caseworker
    case dataOfficer = "data-officer"
    /// A partner organisation's focal point: sees and answers only the referrals sent to that organisation.
    case partner
}

/// Who is acting: the signed-in user, reduced to what the access policy needs.
public struct Actor: Sendable, Equatable {
    public let userID: String
    public let role: Role
    /// Centre codes (P-code style, e.g. "SD01") the user belongs to.
    public let centres: Set<String>
    /// For a partner focal point, the partner organisation's id.
    public let partner: String?

    public init(userID: String, role: Role, centres: Set<String>, partner: String? = nil) {
        self.userID = userID
        self.role = role
        self.centres = centres
        self.partner = partner
    }
}
