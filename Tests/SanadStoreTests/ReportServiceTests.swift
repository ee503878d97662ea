import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Dashboard figures against a small data set whose answers are known by hand.
@Suite struct ReportServiceTests {
    static func draft(_ name: String, sex: Gender, age: Int, nationality: String, research: Bool = true) -> PersonDraft
    {
        var d = TestFixture.draft(name)
        d.sex = sex.rawValue
        d.estimatedAge = String(age)
        d.nationality = nationality
        d.consent.toldResearch = research
        return d
    }

    struct World {
        let fx: TestFixture
        let cw: Actor
        let officer: Actor
        let today: CivilDate

        func person(_ name: String, sex: Gender, age: Int, nationality: String, research: Bool = true) async throws
            -> (PersonRecord, UUID)
        {
            let p = try await fx.people(cw).register(
                ReportServiceTests.draft(name, sex: sex, age: age, nationality: nationality, research: research))
            let c = try await CaseService(db: fx.app.db, actor: cw, context: fx.context).open(
                personID: p.id, priority: "normal", risk: "low", caseworker: nil)
            return (p, c.id)
        }

        func service(_ caseID: UUID, _ type: String, daysAgo: Int, quantity: String = "1") async throws {
            let s = ServiceDraft(
                date: today.adding(days: -daysAgo).description, type: type, quantity: quantity, status: "delivered")
            _ = try await CaseService(db: fx.app.db, actor: cw, context: fx.context).recordService(caseID, s)
        }

        /// An awareness event held by SD01 four days ago, with these participants.
        func event(_ participants: [(ReportSex, AgeGroup, Int)]) async throws {
            var event = AwarenessEventDraft()
            event.type = "radio"
            event.title = "Safe migration"
            event.startDate = today.adding(days: -4).description
            event.statePcode = "SD01"
            event.centre = "SD01"
            for (sex, age, n) in participants { event.participants[ParticipantGroup(sex: sex, age: age)!] = String(n) }
            _ = try await EventService(db: fx.app.db, actor: cw, context: fx.context).record(event)
        }

        func query(_ from: Int = 30, nationality: String? = nil, centre: String? = nil) -> ReportQuery {
            try! ReportQuery.make(
                from: today.adding(days: -from).description, to: today.description, centre: centre,
                nationality: nationality, knownCentres: ["SD01", "SD11", "SD12"]
            ).get()
        }
    }

    static func world(_ fx: TestFixture) async throws -> World {
        World(
            fx: fx, cw: try await fx.actor("cw-r", .caseworker), officer: try await fx.actor("do-r", .dataOfficer),
            today: CivilDate(Date()))
    }

