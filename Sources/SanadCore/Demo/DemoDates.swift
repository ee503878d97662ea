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
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
