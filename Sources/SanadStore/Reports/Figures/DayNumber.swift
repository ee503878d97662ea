import Foundation
import SanadCore

/// A day as the number yyyymmdd: ordered like the dates, and its month is the number divided by 100. The figures
/// hold a million of these; a `Calendar` per value would cost more than the counting.
enum DayNumber {
    /// From a record's "YYYY-MM-DD"; nil when the text is not such a date.
    static func of(_ text: String) -> Int32? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        var value: Int32 = 0
        for i in [0, 1, 2, 3, 5, 6, 8, 9] {
            let d = Int32(u[i]) - 48
            guard (0...9).contains(d) else { return nil }
            value = value * 10 + d
        }
        // Written dates are checked on entry; this only keeps a damaged one out of every month.
        guard (1...12).contains(value / 100 % 100), (1...31).contains(value % 100) else { return nil }
        return value
    }

    static func of(_ date: CivilDate) -> Int32 { Int32(date.year * 10_000 + date.month * 100 + date.day) }

    /// The UTC day of an instant, the same day `CivilDate(Date)` gives, by arithmetic instead of a `Calendar`.
    static func of(_ instant: Date) -> Int32 {
        let days = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
        return CivilDate(dayNumber: days).map(of) ?? 0
    }

    /// "YYYY-MM" of a day number.
    static func month(_ day: Int32) -> Int32 { day / 100 }

    static func month(_ text: String) -> Int32? { DayNumber.of(text + "-01").map { $0 / 100 } }
}
