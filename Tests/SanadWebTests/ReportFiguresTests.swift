import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, finding 16: the figures a data officer downloads and reads speak the page's language, never add money
/// to kits, and the nationality filter is a list to choose from.
@Suite struct ReportFiguresTests {
    static func summary() throws -> ReportSummary {
        let q = try ReportQuery.make(from: "2026-01-01", to: "2026-12-31", knownCentres: []).get()
        var s = ReportSummary(query: q)
        s.services["cash"] = ServiceFigures(records: 12, quantity: 748_000, people: Breakdown())
        s.services["food"] = ServiceFigures(records: 40, quantity: 41, people: Breakdown())
        s.participants[ParticipantGroup(sex: .female, age: .adults)!.key] = 7
        return s
    }

    static func rows(_ data: Data) -> [[String]] {
        let text = String(decoding: data.dropFirst(SpreadsheetCSV.utf8BOM.count), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
    }

    @Test func arabicDownloadIsLabelledInArabic() throws {
        let rows = Self.rows(DashboardFigures.csv(try Self.summary(), language: "ar"))
        let arabic = try Regex("[\\u0600-\\u06FF]")
        let labels = rows.compactMap(\.first).filter { !$0.isEmpty && !$0.hasPrefix("2026-") }
        #expect(labels.count > 15)
        for label in labels { #expect(label.contains(arabic), "not Arabic: \(label)") }
        #expect(rows[0].allSatisfy { $0.contains(arabic) }, "header \(rows[0])")
        let ar = Catalogue.forLanguage("ar")
        let women = ar.t("report.csv.participants-in", ar.t("event.cell.f.adults"))
        #expect(rows.contains([women, "7"]), "no row \(women)")
    }

    @Test func moneyAndKitsAreNamedApart() throws {
        let rows = Self.rows(DashboardFigures.csv(try Self.summary(), language: "en"))
        #expect(rows.contains(["Cash assistance: quantity in money (amount given)", "748000"]))
        #expect(rows.contains(["Food: quantity in kits", "41"]))
        #expect(rows.contains(["Event participants: Women (18+)", "7"]))
        #expect(rows[0].first == "Indicator" && rows[0].last == "Other or unknown")
    }

    @Test func dashboardOffersNationalitiesAndDownloadsInTheUsersLanguage() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            // The filter lists the nationalities registered, not every country; for those who see only figures,
            // only a nationality shared by enough people to be a figure (one Somali person is not listed).
            let cw = try await fx.actor("cw-nationalities", .caseworker)
            for (index, nationality) in ["ERI", "ERI", "ERI", "ERI", "ERI", "SOM"].enumerated() {
                var draft = TestFixture.draft("Person \(index) Nationality")
                draft.nationality = nationality
                _ = try await fx.people(cw).register(draft)
            }
            var officer = setup.clients[.dataOfficer]!
            officer.language = "ar"
            let page = try await officer.get("/reports")
            #expect(page.status == .ok)
            #expect(page.text.contains("<select id=\"nationality\" name=\"nationality\""))
            #expect(page.text.contains("<option value=\"ERI\""))
            #expect(!page.text.contains("<option value=\"SOM\""))
            #expect(!page.text.contains("<option value=\"WLF\""))
            let supervisor = try await setup.clients[.supervisor]!.get("/reports")
            #expect(supervisor.text.contains("<option value=\"SOM\""))
            #expect(!page.text.contains("type=\"text\" name=\"nationality\""))
            let figures = try await officer.get("/reports/figures.csv")
            #expect(figures.status == .ok)
            let header = Self.rows(Data(figures.body.readableBytesView)).first ?? []
            #expect(header.first == Catalogue.forLanguage("ar").t("report.indicator"))
            let eritrea = try await officer.get("/reports?nationality=ERI")
            #expect(eritrea.text.contains("<option value=\"ERI\" selected"))
        }
    }
}
