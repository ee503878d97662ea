import SanadCore

/// What every page needs besides its own model: language, the signed-in user, the CSRF token, where it is.
public struct PageContext: Sendable {
    public let t: Catalogue
    public let username: String?
    public let role: Role?
    public let csrf: String
    /// Where the language switch returns to: the page shown, which after a refused form is not the POST's path.
    public var path: String

    public var lang: String { t.language }
    public var dir: String { t.direction }
    public var signedIn: Bool { role != nil }

    public func may(_ action: Action) -> Bool {
        guard let role else { return false }
        return AccessPolicy.roleMay(role, action)
    }
}
