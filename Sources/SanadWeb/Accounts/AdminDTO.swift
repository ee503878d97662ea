import Foundation
import SanadCore
import SanadStore
import Vapor

/// An account as administrators see it (never a password hash).
extension AccountView: Content {}
extension Role: APIDescribedValue {}

/// A new account: a partner focal point names its organisation, other roles but the administrator their centres.
struct UserBody: Content {
    var username: String?
    var password: String?
    var role: String?
    var centres: [String]?
    var partner: UUID?
}

struct SelfApprovalBody: Content { var granted: Bool? }

extension CentreView: Content {}

struct CentreBody: Content {
    var code: String?
    var prefix: String?
    var nameEn: String?
    var nameAr: String?
    var state: String?
}
