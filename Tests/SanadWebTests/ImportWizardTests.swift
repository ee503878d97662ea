import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore
@testable import SanadWeb

/// Issue 14 in the browser: upload a register, check its columns, see what would happen, import, review a held row,
/// download the report, undo — in English and Arabic, with clear refusals for bad files.
@Suite struct ImportWizardTests {
    static let register = Array(
        """
        الاسم,Sex,Age,Nationality,Registered by
        Yohanes Gebremedhin,M,31,Eritrean,Amal
        Mariam Idris Adam,F,22,SDN,Amal
        Hawa,F,,Atlantis,Amal

        """.utf8)

    @Test(arguments: ["en", "ar"])
    func theWizardFromUploadToUndo(language: String) async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("sup-wizard", .supervisor)
            var draft = TestFixture.draft("Yohannes Gebremedhin Tesfay")
            draft.sex = Gender.masculine.rawValue
            draft.estimatedAge = "30"
            draft.nationality = "ERI"
            let yohannes = try await fx.people(try #require(user.actor)).register(draft)
            var web = WebClient(app: app, session: try await fx.browserSession(for: user))
            web.language = language
            let t = Catalogue.forLanguage(language)

            let list = try await web.get("/imports")
            #expect(list.status == .ok)
            #expect(list.text.contains(t.t("import.intro")))

            // Bad files are refused on the first page, in the page's language; nothing is kept.
            let notZip = try await web.upload(
                "/imports", [("centre", "SD01")], file: ("register.xlsx", Array("Name\nAli\n".utf8)))
            #expect(notZip.status == .unprocessableEntity)
            #expect(notZip.text.contains(t.t("import.error.not-workbook")))
            let latin1 = try await web.upload(
                "/imports", [("centre", "SD01")],
                file: ("register.csv", [0x4E, 0x61, 0x6D, 0x65, 0x0A, 0xC7, 0xE1, 0x0A]))
            #expect(latin1.status == .unprocessableEntity)
            #expect(latin1.text.contains(String(t.t("import.error.encoding").prefix(20))))
            let elsewhere = try await web.upload("/imports", [("centre", "SD11")], file: ("r.csv", Self.register))
            #expect(elsewhere.status == .unprocessableEntity)

            let uploaded = try await web.upload("/imports", [("centre", "SD01")], file: ("register.csv", Self.register))
            #expect(uploaded.status == .seeOther)
            let pending = try #require(uploaded.location)
            let columns = try await web.get(pending)
            #expect(columns.status == .ok)
            #expect(columns.text.contains(#"<option value="name_original" selected"#))
            #expect(columns.text.contains(#"<option value="notes" selected"#))
            // Someone else's upload is not theirs to see.
            let other = try await fx.user("sup-other", .supervisor)
            #expect(
                try await WebClient(app: app, session: try await fx.browserSession(for: other)).get(pending).status
                    == .notFound)

            let mapping = [
                ("column-0", "name_original"), ("column-1", "sex"), ("column-2", "age_estimate"),
                ("column-3", "nationality"), ("column-4", "notes"),
            ]
            let twice = try await web.post(
                pending + "/preview", [("column-0", "name_original"), ("column-1", "name_original")])
            #expect(twice.status == .unprocessableEntity)
            let preview = try await web.post(pending + "/preview", mapping)
            #expect(preview.status == .ok)
            #expect(preview.text.contains(t.t("import.outcome.held-for-review")))
            // The page says why in its own language, naming the column as the file does; the report keeps English.
            #expect(preview.text.contains("\u{2068}Nationality\u{2069}: " + t.t("import.why.unknown-nationality")))
            #expect(try await Person.query(on: app.db).count() == 1)

            // A rejected row stops the batch unless the good rows are asked for.
            let refused = try await web.post(pending + "/run", mapping)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Person.query(on: app.db).count() == 1)
            let run = try await web.post(pending + "/run", mapping + [("import_good_rows", "yes")])
            #expect(run.status == .seeOther)
            let batchPage = try #require(run.location)
            let batch = try await web.get(batchPage)
            #expect(batch.status == .ok)
            #expect(batch.text.contains(t.t("import.done")))
            let batchID = try #require(UUID(uuidString: String(batchPage.split(separator: "/")[1].prefix(36))))
            #expect(try await Person.query(on: app.db).count() == 2)

            let report = try await web.get("/imports/\(batchID)/report.csv")
            #expect(report.status == .ok)
            #expect(Array(report.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(report.text.contains("row,outcome,person_id,reason"))
            #expect(report.text.contains("4,rejected,,Nationality: unknown nationality"))

            let review = try await web.get("/imports/\(batchID)/rows/2")
            #expect(review.status == .ok)
            #expect(review.text.contains("Yohannes Gebremedhin Tesfay") && review.text.contains("Yohanes Gebremedhin"))
            let decided = try await web.post("/imports/\(batchID)/rows/2", [("decision", "same")])
            #expect(decided.status == .seeOther)
            #expect(
                try await fx.people(try #require(user.actor)).find(yohannes.id).personal.aliases == [
                    "Yohanes Gebremedhin"
                ])

            let undone = try await web.post("/imports/\(batchID)/undo", [])
            #expect(undone.status == .seeOther)
            #expect(try await Person.query(on: app.db).count() == 1)
            #expect(try await fx.people(try #require(user.actor)).find(yohannes.id).personal.aliases.isEmpty)
            #expect(try await web.get("/imports/\(batchID)").text.contains(#"id="batch-undone""#))
        }
    }
}

