import Foundation
import SanadCore

/// People reached and services delivered at one centre, in one cell of the HXL export's breakdowns.
struct ReachedCell: Hashable {
    let centre: String
    let nationality: String?
    let sex: ReportSex
    let birthYear: Int?
}

/// What one cell holds: people reached (each once per centre), and services delivered by type.
struct ReachedCounts: Equatable {
    var people = 0
    /// Indexed like `ServiceType.allCases`.
    var services = [Int](repeating: 0, count: ServiceType.allCases.count)
}

extension FigureStore {
    /// Each person counted once per centre that delivered them a service in the period (as the export always
    /// counted), and every delivered service, by their surviving record's nationality, sex and birth year.
    func reached(_ query: ReportQuery, centres: [String]) -> [ReachedCell: ReachedCounts] {
        let from = DayNumber.of(query.from)
        let to = DayNumber.of(query.to)
        let root = survivors()
        let nationality: Int32? = query.nationality.map { codes.existing($0) ?? -2 }
        // One set per centre code, updated in place; codes that are not a chosen centre keep an empty one.
        var sets = codes.names.map { _ in PersonSet(size: 0) }
        var chosen = [Bool](repeating: false, count: codes.names.count)
        for c in centres {
            if let n = codes.existing(c) {
                sets[Int(n)] = PersonSet(size: people.rows.count)
                chosen[Int(n)] = true
            }
        }
        // A type the catalogue no longer knows counts as other, so the types still add up to the total.
        let other = ServiceType.allCases.firstIndex(of: .other)!
        let typeIndex = codes.names.map { ServiceType(rawValue: $0).flatMap(ServiceType.allCases.firstIndex) ?? other }
        // Keyed by numbers while counting (a million services), by names at the end.
        struct Key: Hashable {
            let centre: Int32
            let nationality: Int32
            let sex: ReportSex
            let birthYear: Int32
        }
        var counts: [Key: ReachedCounts] = [:]
        for s in services.rows where s.live && s.delivered && s.day >= from && s.day <= to && s.person >= 0 {
            guard s.centre >= 0, chosen[Int(s.centre)] else { continue }
            let r = root[Int(s.person)]
            let p = people[r]
            guard p.live, nationality == nil || p.nationality == nationality else { continue }
            let key = Key(centre: s.centre, nationality: p.nationality, sex: p.sex, birthYear: p.birthYear)
            let newcomer = sets[Int(s.centre)].insert(r)
            counts[key, default: ReachedCounts()].people += newcomer ? 1 : 0
            counts[key]!.services[s.type >= 0 ? typeIndex[Int(s.type)] : other] += 1
        }
        var out: [ReachedCell: ReachedCounts] = [:]
        for (key, n) in counts {
            let cell = ReachedCell(
                centre: codes.names[Int(key.centre)],
                nationality: key.nationality >= 0 ? codes.names[Int(key.nationality)] : nil,
                sex: key.sex, birthYear: key.birthYear > 0 ? Int(key.birthYear) : nil)
            out[cell] = n
        }
        return out
    }
}
