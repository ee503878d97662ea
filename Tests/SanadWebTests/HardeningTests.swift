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

/// Inputs a browser never sends but anyone else can.
@Suite struct HardeningTests {
    @Test func formBodiesAreParsedWithoutTrapping() throws {
        #expect(try FormData.parse("a=1&b=x+y&c=%D9%85&d").map { "\($0.0)=\($0.1)" } == ["a=1", "b=x y", "c=م", "d="])
        #expect(try FormData.parse("raw=a b&u=مرحبا").map(\.1) == ["a b", "مرحبا"])
        #expect(throws: (any Error).self) { try FormData.parse("a=%") }
        #expect(throws: (any Error).self) { try FormData.parse("a=%zz") }
    }

    @Test(arguments: ["a=%", "a=%zz&_csrf=x", "name=a b#c", "x=%E0%A4%A"])
    func malformedFormsAnswer400NotACrash(body: String) async throws {
        try await TestApp.with { app, fx in
            var headers = WebClient(app: app).headers()
            headers.contentType = .urlEncodedForm
            for path in ["/signin", "/locale", "/setup/x"] {
                let response = try await app.testing().sendRequest(
                    .POST, path, headers: headers, body: ByteBuffer(string: body))
                // Undecodable bodies are 400; lenient ones parse and then lack the CSRF token (403). Never a crash.
                #expect([.badRequest, .forbidden].contains(response.status), "\(path) \(body): \(response.status)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/health").status == .ok)
        }
    }

    @Test func hugePageNumbersAreClamped() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.user("amna", .caseworker)
            let admin = try await fx.user("root", .administrator)
            let client = WebClient(app: app, session: try await fx.browserSession(for: cw))
            #expect(try await client.get("/people?page=9223372036854775807").status == .ok)
            #expect(try await client.get("/people?q=a&page=9223372036854775807").status == .ok)
            let adminClient = WebClient(app: app, session: try await fx.browserSession(for: admin))
            #expect(try await adminClient.get("/admin/audit?page=9223372036854775807").status == .ok)
        }
    }

    @Test func characterReferencesInTextSurviveAnEdit() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            var draft = TestFixture.draft()
            draft.notes = "A &amp; B <b>"
            let person = try await fx.people(user.actor!).register(draft)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            let edit = try await client.get("/people/\(person.id)/edit").text
            #expect(edit.contains("A &amp;amp; B &lt;b&gt;"), "the textarea holds the text exactly")
        }
    }

    @Test func theAPIIgnoresSessionCookies() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let client = WebClient(app: app, session: try await fx.browserSession(for: user))
            #expect(try await client.get("/api/v1/people").status == .unauthorized)
            #expect(try await client.get("/people").status == .ok)
        }
    }

    @Test func localeRedirectsStayOnTheSite() async throws {
        try await TestApp.with { app, fx in
            let client = WebClient(app: app)
            for next in ["/\t/evil.example", "//evil.example", "https://evil.example", "/\\evil", "/ok path"] {
                let response = try await client.post("/locale", [("lang", "ar"), ("next", next)])
                #expect(response.location == "/", "\(next)")
            }
            let local = try await client.post("/locale", [("lang", "ar"), ("next", "/people?page=2")])
            #expect(local.location == "/people?page=2")
        }
    }

    @Test func setupWithATakenUsernameExplainsItself() async throws {
        try await TestApp.with { app, fx in
            let token = try #require(try await SetupService(db: app.db, context: fx.context).issueToken())
            try await fx.user("admin", .caseworker)
            let response = try await WebClient(app: app).post(
                "/setup/\(token)",
                [
                    ("username", "admin"), ("password", "long enough password"),
                    ("password_confirm", "long enough password"),
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("username-error"))
        }
    }

    /// Failures from a shared address space its attempts out, but never lock an account that never failed: once
    /// the wait is over, the right password signs in from that address.
    @Test func oneAddressCannotLockOtherAccounts() async throws {
        let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestApp.with(clock: { now.withLockedValue { $0 } }) { app, fx in
            try await fx.user("victim", .caseworker)
            for i in 0..<12 {
                _ = try await fx.accounts.signIn(
                    username: "nobody\(i)", password: "wrong", clientAddress: "10.9.9.9", kind: .browser)
                now.withLockedValue { $0 += 60 }
            }
            let result = try await fx.accounts.signIn(
                username: "victim", password: TestFixture.password, clientAddress: "10.9.9.9", kind: .browser)
            guard case .success = result else {
                Issue.record("a shared address locked an account that never failed")
                return
            }
        }
    }
}
