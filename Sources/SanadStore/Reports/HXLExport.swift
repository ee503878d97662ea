import Fluent
import Foundation
import SQLKit
import SanadCore

/// The dimensions `--by` may name.
public enum HXLBreakdown: String, CaseIterable, Sendable {
    case centre, nationality, sex, age
}

public enum HXLExportError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownBreakdown(String)
    case table(HXLTableError)

    public var description: String {
        switch self {
        case .unknownBreakdown(let name):
            return
                "Unknown breakdown '\(name)'. Use any of: \(HXLBreakdown.allCases.map(\.rawValue).joined(separator: ","))."
        case .table(let error): return error.description
        }
    }
}

/// People reached, services delivered by type and awareness-event participants in a period, as an HXL-tagged
/// aggregate table with small cells suppressed.
public struct HXLExport: Sendable {
    let reports: ReportService

    init(db: any Database, actor: Actor, context: StoreContext) {
        reports = ReportService(db: db, actor: actor, context: context)
    }

    public static func breakdowns(_ text: String?) throws(HXLExportError) -> [HXLBreakdown] {
        guard let text, !text.isEmpty else { return [.centre] }
        var out: [HXLBreakdown] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let b = HXLBreakdown(rawValue: name) else { throw .unknownBreakdown(name) }
            if !out.contains(b) { out.append(b) }
        }
        return out
    }

    /// Rows: the period, then one row per combination of the chosen breakdowns. When sex and age are not row
    /// breakdowns they are columns (`#reached+ind+f+children`…), tied to their totals so that suppression also
    /// covers what a subtraction would reveal.
    public func table(_ query: ReportQuery, by: [HXLBreakdown], threshold: Int = 5) async throws -> [[String]] {
        let centres = try await reports.centres(for: query)
        // Every download that leaves the system is recorded, with what it covered (issue 19, finding 4).
        try await AuditTrail.append(
            action: "export.hxl", actorID: reports.actor.userID, recordType: "export",
            detail: "from=\(query.from) to=\(query.to) by=\(by.map(\.rawValue).joined(separator: ",")) centres="
                + centres.joined(separator: ",") + (query.nationality.map { " nationality=\($0)" } ?? ""),
            now: reports.context.clock(), key: reports.context.keys.audit, on: reports.db)
        let stateOf = Dictionary(
            uniqueKeysWithValues: try await Centre.query(on: reports.db).all().map { ($0.code, $0.statePcode) })
        var dimensions: [HXLDimension] = [.periodStart, .periodEnd]
        if by.contains(.centre) { dimensions += [.admin1Name, .admin1PCode] }
        if by.contains(.nationality) { dimensions.append(.originISO3) }
        if by.contains(.sex) { dimensions.append(.sex) }
        if by.contains(.age) { dimensions.append(.ageGroup) }
        let columns = !by.contains(.sex) && !by.contains(.age)
        // Events count participants by sex and children/adults at the door, with no nationality: they fit rows by
        // centre (or none), not rows by nationality, sex or age, nor a nationality filter.
        let withParticipants = by.allSatisfy { $0 == .centre } && query.nationality == nil
        let people =
            columns
            ? HXLDisaggregation.people(.reached, banding: query.banding)
            : HXLDisaggregation(measures: [.people(.reached)], groups: [])
        let participants =
            withParticipants
            ? HXLDisaggregation(banding: .childrenAdults, measure: HXLMeasure.eventParticipants)
            : HXLDisaggregation(measures: [], groups: [])
        let table = HXLTable(
            dimensions: dimensions,
            measures: people.measures + HXLMeasure.servicesByType.measures + participants.measures,
            groups: people.groups + [HXLMeasure.servicesByType.group] + participants.groups, threshold: threshold)

        struct Key: Hashable {
            var state: String?
            var origin: String?
            var sex: ReportSex?
            var age: AgeGroup?
        }
        var counts: [Key: [String: Int]] = [:]
        if !centres.isEmpty {
            // From the dashboard's facts (`FigureStore`): a merged record's services count for its survivor.
            try await reports.context.figures.refresh(reports.sql)
            let serviceKeys = ServiceType.allCases.map { HXLMeasure.services($0).key }
            for (cell, n) in await reports.context.figures.reached(query, centres: centres) {
                let age = query.banding.group(forAge: cell.birthYear.map { query.to.year - $0 })
                let key = Key(
                    state: by.contains(.centre) ? stateOf[cell.centre] : nil,
                    origin: by.contains(.nationality) ? (cell.nationality ?? "") : nil,
                    sex: by.contains(.sex) ? cell.sex : nil, age: by.contains(.age) ? age : nil)
                var c = counts[key] ?? [:]
                c[HXLMeasure.people(.reached).key, default: 0] += n.people
                if columns {
                    c[HXLMeasure.people(.reached, sex: cell.sex).key, default: 0] += n.people
                    c[HXLMeasure.people(.reached, sex: cell.sex, age: age).key, default: 0] += n.people
                }
                c[HXLMeasure.services.key, default: 0] += n.services.reduce(0, +)
                for (t, count) in n.services.enumerated() { c[serviceKeys[t], default: 0] += count }
                counts[key] = c
            }
            if withParticipants {
                for (centre, cells) in try await eventParticipants(query, centres: centres) {
                    let key = Key(state: by.contains(.centre) ? stateOf[centre] : nil)
                    var c = counts[key] ?? [:]
                    for (group, n) in cells {
                        c[HXLMeasure.eventParticipants().key, default: 0] += n
                        c[HXLMeasure.eventParticipants(sex: group.sex).key, default: 0] += n
                        c[HXLMeasure.eventParticipants(sex: group.sex, age: group.age).key, default: 0] += n
                    }
                    counts[key] = c
                }
            }
        }
        let measureKeys = table.measures.map(\.key)
        let rows = counts.sorted { a, b in
            (a.key.state ?? "", a.key.origin ?? "", a.key.sex?.rawValue ?? "", a.key.age?.rawValue ?? "")
                < (b.key.state ?? "", b.key.origin ?? "", b.key.sex?.rawValue ?? "", b.key.age?.rawValue ?? "")
        }.map { key, c in
            HXLAggregateRow(
                periodStart: query.from, periodEnd: query.to,
                admin1Name: key.state.flatMap { ReferenceData.state($0)?.name.en }, admin1PCode: key.state,
                originISO3: key.origin, sex: key.sex, ageGroup: key.age,
                counts: Dictionary(uniqueKeysWithValues: measureKeys.map { ($0, c[$0] ?? 0) }))
        }
        do {
            return try table.build(rows)
        } catch {
            throw HXLExportError.table(error)
        }
    }

    /// Participants of the awareness events held in the period by the centres, by centre. Events name no person.
    private func eventParticipants(_ query: ReportQuery, centres: [String]) async throws -> [String: [ParticipantGroup:
        Int]]
    {
        let columns = AwarenessEventRecord.participantColumns
        var out: [String: [ParticipantGroup: Int]] = [:]
        for row in try await reports.sql.raw(
            """
            SELECT e.centre_code AS centre,
            \(unsafeRaw: columns.map { "CAST(SUM(e.\($0.column)) AS BIGINT) AS \($0.column)" }.joined(separator: ", "))
            FROM awareness_events e
            WHERE e.start_date >= \(bind: query.from.description) AND e.start_date <= \(bind: query.to.description)
            AND e.centre_code IN (\(binds: centres))
            GROUP BY e.centre_code
            """
        ).all() {
            let centre = try row.decode(column: "centre", as: String.self)
            for (column, group) in columns {
                out[centre, default: [:]][group] = try row.decode(column: column, as: Int?.self) ?? 0
            }
        }
        return out
    }
}
