import Foundation
import SanadCore
import SanadTestSupport
import SanadWeb
import Testing
import Vapor
import VaporTesting

/// Behind a TLS proxy (`SANAD_PUBLIC_URL=https://…`) the session cookie is `Secure` and HSTS is sent; served
/// directly over http neither is, so a laptop on a field office's network still works.
@Suite struct PublicURLTests {
    func signIn(_ app: Application, _ fx: TestFixture) async throws -> TestingHTTPResponse {
        try await fx.user("amna", .caseworker)
        return try await WebClient(app: app).post(
            "/signin", [("username", "amna"), ("password", TestFixture.password)])
    }

    @Test func behindAnHTTPSProxyCookiesAreSecureAndHSTSIsSent() async throws {
        try await TestApp.with(environment: ["SANAD_PUBLIC_URL": "https://sanad.example.org"]) { app, fx in
            let response = try await signIn(app, fx)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("sanad_session=") })
            #expect(cookie.contains("Secure"), "\(cookie)")
            #expect(response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
    }

    @Test func servedDirectlyOverHTTPNeither() async throws {
        try await TestApp.with(environment: ["SANAD_PUBLIC_URL": ""]) { app, fx in
            let response = try await signIn(app, fx)
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("sanad_session=") })
            #expect(!cookie.contains("Secure"), "\(cookie)")
            #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test func aPublicURLThatIsNotAnOriginStopsStartUp() async throws {
        for bad in ["sanad.example.org", "ftp://sanad.example.org", "https://sanad.example.org/sanad?x=1"] {
            await #expect(throws: SettingsError.self, "\(bad)") {
                try await TestApp.with(environment: ["SANAD_PUBLIC_URL": bad]) { _, _ in }
            }
        }
    }
}
