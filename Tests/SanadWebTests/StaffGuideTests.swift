import Foundation
import SanadTestSupport
import Testing
import VaporTesting

@testable import SanadWeb

/// The staff quick guides (issue 18, item 3): the same guide in every language of the interface, served from Help
/// to anyone. That each prints on one A4 sheet is checked in a browser (`e2e/test_staff_guides.py`).
@Suite struct StaffGuideTests {
    @Test func everyGuideHasTheSameSectionsAndPointsInEveryLanguage() throws {
        #expect(Set(StaffGuide.all.keys) == Set(StaffGuide.names))
        for name in StaffGuide.names {
            let en = try #require(StaffGuide.all[name]?["en"], "\(name) in English")
            let ar = try #require(StaffGuide.all[name]?["ar"], "\(name) in Arabic")
            #expect(en.sections.map(\.points.count) == ar.sections.map(\.points.count), "\(name)")
            let arabic = [ar.title, ar.intro] + ar.sections.flatMap { [$0.heading] + $0.points }
            #expect(arabic.allSatisfy { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
            #expect(!en.sections.isEmpty && en.sections.allSatisfy { !$0.points.isEmpty })
        }
    }

    @Test func helpServesEachGuideInTheReadersLanguage() async throws {
        try await TestApp.with { app, _ in
            var client = WebClient(app: app)
            let index = try await client.get("/help")
            #expect(index.status == .ok)
            for name in StaffGuide.names { #expect(index.body.string.contains("href=\"/help/\(name)\"")) }
            client.language = "ar"
            let arabic = try await client.get("/help/caseworkers")
            #expect(arabic.status == .ok)
            #expect(arabic.body.string.contains("dir=\"rtl\""))
            #expect(arabic.body.string.contains(StaffGuide.all["caseworkers"]!["ar"]!.sections[2].heading))
            #expect(try await client.get("/help/administrators").status == .notFound)
            #expect(try await client.get("/help/..%2Fconfigure").status == .notFound)
        }
    }
}
