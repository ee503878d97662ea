import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

/// Every action a page can perform is also an API operation, so an integration (or field-office sync) can do
/// whatever a person at the screen can.
@Suite struct APIParityTests {
    /// Page actions that have no place in the API, each with the reason.
    static let pageOnly: [String: String] = [
        "POST /signin": "a browser session; API clients exchange a password for a token (createToken)",
        "POST /signout": "ends a browser session; an API token expires by itself",
        "POST /setup/:token": "the one-time first-administrator link printed at start-up",
        "POST /locale": "the language of the pages, kept in a cookie",
        "POST /account/password": "typed by the account holder in person, never by a script",
        "POST /account/two-factor": "the account holder scans a QR code with their phone",
        "POST /account/two-factor/confirm": "typed by the account holder from their phone",
        "POST /signin/code": "a browser session's second step; API clients send `code` with createToken",
        "POST /imports":
            "the wizard keeps the uploaded register while its columns are chosen; API clients send the file with its "
            + "mapping to importPeople",
    ]

    /// Each page action and the operation that does the same through the API.
    static let counterparts: [String: String] = [
        "POST /people": "registerPerson",
        "POST /people/:id/edit": "updatePerson",
        "POST /people/:id/merge": "mergePerson",
        "POST /people/:id/unmerge": "unmergePerson",
        "POST /people/:id/distinct": "markDistinct",
        "POST /people/:id/screenings": "startScreening",
        "POST /people/:id/trafficking-status": "decideTraffickingStatus",
        "POST /screenings/:sid": "saveScreeningAnswers",
        "POST /screenings/:sid/complete": "completeScreening",
        "POST /screenings/:sid/reopen": "reopenScreening",
        "POST /people/:id/vulnerability": "assessVulnerability",
        "POST /centres/:code/context": "assessCentreContext",
        "POST /people/:id/cases": "openCase",
        "POST /cases/:cid/events": "caseEvent",
        "POST /cases/:cid/notes": "addCaseNote",
        "POST /cases/:cid/plan": "addPlanItem",
        "POST /cases/:cid/plan/:item": "setPlanItemStatus",
        "POST /cases/:cid/approvals": "requestApproval",
        "POST /cases/:cid/approvals/:aid": "decideApproval",
        "POST /cases/:cid/services": "recordService",
        "POST /cases/:cid/services/:svc": "setServiceStatus",
        "POST /cases/:cid/follow-ups": "addFollowUp",
        "POST /cases/:cid/follow-ups/:fid": "completeFollowUp",
        "POST /cases/:cid/transfers": "requestTransfer",
        "POST /cases/:cid/transfers/:tid": "answerTransfer",
        "POST /cases/:cid/assign": "assignCase",
        "POST /cases/:cid/consent": "setReferralConsent",
        "POST /cases/:cid/referrals": "sendReferral",
        "POST /cases/:cid/returns": "requestReturn",
        "POST /cases/:cid/stays": "checkIn",
        "POST /returns/:rid": "advanceReturn",
        "POST /stays/:sid/checkout": "checkOut",
        "POST /shelters/:centre": "addShelter",
        "POST /shelters/:centre/beds": "addBeds",
        "POST /partners": "addPartner",
        "POST /referrals/:rid": "answerReferral",
        "POST /admin/services": "addServiceType",
        "POST /admin/users": "createUser",
        "POST /admin/users/:id/self-approval": "setSelfApproval",
        "POST /admin/users/:id/two-factor/reset": "resetTwoFactor",
        "POST /admin/two-factor-policy": "setTwoFactorPolicy",
        "POST /admin/centres": "createCentre",
        "POST /events": "recordEvent",
        "POST /sync/conflicts/:id/resolve": "resolveSyncConflict",
        "POST /admin/integrity/:id/retire": "retireDamagedRecord",
        "POST /admin/integrity/:id/rebuild": "rebuildDamagedLookUps",
        "POST /people/:id/attachments": "addPersonAttachment",
        "POST /cases/:cid/attachments": "addCaseAttachment",
        "POST /attachments/:aid/retract": "retractAttachment",
        "POST /imports/pending/:pid/preview": "importPeople",
        "POST /imports/pending/:pid/run": "importPeople",
        "POST /imports/:bid/rows/:row": "decideImportRow",
        "POST /imports/:bid/undo": "undoImport",
    ]

    @Test func everyPageActionHasAnAPIOperation() async throws {
        try await TestApp.with { app, _ in
            let doc = try #require(try await WebClient(app: app).get("/api/v1/openapi.json").jsonObject())
            let paths = doc["paths"] as? [String: [String: Any]] ?? [:]
            let operations = Set(
                paths.values.flatMap { $0.values.compactMap { ($0 as? [String: Any])?["operationId"] as? String } })
            let actions = app.routes.all.filter { $0.method == .POST && $0.path.first?.description != "api" }
                .map { "POST /" + $0.path.map(\.description).joined(separator: "/") }
            for action in actions where Self.pageOnly[action] == nil {
                guard let id = Self.counterparts[action] else {
                    Issue.record("\(action) has no API operation; add one, or say why it is page-only")
                    continue
                }
                #expect(operations.contains(id), "\(action) maps to \(id), which the API does not have")
            }
            let stale = Set(Self.counterparts.keys).union(Self.pageOnly.keys).subtracting(actions)
            #expect(stale.isEmpty, "listed but no longer a page action: \(stale.sorted())")
        }
    }
}
