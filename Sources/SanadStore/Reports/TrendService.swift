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
        var nationality: [String: [Int]] = [:]
        var centre: [String: [Int]] = [:]
        var exploitation: [String: [Int]] = [:]
        guard !centres.isEmpty else {
            return TrendReport(month: label, test: test.testName, findings: [], skipped: 0)
        }
        let sql = reports.sql
        let inCentres: SQLQueryString = "IN (\(binds: centres))"
        for (i, month) in months {
            let a = ReportService.instant(month)
            let b = ReportService.instant(Self.month(month, plus: 1))
            for row in try await sql.raw(
                """
                SELECT p.nationality, p.centre_code, COUNT(*) AS n FROM people p
                WHERE p.merged_into IS NULL AND p.created_at >= \(bind: a) AND p.created_at < \(bind: b)
                AND p.centre_code \(inCentres) GROUP BY p.nationality, p.centre_code
                """
            ).all() {
                let n = try row.decode(column: "n", as: Int.self)
                let nat = try row.decode(column: "nationality", as: String?.self) ?? "unknown"
                nationality[nat, default: Array(repeating: 0, count: periods)][i] += n
                centre[
                    try row.decode(column: "centre_code", as: String.self), default: Array(repeating: 0, count: periods)
                ][
                    i] += n
            }
            for row in try await sql.raw(
                """
                SELECT sc.instrument_id, COUNT(DISTINCT COALESCE(p.merged_into, p.id)) AS n FROM screenings sc
                JOIN people p ON p.id = sc.person_id
                WHERE sc.conclusion = 'presumed-victim' AND sc.completed_at >= \(bind: a) AND sc.completed_at < \(bind: b)
                AND sc.centre_code \(inCentres) GROUP BY sc.instrument_id
                """
            ).all() {
                // The instrument says which form of exploitation the screening looked for.
                let form = try row.decode(column: "instrument_id", as: String.self)
                exploitation[form, default: Array(repeating: 0, count: periods)][i] += try row.decode(
                    column: "n", as: Int.self)
            }
        }
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
