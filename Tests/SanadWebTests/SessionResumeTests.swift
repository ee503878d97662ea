import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, finding 1: a form sent after the session ended is kept through signing in again and sent by the
/// user's own click with a token of the new session; a page asked for while signed out is where sign-in lands.
@Suite struct SessionResumeTests {
    static let registration: [(String, String)] = [
        ("name_original", "ميسون عبد الله"), ("sex", "Feminine"), ("age_estimate", "31"), ("centre", "SD01"),
        ("notes", "Arrived from Kassala with her two children"), ("consent_registration", "on"),
    ]

    @Test func aRegistrationSentAfterTheSessionEndedIsKeptAndSentAfterSigningIn() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-resume", .caseworker)
            let old = try await fx.browserSession(for: user)
            // Thirty-one minutes without use.
            for session in try await AuthSession.query(on: app.db).all() {
                session.lastSeenAt = Date().addingTimeInterval(-31 * 60)
                try await session.update(on: app.db)
            }
            let expired = WebClient(app: app, session: old)
            let refused = try await expired.post("/people", Self.registration)
            #expect(refused.status == .unauthorized)
            #expect(refused.text.contains("30"))  // "Your session ended after 30 minutes without use"
            #expect(refused.text.contains(#"name="resume_action" value="/people""#))
            #expect(refused.text.contains(#"name="resume:notes" value="Arrived from Kassala with her two children""#))
            #expect(!refused.text.contains(#"name="resume:_csrf""#))
            #expect(try await Person.query(on: app.db).count() == 0)

            // Signing in with the kept fields (the sign-in form carries them back).
            let signedOut = WebClient(app: app)
            var fields = [("username", "caseworker-resume"), ("password", TestFixture.password)]
            fields += [("resume_action", "/people")] + Self.registration.map { ("resume:" + $0.0, $0.1) }
            let landing = try await signedOut.post("/signin", fields)
            #expect(landing.status == .ok)
            let cookie = try #require(landing.headers[.setCookie].first { $0.hasPrefix("sanad_session=") })
            let token = String(cookie.dropFirst("sanad_session=".count).prefix { $0 != ";" })
            #expect(landing.text.contains(#"action="/people""#))
            #expect(landing.text.contains(#"value="\#(Digests.csrfToken(forSession: token))""#))
            #expect(landing.text.contains("ميسون عبد الله"))
            #expect(try await Person.query(on: app.db).count() == 0)

            // The user's click sends it, with the new session's token.
            let sent = try await WebClient(app: app, session: token).post("/people", Self.registration)
            #expect(sent.status == .seeOther)
            #expect(try await Person.query(on: app.db).count() == 1)
        }
    }

    @Test func aPostFromAnotherSiteIsNotKept() async throws {
        try await TestApp.with { app, _ in
            var headers = WebClient(app: app).headers()
            headers.contentType = .urlEncodedForm
            headers.add(name: "Origin", value: "https://elsewhere.example")
            let response = try await app.testing().sendRequest(
                .POST, "/people", headers: headers, body: ByteBuffer(string: "name_original=x&_csrf=\(WebClient.csrf)"))
            #expect(response.status != .unauthorized)  // the handler refuses it as before (sign-in or form token)
            #expect(!response.text.contains("resume_action"))
        }
    }

    @Test func signInLandsOnThePageAskedForWithoutItsQuery() async throws {
        try await TestApp.with { app, fx in
            _ = try await fx.user("caseworker-next", .caseworker)
            let id = UUID()
            let asked = try await WebClient(app: app).get("/people/\(id)/cases?q=secret")
            #expect(asked.status == .seeOther)
            #expect(asked.location == "/signin?next=/people/\(id)/cases")
            let page = try await WebClient(app: app).get("/signin?next=/people/\(id)/cases")
            #expect(page.text.contains(#"name="next" value="/people/\#(id)/cases""#))
            let landing = try await WebClient(app: app).post(
                "/signin",
                [("username", "caseworker-next"), ("password", TestFixture.password), ("next", "/people/\(id)/cases")])
            #expect(landing.location == "/people/\(id)/cases")
            for elsewhere in ["https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere"] {
                let away = try await WebClient(app: app).post(
                    "/signin",
                    [("username", "caseworker-next"), ("password", TestFixture.password), ("next", elsewhere)])
                #expect(away.location == "/", "\(elsewhere)")
            }
        }
    }

    /// A page left open warns five minutes before the session idles out and again when it has, without JavaScript:
    /// the stylesheet's delays must follow the idle timeout.
    @Test func aPageLeftOpenWarnsBeforeTheSessionEnds() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-idle", .caseworker)
            let page = try await WebClient(app: app, session: try await fx.browserSession(for: user)).get("/work").text
            #expect(page.contains(#"id="session-warning""#) && page.contains(#"id="session-ended""#))
            let signIn = try await WebClient(app: app).get("/sign-in").text
            #expect(!signIn.contains(#"id="session-warning""#))
            let css = try await WebClient(app: app).get("/static/sanad.css").text
            let idle = Int(AccountService.idleTimeout)
            #expect(css.contains(".session-warning.soon { animation-delay: \(idle - 300)s; }"))
            #expect(css.contains(".session-warning.ended { animation-delay: \(idle)s;"))
        }
    }
}
