import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

/// CSV downloads open correctly in spreadsheet programs (BOM, Arabic intact) and never run a formula.
@Suite struct SpreadsheetExportTests {
    @Test func eventCSVHasABOMKeepsArabicAndNeutralisesFormulas() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            let cw = setup.clients[.caseworker]!
            let today = CivilDate(Date()).description
            for title in ["=HYPERLINK(\"http://x\")", "توعية بالهجرة الآمنة", "-2+3", "@SUM(A1)"] {
                let saved = try await cw.post(
                    "/events",
                    [
                        ("type", "radio"), ("title", title), ("start_date", today), ("state", "SD01"),
                        ("centre", "SD01"), ("participants_f_adults", "4"),
                    ])
                #expect(saved.status == .seeOther, "\(saved.text.prefix(300))")
            }
            let download = try await setup.clients[.dataOfficer]!.get("/events.csv")
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.hasPrefix("text/csv") == true)
            let bytes = Array(download.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == SpreadsheetCSV.utf8BOM)
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.contains("توعية بالهجرة الآمنة"))
            #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
            #expect(text.contains("'@SUM(A1)") && text.contains("'-2+3"))
            #expect(!text.contains(",=HYPERLINK"))
        }
    }

    @Test func dashboardAndHXLDownloads() async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            let officer = setup.clients[.dataOfficer]!
            let figures = try await officer.get("/reports/figures.csv")
            #expect(Array(figures.body.readableBytesView.prefix(3)) == SpreadsheetCSV.utf8BOM)
            #expect(figures.text.contains("People assisted"))
            let hxl = try await officer.get("/reports/hxl.csv?by=centre,nationality")
            #expect(hxl.status == .ok)
            let lines = hxl.text.split(separator: "\n")
            #expect(lines.count >= 2 && lines[1].hasPrefix("#date+start,#date+end,#adm1+name"))
            let reversed = try await officer.get("/reports?from=2026-05-01&to=2026-01-01")
            #expect(reversed.status == .unprocessableEntity)
            let unknown = try await officer.get("/reports/hxl.csv?by=colour")
            #expect(unknown.status == .unprocessableEntity)
            let ctdc = try await officer.get("/reports/ctdc.csv?k=1")
            #expect(ctdc.status == .unprocessableEntity)
            var api = WebClient(app: app)
            api.bearer = setup.tokens[.dataOfficer]
            let summary = try await api.get("/api/v1/reports/summary?from=2026-01-01&to=2026-12-31")
            #expect(summary.status == .ok && summary.jsonObject()?["assisted"] != nil)
            let bad = try await api.get("/api/v1/reports/summary?from=2026-12-01&to=2026-01-01")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        }
    }
}
