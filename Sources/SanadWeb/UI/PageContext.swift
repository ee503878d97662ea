import SanadCore
import SanadStore

/// What every page needs besides its own model: language, the signed-in user, the CSRF token, where it is.
public struct PageContext: Sendable {
    public let t: Catalogue
    public var username: String?
    public var role: Role?
    public var csrf: String
    /// Where the language switch returns to: the page shown, which after a refused form is not the POST's path.
    public var path: String
    /// On a field office: when it last synchronised with its centre and what waits to be sent (page header).
    public var syncOffice: SyncOfficeService.Status? = nil
    /// Field offices are enrolled here, so conflicts can arise and are listed.
    public var syncCentre = false

    public var lang: String { t.language }
    public var dir: String { t.direction }
    public var signedIn: Bool { role != nil }

    public func may(_ action: Action) -> Bool {
        guard let role else { return false }
        return AccessPolicy.roleMay(role, action)
    }
}