    @Test func peopleCountOnceWhateverTheirServices() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            let (_, a) = try await w.person("Amal Idris", sex: .feminine, age: 30, nationality: "ERI")
            let (_, b) = try await w.person("Musa Kiros", sex: .masculine, age: 15, nationality: "ETH")
            let (_, c) = try await w.person("Sara Tekle", sex: .feminine, age: 12, nationality: "ERI")
            try await w.service(a, "food", daysAgo: 3)
            try await w.service(a, "medical", daysAgo: 2)
            try await w.service(a, "food", daysAgo: 1, quantity: "2")
            try await w.service(b, "food", daysAgo: 5)
            try await w.service(c, "mhpss", daysAgo: 60)  // before the period
            // A supervisor sees exact counts; a data officer's are protected (dataOfficerSeesNoSmallCells).
            let sup = try await fx.actor("sup-counts", .supervisor)
            let reports = ReportService(db: app.db, actor: sup, context: fx.context)
            let s = try await reports.summary(w.query())
            #expect(s.assisted.total == 2)
            #expect(s.assisted.count(.female, .adults) == 1 && s.assisted.count(.male, .children) == 1)
            #expect(s.services["food"]?.records == 3 && s.services["food"]?.quantity == 4)
            #expect(s.services["food"]?.people.total == 2)
            #expect(s.services["mhpss"] == nil)
            #expect(s.registrations.total == 3)
            #expect(s.registrations.count(.female, .children) == 1)
            let eritreans = try await reports.summary(w.query(nationality: "ERI"))
            #expect(eritreans.assisted.total == 1 && eritreans.registrations.total == 2)
            let longer = try await reports.summary(w.query(90))
            #expect(longer.assisted.total == 3)
            #expect(longer.months.map(\.assisted).reduce(0, +) >= 3)
            let kassala = try await reports.summary(w.query(centre: "SD11"))
            #expect(kassala.assisted.total == 0)
        }
    }

    @Test func victimsReturnsReferralsEventsAndNights() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            let sup = try await fx.actor("sup-r", .supervisor)
            let (p, c) = try await w.person("Helen Berhe", sex: .feminine, age: 25, nationality: "ERI")
            try await ScreeningService(db: app.db, actor: sup, context: fx.context).decide(
                personID: p.id, status: .possible, organisation: nil)
            try await CaseService(db: app.db, actor: w.cw, context: fx.context).requestApproval(
                c, kind: .traffickingConfirmation, subject: TraffickingStatus.actual.rawValue)
            let supCases = CaseService(db: app.db, actor: sup, context: fx.context)
            let pending = try await supCases.file(c).pendingApproval!
            try await supCases.decide(c, approval: pending.id, approve: true, comment: "")
            let returns = ReturnService(db: app.db, actor: w.cw, context: fx.context)
            let request = AVRRRequestDraft(country: "ERI", place: "Asmara", date: w.today.adding(days: -9).description)
            let r = try await returns.request(caseID: c, request)
            for (i, step) in AVRRStep.sequence.dropFirst().prefix(7).enumerated() {
                let d = AVRRStepDraft(step: step.rawValue, date: w.today.adding(days: -8 + i).description)
                _ = try await returns.advance(r.id, d, expectedVersion: nil)
            }
            try await w.event([(.female, .adults, 12), (.male, .children, 3)])
            let s = try await ReportService(db: app.db, actor: sup, context: fx.context).summary(w.query())
            #expect(s.presumedVictims.total == 1 && s.confirmedVictims.total == 1)
            #expect(s.departures.total == 1 && s.departures.count(.female, .adults) == 1)
            #expect(s.events == 1 && s.participantsTotal == 15 && s.participants["f_adults"] == 12)
        }
    }

    /// Issue 19, finding 3: a data officer's figures for one person (one nationality, one day, fine bands) show
    /// nothing that counts fewer than 5, nor anything that would give it away by subtraction.
    @Test func dataOfficerSeesNoSmallCells() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            let (_, a) = try await w.person("Amal Idris", sex: .feminine, age: 30, nationality: "ERI")
            try await w.service(a, "food", daysAgo: 1)
            for i in 0..<6 {
                let (_, c) = try await w.person("Musa Kiros \(i)", sex: .masculine, age: 31, nationality: "ETH")
                try await w.service(c, "food", daysAgo: 1)
            }
            let s = try await ReportService(db: app.db, actor: w.officer, context: fx.context).summary(w.query())
            let banding = s.query.banding
            for b in [s.assisted, s.registrations, s.services["food"]!.people] {
                let shown = b.shown(banding)
                let figures = [shown.total] + shown.columns + [shown.other]
                #expect(!figures.contains { ($0 ?? 0) > 0 && ($0 ?? 0) < SmallCells.threshold }, "\(figures)")
                #expect(shown.total == 7, "the total of 7 stays")
                #expect(b.suppressed.count >= 2, "the single woman and the cell that would reveal her: \(b.suppressed)")
            }
            let eritreans = try await ReportService(db: app.db, actor: w.officer, context: fx.context).summary(
                w.query(nationality: "ERI"))
            #expect(eritreans.assisted.shown(banding).total == nil)
            #expect(eritreans.assisted.isSuppressed("total"))
            let sup = try await fx.actor("sup-small", .supervisor)
            let exact = try await ReportService(db: app.db, actor: sup, context: fx.context).summary(
                w.query(nationality: "ERI"))
            #expect(exact.assisted.total == 1 && exact.assisted.suppressed.isEmpty, "supervisors see their records")
        }
    }

    @Test func badPeriodsAndCodesAreRefusedBeforeAnyWork() {
        let known: Set<String> = ["SD01"]
        #expect(
            ReportQuery.make(from: "2026-05-01", to: "2026-04-01", knownCentres: known).failure?.errors["to"]
                == .tooEarly)
        #expect(
            ReportQuery.make(from: "2026-13-01", to: "2026-04-01", knownCentres: known).failure?.errors["from"]
                == .invalidDate)
        #expect(ReportQuery.make(from: "1990-01-01", to: "2026-04-01", knownCentres: known).failure != nil)
        #expect(
            ReportQuery.make(from: "2026-01-01", to: "2026-04-01", centre: "XX9", knownCentres: known).failure?.errors[
                "centre"] == .unknownValue)
        #expect(
            ReportQuery.make(from: "2026-01-01", to: "2026-04-01", nationality: "ZZZ", knownCentres: known).failure?
                .errors["nationality"] == .unknownValue)
        #expect(ReportQuery.make(from: "2026-01-01", to: "2026-03-31", knownCentres: known).success?.months.count == 3)
    }

    @Test func caseworkersDoNotSeeAggregates() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            await #expect(throws: StoreError.forbidden) {
                _ = try await ReportService(db: app.db, actor: w.cw, context: fx.context).summary(w.query())
            }
        }
    }

    @Test func hxlExportIsTaggedAndSuppressesSmallCells() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            for i in 0..<7 {
                let (_, c) = try await w.person("Woman \(i) Test", sex: .feminine, age: 30, nationality: "ERI")
                try await w.service(c, "food", daysAgo: 2)
            }
            for i in 0..<6 {
                let (_, c) = try await w.person("Man \(i) Test", sex: .masculine, age: 35, nationality: "SSD")
                try await w.service(c, "food", daysAgo: 2)
            }
            let (_, boy) = try await w.person("Boy Test", sex: .masculine, age: 14, nationality: "SSD")
            try await w.service(boy, "food", daysAgo: 2)
            let rows = try await HXLExport(db: app.db, actor: w.officer, context: fx.context).table(
                w.query(), by: [.centre])
            #expect(rows[1].first == "#date+start" && rows[1].contains("#adm1+code+v_pcodes"))
            #expect(rows[1].contains("#reached+ind+f+adults") && rows[1].last == "#meta+suppressed")
            let header = rows[1]
            let data = rows[2]
            #expect(data[header.firstIndex(of: "#reached+ind")!] == "14")
            #expect(data[header.firstIndex(of: "#reached+ind+f+adults")!] == "7")
            #expect(data[header.firstIndex(of: "#reached+ind+m")!] == "7")
            // The single boy is below the threshold: blanked, and the men's adults too, or 7 − 6 would reveal him.
            #expect(data[header.firstIndex(of: "#reached+ind+m+children")!] == "")
            #expect(data[header.firstIndex(of: "#reached+ind+m+adults")!] == "")
            #expect(data.last?.contains("reached_m_children<5") == true)
            let byNationality = try await HXLExport(db: app.db, actor: w.officer, context: fx.context).table(
                w.query(), by: [.centre, .nationality, .sex])
            #expect(byNationality[1].contains("#country+origin+code+v_iso3") && byNationality[1].contains("#x_sex"))
            #expect(throws: HXLExportError.unknownBreakdown("colour")) { try HXLExport.breakdowns("centre,colour") }
        }
    }

    /// Issue 13, item 3: services delivered by type and event participants, under the same small-cell rules.
    @Test func hxlExportCarriesServicesByTypeAndEventParticipants() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            for i in 0..<7 {
                let (_, c) = try await w.person("Woman \(i) Test", sex: .feminine, age: 30, nationality: "ERI")
                try await w.service(c, "food", daysAgo: 2)
                if i < 3 { try await w.service(c, "medical", daysAgo: 1) }
                let (_, m) = try await w.person("Man \(i) Test", sex: .masculine, age: 35, nationality: "SSD")
                try await w.service(m, "food", daysAgo: 2)
            }
            let (_, boy) = try await w.person("Boy Test", sex: .masculine, age: 14, nationality: "SSD")
            try await w.service(boy, "legal-aid", daysAgo: 2)
            try await w.event([(.female, .adults, 12), (.male, .children, 3), (.unknown, .adults, 6)])

            let hxl = HXLExport(db: app.db, actor: w.officer, context: fx.context)
            let rows = try await hxl.table(w.query(), by: [.centre])
            #expect(rows.count == 3)
            let header = rows[1]
            func cell(_ tag: String) -> String? { header.firstIndex(of: tag).map { rows[2][$0] } }
            #expect(cell("#reached+ind") == "15")
            #expect(cell("#indicator+num+services") == "18")
            #expect(cell("#indicator+num+services+food") == "14")
            #expect(cell("#indicator+num+services+cash") == "0")
            // 3 medical sessions and 1 legal-aid session are small cells; their sum (4) pins neither down.
            #expect(cell("#indicator+num+services+medical") == "" && cell("#indicator+num+services+legal_aid") == "")
            #expect(rows[2].last?.contains("services_medical<5") == true)
            #expect(cell("#reached+ind+awareness") == "21")
            #expect(cell("#reached+ind+awareness+f") == "12" && cell("#reached+ind+awareness+f+adults") == "12")
            #expect(cell("#reached+ind+awareness+m") == "" && cell("#reached+ind+awareness+m+children") == "")
            // With the men blanked, the unknown-sex 6 would give them away (21 − 12 − 6): blanked too.
            #expect(cell("#reached+ind+awareness+sex_unknown") == "")
            #expect(rows[2].last?.contains("participants_m<5") == true)

            // Participants have no nationality: rows by nationality carry services but no participants.
            let byNationality = try await hxl.table(w.query(), by: [.centre, .nationality])
            #expect(byNationality[1].contains("#indicator+num+services+food"))
            #expect(!byNationality[1].contains("#reached+ind+awareness"))
            let eritrean = byNationality.first { $0.contains("ERI") }!
            #expect(eritrean[byNationality[1].firstIndex(of: "#indicator+num+services")!] == "10")
        }
    }

    @Test func ctdcExportHasOnlyConsentingVictimsAndMeetsK() async throws {
        try await TestApp.with { app, fx in
            let w = try await Self.world(fx)
            let sup = try await fx.actor("sup-c", .supervisor)
            let screenings = ScreeningService(db: app.db, actor: sup, context: fx.context)
            for i in 0..<6 {
                let (p, _) = try await w.person(
                    "Victim \(i) Test", sex: .feminine, age: 20 + i, nationality: "ERI", research: i < 5)
                try await screenings.decide(personID: p.id, status: .possible, organisation: nil)
            }
            _ = try await w.person("Not A Victim", sex: .masculine, age: 40, nationality: "ETH")
            let source = try await CTDCSource(db: app.db, context: fx.context).cases(actorID: nil)
            #expect(source.table.rows.count == 5 && source.withoutConsent == 1)
            #expect(source.table.header == CTDCFormat.columns2017)
            let row = source.table.rows[0]
            #expect(row[source.table.header.firstIndex(of: "gender")!] == "Female")
            #expect(row[source.table.header.firstIndex(of: "citizenship")!] == "ER")
            let (output, _) = try DisclosureControl.anonymise(source.table, quasi: CTDCFormat.defaultQuasi, k: 3)
            let indexes = CTDCFormat.defaultQuasi.map { output.header.firstIndex(of: $0)! }
            let groups = Dictionary(grouping: output.rows) { r in indexes.map { r[$0] } }
            #expect(groups.values.allSatisfy { $0.count >= 3 })
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }

    var success: Success? {
        if case .success(let s) = self { return s }
        return nil
    }
}

