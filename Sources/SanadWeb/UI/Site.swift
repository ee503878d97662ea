import Foundation
import Vapor

/// A value that fills a path segment: a record id, a centre code, or (when a route is registered) the name of
/// the parameter it stands for.
protocol PathValue {
    var pathText: String { get }
}

extension UUID: PathValue {
    var pathText: String { uuidString }
}

extension String: PathValue {
    var pathText: String { self }
}

extension Int: PathValue {
    var pathText: String { String(self) }
}

/// A route parameter: `Site.person(Param.id)` is the pattern `/people/:id` that `Site.person(id)` fills.
struct Param: PathValue {
    let name: String
    var pathText: String { ":" + name }

    static let id = Param(name: "id")
    static let cid = Param(name: "cid")
    static let aid = Param(name: "aid")
    static let sid = Param(name: "sid")
    static let rid = Param(name: "rid")
    static let eid = Param(name: "eid")
    static let code = Param(name: "code")
    static let centre = Param(name: "centre")
    static let token = Param(name: "token")
    static let item = Param(name: "item")
    static let guide = Param(name: "guide")
    static let bid = Param(name: "bid")
    static let pid = Param(name: "pid")
    static let row = Param(name: "row")
}

/// Every page path in one place. Routes are registered with these same functions (given `Param`s), and links,
/// form actions and redirects call them with values, so a path cannot change in one place and not the other.
enum Site {
    static let home = "/"
    static let signIn = "/signin"
    static let signOut = "/signout"
    static let locale = "/locale"
    static let account = "/account"
    static let accountPassword = "/account/password"
    static let twoFactor = "/account/two-factor"
    static let twoFactorConfirm = "/account/two-factor/confirm"
    static let signInCode = "/signin/code"
    static let twoFactorPolicy = "/admin/two-factor-policy"
    static func twoFactorReset(_ user: some PathValue) -> String { "/admin/users/\(user.pathText)/two-factor/reset" }
    static let stylesheet = "/static/sanad.css"
    static let health = "/health"
    static let metrics = "/metrics"
    static func setup(_ token: some PathValue) -> String { "/setup/\(token.pathText)" }

    // People and identity.
    static let people = "/people"
    static let newPerson = "/people/new"
    static let peopleCSV = "/people.csv"
    static let peopleXLSX = "/people.xlsx"
    static func person(_ id: some PathValue) -> String { "/people/\(id.pathText)" }
    static func person(_ id: some PathValue, _ part: PersonPart) -> String { "/people/\(id.pathText)/\(part.rawValue)" }

    enum PersonPart: String {
        case edit, history, merge, unmerge, distinct, screenings, vulnerability, cases, attachments
        case traffickingStatus = "trafficking-status"
    }

    // Screening.
    static func screening(_ id: some PathValue) -> String { "/screenings/\(id.pathText)" }
    static func screeningComplete(_ id: some PathValue) -> String { "/screenings/\(id.pathText)/complete" }
    static func screeningReopen(_ id: some PathValue) -> String { "/screenings/\(id.pathText)/reopen" }
    static func centreContext(_ code: some PathValue) -> String { "/centres/\(code.pathText)/context" }

    // Cases and what is done on them.
    static let cases = "/cases"
    // The import wizard and its batches (issue 14).
    static let imports = "/imports"
    static func importPending(_ id: some PathValue) -> String { "/imports/pending/\(id.pathText)" }
    static func importPreview(_ id: some PathValue) -> String { "/imports/pending/\(id.pathText)/preview" }
    static func importRun(_ id: some PathValue) -> String { "/imports/pending/\(id.pathText)/run" }
    static func importBatch(_ id: some PathValue) -> String { "/imports/\(id.pathText)" }
    static func importReport(_ id: some PathValue) -> String { "/imports/\(id.pathText)/report.csv" }
    static func importUndo(_ id: some PathValue) -> String { "/imports/\(id.pathText)/undo" }
    static func importRow(_ id: some PathValue, _ row: some PathValue) -> String {
        "/imports/\(id.pathText)/rows/\(row.pathText)"
    }
    static let casesCSV = "/cases.csv"
    static func kase(_ id: some PathValue) -> String { "/cases/\(id.pathText)" }
    static func kase(_ id: some PathValue, _ action: CaseAction) -> String {
        "/cases/\(id.pathText)/\(action.rawValue)"
    }
    static func kase(_ id: some PathValue, _ action: CaseAction, _ item: some PathValue) -> String {
        "/cases/\(id.pathText)/\(action.rawValue)/\(item.pathText)"
    }

