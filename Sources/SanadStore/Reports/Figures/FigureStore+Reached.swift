import Foundation
import SanadCore

/// People reached at one centre, in one cell of the HXL export's breakdowns.
struct ReachedCell: Hashable {
    let centre: String
    let nationality: String?
    let sex: ReportSex
    let birthYear: Int?
}

extension FigureStore {
    /// Each person counted once per centre that delivered them a service in the period (as the export always
    /// counted), by their surviving record's nationality, sex and birth year.
    func reached(_ query: ReportQuery, centres: [String]) -> [ReachedCell: Int] {
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
        var out: [ReachedCell: Int] = [:]
        for s in services.rows where s.live && s.delivered && s.day >= from && s.day <= to && s.person >= 0 {
            guard s.centre >= 0, chosen[Int(s.centre)] else { continue }
            let r = root[Int(s.person)]
            let p = people[r]
            guard p.live, nationality == nil || p.nationality == nationality else { continue }
            guard sets[Int(s.centre)].insert(r) else { continue }
            let cell = ReachedCell(
                centre: codes.names[Int(s.centre)],
                nationality: p.nationality >= 0 ? codes.names[Int(p.nationality)] : nil,
                sex: p.sex, birthYear: p.birthYear > 0 ? Int(p.birthYear) : nil)
            out[cell, default: 0] += 1
        }
        return out
    }
}
