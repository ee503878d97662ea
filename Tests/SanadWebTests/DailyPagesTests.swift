import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, findings 8, 12, 13 and 14: what the person page says about consent, lists joined in the page's
/// language, registration numbers kept left to right, and the language switch on an error page.
@Suite struct DailyPagesTests {
    @Test func anErrorPagesLanguageSwitchWorksInAFreshBrowser() async throws {
        try await TestApp.with { app, _ in
            let missing = try await app.testing().sendRequest(.GET, "/no-such-page")
            #expect(missing.status == .notFound)
            let cookie = try #require(missing.headers[.setCookie].first { $0.hasPrefix("sanad_csrf=") })
            let token = String(cookie.dropFirst("sanad_csrf=".count).prefix { $0 != ";" })
            #expect(missing.text.contains(#"name="_csrf" value="\#(token)""#))
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "sanad_csrf=\(token)")
            headers.contentType = .urlEncodedForm
            let switched = try await app.testing().sendRequest(
                .POST, "/locale", headers: headers,
                body: ByteBuffer(string: "_csrf=\(token)&lang=ar&next=%2Fno-such-page"))
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/no-such-page")
        }
    }

    @Test func consentListsAndRegistrationNumbersReadRightInBothLanguages() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-daily", .caseworker)
            let people = fx.people(try #require(user.actor))
            var asked = TestFixture.draft("Selam Tesfay")
            asked.consent.interview = true
            asked.consent.toldPurpose = true
            asked.languages = ["tir", "ara"]
            let agreed = try await people.register(asked)
            let silent = try await people.register(TestFixture.draft("Yonas Gebru"))
            var web = WebClient(app: app, session: try await fx.browserSession(for: user))

            let english = try await web.get("/people/\(agreed.id)").text
            #expect(!english.contains("،"), "an Arabic comma in the English page")
            #expect(english.contains("Was told the purpose of the interview"))
            #expect(!english.contains(#"id="consent-missing""#))
            #expect(english.contains("Consent recorded"))
            web.language = "ar"
            let arabic = try await web.get("/people/\(agreed.id)").text
            #expect(arabic.contains("، "))

            // Registered without consent: said at the top, and no "recorded" time beside "nothing agreed".
            web.language = "en"
            let unasked = try await web.get("/people/\(silent.id)").text
            #expect(unasked.contains(#"id="consent-missing""#))
            #expect(unasked.contains("Nothing agreed to yet"))
            #expect(!unasked.contains("Consent recorded"))

            let edit = try await web.get("/people/\(silent.id)/edit").text
            #expect(edit.contains(#"<span dir="ltr">\#(silent.registrationNumber)</span>"#))
        }
    }
}
