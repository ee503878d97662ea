import Foundation
import SanadCore

/// Monthly series for the trend test, by nationality and centre (new registrations) and by screening instrument
/// (presumed victims, each person once a month).
struct TrendSeries {
    var nationality: [String: [Int]] = [:]
    var centre: [String: [Int]] = [:]
    var exploitation: [String: [Int]] = [:]
}

extension FigureStore {
    /// `months` gives each calendar month's first day and the period it adds to, of `periods`.
    func trendSeries(months: [(period: Int, first: CivilDate)], periods: Int, centres: [String]) -> TrendSeries {
        var periodOf: [Int32: Int] = [:]
        for (period, first) in months { periodOf[DayNumber.month(DayNumber.of(first))] = period }
        var inCentre = [Bool](repeating: false, count: codes.names.count)
        for c in centres { if let n = codes.existing(c) { inCentre[Int(n)] = true } }
        func centreIn(_ c: Int32) -> Bool { c >= 0 && Int(c) < inCentre.count && inCentre[Int(c)] }
        let zeros = [Int](repeating: 0, count: periods)
        var out = TrendSeries()
        for p in people.rows where p.live && p.mergedInto == nil && centreIn(p.centre) {
            guard let i = periodOf[DayNumber.month(p.created)] else { continue }
            out.nationality[p.nationality >= 0 ? codes.names[Int(p.nationality)] : "unknown", default: zeros][i] += 1
            out.centre[codes.names[Int(p.centre)], default: zeros][i] += 1
        }
        guard let presumed = codes.existing("presumed-victim") else { return out }
        let root = survivors()
        struct Seen: Hashable {
            let instrument: Int32
            let month: Int32
            let person: Int32
        }
        var seen = Set<Seen>()
        for s in screenings.rows where s.live && s.conclusion == presumed && s.person >= 0 && centreIn(s.centre) {
            let month = DayNumber.month(s.concluded)
            guard let i = periodOf[month], s.instrument >= 0 else { continue }
            guard seen.insert(Seen(instrument: s.instrument, month: month, person: root[Int(s.person)])).inserted
            else { continue }
            out.exploitation[codes.names[Int(s.instrument)], default: zeros][i] += 1
        }
        return out
    }
}
