import Foundation

/// A proleptic Gregorian calendar day, counted from 1970-01-01.
///
/// Plain day arithmetic (Howard Hinnant's civil-date algorithms) rather than `Calendar`, so that the
/// generated dates never depend on the machine's time zone, locale or calendar setting.
struct DemoDay: Sendable, Comparable {
    let daysSinceEpoch: Int

    init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The UTC day containing `date`.
    init(_ date: Date) {
        daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Days past the end of a month (e.g. 29 February in a common year) roll into the next month.
    init(year: Int, month: Int, day: Int) {
        daysSinceEpoch = CivilDate(year: year, month: month, day: 1)!.dayNumber + day - 1
    }

    var civil: (year: Int, month: Int, day: Int) {
        let date = CivilDate(dayNumber: daysSinceEpoch)!
        return (date.year, date.month, date.day)
    }

    /// "YYYY-MM-DD".
    var iso: String {
        let (year, month, day) = civil
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    func adding(days: Int) -> DemoDay {
        DemoDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Completed years of a person born on `self` at `day`.
    func age(at day: DemoDay) -> Int {
        let birth = civil
        let then = day.civil
        let hadBirthday = (then.month, then.day) >= (birth.month, birth.day)
        return then.year - birth.year - (hadBirthday ? 0 : 1)
    }

    static func < (lhs: DemoDay, rhs: DemoDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}
