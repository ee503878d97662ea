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

    public init(db: any Database, actor: Actor, context: StoreContext, test: TrendTest = TrendTest()) {
        self.reports = ReportService(db: db, actor: actor, context: context)
        self.test = test
    }

    public func trends(_ query: ReportQuery) async throws -> TrendReport {
        let centres = try await reports.centres(for: query)
        // The last whole month of the period: a month still running would always look like a fall.
        let monthOfEnd = CivilDate(year: query.to.year, month: query.to.month, day: 1)!
        let endsMonth = query.to.adding(days: 1).month != query.to.month
        let last =
            endsMonth
            ? monthOfEnd
            : CivilDate(
                year: query.to.month == 1 ? query.to.year - 1 : query.to.year,
                month: query.to.month == 1 ? 12 : query.to.month - 1, day: 1)!
        // 13 months: the 12 of the baseline, then the month tested.
        let months: [CivilDate] = (0..<13).map { back in
            var y = last.year
            var m = last.month - (12 - back)
            while m < 1 {
                m += 12
                y -= 1
            }
            return CivilDate(year: y, month: m, day: 1)!
        }
        var nationality: [String: [Int]] = [:]
        var centre: [String: [Int]] = [:]
        var exploitation: [String: [Int]] = [:]
        guard !centres.isEmpty else {
            return TrendReport(month: String(last.description.prefix(7)), test: test.testName, findings: [], skipped: 0)
        }
        let sql = reports.sql
        let inCentres: SQLQueryString = "IN (\(binds: centres))"
        for (i, month) in months.enumerated() {
            let next = CivilDate(
                year: month.month == 12 ? month.year + 1 : month.year, month: month.month % 12 + 1, day: 1)!
            let a = ReportService.instant(month)
            let b = ReportService.instant(next)
            for row in try await sql.raw(
                """
                SELECT p.nationality, p.centre_code, COUNT(*) AS n FROM people p
                WHERE p.merged_into IS NULL AND p.created_at >= \(bind: a) AND p.created_at < \(bind: b)
                AND p.centre_code \(inCentres) GROUP BY p.nationality, p.centre_code
                """
            ).all() {
                let n = try row.decode(column: "n", as: Int.self)
                let nat = try row.decode(column: "nationality", as: String?.self) ?? "unknown"
                nationality[nat, default: Array(repeating: 0, count: 13)][i] += n
                centre[try row.decode(column: "centre_code", as: String.self), default: Array(repeating: 0, count: 13)][
                    i] += n
            }
            for row in try await sql.raw(
                """
                SELECT sc.instrument_id, COUNT(DISTINCT sc.person_id) AS n FROM screenings sc
                WHERE sc.conclusion = 'presumed-victim' AND sc.completed_at >= \(bind: a) AND sc.completed_at < \(bind: b)
                AND sc.centre_code \(inCentres) GROUP BY sc.instrument_id
                """
            ).all() {
                // The instrument says which form of exploitation the screening looked for.
                let form = try row.decode(column: "instrument_id", as: String.self)
                exploitation[form, default: Array(repeating: 0, count: 13)][i] += try row.decode(
                    column: "n", as: Int.self)
            }
        }
        let period = String(last.description.prefix(7))
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
        return TrendReport(month: period, test: test.testName, findings: findings, skipped: skipped)
    }
}
