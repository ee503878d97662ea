import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// People search through the identity engine (issue 17), on SQLite and, with DATABASE_URL, PostgreSQL.
@Suite struct PeopleSearchTests {
    static func draft(
        _ original: String, _ latin: String? = nil, sex: Gender = .masculine, age: Int = 30,
        nationality: String = "SDN", phone: String? = nil, centre: String = "SD01"
    ) -> PersonDraft {
        var d = TestFixture.draft(original, centre: centre)
        d.nameLatin = latin
        d.sex = sex.rawValue
        d.estimatedAge = String(age)
        d.nationality = nationality
        d.phone = phone
        return d
    }

    @Test func oneNameInFiveSpellingsAndThreeScriptsFindsTheSamePeople() async throws {
        try await TestApp.with { app, fx in
            let caseworker = try await fx.actor("caseworker1", .caseworker)
            let people = fx.people(caseworker)
            let mohamed = try await people.register(Self.draft("Mohamed Ahmed Ali"))
            let osman = try await people.register(Self.draft("محمد عثمان", "Mohammed Osman"))
            let seid = try await people.register(Self.draft("ሙሓመድ ሰዒድ", "Mohammed Seid", nationality: "ERI"))
            let idris = try await people.register(Self.draft("Muhammad Idris", age: 60))
            _ = try await people.register(Self.draft("Mahmoud Hassan"))
            _ = try await people.register(Self.draft("Amina Yusuf", sex: .feminine))
            let expected = Set([mohamed.id, osman.id, seid.id, idris.id])
            var orders: [[UUID]] = []
            for query in ["Mohamed", "Mohammed", "Muhammad", "محمد", "መሓመድ"] {
                var search = PeopleSearch()
                search.text = query
                let result = try await people.search(search, page: 1, per: 25)
                #expect(Set(result.page.items.map(\.id)) == expected, "\(query)")
                #expect(result.page.items.allSatisfy { !(result.hits[$0.id]?.reasons.isEmpty ?? true) }, "\(query)")
                orders.append(result.page.items.map(\.id))
            }
            // The same spelling comes first: "Muhammad" finds Muhammad Idris before the Mohameds.
            #expect(orders[2].first == idris.id)
            var geez = PeopleSearch()
            geez.text = "Mohamed"
            let seidHit = try await people.search(geez, page: 1, per: 25).hits[seid.id]
            #expect(seidHit?.reasons.contains(.otherSpelling) == true || seidHit?.reasons.contains(.sameName) == true)

            // Narrowing, alone and with a name.
            var old = PeopleSearch()
            old.text = "Mohamed"
            old.filter.ageFrom = 50
            #expect(try await people.search(old, page: 1, per: 25).page.items.map(\.id) == [idris.id])
            var eritreans = PeopleSearch()
            eritreans.filter.nationality = "ERI"
            #expect(try await people.search(eritreans, page: 1, per: 25).page.items.map(\.id) == [seid.id])
            var women = PeopleSearch()
            women.filter.sex = Gender.feminine.rawValue
            #expect(try await people.search(women, page: 1, per: 25).page.total == 1)
        }
    }

    @Test func identifiersFirstAndOtherCentresOnlyCounted() async throws {
        try await TestApp.with { app, fx in
            let caseworker = try await fx.actor("caseworker1", .caseworker)
            let kassala = try await fx.actor("caseworker2", .caseworker, centres: ["SD12"])
            let people = fx.people(caseworker)
            let phoned = try await people.register(Self.draft("Tesfay Haile", phone: "+249912345678"))
            let namesake = try await people.register(Self.draft("Abdel Rahman Osman"))
            _ = try await fx.people(kassala).register(Self.draft("Abdelrahman Osman", centre: "SD12"))
            var byPhone = PeopleSearch()
            byPhone.text = "0912 345 678"
            let found = try await people.search(byPhone, page: 1, per: 25)
            #expect(found.page.items.map(\.id) == [phoned.id])
            #expect(found.hits[phoned.id]?.reasons == [.phone])
            // The narrowing applies to a phone too.
            byPhone.filter.sex = Gender.feminine.rawValue
            #expect(try await people.search(byPhone, page: 1, per: 25).page.total == 0)
            var compound = PeopleSearch()
            compound.text = "Abdelrahman Osman"
            let split = try await people.search(compound, page: 1, per: 25)
            #expect(split.page.items.map(\.id) == [namesake.id])
            #expect(split.elsewhere == ["SD12": 1])
            // Narrowed, other centres are not counted: one guess at a time would tell a stranger's age.
            compound.filter.ageFrom = 30
            compound.filter.ageTo = 30
            #expect(try await people.search(compound, page: 1, per: 25).elsewhere.isEmpty)
            compound.filter = PeopleFilter()
            // A single name says nothing about other centres.
            compound.text = "Osman"
            #expect(try await people.search(compound, page: 1, per: 25).elsewhere.isEmpty)
        }
    }
}
