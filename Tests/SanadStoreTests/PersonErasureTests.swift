import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// The right to erasure (issue 18): a person's personal values are gone from every sealed column and look-up,
/// while every figure they are part of stays the same. On SQLite and, with DATABASE_URL, PostgreSQL.
@Suite struct PersonErasureTests {
    /// Words only the erased person's record holds, in personal fields, a merged record and a case note.
    static let secrets = ["Amal", "Edris", "912345678", "P7712345", "bus station", "brother in Gedaref", "Atbara"]

    @Test func erasedValuesOpenNowhereAndTheFiguresStay() async throws {
        try await TestApp.with { app, fx in
            let w = try await ReportServiceTests.world(fx)
            let sup = try await fx.actor("sup-erase", .supervisor)
            var draft = ReportServiceTests.draft("Amal Idris", sex: .feminine, age: 30, nationality: "ERI")
            draft.phone = "+249912345678"
            draft.documents = [DocumentDraft(type: "passport", number: "P7712345", issuingCountry: "ERI")]
            draft.notes = "Met at the bus station"
            draft.route = "Kassala, Atbara"
            let amal = try await fx.people(w.cw).register(draft)
            let cases = CaseService(db: app.db, actor: w.cw, context: fx.context)
            let caseID = try await cases.open(personID: amal.id, priority: "normal", risk: "low", caseworker: nil).id
            try await cases.addNote(caseID, text: "Her brother in Gedaref can host her")
            try await w.service(caseID, "food", daysAgo: 3)
            let (edris, edrisCase) = try await w.person("Amal Edris", sex: .feminine, age: 30, nationality: "ERI")
            try await w.service(edrisCase, "medical", daysAgo: 2)
            try await IdentityService(db: app.db, actor: sup, context: fx.context).merge(
                survivor: amal.id, merged: edris.id)
            for name in ["Musa Kiros", "Yonas Haile", "Selam Abraha"] {
                let (_, other) = try await w.person(name, sex: .masculine, age: 40, nationality: "ETH")
                try await w.service(other, "mhpss", daysAgo: 1)
            }
            let reports = ReportService(db: app.db, actor: sup, context: fx.context)
            let hxl = HXLExport(db: app.db, actor: sup, context: fx.context)
            let before = try await reports.summary(w.query())
            let hxlBefore = try await hxl.table(w.query(), by: [.centre], threshold: 3)
            #expect(try await Self.holding(Self.secrets, fx, app.db).count == Self.secrets.count)

            let admin = try await fx.actor("admin-erase", .administrator)
            let erasure = PersonErasure(db: app.db, actor: admin, context: fx.context)
            await #expect(throws: StoreError.forbidden) {
                try await PersonErasure(db: app.db, actor: sup, context: fx.context)
                    .erase(registrationNumber: amal.registrationNumber, reason: "Request")
            }
            await #expect(throws: ErasureError.needsReason) {
                try await erasure.erase(registrationNumber: amal.registrationNumber, reason: "  ")
            }
            await #expect(throws: ErasureError.notFound) {
                try await erasure.erase(registrationNumber: "SD01-KRT-1999-000001", reason: "Request")
            }
            // The merged record's number leads to the same person.
            let result = try await erasure.erase(
                registrationNumber: edris.registrationNumber, reason: "Request of the person, form 12")
            #expect(result.records == 2)
            #expect(result.lookUpsRemoved == 2)
            #expect(result.replaced[CaseNote.schema] == 1)

            // Nothing personal opens any more, under any key of the ring, in any sealed column.
            #expect(try await Self.holding(Self.secrets, fx, app.db).isEmpty)
            #expect(try await PersonIdentifier.query(on: app.db).filter(\.$personID == amal.id).count() == 0)
            let now = try await fx.people(sup).find(amal.id)
            #expect(now.personal.nameOriginal.isEmpty && now.personal.phone == nil && now.personal.documents.isEmpty)
            #expect(now.personal.erasure?.reason == "Request of the person, form 12")
            #expect(
                now.facts.sex == .feminine && now.facts.nationality == "ERI"
                    && now.registrationNumber == amal.registrationNumber)
            var byName = PeopleSearch()
            byName.text = "Amal Idris"
            #expect(try await fx.people(sup).search(byName, page: 1, per: 25).page.items.isEmpty)
            var byPhone = PeopleSearch()
            byPhone.text = "0912345678"
            #expect(try await fx.people(sup).search(byPhone, page: 1, per: 25).page.items.isEmpty)

            // Every figure is as it was.
            let after = try await reports.summary(w.query())
            #expect(after.assisted == before.assisted)
            #expect(after.services == before.services)
            #expect(after.registrations == before.registrations)
            #expect(try await hxl.table(w.query(), by: [.centre], threshold: 3) == hxlBefore)

            // Recorded with counts, never with the reason or a name.
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "person.erased").all()
            #expect(audit.count == 1 && audit.first?.recordID == amal.id.uuidString)
            #expect(audit.first?.detail?.contains("case_notes=1") == true)
            #expect(audit.first?.detail?.contains("Request") == false)
            await #expect(throws: ErasureError.alreadyErased) {
                try await erasure.erase(registrationNumber: amal.registrationNumber, reason: "Again")
            }
        }
    }

    /// Which of `words` some sealed value of the database still holds once opened.
    static func holding(_ words: [String], _ fx: TestFixture, _ db: any Database) async throws -> Set<String> {
        Set(try await plaintexts(fx, db).flatMap { text in words.filter { text.contains($0) } })
    }
}

/// Every sealed value of the database, opened.
func plaintexts(_ fx: TestFixture, _ db: any Database) async throws -> [String] {
    var out: [String] = []
    try await SealedColumn.eachValue(on: db, batch: 200) { _, _, data, context in
        if let plain = try? fx.context.cipher.openRaw(data, context: context) {
            out.append(String(decoding: plain, as: UTF8.self))
        }
    }
    return out
}
