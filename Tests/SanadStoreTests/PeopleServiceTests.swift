import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

@Suite struct PeopleServiceTests {
    @Test func registersWithPerCentreNumbersAndReadsBack() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker, centres: ["SD01", "SD12"])
            let people = fx.people(cw)
            let a = try await people.register(TestFixture.draft("Amina One"))
            let b = try await people.register(TestFixture.draft("Amina Two"))
            let c = try await people.register(TestFixture.draft("Amina Three", centre: "SD12"))
            let year = CivilDate(Date()).year
            #expect(a.registrationNumber == "KRT-\(year)-000001")
            #expect(b.registrationNumber == "KRT-\(year)-000002")
            #expect(c.registrationNumber == "GDF-\(year)-000001")
            let read = try await people.find(a.id)
            #expect(read.personal.nameOriginal == "Amina One")
            #expect(read.facts.nationality == "ERI")
            #expect(read.consentRecordedBy?.uuidString == cw.userID)
        }
    }

    @Test func otherCentresPeopleAreNotFound() async throws {
        try await TestApp.with { app, fx in
            let khartoum = try await fx.actor("cw1", .caseworker, centres: ["SD01"])
            let kassala = try await fx.actor("cw2", .caseworker, centres: ["SD11"])
            let person = try await fx.people(khartoum).register(TestFixture.draft())
            await #expect(throws: StoreError.notFound) { try await fx.people(kassala).find(person.id) }
            await #expect(throws: StoreError.notFound) {
                try await fx.people(kassala).update(person.id, with: person.draft, expectedVersion: 1)
            }
            let list = try await fx.people(kassala).list(query: nil, centre: nil, page: 1, per: 25)
            #expect(list.total == 0)
            let search = try await fx.people(kassala).list(query: "Amina", centre: nil, page: 1, per: 25)
            #expect(search.total == 0)
        }
    }

    @Test func registeringAtAnotherCentreIsRefused() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker, centres: ["SD01"])
            await #expect(throws: StoreError.invalid([FieldError(.centre, .unknownValue)])) {
                try await fx.people(cw).register(TestFixture.draft(centre: "SD11"))
            }
            #expect(try await Person.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: [Role.administrator, .dataOfficer])
    func rolesWithoutPersonalAccessAreForbidden(role: Role) async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let other = try await fx.actor("other", role, centres: ["SD01"])
            await #expect(throws: StoreError.forbidden) { try await fx.people(other).find(person.id) }
            await #expect(throws: StoreError.forbidden) { try await fx.people(other).register(TestFixture.draft()) }
            await #expect(throws: StoreError.forbidden) {
                try await fx.people(other).list(query: nil, centre: nil, page: 1, per: 10)
            }
        }
    }

    @Test func invalidDraftSavesNothing() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            var draft = TestFixture.draft()
            draft.sex = nil
            await #expect(throws: StoreError.invalid([FieldError(.sex, .required)])) {
                try await fx.people(cw).register(draft)
            }
            #expect(try await Person.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "person.create").count() == 0)
        }
    }

    @Test func editsKeepHistoryAndRefuseStaleVersions() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let people = fx.people(cw)
            let person = try await people.register(TestFixture.draft())
            var change = person.draft
            change.phone = "+249 912 345 678"
            let updated = try await people.update(person.id, with: change, expectedVersion: 1)
            #expect(updated.version == 2)
            #expect(updated.personal.phone == "+249912345678")
            var stale = person.draft
            stale.notes = "typed in another tab"
            await #expect(throws: StoreError.versionConflict(current: 2)) {
                try await people.update(person.id, with: stale, expectedVersion: 1)
            }
            let history = try await people.history(person.id)
            #expect(history.count == 1)
            #expect(history[0].changes == [FieldChange(field: "phone", old: nil, new: "+249912345678")])
            #expect(try await people.find(person.id).personal.notes == nil)
            // The search box finds a phone number however it is spaced, through the blind index only.
            let found = try await people.list(query: "+249 912 345 678", centre: nil, page: 1, per: 10)
            #expect(found.items.map(\.id) == [person.id])
            #expect(try await people.list(query: "+249 912 345 679", centre: nil, page: 1, per: 10).items.isEmpty)
        }
    }

    @Test func searchFindsADocumentNumberThroughItsBlindIndex() async throws {
        try await TestApp.with { app, fx in
            let people = fx.people(try await fx.actor("amna", .caseworker))
            var draft = TestFixture.draft("Selam Tesfay")
            draft.documents = [DocumentDraft(type: "passport", number: "P 1234-567", issuingCountry: "ERI")]
            let person = try await people.register(draft)
            _ = try await people.register(TestFixture.draft("Selam Other"))
            #expect(
                try await people.list(query: "p1234567", centre: nil, page: 1, per: 10).items.map(\.id) == [person.id])
            let digests = try await PersonIdentifier.query(on: app.db).all().map(\.digest)
            #expect(!digests.isEmpty && !digests.contains { $0.contains("1234567") }, "only digests are stored")
        }
    }

    @Test func searchFoldsArabicVariantsAndFindsRegistrationNumbers() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let people = fx.people(cw)
            var draft = TestFixture.draft("فاطمة إبراهيم")
            draft.nameLatin = "Fatima Ibrahim"
            let fatima = try await people.register(draft)
            _ = try await people.register(TestFixture.draft("ሰላም ተስፋይ"))
            for query in ["فاطمه", "ابراهيم", "FATIMA", "ibra", "فاطمة ابراهيم"] {
                let found = try await people.list(query: query, centre: nil, page: 1, per: 10)
                #expect(found.items.map(\.id) == [fatima.id], "\(query)")
            }
            let byNumber = try await people.list(
                query: fatima.registrationNumber.lowercased(), centre: nil, page: 1, per: 10)
            #expect(byNumber.items.map(\.id) == [fatima.id])
            #expect(try await people.list(query: "ተስፋይ", centre: nil, page: 1, per: 10).total == 1)
            #expect(try await people.list(query: "زينب", centre: nil, page: 1, per: 10).total == 0)
        }
    }

    @Test func anotherInstancesWritesReachTheNameIndex() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            // A second store context over the same database stands for a second server instance.
            let other = StoreContext(keys: fx.context.keys)
            try await other.names.refresh(on: app.db, context: other)
            _ = try await fx.people(cw).register(TestFixture.draft("Hiwet Kidane"))
            let repo = PeopleService(db: app.db, actor: cw, context: other)
            #expect(try await repo.list(query: "hiwet", centre: nil, page: 1, per: 10).total == 1)
        }
    }

    @Test func concurrentRegistrationsGetDistinctNumbers() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let people = fx.people(cw)
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<12 {
                    group.addTask { try await people.register(TestFixture.draft("Person \(i)")).registrationNumber }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(numbers).count == 12)
            // The caseworker's account: created, and a privilege change (it opens personal data).
            #expect(try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit) == .intact(entries: 14))
        }
    }
}
