import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// A person assisted under two records counts once after the merge and twice after the undo, in every figure
/// (issue 13, item 1). Runs on SQLite and, in CI, on PostgreSQL.
@Suite struct MergedCountTests {
    @Test func aMergedPersonCountsOnceAndTheUndoRestoresTheFigures() async throws {
        try await TestApp.with { app, fx in
            let w = try await ReportServiceTests.world(fx)
            let sup = try await fx.actor("sup-merge-count", .supervisor)
            let reports = ReportService(db: app.db, actor: sup, context: fx.context)
            let (first, a) = try await w.person("Amal Idris", sex: .feminine, age: 30, nationality: "ERI")
            let (second, b) = try await w.person("Amal Edris", sex: .feminine, age: 30, nationality: "ERI")
            let (_, c) = try await w.person("Musa Kiros", sex: .masculine, age: 40, nationality: "ETH")
            try await w.service(a, "food", daysAgo: 3)
            try await w.service(b, "food", daysAgo: 2)
            try await w.service(b, "medical", daysAgo: 2)
            try await w.service(c, "food", daysAgo: 1)
            // Two more people keep the export's cells above its smallest threshold.
            for name in ["Yonas Haile", "Selam Abraha"] {
                let (_, other) = try await w.person(name, sex: .masculine, age: 40, nationality: "ETH")
                try await w.service(other, "mhpss", daysAgo: 1)
            }
            let before = try await reports.summary(w.query())
            #expect(before.assisted.total == 5)
            #expect(before.services["food"]?.people.total == 3 && before.services["food"]?.records == 3)
            #expect(before.registrations.total == 5)
            let hxl = HXLExport(db: app.db, actor: sup, context: fx.context)
            func reached() async throws -> String {
                let rows = try await hxl.table(w.query(), by: [.centre], threshold: 3)
                return rows[2][rows[1].firstIndex(of: "#reached+ind")!]
            }
            #expect(try await reached() == "5")

            let identity = IdentityService(db: app.db, actor: sup, context: fx.context)
            try await identity.merge(survivor: first.id, merged: second.id)
            let merged = try await reports.summary(w.query())
            #expect(merged.assisted.total == 4)
            #expect(merged.assisted.count(.female, .adults) == 1)
            #expect(merged.services["food"]?.people.total == 2 && merged.services["food"]?.records == 3)
            #expect(merged.services["medical"]?.people.total == 1)
            #expect(merged.months.map(\.assisted).reduce(0, +) <= 5)
            #expect(merged.registrations.total == 4)
            #expect(try await reached() == "4")

            try await identity.unmerge(second.id)
            let undone = try await reports.summary(w.query())
            #expect(undone.assisted == before.assisted)
            #expect(undone.services == before.services)
            #expect(undone.registrations == before.registrations)
            #expect(try await reached() == "5")
        }
    }

    /// A record merged into one that is later merged itself counts for the last survivor; undoing the second merge
    /// gives the first its earlier record back.
    @Test func mergesIntoAMergedRecordFollowToTheLastSurvivor() async throws {
        try await TestApp.with { app, fx in
            let w = try await ReportServiceTests.world(fx)
            let sup = try await fx.actor("sup-merge-chain", .supervisor)
            let reports = ReportService(db: app.db, actor: sup, context: fx.context)
            let (x, a) = try await w.person("Sara Tekle", sex: .feminine, age: 20, nationality: "ERI")
            let (m, b) = try await w.person("Sarah Tekle", sex: .feminine, age: 20, nationality: "ERI")
            let (s, c) = try await w.person("Sara Teklay", sex: .feminine, age: 20, nationality: "ERI")
            for caseID in [a, b, c] { try await w.service(caseID, "food", daysAgo: 2) }
            let identity = IdentityService(db: app.db, actor: sup, context: fx.context)
            try await identity.merge(survivor: m.id, merged: x.id)
            #expect(try await reports.summary(w.query()).assisted.total == 2)
            try await identity.merge(survivor: s.id, merged: m.id)
            #expect(try await reports.summary(w.query()).assisted.total == 1)
            let people = PeopleService(db: app.db, actor: sup, context: fx.context)
            #expect(try await people.find(x.id).mergedInto == s.id)
            try await identity.unmerge(m.id)
            #expect(try await people.find(x.id).mergedInto == m.id)
            #expect(try await reports.summary(w.query()).assisted.total == 2)
        }
    }

    /// Small changes are read from the change log, not by reading every table again.
    @Test func figuresFollowTheChangeLogWithoutReadingEverythingAgain() async throws {
        try await TestApp.with { app, fx in
            let w = try await ReportServiceTests.world(fx)
            let sup = try await fx.actor("sup-feed", .supervisor)
            let reports = ReportService(db: app.db, actor: sup, context: fx.context)
            let (_, a) = try await w.person("Helen Berhe", sex: .feminine, age: 25, nationality: "ERI")
            #expect(try await reports.summary(w.query()).assisted.total == 0)
            let reads = await fx.context.figures.fullReads
            try await w.service(a, "food", daysAgo: 1)
            #expect(try await reports.summary(w.query()).assisted.total == 1)
            let (_, b) = try await w.person("Yonas Haile", sex: .masculine, age: 33, nationality: "ETH")
            try await w.service(b, "medical", daysAgo: 1)
            let s = try await reports.summary(w.query())
            #expect(s.assisted.total == 2 && s.registrations.total == 2)
            #expect(await fx.context.figures.fullReads == reads)
        }
    }
}
