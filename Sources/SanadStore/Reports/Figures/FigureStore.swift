import Foundation
import SQLKit
import SanadCore

/// The facts the dashboard counts, held in memory per server process and kept exact from the change log.
///
/// Counting a year of 100,000 people and a million services in SQL took 3–10 s a view (issue 13), most of it the
/// distinct people per month and per service type. Here the same counts are a pass over arrays of small numbers.
/// The database stays the only truth: every request first reads what changed since the last one (`ChangeFeed`,
/// written by triggers in every instance's transactions), so a record saved, corrected or merged by any instance
/// shows in the next figures; a process that starts reads everything once.
actor FigureStore {
    var codes = FigureCodes()
    var people = FactTable(empty: PersonTally())
    var services = FactTable(empty: ServiceTally())
    var screenings = FactTable(empty: ScreeningTally())
    var statusChanges = FactTable(empty: StatusChangeTally())
    var referrals = FactTable(empty: ReferralTally())
    var returns = FactTable(empty: ReturnTally())
    var steps = FactTable(empty: ReturnStepTally())
    /// Where the next look at the change log starts; nil until everything has been read once.
    private var mark: Int64?
    private var refreshing: Task<Void, any Error>?
    /// How many full reads were made (a test shows that small changes do not cause one).
    private(set) var fullReads = 0

    /// Beyond this many waiting changes, reading every table again is cheaper than record by record.
    static let changeLimit = 20_000

    init() {}

    /// Brings the facts up to what the database holds now. One refresh at a time, each after the one before, so
    /// a request always sees a refresh that started after it arrived.
    func refresh(_ sql: any SQLDatabase) async throws {
        let previous = refreshing
        let task = Task {
            _ = try? await previous?.value
            try await self.catchUp(sql)
        }
        refreshing = task
        try await task.value
    }

    private func catchUp(_ sql: any SQLDatabase) async throws {
        let feed = ChangeFeed(sql: sql)
        let next = try await feed.mark()
        if let mark, let changed = try await feed.changes(since: mark, limit: Self.changeLimit) {
            if !changed.isEmpty { apply(try await FigureBatch.read(sql, ids: changed)) }
        } else {
            let batch = try await FigureBatch.read(sql, ids: nil)
            reset()
            apply(batch)
            fullReads += 1
        }
        mark = next
    }

    private func reset() {
        codes = FigureCodes()
        people.removeAll()
        services.removeAll()
        screenings.removeAll()
        statusChanges.removeAll()
        referrals.removeAll()
        returns.removeAll()
        steps.removeAll()
    }

    /// Applied in one go, with no suspension, so a count never sees half a refresh.
    private func apply(_ batch: FigureBatch) {
        for row in batch.people {
            let s = people.slot(row.id)
            people[s] = PersonTally(
                live: true, sex: ReportSex(htcds: row.sex), birthYear: Int32(row.birthYear ?? 0),
                nationality: codes.number(row.nationality), centre: codes.number(row.centre),
                created: DayNumber.of(row.created), mergedInto: row.mergedInto)
        }
        for row in batch.returns {
            let s = returns.slot(row.id)
            returns[s] = ReturnTally(live: true, person: people.slot(row.person), centre: codes.number(row.centre))
        }
        for row in batch.services {
            let s = services.slot(row.id)
            services[s] = ServiceTally(
                live: true, person: people.slot(row.person), centre: codes.number(row.centre),
                day: DayNumber.of(row.date) ?? 0, type: codes.number(row.type), quantity: row.quantity,
                delivered: row.status == "delivered")
        }
        for row in batch.screenings {
            let s = screenings.slot(row.id)
            screenings[s] = ScreeningTally(
                live: true, person: people.slot(row.person), centre: codes.number(row.centre),
                instrument: codes.number(row.instrument),
                completed: row.status == "completed" ? row.completed.map(DayNumber.of) ?? 0 : 0,
                concluded: row.completed.map(DayNumber.of) ?? 0, conclusion: codes.number(row.conclusion ?? "unknown"))
        }
        for row in batch.statusChanges {
            let s = statusChanges.slot(row.id)
            statusChanges[s] = StatusChangeTally(
                live: true, person: people.slot(row.person), status: codes.number(row.status),
                day: DayNumber.of(row.at))
        }
        for row in batch.referrals {
            let s = referrals.slot(row.id)
            referrals[s] = ReferralTally(
                live: true, person: people.slot(row.person), centre: codes.number(row.centre),
                day: DayNumber.of(row.sentOn) ?? 0, status: codes.number(row.status))
        }
        for row in batch.steps {
            let s = steps.slot(row.id)
            steps[s] = ReturnStepTally(
                live: true, ret: returns.slot(row.ret), step: codes.number(row.step), day: DayNumber.of(row.date) ?? 0)
        }
        for (table, ids) in batch.gone {
            for id in ids {
                switch table {
                case "people": if let s = people.existing(id) { people[s].live = false }
                case "services": if let s = services.existing(id) { services[s].live = false }
                case "screenings": if let s = screenings.existing(id) { screenings[s].live = false }
                case "trafficking_status_changes":
                    if let s = statusChanges.existing(id) { statusChanges[s].live = false }
                case "referrals": if let s = referrals.existing(id) { referrals[s].live = false }
                case "returns": if let s = returns.existing(id) { returns[s].live = false }
                case "return_steps": if let s = steps.existing(id) { steps[s].live = false }
                default: break
                }
            }
        }
    }

    /// Each record's surviving record (itself unless merged): a merged record's activity counts for the survivor.
    /// Merges keep `merged_into` pointing at a survivor that is not itself merged (`IdentityService.merge`); a chain
    /// left by an older version is followed all the same.
    func survivors() -> [Int32] {
        var out = [Int32](repeating: -1, count: people.rows.count)
        for i in people.rows.indices {
            var at = Int32(i)
            var hops = 0
            while let next = people[at].mergedInto, let s = people.existing(next), hops < 8 {
                at = s
                hops += 1
            }
            out[i] = at
        }
        return out
    }
}
