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
        return value
    }

    static func of(_ date: CivilDate) -> Int32 { Int32(date.year * 10_000 + date.month * 100 + date.day) }

    /// The UTC day of an instant (the civil-from-days algorithm of H. Hinnant's "chrono-compatible low-level date
    /// algorithms"), the same day `CivilDate(Date)` gives.
    static func of(_ instant: Date) -> Int32 {
        let z = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Int32(year * 10_000 + month * 100 + day)
    }

    /// "YYYY-MM" of a day number.
    static func month(_ day: Int32) -> Int32 { day / 100 }

    static func month(_ text: String) -> Int32? { DayNumber.of(text + "-01").map { $0 / 100 } }
}
