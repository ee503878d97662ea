import Foundation
import SanadCore
import Testing

@testable import SanadStore

/// The figures' day of an instant is the day `CivilDate(Date)` gives, around midnight and across eras.
@Suite struct DayNumberTests {
    @Test func anInstantsDayMatchesTheCalendars() {
        for seconds in stride(from: -3_000_000_000.0, through: 4_000_000_000.0, by: 9_999_937.0) {
            for offset in [0.0, 86_399.999, 86_400.0] {
                let instant = Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400 + offset)
                #expect(DayNumber.of(instant) == DayNumber.of(CivilDate(instant)), "\(instant)")
            }
        }
        #expect(DayNumber.of("2026-12-06") == 20_261_206 && DayNumber.of("2026-13-06") == nil)
    }
}