    enum CaseAction: String {
        case events, notes, plan, approvals, services, transfers, assign, consent, referrals, returns, stays
        case attachments, file
        case followUps = "follow-ups"
    }

    static func returnStep(_ id: some PathValue) -> String { "/returns/\(id.pathText)" }
    static func checkOut(_ stay: some PathValue) -> String { "/stays/\(stay.pathText)/checkout" }
    static let work = "/work"
    static func attachment(_ id: some PathValue) -> String { "/attachments/\(id.pathText)" }
    static func retractAttachment(_ id: some PathValue) -> String { "/attachments/\(id.pathText)/retract" }

    // Shelters, partners and referrals.
    static func shelters(_ centre: some PathValue) -> String { "/shelters/\(centre.pathText)" }
    static func shelterBeds(_ centre: some PathValue) -> String { "/shelters/\(centre.pathText)/beds" }
    static let partners = "/partners"
    static let referrals = "/referrals"
    static let referralsCSV = "/referrals.csv"
    static func referral(_ id: some PathValue) -> String { "/referrals/\(id.pathText)" }

    // Events and reports.
    static let events = "/events"
    static let eventsCSV = "/events.csv"
    static let newEvent = "/events/new"
    static func event(_ id: some PathValue) -> String { "/events/\(id.pathText)" }
    static let reports = "/reports"
    static let reportFigures = "/reports/figures.csv"
    static let reportHXL = "/reports/hxl.csv"
    static let reportCTDC = "/reports/ctdc.csv"

    // Administration.
    static let users = "/admin/users"
    static let syncConflicts = "/sync/conflicts"
    static func syncConflict(_ id: some PathValue) -> String { "/sync/conflicts/\(id.pathText)/resolve" }
    static let newUser = "/admin/users/new"
    static func selfApproval(_ user: some PathValue) -> String { "/admin/users/\(user.pathText)/self-approval" }
    static let centres = "/admin/centres"
    static let newCentre = "/admin/centres/new"
    static let audit = "/admin/audit"
    static let serviceTypes = "/admin/services"
    static let integrity = "/admin/integrity"

    // Help: the staff quick guides (issue 18).
    static let help = "/help"
    static func guide(_ name: some PathValue) -> String { "/help/\(name.pathText)" }
    static func retireDamaged(_ id: some PathValue) -> String { "/admin/integrity/\(id.pathText)/retire" }
    static func rebuildDamaged(_ id: some PathValue) -> String { "/admin/integrity/\(id.pathText)/rebuild" }

    /// API paths that handlers hand out (Location headers).
    enum API {
        static func person(_ id: UUID) -> String { "/api/v1/people/\(id.uuidString)" }
        static func screening(_ id: UUID) -> String { "/api/v1/screenings/\(id.uuidString)" }
        static func kase(_ id: UUID) -> String { "/api/v1/cases/\(id.uuidString)" }
        static func vulnerability(_ person: UUID) -> String { "/api/v1/people/\(person.uuidString)/vulnerability" }
        static func centreContext(_ code: String) -> String { "/api/v1/centres/\(code)/context" }
        static func event(_ id: UUID) -> String { "/api/v1/events/\(id.uuidString)" }
    }
}

extension RoutesBuilder {
    /// A page route at a `Site` path (given `Param`s for its parameters).
    @discardableResult
    func page<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: String, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, path.pathComponents, use: handler)
    }
}
