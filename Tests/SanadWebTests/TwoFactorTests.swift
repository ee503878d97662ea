import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 12, item 2: two-factor sign-in through the pages and the API, recovery codes, the administrator's reset
/// and policy, and wrong codes counted like wrong passwords.
@Suite struct TwoFactorTests {
    final class Clock: Sendable {
        let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_900_000_000))
        var read: @Sendable () -> Date { { [now] in now.withLockedValue { $0 } } }
        func advance(_ seconds: Double) { now.withLockedValue { $0 += seconds } }
    }

    /// Sets up the second factor through the pages; returns the secret and the recovery codes.
    static func enrol(_ app: Application, _ client: WebClient, clock: Clock) async throws -> (SanadStore.TOTP, [String])
    {
        let setup = try await client.post("/account/two-factor")
        #expect(setup.status == .ok)
        #expect(setup.text.contains(#"<svg id="two-factor-qr""#))
        let secretText = try #require(
            setup.text.range(of: #"(?<=id="two-factor-secret" dir="ltr">)[A-Z2-7 ]+"#, options: .regularExpression)
        )
        let totp = SanadStore.TOTP(secret: try #require(Base32.decode(String(setup.text[secretText]))))
        let wrong = try await client.post("/account/two-factor/confirm", [("code", "000000")])
        #expect(wrong.status == .unprocessableEntity)
        let confirmed = try await client.post("/account/two-factor/confirm", [("code", totp.code(at: clock.read()))])
        #expect(confirmed.status == .ok)
        let codes = confirmed.text.matches(of: #/<li><code>([A-Z2-9]{5}-[A-Z2-9]{5})</code></li>/#).map {
            String($0.output.1)
        }
        #expect(codes.count == 10)
        clock.advance(30)
        return (totp, codes)
    }

    /// The two steps of a browser sign-in; the answer to the second.
    static func signIn(_ app: Application, _ username: String, code: String) async throws -> TestingHTTPResponse {
        let first = try await WebClient(app: app).post(
            "/signin", [("username", username), ("password", TestFixture.password)])
        #expect(first.status == .ok, "the password step asks for the code; no session yet")
        #expect(
            !first.headers[.setCookie].contains { $0.hasPrefix("sanad_session=") && !$0.hasPrefix("sanad_session=;") })
        let pending = try #require(
            first.headers[.setCookie].first { $0.hasPrefix("sanad_pending=") }?.split(separator: ";").first.map {
                String($0.dropFirst("sanad_pending=".count))
            })
        var headers = WebClient(app: app).headers()
        headers.add(name: .cookie, value: "sanad_pending=\(pending)")
        headers.contentType = .urlEncodedForm
        return try await app.testing().sendRequest(
            .POST, "/signin/code", headers: headers,
            body: ByteBuffer(string: "code=\(code)&_csrf=\(WebClient.csrf)"))
    }

    @Test func signInWithTheAppsCodeOrARecoveryCodeEachOnce() async throws {
        let clock = Clock()
        try await TestApp.with(clock: clock.read) { app, fx in
            let user = try await fx.user("amna", .supervisor)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            let (totp, codes) = try await Self.enrol(app, client, clock: clock)
            #expect(try await fx.accounts.account(username: "amna")?.twoFactor == true)
            #expect(try await client.get("/account").text.contains("10"), "recovery codes left")

            let right = try await Self.signIn(app, "amna", code: totp.code(at: clock.read()))
            #expect(right.status == .seeOther && right.headers[.setCookie].contains { $0.hasPrefix("sanad_session=") })
            let replay = try await Self.signIn(app, "amna", code: totp.code(at: clock.read()))
            #expect(replay.status == .unauthorized, "a code works once")
            clock.advance(60)
            let recovery = try await Self.signIn(app, "amna", code: codes[0].lowercased())
            #expect(recovery.status == .seeOther, "a recovery code, typed in any case")
            clock.advance(60)
            #expect(try await Self.signIn(app, "amna", code: codes[0]).status == .unauthorized, "once only")

            // The API takes the code with the password.
            let noCode = try await WebClient(app: app).json(
                .POST, "/api/v1/auth/token", #"{"username":"amna","password":"\#(TestFixture.password)"}"#)
            #expect(noCode.status == .unauthorized)
            clock.advance(60)
            let withCode = try await WebClient(app: app).json(
                .POST, "/api/v1/auth/token",
                #"{"username":"amna","password":"\#(TestFixture.password)","code":"\#(totp.code(at: clock.read()))"}"#)
            #expect(withCode.status == .created)
        }
    }

    @Test func wrongCodesAreCountedLikeWrongPasswords() async throws {
        let clock = Clock()
        try await TestApp.with(clock: clock.read) { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            _ = try await Self.enrol(app, client, clock: clock)
            var statuses: [UInt] = []
            for _ in 0..<fx.accounts.throttle.lockAfter {
                statuses.append(try await Self.signIn(app, "amna", code: "123456").status.code)
                clock.advance(60)
            }
            #expect(statuses.last == 429, "\(statuses)")
            let failures = try await AuditEntry.query(on: app.db).filter(\.$action == "signin.second-factor.failure")
                .count()
            #expect(failures == fx.accounts.throttle.lockAfter)
        }
    }

    @Test func administratorsResetAndSetThePolicy() async throws {
        let clock = Clock()
        try await TestApp.with(clock: clock.read) { app, fx in
            let admin = try await fx.user("root", .administrator)
            let sup = try await fx.user("sup1", .supervisor)
            let adminClient = WebClient(app: app, session: try await fx.browserSession(for: admin))
            // The policy: supervisors without a second factor can reach only their account page.
            #expect(
                try await adminClient.post("/admin/two-factor-policy", [("roles", "supervisor")]).status == .seeOther)
            let supClient = WebClient(app: app, session: try await fx.browserSession(for: sup))
            let blocked = try await supClient.get("/people")
            #expect(blocked.status == .seeOther && blocked.location == "/account")
            #expect(try await supClient.get("/account").text.contains("two-factor"))
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: sup))
            let refused = try await api.json(.GET, "/api/v1/people", nil)
            #expect(refused.status == .forbidden)
            #expect(refused.jsonObject()?["type"] as? String == "/api/v1/problems/second-factor-required")
            _ = try await Self.enrol(app, supClient, clock: clock)
            #expect(try await supClient.get("/people").status == .ok, "set up: the pages open")
            // A lost phone: the administrator resets it, audited, and the supervisor's sessions end.
            let page = try await adminClient.get("/admin/users").text
            #expect(page.contains("/admin/users/\(sup.id.uuidString)/two-factor/reset"))
            #expect(try await adminClient.post("/admin/users/\(sup.id)/two-factor/reset").status == .seeOther)
            #expect(try await fx.accounts.account(username: "sup1")?.twoFactor == false)
            #expect(try await supClient.get("/people").status == .seeOther, "signed out")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "user.two-factor.reset").count() == 1)
        }
    }
}
