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

    /// Finding 9: two clicks on Register, at once or one after the other, make one person and land on it.
    @Test func aDoubleClickOnRegisterSavesOnceAndLandsOnTheSamePerson() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-twice", .caseworker)
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let form = try await web.get("/people/new").text
            #expect(form.contains(#"name="form_key""#))
            let fields: [(String, String)] = [
                ("name_original", "Hagos Tesfamariam"), ("sex", "Masculine"), ("age_estimate", "33"),
                ("centre", "SD01"), ("form_key", "8E0C5C8B-2F65-4B0E-9C39-7D4F1C2A9B11"),
            ]
            async let first = web.post("/people", fields)
            async let second = web.post("/people", fields)
            let (a, b) = try await (first, second)
            let third = try await web.post("/people", fields)
            #expect(a.status == .seeOther && b.status == .seeOther && third.status == .seeOther)
            #expect(a.location != nil && a.location == b.location && b.location == third.location)
            #expect(try await Person.query(on: app.db).count() == 1)
            // Another key is another registration: here a warning of the same person first, on a page of its own
            // (finding 15: post, redirect, get, so Back never offers to post the form again).
            var again = fields
            again[4] = ("form_key", "11111111-2222-3333-4444-555555555555")
            let warned = try await web.post("/people", again)
            #expect(warned.status == .seeOther)
            let check = try #require(warned.location)
            #expect(check.hasPrefix("/people/new?check="))
            let warning = try await web.get(check).text
            #expect(warning.contains("Hagos Tesfamariam") && warning.contains(#"name="confirmed_new""#))
            // Only the session that was warned sees it.
            let other = try await fx.user("caseworker-other", .caseworker)
            let elsewhere = try await WebClient(app: app, session: try await fx.browserSession(for: other)).get(check)
            #expect(!elsewhere.text.contains("Hagos Tesfamariam"))
        }
    }

    /// Finding 7: a referral refused for want of consent comes back as typed, and consent is recorded in place.
    @Test func aReferralKeepsWhatWasTypedAndTakesConsentInPlace() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-refer", .caseworker)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Aster Kidane"))
            let caseID = try await CaseService(db: app.db, actor: actor, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            let partner = try await fx.partner()
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let fields: [(String, String)] = [
                ("partner", partner.uuidString), ("service", ServiceType.legalAid.rawValue), ("urgency", "urgent"),
                ("reason", "AdditionalServicesRequired"), ("shared", "sex"), ("shared", "needs"),
                ("note", "Needs a lawyer before the hearing on Thursday"),
            ]
            let refused = try await web.post("/cases/\(caseID)/referrals", fields)
            #expect(refused.status.code >= 400 && refused.status.code < 500)
            #expect(refused.text.contains("Needs a lawyer before the hearing on Thursday"))
            #expect(refused.text.contains(#"<option value="\#(partner.uuidString)" selected"#))
            #expect(refused.text.contains(#"<option value="urgent" selected"#))
            #expect(try await Referral.query(on: app.db).count() == 0)

            let sent = try await web.post("/cases/\(caseID)/referrals", fields + [("consent_now", "on")])
            #expect(sent.status == .seeOther)
            #expect(try await Referral.query(on: app.db).count() == 1)
            #expect(try await ReferralConsent.query(on: app.db).count() == 1)
        }
    }

    /// Finding 10: the case page has an index, and its ending actions are apart, behind a disclosure, not filled in.
    @Test func theCasePageKeepsEndingActionsApart() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-case-page", .caseworker)
            let sup = try await fx.user("supervisor-case-page", .supervisor)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Tsega Hailu"))
            let cases = CaseService(db: app.db, actor: actor, context: fx.context)
            let caseID = try await cases.open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            try await cases.requestApproval(
                caseID, kind: .traffickingConfirmation, subject: TraffickingStatus.actual.rawValue)
            let page = try await WebClient(app: app, session: try await fx.browserSession(for: user))
                .get("/cases/\(caseID)").text
            #expect(page.contains(#"id="case-index""#) && page.contains(##"href="#referrals""##))
            let closure = try #require(page.range(of: #"id="closure-details""#))
            #expect(page[..<closure.lowerBound].hasSuffix("<details class=\"confirm\" "))
            let select = try #require(page.range(of: #"id="close-subject""#))
            #expect(page[select.upperBound...].prefix(200).contains("<option value>"))
            let supervisor = try await WebClient(app: app, session: try await fx.browserSession(for: sup))
                .get("/cases/\(caseID)").text
            let reject = try #require(supervisor.range(of: #"id="reject""#))
            let details = try #require(supervisor.range(of: #"id="reject-details""#))
            #expect(details.lowerBound < reject.lowerBound)
        }
    }

    /// Findings 21, 22 and 23: the result says how "presumed" and "possible" relate; the account's language is kept
    /// in the browser for the sign-in page after a session ends; forms leave checking to Sanad's own messages.
    @Test func languageKeptAndTermsExplainedAndFormsCheckedBySanad() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-arabic", .caseworker)
            try await fx.accounts.setLocale(userID: user.id, locale: "ar")
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let home = try await web.get("/work")
            #expect(home.headers[.setCookie].contains { $0.hasPrefix("sanad_lang=ar") })

            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Freweini Tesfay"))
            let start = TestFixture.screeningStart(language: "ti")
            let screenings = ScreeningService(db: app.db, actor: actor, context: fx.context)
            let screening = try await screenings.start(personID: person.id, start)
            let presumed = [
                "D2.violence-on-victims": "yes", "D2.confiscation-of-documents": "yes",
                "D4.excessive-working-days-or-hours": "yes", "D4.hazardous-work": "yes",
                "D5.confiscation-of-documents": "yes", "D5.debt-bondage": "yes",
            ]
            _ = try await screenings.complete(screening.id, answers: presumed, expectedVersion: 1)
            // The account reads Arabic: the note names the status as the person page does.
            let result = try await web.get("/screenings/\(screening.id)").text
            #expect(result.contains("«ضحية محتملة للاتجار»"))

            let caseID = try await CaseService(db: app.db, actor: actor, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            for page in ["/cases/\(caseID)", "/people/new", "/people/\(person.id)/screenings"] {
                let html = try await web.get(page).text
                let forms = html.components(separatedBy: "<form ").dropFirst().filter {
                    $0.hasPrefix(#"method="post""#)
                }
                #expect(!forms.isEmpty && forms.allSatisfy { $0.prefix(200).contains("novalidate") }, "\(page)")
            }
        }
    }

    /// Findings 17 and 19: a refused registration or case-page form lists the fields that need attention, each
    /// linked to its field or form; a person's cases name their centre.
    @Test func refusedFieldsAreListedAndCentresNamed() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-fields", .caseworker)
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let refused = try await web.post(
                "/people", [("name_original", ""), ("sex", "Feminine"), ("age_estimate", "300"), ("centre", "SD01")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(##"<a href="#name_original">"##))
            #expect(refused.text.contains(##"<a href="#age_estimate">"##))
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Rahel Tesfaye"))
            let caseID = try await CaseService(db: app.db, actor: actor, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            let cases = try await web.get("/people/\(person.id)/cases").text
            #expect(!cases.contains("<td>SD01</td>"))
            // The case page is long: a refused service lists its fields at the top, each linked down to its form.
            let service = try await web.post(
                "/cases/\(caseID)/services", [("date", "2026-02-30"), ("type", ""), ("quantity", "many")])
            #expect(service.status == .unprocessableEntity)
            let list = try #require(service.text.range(of: #"id="error-summary""#))
            let top = service.text[list.lowerBound...].prefix(600)
            #expect(top.contains(##"<a href="#services">Date: "##) && top.contains(##"<a href="#services">Type: "##))
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
