import Foundation
import SanadStore
import SanadTestSupport
import Testing
import VaporTesting

/// Issue 11, item 1: administrators see the enrolled field offices and their last contact.
@Suite(.serialized) struct FieldOfficeListTests {
    @Test func administratorsSeeFieldOfficesInBothLanguages() async throws {
        try await TestApp.with { app, fx in
            let admin = try await fx.user("root", .administrator)
            var page = WebClient(app: app, session: try await fx.browserSession(for: admin))
            #expect(try await page.get("/admin/users").text.contains("No field office is enrolled"))
            let nodes = OpenServices(db: app.db, context: fx.context).syncNodes
            _ = try await nodes.add(name: "office-kassala", centres: ["SD11"], by: "cli")
            _ = try await nodes.add(name: "office-gedaref", centres: ["SD12"], by: "cli")
            try await nodes.revoke("office-gedaref", by: "cli")
            let english = try await page.get("/admin/users").text
            #expect(english.contains(#"id="field-offices""#) && english.contains("office-kassala"))
            #expect(english.contains("Waiting to join") && english.contains("Revoked") && english.contains("never"))
            page.language = "ar"
            let arabic = try await page.get("/admin/users").text
            #expect(
                arabic.contains("المكاتب الميدانية") && arabic.contains("بانتظار الانضمام") && arabic.contains("مُلغى"))
        }
    }
}
