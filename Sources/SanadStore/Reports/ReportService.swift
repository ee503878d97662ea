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
        // The same question over the same centres has the same answer whoever asks; withholding comes after.
        let key = [
            query.from.description, query.to.description, query.nationality ?? "", query.banding.rawValue,
            centres.joined(separator: ","),
        ].joined(separator: "|")
        let service = self
        var report = try await context.reportRuns.value(for: key) { try await service.counts(query, centres) }
        if !AccessPolicy.seesPersonalFields(actor.role) { report.protectSmallCells() }
        return report
    }

    private func counts(_ query: ReportQuery, _ centres: [String]) async throws -> ReportSummary {
        var report = ReportSummary(query: query)
        report.months = query.months.map { MonthFigures(month: $0) }
        guard !centres.isEmpty else { return report }
        let from = query.from.description
        let to = query.to.description
        let nat = query.nationality
        let natFilter: SQLQueryString = nat.map { "AND p.nationality = \(bind: $0)" } ?? ""
        let ageYear = query.to.year
        func age(_ birthYear: Int?) -> AgeGroup { query.banding.group(forAge: birthYear.map { ageYear - $0 }) }
        func breakdown(_ rows: [any SQLRow], count: String = "n") throws -> Breakdown {
            var b = Breakdown()
            for row in rows {
                let sex = ReportSex(htcds: try row.decode(column: "sex", as: String?.self))
                b.add(
                    sex, age(try row.decode(column: "birth_year", as: Int?.self)),
                    try row.decode(column: count, as: Int.self))
            }
            return b
        }
        let inCentres: SQLQueryString = "IN (\(binds: centres))"

        // People assisted: a person counts once, however many services.
        // The set of people served is found once from the services alone; only then are the people read (a
        // person row per person, not per service: a million services join a hundred thousand people).
        let nationalityOfService: SQLQueryString =
            nat.map { "AND s.person_id IN (SELECT id FROM people WHERE nationality = \(bind: $0))" } ?? ""
        let served: SQLQueryString = """
            SELECT s.person_id FROM services s
            WHERE s.status = 'delivered' AND s.date >= \(bind: from) AND s.date <= \(bind: to)
            AND s.centre_code \(inCentres) \(nationalityOfService)
            """
        report.assisted = try breakdown(
            try await sql.raw(
                """
                SELECT p.sex, p.birth_year, COUNT(*) AS n FROM people p WHERE p.id IN (\(served))
                GROUP BY p.sex, p.birth_year
                """
            ).all())
        for row in try await sql.raw(
            """
            SELECT substr(s.date, 1, 7) AS month, COUNT(DISTINCT s.person_id) AS n FROM services s
            WHERE s.status = 'delivered' AND s.date >= \(bind: from) AND s.date <= \(bind: to)
            AND s.centre_code \(inCentres) \(nationalityOfService)
            GROUP BY substr(s.date, 1, 7)
            """
        ).all() {
            let month = try row.decode(column: "month", as: String.self)
            if let i = report.months.firstIndex(where: { $0.month == month }) {
                report.months[i].assisted = try row.decode(column: "n", as: Int.self)
            }
        }

        // Services by type: records, quantity and the people who received them.
        for row in try await sql.raw(
            """
            SELECT s.service_type, COUNT(*) AS records, SUM(s.quantity) AS quantity FROM services s
            WHERE s.status = 'delivered' AND s.date >= \(bind: from) AND s.date <= \(bind: to)
            AND s.centre_code \(inCentres) \(nationalityOfService)
            GROUP BY s.service_type
            """
        ).all() {
            let type = try row.decode(column: "service_type", as: String.self)
            var figures = report.services[type] ?? ServiceFigures()
            figures.records += try row.decode(column: "records", as: Int.self)
            figures.quantity += try row.decode(column: "quantity", as: Double?.self) ?? 0
            report.services[type] = figures
        }
        for row in try await sql.raw(
            """
            SELECT x.service_type, p.sex, p.birth_year, COUNT(*) AS n
            FROM (SELECT DISTINCT s.service_type, s.person_id FROM services s
                  WHERE s.status = 'delivered' AND s.date >= \(bind: from) AND s.date <= \(bind: to)
                  AND s.centre_code \(inCentres) \(nationalityOfService)) x
            JOIN people p ON p.id = x.person_id
            GROUP BY x.service_type, p.sex, p.birth_year
            """
        ).all() {
            let type = try row.decode(column: "service_type", as: String.self)
            var figures = report.services[type] ?? ServiceFigures()
            figures.people.add(
                ReportSex(htcds: try row.decode(column: "sex", as: String?.self)),
                age(try row.decode(column: "birth_year", as: Int?.self)), try row.decode(column: "n", as: Int.self))
            report.services[type] = figures
        }
        report.shelterNights = report.services[ServiceType.safeAccommodation.rawValue]?.quantity ?? 0

        // New registrations, month by month (the time stamp is compared, not formatted, to stay portable).
        let start = Self.instant(query.from)
        let end = Self.instant(query.to.adding(days: 1))
        report.registrations = try breakdown(
            try await sql.raw(
                """
                SELECT p.sex, p.birth_year, COUNT(*) AS n FROM people p
                WHERE p.merged_into IS NULL AND p.created_at >= \(bind: start) AND p.created_at < \(bind: end)
                AND p.centre_code \(inCentres) \(natFilter)
                GROUP BY p.sex, p.birth_year
                """
            ).all())
        for i in report.months.indices {
            let (a, b) = Self.monthRange(report.months[i].month, clampedTo: query)
            report.months[i].registrations =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM people p WHERE p.merged_into IS NULL
                    AND p.created_at >= \(bind: a) AND p.created_at < \(bind: b) AND p.centre_code \(inCentres) \(natFilter)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
        }

        // Completed screenings by conclusion.
        for row in try await sql.raw(
            """
            SELECT sc.conclusion, p.sex, p.birth_year, COUNT(*) AS n FROM screenings sc
            JOIN people p ON p.id = sc.person_id
            WHERE sc.status = 'completed' AND sc.completed_at >= \(bind: start) AND sc.completed_at < \(bind: end)
            AND sc.centre_code \(inCentres) \(natFilter)
            GROUP BY sc.conclusion, p.sex, p.birth_year
            """
        ).all() {
            let conclusion = try row.decode(column: "conclusion", as: String?.self) ?? "unknown"
            report.screenings[conclusion, default: Breakdown()].add(
                ReportSex(htcds: try row.decode(column: "sex", as: String?.self)),
                age(try row.decode(column: "birth_year", as: Int?.self)), try row.decode(column: "n", as: Int.self))
        }

        // Presumed and confirmed victims: people whose status became so in the period (each once).
        for (status, keyPath) in [
            (TraffickingStatus.possible, \ReportSummary.presumedVictims), (.actual, \ReportSummary.confirmedVictims),
        ] {
            report[keyPath: keyPath] = try breakdown(
                try await sql.raw(
                    """
                    SELECT p.sex, p.birth_year, COUNT(DISTINCT c.person_id) AS n FROM trafficking_status_changes c
                    JOIN people p ON p.id = c.person_id
                    WHERE c.status = \(bind: status.rawValue) AND c.at >= \(bind: start) AND c.at < \(bind: end)
                    AND p.centre_code \(inCentres) \(natFilter)
                    GROUP BY p.sex, p.birth_year
                    """
                ).all())
        }
        for i in report.months.indices {
            let (a, b) = Self.monthRange(report.months[i].month, clampedTo: query)
            report.months[i].presumedVictims =
                try await sql.raw(
                    """
                    SELECT COUNT(DISTINCT c.person_id) AS n FROM trafficking_status_changes c JOIN people p ON p.id = c.person_id
                    WHERE c.status = \(bind: TraffickingStatus.possible.rawValue) AND c.at >= \(bind: a) AND c.at < \(bind: b)
                    AND p.centre_code \(inCentres) \(natFilter)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
        }

        // Referrals sent in the period, by where they stand now.
        for row in try await sql.raw(
            """
            SELECT r.status, COUNT(*) AS n FROM referrals r JOIN people p ON p.id = r.person_id
            WHERE r.sent_on >= \(bind: from) AND r.sent_on <= \(bind: to) AND r.centre_code \(inCentres) \(natFilter)
            GROUP BY r.status
            """
        ).all() {
            report.referrals[try row.decode(column: "status", as: String.self)] = try row.decode(
                column: "n", as: Int.self)
        }

        // Returns: departures in the period.
        let departed = AVRRStep.departed.rawValue
        report.departures = try breakdown(
            try await sql.raw(
                """
                SELECT p.sex, p.birth_year, COUNT(DISTINCT r.person_id) AS n FROM return_steps st
                JOIN returns r ON r.id = st.return_id JOIN people p ON p.id = r.person_id
                WHERE st.step = \(bind: departed) AND st.date >= \(bind: from) AND st.date <= \(bind: to)
                AND r.centre_code \(inCentres) \(natFilter)
                GROUP BY p.sex, p.birth_year
                """
            ).all())
        for row in try await sql.raw(
            """
            SELECT substr(st.date, 1, 7) AS month, COUNT(*) AS n FROM return_steps st
            JOIN returns r ON r.id = st.return_id JOIN people p ON p.id = r.person_id
            WHERE st.step = \(bind: departed) AND st.date >= \(bind: from) AND st.date <= \(bind: to)
            AND r.centre_code \(inCentres) \(natFilter)
            GROUP BY substr(st.date, 1, 7)
            """
        ).all() {
            let month = try row.decode(column: "month", as: String.self)
            if let i = report.months.firstIndex(where: { $0.month == month }) {
                report.months[i].departures = try row.decode(column: "n", as: Int.self)
            }
        }

        // Awareness events: no people, so no nationality filter; a state filter means the event's state.
        let cells = [
            "f_children", "f_adults", "m_children", "m_adults", "i_children", "i_adults", "u_children", "u_adults",
        ]
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

    /// The instants bounding a month, cut to the report's period.
    static func monthRange(_ month: String, clampedTo query: ReportQuery) -> (Date, Date) {
        let first = CivilDate(month + "-01")!
        let next = first.adding(days: 32)
        let nextFirst = CivilDate(year: next.year, month: next.month, day: 1)!
        let start = max(first, query.from)
        let end = min(nextFirst, query.to.adding(days: 1))
        return (instant(start), instant(end))
    }
}
