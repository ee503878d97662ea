import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore

@Suite struct PagesTests {
    @Test func securityHeadersAndCookieFlags() async throws {
        try await TestApp.with { app, fx in
            let response = try await app.testing().sendRequest(.GET, "/signin")
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            let cookie = try #require(response.headers.first(name: .setCookie))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!response.text.contains("<script"))
        }
    }

    @Test func languageFollowsTheBrowserThenTheSwitchThenTheAccount() async throws {
        try await TestApp.with { app, fx in
            var anonymous = WebClient(app: app)
            anonymous.acceptLanguage = "fr-FR, ar;q=0.8, en;q=0.5"
            let arabic = try await anonymous.get("/signin")
            #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(arabic.text.contains("تسجيل الدخول"))
            anonymous.acceptLanguage = "en-GB"
            #expect(try await anonymous.get("/signin").text.contains(#"<html lang="en" dir="ltr">"#))

            let user = try await fx.user("amna", .caseworker)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            let switched = try await client.post("/locale", [("lang", "ar"), ("next", "/people")])
            #expect(switched.status == .seeOther)
            #expect(switched.location == "/people")
            // A new session with no language cookie and an English browser still gets the account's Arabic.
            var later = WebClient(app: app, session: try await fx.browserSession(for: user))
            later.acceptLanguage = "en"
            #expect(try await later.get("/people").text.contains(#"dir="rtl""#))
            let offsite = try await client.post("/locale", [("lang", "en"), ("next", "//evil.example/")])
            #expect(offsite.location == "/")
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            let response = try await client.post(
                "/people", [("name_original", "Someone"), ("sex", "Feminine"), ("centre", "SD01")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await Person.query(on: app.db).count() == 0)
        }
    }

    @Test func invalidRegistrationShowsErrorsBesideFieldsInArabicAndSavesNothing() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            var client = WebClient(app: app, session: try await fx.browserSession(for: user))
            client.language = "ar"
            try await fx.accounts.setLocale(userID: user.id, locale: "ar")
            let response = try await client.post(
                "/people",
                [
                    ("name_original", ""), ("sex", "Feminine"), ("birth_date", "2999-01-01"), ("centre", "SD01"),
                    ("phone", "12"),
                ])
            #expect(response.status == .unprocessableEntity)
            let html = response.text
            #expect(html.contains(#"id="name_original-error""#) && html.contains("هذا الحقل مطلوب."))
            #expect(html.contains(#"id="birth_date-error""#) && html.contains("هذا التاريخ في المستقبل."))
            #expect(html.contains(#"id="phone-error""#))
            #expect(html.contains(#"aria-describedby="name_original-hint name_original-error""#))
            #expect(html.contains(#"value="2999-01-01""#), "submitted values are kept")
            // A blank choice must post an empty value, not its label.
            #expect(html.contains(#"<option value>"#), "a bare value attribute is the empty value")
            #expect(try await Person.query(on: app.db).count() == 0)
        }
    }

    @Test func registerViewEditHistoryAndSearchThroughPages() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker, centres: ["SD12"])
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            let created = try await client.post(
                "/people",
                [
                    ("name_original", "ተስፋይ ገብረማርያም"), ("sex", "Masculine"), ("birth_date", "1998-03-02"),
                    ("nationality", "ERI"), ("languages", "tir"), ("languages", "ara"), ("centre", "SD12"),
                    ("flags", "urgent-medical"), ("consent_interview", "yes"), ("phone", "+249 911 222 333"),
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.location?.split(separator: "?").first.map(String.init))
            let page = try await client.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains("ተስፋይ ገብረማርያም"))
            #expect(page.text.contains("Tesfay Gebremariam"), "Latin form suggested")
            #expect(page.text.contains("Urgent medical need"), "flags show on the person's page")
            #expect(page.text.range(of: #"GDF-\d{4}-000001"#, options: .regularExpression) != nil)

            let id = String(path.split(separator: "/").last!)
            let edited = try await client.post(
                "/people/\(id)/edit",
                [
                    ("version", "1"), ("name_original", "ተስፋይ ገብረማርያም"), ("name_latin", "Tesfaye Gebremariam"),
                    ("sex", "Masculine"), ("birth_date", "1998-03-02"), ("nationality", "ERI"),
                    ("flags", "urgent-medical"),
                ])
            #expect(edited.status == .seeOther)
            let history = try await client.get("/people/\(id)/history")
            #expect(history.text.contains("Tesfaye Gebremariam") && history.text.contains("Tesfay Gebremariam"))
            #expect(history.text.contains("Urgent medical need"), "flags show on every page of the person")
            let stale = try await client.post(
                "/people/\(id)/edit", [("version", "1"), ("name_original", "x"), ("sex", "Masculine")])
            #expect(stale.status == .conflict)

            let found = try await client.get("/people?q=%E1%89%B0%E1%88%B5%E1%8D%8B%E1%8B%AD")  // ተስፋይ
            #expect(found.text.contains(#"class="person-link""#))
            let none = try await client.get("/people?q=zzzz")
            #expect(!none.text.contains(#"class="person-link""#))
        }
    }

    @Test func textIsEscapedEverywhere() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("amna", .caseworker)
            let hostile = #""><script>alert(1)</script>"#
            var draft = TestFixture.draft(hostile)
            draft.notes = "<img src=x onerror=alert(1)>"
            let person = try await fx.people(cw).register(draft)
            let user = try await fx.accounts.account(username: "amna")!
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            for path in ["/people/\(person.id)", "/people/\(person.id)/edit", "/people?q=script"] {
                let html = try await client.get(path).text
                #expect(!html.contains("<script>"), "\(path)")
                #expect(!html.contains("<img src=x"), "\(path)")
                #expect(!html.contains(#""><script"#), "\(path): attribute not broken out of")
            }
        }
    }

    @Test func firstStartSetupCreatesTheAdministratorOnce() async throws {
        try await TestApp.with { app, fx in
            let token = try #require(try await SetupService(db: app.db, context: fx.context).issueToken())
            let client = WebClient(app: app)
            #expect(try await client.get("/setup/\(token)").text.contains("password_confirm"))
            let mismatch = try await client.post(
                "/setup/\(token)",
                [("username", "admin"), ("password", "long enough password"), ("password_confirm", "other")])
            #expect(mismatch.status == .unprocessableEntity)
            let done = try await client.post(
                "/setup/\(token)",
                [
                    ("username", "admin"), ("password", "long enough password"),
                    ("password_confirm", "long enough password"),
                ])
            #expect(done.status == .seeOther && done.location == "/signin")
            let again = try await client.get("/setup/\(token)")
            #expect(again.status == .notFound && again.text.contains("setup-invalid"))
            let signIn = try await client.post(
                "/signin", [("username", "admin"), ("password", "long enough password")])
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.first(name: .setCookie)?.contains("sanad_session=") == true)
        }
    }

    @Test func pagesStayUnder30KB() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            let cw = try await fx.actor("amna", .caseworker)
            for i in 0..<30 { _ = try await fx.people(cw).register(TestFixture.draft("Person Number \(i)")) }
            var largest = (0, "")
            for (role, client) in setup.clients {
                for (row, path) in RoleRouteMatrixTests.rows(RoleRouteMatrixTests.Ids(setup))
                where row.method == .GET && !row.api {
                    var ar = client
                    ar.language = "ar"
                    for c in [client, ar] {
                        let response = try await c.get(path)
                        guard response.headers.contentType == .html else { continue }
                        if response.body.readableBytes > largest.0 {
                            largest = (response.body.readableBytes, "\(role) \(path)")
                        }
                    }
                }
            }
            #expect(largest.0 < 30 * 1024, "largest page: \(largest.1) \(largest.0) bytes")
            print("largest page: \(largest.1) \(largest.0) bytes")
        }
    }
}