/// The way back (issue 14, item 6): what a supervisor exports, the import reads back as the same people.
@Suite struct PeopleExportTests {
    @Test func heldRowsArePagedNotCutOff() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("sup-paging", .supervisor)
            // 130 people, each written twice with nothing but their names: every second record waits for a person.
            let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "wo"]
            func word(_ n: Int) -> String {
                (syllables[n % 8] + syllables[(n / 8) % 8] + syllables[(n / 64) % 8]).capitalized
            }
            // Three distinct ranges of 512 words: no two people share a name part.
            let names = (0..<130).map { "\(word($0)) \(word($0 + 150)) \(word($0 + 300))" }
            let text = "Name,Sex\n" + (names + names).map { "\($0),F\n" }.joined()
            let file = try SpreadsheetReader.read(Data(text.utf8), name: "register.csv")
            let service = ImportService(db: app.db, actor: try #require(user.actor), context: fx.context)
            let report = try await service.run(
                file, mapping: .recognised(header: file.header), centre: "SD01", options: ImportOptions())
            #expect(report.rows.filter { $0.outcome == .heldForReview }.count == 130)
            let batch = try #require(report.batchID)
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let first = try await web.get(Site.importBatch(batch))
            #expect(first.text.contains(#"id="held-next""#))
            #expect(!first.text.contains(#"id="held-previous""#))
            #expect(first.text.contains("Rows 1–100 of 130"))
            #expect(first.text.contains(Site.importRow(batch, 2 + 130)))
            let second = try await web.get(Site.importBatch(batch) + "?from=100")
            #expect(second.text.contains("Rows 101–130 of 130"))
            #expect(second.text.contains(#"id="held-previous""#))
            #expect(!second.text.contains(#"id="held-next""#))
            #expect(second.text.contains(Site.importRow(batch, 2 + 259)))
            #expect(!second.text.contains(Site.importRow(batch, 2 + 130)))
            // Past the end shows the last page, not an empty one.
            #expect(try await web.get(Site.importBatch(batch) + "?from=9999").text.contains("Rows 101–130 of 130"))
        }
    }

    @Test func anExportImportsBackAsTheSamePeople() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("sup-export", .supervisor)
            let actor = try #require(user.actor)
            var draft = TestFixture.draft("ሰላም ተስፋይ")
            draft.nameLatin = "Selam Tesfay"
            draft.phone = "+249912000111"
            draft.documents = [DocumentDraft(type: "passport", number: "P123", issuingCountry: "ERI")]
            draft.notes = "Line one\nLine two, with a comma"
            _ = try await fx.people(actor).register(draft)
            let musaRecord = try await fx.people(actor).register(TestFixture.draft("Musa Adam"))
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            for path in ["/people.csv", "/people.xlsx"] {
                let response = try await web.get(path)
                #expect(response.status == .ok)
                let file = try SpreadsheetReader.read(Data(response.body.readableBytesView), name: path)
                #expect(file.header == PeopleService.exportHeader)
                #expect(file.rows.count == 2)
                // The export's columns are all recognised, its registration number left out.
                let mapping = ImportMapping.recognised(header: file.header)
                #expect(mapping.fields.count == ImportField.allCases.count && mapping.ignored == [0])
                let reader = ImportRowReader(
                    header: file.header, mapping: mapping, centre: "SD01", today: CivilDate(Date()))
                let selam = try #require(file.rows.first { $0.contains("Selam Tesfay") })
                let back = try reader.read(selam).get()
                #expect(back.personal.phone == "+249912000111")
                #expect(back.personal.documents.first?.number == "P123")
                // Notes keep their words; line breaks become spaces, as on the registration form.
                #expect(back.personal.notes == "Line one Line two, with a comma")
                #expect(back.personal.nameOriginal == "ሰላም ተስፋይ")
                // An estimated age goes out as its birth year and comes back as the same one.
                let musa = try reader.read(try #require(file.rows.first { $0.contains("Musa Adam") })).get()
                #expect(musa.facts.birthYear == musaRecord.facts.birthYear)
                #expect(musa.facts.estimatedAge != nil)
            }
            let narrowed = try await web.get("/people.csv?q=Musa")
            #expect(narrowed.text.contains("Musa Adam") && !narrowed.text.contains("Selam"))
            let caseworker = try await fx.user("cw-export", .caseworker)
            let refused = try await WebClient(app: app, session: try await fx.browserSession(for: caseworker)).get(
                "/people.csv")
            #expect(refused.status == .forbidden)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "people.exported").count()
            #expect(audit == 3)
        }
    }
}
