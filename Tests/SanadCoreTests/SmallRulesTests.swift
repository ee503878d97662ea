import Testing

@testable import SanadCore

@Suite struct SmallRulesTests {
    @Test func civilDates() {
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate("2024-2-9") == nil)
        #expect(CivilDate("٢٠٢٤-٠١-٠١") == nil, "only ASCII digits")
        let birth = CivilDate(year: 2000, month: 6, day: 15)!
        #expect(birth.years(until: CivilDate(year: 2026, month: 6, day: 14)!) == 25)
        #expect(birth.years(until: CivilDate(year: 2026, month: 6, day: 15)!) == 26)
    }

    @Test func registrationNumbers() {
        #expect(RegistrationNumber.format(prefix: "KRT", year: 2026, sequence: 123) == "KRT-2026-000123")
        #expect(RegistrationNumber.format(prefix: "GDF", year: 2026, sequence: 1_234_567) == "GDF-2026-1234567")
        let parsed = RegistrationNumber.parse("krt-2026-000123")
        #expect(parsed?.prefix == "KRT" && parsed?.year == 2026 && parsed?.sequence == 123)
        #expect(RegistrationNumber.parse("KRT-26-1") == nil)
    }

    @Test func phoneNumbers() {
        #expect(PhoneNumber.normalise("+249 (912) 345-678") == "+249912345678")
        #expect(PhoneNumber.normalise("0912345678") == "0912345678")
        #expect(PhoneNumber.normalise("٠٩١٢٣٤٥٦٧٨") == "0912345678")
        #expect(PhoneNumber.normalise("12345") == nil)
        #expect(PhoneNumber.normalise("0912x45678") == nil)
        #expect(PhoneNumber.normalise("+2+49912345678") == nil)
    }

    @Test func signInThrottleDelaysGrowThenLockOnePair() {
        let t = SignInThrottle()
        var failures = 0
        var delays: [Double] = []
        for _ in 1..<t.lockAfter {
            failures = t.failuresAfterFailure(previous: failures, secondsSinceLast: 5)
            delays.append(t.delay(pairFailures: failures, addressFailures: failures))
            #expect(t.lockDuration(failures: failures) == nil)
        }
        #expect(delays.prefix(t.slowAfter - 1).allSatisfy { $0 == 0 })
        #expect(zip(delays.dropFirst(t.slowAfter), delays.dropFirst(t.slowAfter - 1)).allSatisfy { $0 > $1 })
        #expect(t.delay(pairFailures: 60, addressFailures: 0) == t.maxDelaySeconds)
        #expect(t.delay(pairFailures: 0, addressFailures: t.addressSlowAfter + 3) == 8 * t.baseDelaySeconds)
        failures = t.failuresAfterFailure(previous: failures, secondsSinceLast: 5)
        #expect(t.lockDuration(failures: failures) == t.lockSeconds)
        #expect(t.failuresAfterFailure(previous: 6, secondsSinceLast: t.windowSeconds + 1) == 1, "old failures expire")
        #expect(t.alerts(accountFailures: t.alertAfter) && !t.alerts(accountFailures: t.alertAfter + 1))
    }

    @Test func attemptGateLimitsEachAddressOnItsOwn() {
        var gate = AttemptGate(limit: 2)
        let first = gate.enter("a")
        let second = gate.enter("a")
        let third = gate.enter("a")
        let other = gate.enter("b")
        #expect(first && second)
        #expect(!third, "a third attempt in progress from one address is refused")
        #expect(other, "another address is not affected")
        gate.leave("a")
        let again = gate.enter("a")
        #expect(again)
        gate.leave("a")
        gate.leave("a")
        #expect(gate.running("a") == 0)
    }

    @Test func rateWindowCountsOnlyWithinTheWindow() {
        var window = RateWindow(limit: 3, windowSeconds: 60)
        let inside = (0..<3).map { window.allow("u", now: Double($0)) }
        let fourth = window.allow("u", now: 10)
        let someoneElse = window.allow("v", now: 10)
        let later = window.allow("u", now: 61)
        #expect(inside == [true, true, true])
        #expect(!fourth)
        #expect(someoneElse)
        #expect(later, "the first event has left the window")
    }

    @Test func accountRules() {
        #expect(AccountRules.isValidUsername("amna.osman"))
        #expect(!AccountRules.isValidUsername("Amna"))
        #expect(!AccountRules.isValidUsername("ab"))
        #expect(!AccountRules.isValidUsername("أمنة"))
        #expect(!AccountRules.isAcceptablePassword("short"))
        #expect(AccountRules.isAcceptablePassword("twelve chars"))
    }

    @Test func personChangesNameOnlyChangedFields() {
        let facts = PersonFacts(
            sex: .feminine, birthYear: 1999, estimatedAge: nil, nationality: "ERI", languages: ["tir"],
            arrivalDate: nil, flags: [], consent: ConsentAnswers())
        let before = PersonalData(nameOriginal: "ሰላም", nameLatin: "Selam", phone: "0912345678")
        var after = before
        after.phone = "0999999999"
        var newFacts = facts
        newFacts.flags = [.pregnancy]
        let changes = PersonChanges.diff(old: (before, facts), new: (after, newFacts))
        #expect(changes.map(\.field) == ["flags", "phone"])
        #expect(changes.last?.old == "0912345678" && changes.last?.new == "0999999999")
    }
}
