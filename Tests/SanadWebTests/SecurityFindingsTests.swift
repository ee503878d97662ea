import Fluent
import Foundation
import NIOCore
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 19: each finding of the black-box test, reproduced against the server. Each of these failed before the
/// fix; the class each finding belongs to is closed where the comment says.
@Suite struct SecurityFindingsTests {
    static func audit(_ app: Application, after seq: Int = 0) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$id > seq).sort(\.$id).all()
    }

    static func lastSeq(_ app: Application) async throws -> Int {
        try await AuditEntry.query(on: app.db).max(\.$id) ?? 0
    }

    // 1. Confirmation only through a second supervisor's approval.
    @Test func aSupervisorCannotConfirmTraffickingDirectly() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.user("sup", .supervisor)
            let cw = try await fx.actor("cw1", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: sup))
            let refused = try await api.json(
                .POST, "/api/v1/people/\(person.id)/trafficking-status",
                #"{"status":"ActualVictimOfTrafficking","decisionOrganisation":"Police"}"#)
            #expect(refused.status == .conflict)
            #expect(refused.jsonObject()?["type"] as? String == "/api/v1/problems/approval-required")
            var page = WebClient(app: app, session: try await fx.browserSession(for: sup))
            page.language = "ar"
            let form = try await page.post(
                "/people/\(person.id)/trafficking-status", [("status", "ActualVictimOfTrafficking")])
            #expect(form.status == .conflict)
            #expect(form.text.contains("مشرف ثانٍ"), "the refusal is in the user's language")
            #expect(try await fx.people(cw).find(person.id).traffickingStatus == nil)
            let screenings = try await page.get("/people/\(person.id)/screenings").text
            #expect(!screenings.contains(#"value="ActualVictimOfTrafficking""#), "the form no longer offers it")
        }
    }

    // 2. The duplicate check is no oracle on people the caller may not see.
    @Test func theDuplicateCheckAnswersTheSameWhateverIsGuessed() async throws {
        try await TestApp.with { app, fx in
            let kassala = try await fx.actor("cw-kassala", .caseworker, centres: ["SD11"])
            var draft = TestFixture.draft("Selam Tesfay Gebre", centre: "SD11")
            draft.phone = "+249912345678"
            let elsewhere = try await fx.people(kassala).register(draft)
            let khartoum = try await fx.user("cw-khartoum", .caseworker)
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: khartoum))
            func check(_ extra: String) async throws -> [[String: Any]] {
                let response = try await api.json(
                    .POST, "/api/v1/people/matches",
                    #"{"nameOriginal":"Selam Tesfay Gebre","sex":"Feminine","centre":"SD01"\#(extra)}"#)
                #expect(response.status == .ok)
                return (try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]) ?? []
            }
            let before = try await Self.lastSeq(app)
            let plain = try await check(#","estimatedAge":27"#)
            let rightPhone = try await check(#","estimatedAge":27,"phone":"+249912345678""#)
            let wrongPhone = try await check(#","estimatedAge":27,"phone":"+249911111111""#)
            let otherAge = try await check(#","estimatedAge":60"#)
            for answer in [plain, rightPhone, wrongPhone, otherAge] {
                #expect(answer.count == 1)
                #expect(answer.first?["centre"] as? String == "SD11")
                #expect(answer.first?["decision"] as? String == "possible")
                #expect(answer.first?["score"] == nil && (answer.first?["reasons"] as? [Any])?.isEmpty == true)
            }
            let checks = try await Self.audit(app, after: before).filter { $0.action == "identity.check" }
            #expect(checks.count == 4)
            #expect(checks.allSatisfy { $0.detail?.contains(elsewhere.id.uuidString) == true }, "names the record")
            // Rate-limited per account: a registration desk never needs 30 checks in ten minutes.
            var statuses: [HTTPStatus] = []
            for _ in 0..<30 {
                statuses.append(
                    try await api.json(
                        .POST, "/api/v1/people/matches",
                        #"{"nameOriginal":"Selam","sex":"Feminine","estimatedAge":27,"centre":"SD01"}"#
                    ).status)
            }
            #expect(statuses.contains(.tooManyRequests))
            #expect(statuses.filter { $0 == .ok }.count == 26)
        }
    }

    // 3. No k below the floor, no cell under 5 for a data officer.
    @Test func dataOfficersCannotSingleSomeoneOut() async throws {
        try await TestApp.with { app, fx in
            let officer = try await fx.user("officer", .dataOfficer)
            let web = WebClient(app: app, session: try await fx.browserSession(for: officer))
            for k in ["2", "4", "10"] {
                let response = try await web.get("/reports/ctdc.csv?k=\(k)")
                #expect(response.status == .unprocessableEntity, "k=\(k)")
            }
            #expect(try await web.get("/reports/ctdc.csv?k=11").status == .ok)
            let cw = try await fx.actor("cw1", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let opened = try await CaseService(db: app.db, actor: cw, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: nil)
            let today = CivilDate(Date()).description
            _ = try await CaseService(db: app.db, actor: cw, context: fx.context).recordService(
                opened.id, ServiceDraft(date: today, type: "food", quantity: "1", status: "delivered"))
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: officer))
            let summary = try await api.json(
                .GET, "/api/v1/reports/summary?from=\(today)&to=\(today)&nationality=ERI&bands=fine", nil)
            #expect(summary.status == .ok)
            #expect(!summary.text.contains(#":1,"#) && !summary.text.contains(#":1}"#), "\(summary.text.prefix(600))")
            let figures = try await web.get("/reports/figures.csv?from=\(today)&to=\(today)&nationality=ERI")
            #expect(figures.status == .ok)
            #expect(!figures.text.contains(",1,") && !figures.text.contains(",1\r"), "\(figures.text.prefix(400))")
        }
    }

    // 4. Refusals, downloads and reads of the trail are audited with what an investigator needs.
    @Test func refusalsDownloadsAndAuditReadsAreRecorded() async throws {
        try await TestApp.with { app, fx in
            let kassala = try await fx.actor("cw-kassala", .caseworker, centres: ["SD11"])
            let elsewhere = try await fx.people(kassala).register(TestFixture.draft(centre: "SD11"))
            let cw = try await fx.user("cw1", .caseworker)
            let before = try await Self.lastSeq(app)
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: cw))
            #expect(try await api.json(.GET, "/api/v1/people/\(elsewhere.id)", nil).status == .notFound)
            let web = WebClient(app: app, session: try await fx.browserSession(for: cw))
            #expect(try await web.post("/people/\(elsewhere.id)/edit", [], csrf: false).status == .forbidden)
            let entries = try await Self.audit(app, after: before).filter { $0.action == "refused" }
            #expect(
                entries.contains {
                    $0.recordID == elsewhere.id.uuidString && $0.actorID == cw.id.uuidString
                        && $0.detail == "404 GET /api/v1/people/:id reason=not-found"
                })
            #expect(entries.contains { $0.detail?.hasSuffix("reason=csrf") == true })
            let officer = try await fx.user("officer", .dataOfficer)
            let admin = try await fx.user("root", .administrator)
            let before2 = try await Self.lastSeq(app)
            _ = try await WebClient(app: app, session: try await fx.browserSession(for: officer)).get(
                "/reports/hxl.csv")
            _ = try await WebClient(app: app, session: try await fx.browserSession(for: admin)).get("/admin/audit")
            let later = try await Self.audit(app, after: before2)
            #expect(later.contains { $0.action == "export.hxl" && $0.actorID == officer.id.uuidString })
            #expect(later.contains { $0.action == "audit.view" && $0.actorID == admin.id.uuidString })
            _ = try await web.get("/people")
            let list = try #require(try await Self.audit(app).last { $0.action == "people.list" })
            #expect(list.detail?.contains("n=0") == true, "the ids a list returned: \(list.detail ?? "")")
        }
    }

    // 5. Many failures of one account from many places alert every administrator; the owner still signs in.
    @Test func administratorsSeeAccountsUnderAttack() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("target", .supervisor)
            let admin = try await fx.user("root", .administrator)
            for i in 0..<fx.accounts.throttle.alertAfter {
                _ = try await fx.accounts.signIn(
                    username: "target", password: "guess \(i)", clientAddress: "10.8.\(i).1", kind: .browser)
            }
            let page = try await WebClient(app: app, session: try await fx.browserSession(for: admin)).get(
                "/admin/users"
            ).text
            #expect(page.contains(#"id="signin-alerts""#) && page.contains(">target<"))
            let owner = try await WebClient(app: app).post(
                "/signin", [("username", "target"), ("password", TestFixture.password)])
            #expect(owner.status == .seeOther)
        }
    }

    // 6. Parallel guesses from one address are refused while two are in progress.
    @Test func oneAddressHasAtMostTwoSignInsInProgress() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("amna", .caseworker)
            let gate = try #require(app.storage[SignInGateKey.self])
            #expect(gate.enter("unknown") && gate.enter("unknown"))
            let before = try await Self.lastSeq(app)
            let busy = try await WebClient(app: app).post(
                "/signin", [("username", "amna"), ("password", TestFixture.password)])
            #expect(busy.status == .tooManyRequests)
            let token = try await WebClient(app: app).json(
                .POST, "/api/v1/auth/token", #"{"username":"amna","password":"\#(TestFixture.password)"}"#)
            #expect(token.status == .tooManyRequests)
            #expect(
                try await Self.audit(app, after: before).filter { $0.detail?.contains("reason=busy") == true }.count
                    == 2)
            gate.leave("unknown")
            let free = try await WebClient(app: app).post(
                "/signin", [("username", "amna"), ("password", TestFixture.password)])
            #expect(free.status == .seeOther)
        }
    }

    // 8. Withdrawn consent stops sharing with the partner.
    @Test func aPartnerSeesNothingSharedAfterConsentIsWithdrawn() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            let partnerAPI = WebClient(app: app, bearer: setup.tokens[.partner])
            let before = try await partnerAPI.json(.GET, "/api/v1/referrals", nil).jsonObject()
            let item = try #require((before?["items"] as? [[String: Any]])?.first)
            #expect((item["shared"] as? [String: String])?.isEmpty == false)
            let cw = WebClient(app: app, bearer: setup.tokens[.caseworker])
            let withdrawn = try await cw.json(
                .POST, "/api/v1/people/\(setup.personID)/consents",
                #"{"partner":"\#(setup.partnerID)","given":false}"#)
            #expect(withdrawn.status.code < 300)
            let after = try await partnerAPI.json(.GET, "/api/v1/referrals", nil).jsonObject()
            let now = try #require((after?["items"] as? [[String: Any]])?.first)
            #expect((now["shared"] as? [String: String])?.isEmpty == true)
            #expect(now["consentWithdrawn"] as? Bool == true)
            let page = try await setup.clients[.partner]!.get("/referrals/\(setup.referralID)")
            #expect(page.text.contains(#"id="consent-withdrawn""#))
            #expect(!page.text.contains(#"id="shared""#))
            let sender = try await setup.clients[.caseworker]!.get("/referrals/\(setup.referralID)")
            #expect(sender.text.contains(#"id="shared""#), "the centre still sees what it sent")
        }
    }

    // 9. Nothing carrying personal data may be cached.
    @Test func apiAnswersAndDownloadsAreNotCached() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            let api = WebClient(app: app, bearer: setup.tokens[.caseworker])
            for path in ["/api/v1/people/\(setup.personID)", "/api/v1/people?per=5", "/api/v1/cases/\(setup.caseID)"] {
                let response = try await api.json(.GET, path, nil)
                #expect(response.headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
            let missing = try await api.json(.GET, "/api/v1/people/\(UUID())", nil)
            #expect(missing.headers.first(name: .cacheControl) == "no-store")
            let csv = try await setup.clients[.caseworker]!.get("/cases.csv")
            #expect(csv.headers.first(name: .cacheControl) == "no-store")
            #expect(try await api.get("/static/sanad.css").headers.first(name: .cacheControl) == "public, max-age=3600")
        }
    }

    // 10. An account that opens personal data is a privilege change every administrator sees.
    @Test func accountsThatOpenPersonalDataAreShownToEveryAdministrator() async throws {
        try await TestApp.with { app, fx in
            let first = try await fx.user("admin-one", .administrator)
            let second = try await fx.user("admin-two", .administrator)
            let web = WebClient(app: app, session: try await fx.browserSession(for: first))
            let created = try await web.post(
                "/admin/users",
                [
                    ("username", "shadow"), ("password", "a long enough password"),
                    ("password_confirm", "a long enough password"), ("role", "caseworker"), ("centres", "SD01"),
                    ("centres", "SD11"),
                ])
            #expect(created.status == .seeOther)
            let shadow = try #require(try await fx.accounts.account(username: "shadow"))
            let change = try #require(try await Self.audit(app).last { $0.action == "user.privilege" })
            #expect(change.actorID == first.id.uuidString && change.recordID == shadow.id.uuidString)
            let other = WebClient(app: app, session: try await fx.browserSession(for: second))
            let users = try await other.get("/admin/users").text
            #expect(
                users.contains(#"id="privilege-changes""#) && users.contains("admin-one") && users.contains("shadow"))
            let audit = try await other.get("/admin/audit").text
            #expect(audit.contains(#"class="privilege""#) && audit.contains("user shadow"))
        }
    }

    // 11. The form token is bound to the session and forms must come from this origin.
    @Test func formTokensAreBoundToTheSessionAndTheOrigin() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let mine = try await fx.browserSession(for: user)
            let other = try await fx.browserSession(for: user)
            // The token of another session of the same user, sent with this session's cookie, is refused.
            var headers = WebClient(app: app, session: mine).headers()
            headers.contentType = .urlEncodedForm
            let foreign = try await app.testing().sendRequest(
                .POST, "/locale", headers: headers,
                body: ByteBuffer(string: "lang=ar&next=/&_csrf=\(Digests.csrfToken(forSession: other))"))
            #expect(foreign.status == .forbidden)
            // The signed-out cookie token no longer works once signed in: signing in rotates it.
            let cookieToken = try await app.testing().sendRequest(
                .POST, "/locale", headers: headers, body: ByteBuffer(string: "lang=ar&next=/&_csrf=\(WebClient.csrf)"))
            #expect(cookieToken.status == .forbidden)
            var fromElsewhere = headers
            fromElsewhere.add(name: "Origin", value: "https://evil.example")
            fromElsewhere.replaceOrAdd(name: .host, value: "sanad.local")
            let crossSite = try await app.testing().sendRequest(
                .POST, "/locale", headers: fromElsewhere,
                body: ByteBuffer(string: "lang=ar&next=/&_csrf=\(Digests.csrfToken(forSession: mine))"))
            #expect(crossSite.status == .forbidden)
            var sameSite = headers
            sameSite.add(name: "Origin", value: "http://sanad.local")
            sameSite.replaceOrAdd(name: .host, value: "sanad.local")
            let ok = try await app.testing().sendRequest(
                .POST, "/locale", headers: sameSite,
                body: ByteBuffer(string: "lang=ar&next=/&_csrf=\(Digests.csrfToken(forSession: mine))"))
            #expect(ok.status == .seeOther)
            let refusals = try await Self.audit(app).filter { $0.action == "refused" }.compactMap(\.detail)
            #expect(
                refusals.contains { $0.hasSuffix("reason=origin") } && refusals.contains { $0.hasSuffix("reason=csrf") }
            )
        }
    }

    // 12. The caseworker a case is being transferred to can read it and answer.
    @Test func theReceiverOfATransferCanOpenTheCaseAndAnswer() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw-khartoum", .caseworker)
            let receiver = try await fx.user("cw-kassala", .caseworker, centres: ["SD11"])
            let person = try await fx.people(cw).register(TestFixture.draft())
            let cases = CaseService(db: app.db, actor: cw, context: fx.context)
            let opened = try await cases.open(personID: person.id, priority: "normal", risk: "low", caseworker: nil)
            let web = WebClient(app: app, session: try await fx.browserSession(for: receiver))
            #expect(try await web.get("/cases/\(opened.id)").status == .notFound, "not before a transfer is asked")
            try await cases.requestTransfer(opened.id, toCentre: "SD11", toUser: receiver.id)
            let page = try await web.get("/cases/\(opened.id)")
            #expect(page.status == .ok)
            let transfer = try #require(try await cases.file(opened.id).pendingTransfer)
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: receiver))
            let answer = try await api.json(
                .POST, "/api/v1/cases/\(opened.id)/transfers/\(transfer.id)/answer", #"{"decision":"accept"}"#)
            #expect(answer.status == .noContent)
            #expect(
                try await CaseService(db: app.db, actor: receiver.actor!, context: fx.context).summary(opened.id).centre
                    == "SD11")
        }
    }
}
