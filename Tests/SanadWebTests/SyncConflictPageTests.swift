import Foundation
import SanadCore
import SanadStore
import SanadTestSupport
import Testing
import VaporTesting

/// Issue 11, item 4: a field changed at an office and at the centre from the same value is held for a supervisor
/// of the record's centre, who sees both values (page and API, English and Arabic), keeps one, and the person's
/// page shows a badge until then.
@Suite(.serialized) struct SyncConflictPageTests {
    @Test func aSupervisorSeesBothValuesAndKeepsOne() async throws {
        try await TestApp.with { app, fx in
            try await TestApp.office(keys: fx.context.keys) { officeApp, office in
                let hub = OpenServices(db: app.db, context: fx.context).syncCentre
                let (_, code) = try await OpenServices(db: app.db, context: fx.context).syncNodes.add(
                    name: "office-kassala", centres: ["SD01"], by: "admin")
                let organisation = fx.context.keys.active.id
                let officeSync = OpenServices(db: officeApp.db, context: office.context).syncOffice
                _ = try await officeSync.join(central: "test") {
                    try await hub.join(code: code, publicKey: $0, organisation: organisation)
                }
                let link: SyncTransport = { try await hub.exchange($0).reply }
                let atCentre = fx.people(try await fx.actor("centre-cw", .caseworker))
                let atOffice = office.people(try await office.actor("office-cw", .caseworker))
                let person = try await atCentre.register(TestFixture.draft("Test Person"))
                _ = try await officeSync.now(transport: link)
                var there = try await atOffice.find(person.id).draft
                there.nationality = "ETH"
                _ = try await atOffice.update(person.id, with: there, expectedVersion: 1)
                var here = person.draft
                here.nationality = "SDN"
                _ = try await atCentre.update(person.id, with: here, expectedVersion: 1)
                #expect(try await officeSync.now(transport: link).conflicts == 1)

                let supervisor = try await fx.user("sup", .supervisor)
                var browser = WebClient(app: app, session: try await fx.browserSession(for: supervisor))
                let english = try await browser.get("/sync/conflicts").text
                #expect(
                    english.contains("Nationality") && english.contains("Sudan (SDN)")
                        && english.contains("Ethiopia (ETH)"))
                #expect(english.contains("Test Person\u{2069} · \u{2066}") && english.contains("the centre"))
                #expect(english.contains("office-kassala") && english.contains(#"name="value""#))
                #expect(try await browser.get("/people/\(person.id)").text.contains(#"id="sync-conflict""#))
                browser.language = "ar"
                let arabic = try await browser.get("/sync/conflicts").text
                #expect(arabic.contains(#"dir="rtl""#) && arabic.contains("تغييرات تحتاج إلى مراجعة"))
                #expect(try await browser.get("/people/\(person.id)").text.contains("غُيِّر هذا السجل في مكانين"))

                // Caseworkers and another centre's supervisor do not see it.
                let caseworker = try await fx.user("cw2", .caseworker)
                let cwBrowser = WebClient(app: app, session: try await fx.browserSession(for: caseworker))
                #expect(try await cwBrowser.get("/sync/conflicts").status == .forbidden)
                let other = try await fx.user("sup2", .supervisor, centres: ["SD11"])
                let otherAPI = WebClient(app: app, bearer: try await fx.apiToken(for: other))
                #expect(try await otherAPI.json(.GET, "/api/v1/sync/conflicts", nil).text == "[]")

                let api = WebClient(app: app, bearer: try await fx.apiToken(for: supervisor))
                let listed = try await api.json(.GET, "/api/v1/sync/conflicts", nil)
                let items = try #require(
                    try JSONSerialization.jsonObject(with: Data(listed.text.utf8)) as? [[String: Any]])
                #expect(items.count == 1)
                let id = try #require(items.first?["id"] as? String)
                let held = try #require((items.first?["held"] as? [[String: Any]])?.first)
                #expect(held["value"] as? String == "ETH" && held["author"] as? String == "office-kassala")

                // A made-up country is refused with the reason, in the user's language on the page.
                let refused = try await api.json(.POST, "/api/v1/sync/conflicts/\(id)/resolve", #"{"value":"XYZ"}"#)
                #expect(refused.status == .unprocessableEntity)
                let refusedPage = try await browser.post("/sync/conflicts/\(id)/resolve", [("value", "XYZ")])
                #expect(refusedPage.status == .unprocessableEntity)
                #expect(refusedPage.text.contains("لا يمكن حفظ هذه القيمة في هذا الحقل"))

                let kept = try await browser.post(
                    "/sync/conflicts/\(id)/resolve", [("choice", try #require(held["operation"] as? String))])
                #expect(kept.status == .seeOther && kept.location == "/sync/conflicts?resolved=1")
                #expect(try await atCentre.find(person.id).facts.nationality == "ETH")
                #expect(try await !browser.get("/people/\(person.id)").text.contains(#"id="sync-conflict""#))
                let again = try await api.json(.POST, "/api/v1/sync/conflicts/\(id)/resolve", #"{"choice":"x#1"}"#)
                #expect(again.status == .notFound)
                _ = try await officeSync.now(transport: link)
                #expect(try await atOffice.find(person.id).facts.nationality == "ETH")
            }
        }
    }
}