/// The trend test over stored data: a month with many more Eritrean registrations than the year before is
/// flagged, a steady nationality is not, and a month still running is never the one tested.
@Suite struct TrendServiceTests {
    @Test func aSurgeIsFlaggedAndASteadySeriesIsNot() async throws {
        let box = ClockBox()
        try await TestApp.with(clock: { box.now }) { app, fx in
            let cw = try await fx.actor("cw-t", .caseworker)
            let officer = try await fx.actor("do-t", .dataOfficer)
            let firstOfMonth = CivilDate(year: 2026, month: 10, day: 1)!
            // Twelve baseline months with 3 Eritreans and 3 Ethiopians each, then October with 20 and 3.
            for back in 0...12 {
                let month = firstOfMonth.adding(days: -back * 30 - 1)
                let eritreans = back == 0 ? 20 : 3
                for i in 0..<(eritreans + 3) {
                    box.now = ReportService.instant(back == 0 ? firstOfMonth.adding(days: 3) : month)
                    var d = TestFixture.draft("Person \(back)-\(i) Test")
                    d.nationality = i < eritreans ? "ERI" : "ETH"
                    _ = try await fx.people(cw).register(d)
                }
            }
            box.now = ReportService.instant(CivilDate(year: 2026, month: 11, day: 10)!)
            let query = try ReportQuery.make(from: "2026-01-01", to: "2026-11-10", knownCentres: ["SD01"]).get()
            let report = try await TrendService(db: app.db, actor: officer, context: fx.context).trends(query)
            #expect(report.month == "2026-10")
            let eritrea = report.findings.first { $0.dimension == .nationality && $0.flag.category == "ERI" }
            #expect(eritrea?.flag.direction == .rise && eritrea?.flag.observed == 20)
            #expect(!report.findings.contains { $0.flag.category == "ETH" })
        }
    }
}

@Suite struct TrendPeriodTests {
    @Test func theTestedPeriodIsTheLastWholeOne() {
        func d(_ s: String) -> CivilDate { CivilDate(s)! }
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-11-29"), monthsPer: 1) == d("2026-10-01"))
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-11-30"), monthsPer: 1) == d("2026-11-01"))
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-01-05"), monthsPer: 1) == d("2025-12-01"))
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-11-29"), monthsPer: 3) == d("2026-07-01"))
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-12-31"), monthsPer: 3) == d("2026-10-01"))
        #expect(TrendService.lastWholePeriod(endingBy: d("2026-02-10"), monthsPer: 3) == d("2025-10-01"))
        #expect(TrendService.month(d("2026-11-15"), plus: -23) == d("2024-12-01"))
    }
}

final class ClockBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Date()

    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
