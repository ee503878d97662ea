import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore
@testable import SanadWeb

/// Lists stay inside the 30 KB page budget with 5,000 open cases in one centre, in English and Arabic, and overdue
/// work stays first (issue 13, item 5). Before paging, "my centre" at this size weighed 189 KB.
@Suite struct WorkListSizeTests {
    /// 5,000 people with an open case each at SD01, assigned to `caseworker`, each with an open plan item; every
    /// tenth one overdue. Inserted in bulk, past the registration checks (5,000 registrations would take minutes).
    static func fill(_ fx: TestFixture, caseworker: UUID, staff: UUID) async throws -> Set<UUID> {
        let today = CivilDate(Date())
        var overdue: Set<UUID> = []
        for batch in stride(from: 0, to: 5000, by: 500) {
            var people: [Person] = []
            var cases: [CaseRecord] = []
            var plan: [PlanItem] = []
            for i in batch..<batch + 500 {
                let p = Person()
                p.id = UUID()
                p.centreCode = "SD01"
                p.registrationNumber = "KRT-2026-\(String(format: "%06d", 100_000 + i))"
                p.sex = i % 2 == 0 ? Gender.feminine.rawValue : Gender.masculine.rawValue
                p.birthYear = 1990
                p.nationality = "ERI"
                p.languages = []
                p.flags = []
                p.consent = ["interview"]
                // Fixed names: the list pages open the rows they show.
                p.sealed = try fx.context.cipher.seal(
                    PersonalData(nameOriginal: "محمد عثمان \(i)", nameLatin: "Mohamed Osman \(i)"),
                    context: Person.sealContext(p.id!))
                p.version = 1
                p.createdBy = staff
                p.createdAt = Date()
                p.updatedAt = p.createdAt
                people.append(p)
                let c = CaseRecord()
                c.id = UUID()
                c.personID = p.id!
                c.centreCode = "SD01"
                c.caseworkerID = caseworker
                c.priority = "normal"
                c.risk = "low"
                c.stage = "assistance"
                c.openedOn = today.adding(days: -30).description
                c.version = 1
                c.createdAt = p.createdAt
                c.updatedAt = p.createdAt
                cases.append(c)
                let item = PlanItem()
                item.id = UUID()
                item.caseID = c.id!
                item.needSealed = Data([0])
                item.serviceType = "food"
                item.due = today.adding(days: i % 10 == 0 ? -3 : 5 + i % 20).description
                item.status = "open"
                item.createdAt = p.createdAt
                plan.append(item)
                if i % 10 == 0 { overdue.insert(c.id!) }
            }
            let (rows, caseRows, planRows) = (people, cases, plan)
            try await fx.app.db.transaction { tx in
                try await rows.create(on: tx)
                try await caseRows.create(on: tx)
                try await planRows.create(on: tx)
            }
        }
        return overdue
    }

    @Test func workListsAndListsStayUnder30KBAt5000OpenCases() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.user("amna-busy", .caseworker)
            let sup = try await fx.user("sara-busy", .supervisor)
            let overdue = try await Self.fill(fx, caseworker: cw.id, staff: cw.id)
            var largest = (0, "")
            for user in [cw, sup] {
                var client = WebClient(app: app, session: try await fx.browserSession(for: user))
                for language in ["en", "ar"] {
                    client.language = language
                    var paths = ["/work", "/work?page=2", "/people", "/cases", "/cases?page=100", "/events"]
                    if user.role == .supervisor { paths += ["/work?scope=centre", "/work?scope=centre&page=101"] }
                    for path in paths {
                        let response = try await client.get(path)
                        #expect(response.status == .ok, "\(path)")
                        if response.body.readableBytes > largest.0 {
                            largest = (response.body.readableBytes, "\(user.role) \(language) \(path)")
                        }
                    }
                }
            }
            #expect(largest.0 < 30 * 1024, "largest list page: \(largest.1) \(largest.0) bytes")
            print("largest list page at 5,000 open cases: \(largest.1) \(largest.0) bytes")

            // The whole list is counted, and its first page holds only overdue items (500 of the 5,000).
            let items = try await StoreServices(
                db: app.db, actor: Actor(userID: cw.id.uuidString, role: .caseworker, centres: ["SD01"]),
                context: fx.context
            ).work.items(mine: true)
            #expect(items.count == 5000)
            #expect(items.prefix(WorkPageController.perPage).allSatisfy { overdue.contains($0.caseID) })
            let client = WebClient(app: app, session: try await fx.browserSession(for: cw))
            let first = try await client.get("/work")
            #expect(first.text.contains("rel=\"next\""))
            #expect(first.text.components(separatedBy: "class=\"overdue\"").count - 1 == WorkPageController.perPage)
        }
    }
}
