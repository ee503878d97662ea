import Fluent
import Foundation
import SQLKit
import SanadCore

/// Aggregate figures for a period, computed in the database (GROUP BY), never from loaded records, so a year of
/// a mission's data is summed without reading any personal field.
public struct ReportService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Administrators see every centre; everyone else the centres they belong to.
    public func centres(for query: ReportQuery) async throws -> [String] {
        guard AccessPolicy.roleMay(actor.role, .viewAggregates) else { throw StoreError.forbidden }
        var all = try await Centre.query(on: db).all()
        if actor.role != .administrator { all = all.filter { actor.centres.contains($0.code) } }
        if let centre = query.centre { all = all.filter { $0.code == centre } }
        if let state = query.state { all = all.filter { $0.statePcode == state } }
        return all.map(\.code).sorted()
    }

    /// The nationalities a report can be narrowed to: those of people registered at the centres the actor reports
    /// on, not all 249 countries (the filter of a page that must stay light). Those who may not see the records
    /// behind the figures get only nationalities shared by enough people to be a figure of their own.
    public func nationalities() async throws -> [String] {
        guard AccessPolicy.roleMay(actor.role, .viewAggregates) else { throw StoreError.forbidden }
        var centres = try await Centre.query(on: db).all().map(\.code)
        if actor.role != .administrator { centres = centres.filter { actor.centres.contains($0) } }
        guard !centres.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).select().column("nationality")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Person.schema)
            .where("centre_code", .in, SQLBind.group(centres)).where(
                SQLIdentifier("nationality"), .isNot, SQLLiteral.null
            )
            .where(SQLIdentifier("merged_into"), .is, SQLLiteral.null)
            .groupBy("nationality").all()
        let minimum = AccessPolicy.seesPersonalFields(actor.role) ? 1 : SmallCells.threshold
        return try rows.compactMap { row in
            try row.decode(column: "n", as: Int.self) >= minimum
                ? try row.decode(column: "nationality", as: String.self) : nil
        }.sorted()
    }

    /// The figures for a period. Those who may not see the records behind them (data officers, administrators)
    /// get them with small cells withheld, the HXL export's rules (`ReportSummary.protectSmallCells`).
    public func summary(_ query: ReportQuery) async throws -> ReportSummary {
        let centres = try await centres(for: query)
        try await AuditTrail.append(
            action: "report.summary", actorID: actor.userID, recordType: "report", recordID: nil,
            detail: AuditTrail.returned(
                [],
                filters: [
                    "from": query.from.description, "to": query.to.description, "centre": query.centre,
                    "state": query.state, "nationality": query.nationality,
                ]), now: context.clock(), key: context.keys.audit, on: db)
        var report = try await counts(query, centres)
        if !AccessPolicy.seesPersonalFields(actor.role) { report.protectSmallCells() }
        return report
    }

    /// Everything but events comes from the facts held in memory (`FigureStore`), where a merged record's activity
    /// counts for its survivor; events name no person and are few, so they are summed here.
    private func counts(_ query: ReportQuery, _ centres: [String]) async throws -> ReportSummary {
        try await context.figures.refresh(sql)
        var report = await context.figures.counts(query, centres: centres)
        guard !centres.isEmpty else { return report }
        let inCentres: SQLQueryString = "IN (\(binds: centres))"
        let from = query.from.description
        let to = query.to.description

        // Awareness events: no people, so no nationality filter; a state filter means the event's state.
        let cells = AwarenessEventRecord.participantColumns.map(\.column)
        let stateFilter: SQLQueryString = query.state.map { "AND e.state_pcode = \(bind: $0)" } ?? ""
        for row in try await sql.raw(
            """
            SELECT substr(e.start_date, 1, 7) AS month, COUNT(*) AS events,
            \(unsafeRaw: cells.map { "CAST(SUM(e.\($0)) AS BIGINT) AS \($0)" }.joined(separator: ", "))
            FROM awareness_events e
            WHERE e.start_date >= \(bind: from) AND e.start_date <= \(bind: to) AND e.centre_code \(inCentres) \(stateFilter)
            GROUP BY substr(e.start_date, 1, 7)
            """
        ).all() {
            report.events += try row.decode(column: "events", as: Int.self)
            var monthTotal = 0
            for cell in cells {
                let n = try row.decode(column: cell, as: Int?.self) ?? 0
                report.participants[cell, default: 0] += n
                monthTotal += n
            }
            let month = try row.decode(column: "month", as: String.self)
            if let i = report.months.firstIndex(where: { $0.month == month }) {
                report.months[i].participants = monthTotal
            }
        }
        return report
    }

    public static func instant(_ date: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }
}
