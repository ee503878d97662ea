import Foundation
import SanadCore
import SanadStore
import Vapor

struct UserOut: Content {
    let id: UUID
    let username: String
    let role: String
    let centres: [String]
    let disabled: Bool
    /// A partner focal point's organisation.
    let partner: UUID?
    let selfApproval: Bool

    init(_ a: AccountView) {
        id = a.id
        username = a.username
        role = a.role?.rawValue ?? "unknown"
        centres = a.centres
        disabled = a.disabled
        partner = a.partnerID
        selfApproval = a.selfApproval
    }
}

/// A new account: a partner focal point names its organisation, other roles but the administrator their centres.
struct UserBody: Content {
    var username: String?
    var password: String?
    var role: String?
    var centres: [String]?
    var partner: UUID?
}

struct SelfApprovalBody: Content { var granted: Bool? }

struct CentreOut: Content {
    let code: String
    let prefix: String
    let nameEn: String
    let nameAr: String
    let state: String

    init(_ c: CentreView) {
        code = c.code
        prefix = c.prefix
        nameEn = c.nameEN
        nameAr = c.nameAR
        state = c.statePcode
    }
}

struct CentreBody: Content {
    var code: String?
    var prefix: String?
    var nameEn: String?
    var nameAr: String?
    var state: String?
}
