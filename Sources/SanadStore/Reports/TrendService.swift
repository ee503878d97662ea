import Fluent
import Foundation
import SQLKit
import SanadCore

/// A flag with the dimension it belongs to.
public struct TrendFinding: Sendable, Equatable {
    public enum Dimension: String, Sendable, CaseIterable { case nationality, exploitation, centre }
    public let dimension: Dimension
    public let flag: TrendFlag
}

public struct TrendReport: Sendable, Equatable {
    /// The month tested, "YYYY-MM": the last whole month of the report's period.
    public let month: String
    public let test: String
    public let findings: [TrendFinding]
    /// Categories that had too little history or too few cases to test, by dimension.
    public let skipped: Int
}

/// Rises and falls unlikely to be chance: the last whole month of the period against the 12 months before it, for
/// each nationality and centre (new registrations) and each form of exploitation, by screening instrument (presumed victims).
public struct TrendService: Sendable {
    let reports: ReportService
    let test: TrendTest

    init(db: any Database, actor: Actor, context: StoreContext, test: TrendTest = TrendTest()) {
        self.reports = ReportService(db: db, actor: actor, context: context)
        self.test = test
    }

    /// The first day of the month `plus` months after `date`'s month.
    static func month(_ date: CivilDate, plus: Int) -> CivilDate {
        let index = date.year * 12 + (date.month - 1) + plus
        return CivilDate(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    /// The first month of the last whole month (or calendar quarter) that ends on or before `end`: a period
    /// still running would always look like a fall.
    static func lastWholePeriod(endingBy end: CivilDate, monthsPer: Int) -> CivilDate {
        let endsMonth = end.adding(days: 1).month != end.month
        var lastMonth = endsMonth ? month(end, plus: 0) : month(end, plus: -1)
        while (lastMonth.month % monthsPer) != 0 { lastMonth = month(lastMonth, plus: -1) }
        return month(lastMonth, plus: -(monthsPer - 1))
    }

    public func trends(_ query: ReportQuery) async throws -> TrendReport {
        let centres = try await reports.centres(for: query)
        let monthsPer = test.cadence == .monthly ? 1 : 3
        let periods = test.cadence.periodsPerYear + 1
        let last = Self.lastWholePeriod(endingBy: query.to, monthsPer: monthsPer)
        // The baseline year of periods, then the one tested; each period as its months.
        let months: [(period: Int, first: CivilDate)] = (0..<periods).flatMap { p in
            (0..<monthsPer).map { m in (p, Self.month(last, plus: (p - periods + 1) * monthsPer + m)) }
        }
        let label = monthsPer == 1 ? String(last.description.prefix(7)) : "\(last.year)-Q\((last.month - 1) / 3 + 1)"
        guard !centres.isEmpty else {
            return TrendReport(month: label, test: test.testName, findings: [], skipped: 0)
        }
        // From the dashboard's facts (`FigureStore`): 26 queries a view before, half a second at 100,000 people.
        try await reports.context.figures.refresh(reports.sql)
        let series = await reports.context.figures.trendSeries(months: months, periods: periods, centres: centres)
        let nationality = series.nationality
        let centre = series.centre
        let exploitation = series.exploitation
        let period = label
        var findings: [TrendFinding] = []
        var skipped = 0
        for (dimension, series) in [
            (TrendFinding.Dimension.nationality, nationality), (.exploitation, exploitation), (.centre, centre),
        ] {
            for (_, outcome) in test.assess(series, period: period) {
                switch outcome {
                case .flagged(let flag): findings.append(TrendFinding(dimension: dimension, flag: flag))
                case .skipped: skipped += 1
                case .notSignificant: break
                }
            }
        }
        findings.sort { ($0.flag.pValue, $0.flag.category) < ($1.flag.pValue, $1.flag.category) }
        // A flagged count of two Eritreans at one centre in one month names them to whoever knows the centre; those
        // who may not see the records see only flags over a small-cell threshold (issue 19, finding 3).
        if !AccessPolicy.seesPersonalFields(reports.actor.role) {
            let small = findings.filter { (1..<SmallCells.threshold).contains($0.flag.observed) }.count
            findings.removeAll { (1..<SmallCells.threshold).contains($0.flag.observed) }
            skipped += small
        }
        return TrendReport(month: period, test: test.testName, findings: findings, skipped: skipped)
    }
}
