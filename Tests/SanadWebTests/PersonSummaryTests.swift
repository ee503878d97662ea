import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, finding 19: a person's page says at the top where they stand — case and stage, bed, open referrals.
@Suite struct PersonSummaryTests {
    @Test func thePersonPageSaysWhereThePersonStands() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-glance", .caseworker)
            let sup = try #require(try await fx.user("supervisor-glance", .supervisor).actor)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Selam Berhe"))
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let before = try await web.get("/people/\(person.id)").text
            #expect(before.contains(#"id="person-summary""#))
            #expect(before.contains("No case opened yet"))
            #expect(before.contains("Not staying in the shelter"))

            let cases = CaseService(db: app.db, actor: actor, context: fx.context)
            let caseID = try await cases.open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            let shelters = ShelterService(db: app.db, actor: sup, context: fx.context)
            let shelter = try await shelters.addShelter(centre: "SD01", name: "Nile house")
            try await shelters.addBeds(shelter: shelter, room: "4", labels: "B7", restriction: "none")
            let bed = try #require(try await shelters.occupancy(centre: "SD01", on: CivilDate(Date())).first)
            _ = try await ShelterService(db: app.db, actor: actor, context: fx.context).checkIn(
                caseID: caseID, bed: bed.id, date: CivilDate(Date()).description)
            let partnerID = try await fx.partner("Legal Aid Kassala")
            let partners = PartnerService(db: app.db, actor: actor, context: fx.context)
            try await partners.setConsent(person: person.id, partner: partnerID, given: true)
            _ = try await partners.send(
                caseID: caseID,
                ReferralDraft(
                    partner: partnerID.uuidString, service: ServiceType.legalAid.rawValue, urgency: "routine",
                    reason: "AdditionalServicesRequired", shared: ["sex"]))

            let after = try await web.get("/people/\(person.id)").text
            let summary = try #require(after.range(of: #"id="person-summary""#))
            let box = after[summary.lowerBound...].prefix(2_000)
            #expect(box.contains(#"href="/cases/\#(caseID)""#))
            #expect(box.contains("Opened, at Khartoum"))
            #expect(box.contains("Nile house, room 4, bed B7"))
            #expect(box.contains("Legal Aid Kassala — Sent"))

            var arabic = web
            arabic.language = "ar"
            let ar = try await arabic.get("/people/\(person.id)").text
            #expect(ar.contains("نظرة سريعة") && ar.contains("الغرفة 4"))

            // A data officer sees no cases, so no summary of them.
            let officer = try await fx.user("officer-glance", .dataOfficer)
            let theirs = try await WebClient(app: app, session: try await fx.browserSession(for: officer))
                .get("/people/\(person.id)")
            #expect(!theirs.text.contains(#"id="person-summary""#))
        }
    }
}
