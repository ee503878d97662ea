import Fluent
import Foundation
import NIOConcurrencyHelpers
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// A clock the test moves by hand, so expiry is tested without waiting.
final class TestClock: Sendable {
    private let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))
    var read: @Sendable () -> Date { { [now] in now.withLockedValue { $0 } } }
    func advance(_ seconds: TimeInterval) { now.withLockedValue { $0 += seconds } }
}

@Suite struct AccountTests {
    @Test func signInOpensADatabaseSessionAndSignOutEndsIt() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("amna", .caseworker)
            let result = try await fx.accounts.signIn(
                username: "Amna", password: TestFixture.password, clientAddress: "10.0.0.1", kind: .browser)
            guard case .success(let user, let token) = result else {
                Issue.record("sign-in failed")
                return
            }
            #expect(user.username == "amna")
            #expect(
                try await AuthSession.query(on: app.db).filter(\.$tokenHash == token).count() == 0,
                "only a hash is stored")
            #expect(try await fx.accounts.resolve(token: token, kind: .browser)?.account.username == "amna")
            #expect(try await fx.accounts.resolve(token: token, kind: .api) == nil, "a browser session is no API token")
            try await fx.accounts.signOut(token: token)
            #expect(try await fx.accounts.resolve(token: token, kind: .browser) == nil)
        }
    }

    @Test func idleAndExpiredSessionsEnd() async throws {
        let clock = TestClock()
        try await TestApp.with(clock: clock.read) { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let token = try await fx.browserSession(for: user)
            clock.advance(AccountService.idleTimeout - 120)
            #expect(try await fx.accounts.resolve(token: token, kind: .browser) != nil)
            clock.advance(AccountService.idleTimeout - 120)
            #expect(try await fx.accounts.resolve(token: token, kind: .browser) != nil, "activity keeps it alive")
            clock.advance(AccountService.idleTimeout + 1)
            #expect(try await fx.accounts.resolve(token: token, kind: .browser) == nil, "idle too long")
            let api = try await fx.apiToken(for: user)
            clock.advance(AccountService.tokenLifetime + 1)
            #expect(try await fx.accounts.resolve(token: api, kind: .api) == nil, "tokens expire")
        }
    }

    @Test func repeatedFailuresSlowThenLockTheAccount() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("amna", .caseworker)
            var throttle = SignInThrottle()
            throttle.slowDelaySeconds = 0.5
            var accounts = fx.accounts
            accounts.throttle = throttle
            var outcomes: [String] = []
            for attempt in 1...throttle.lockAfter {
                // A different address each time, so it is the account's counter that locks.
                switch try await accounts.signIn(
                    username: "amna", password: "wrong", clientAddress: "10.0.0.\(attempt)", kind: .browser)
                {
                case .invalid(let delay): outcomes.append(delay > 0 ? "slow" : "invalid")
                case .locked: outcomes.append("locked")
                case .success: outcomes.append("success")
                }
            }
            #expect(outcomes.prefix(throttle.slowAfter - 1).allSatisfy { $0 == "invalid" })
            #expect(outcomes.contains("slow"))
            #expect(outcomes.last == "locked")
            let right = try await accounts.signIn(
                username: "amna", password: TestFixture.password, clientAddress: "10.0.0.99", kind: .browser)
            guard case .locked = right else {
                Issue.record("a locked account must stay locked even with the right password")
                return
            }
        }
    }

    @Test func changingThePasswordEndsOtherSessions() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("amna", .caseworker)
            let here = try await fx.browserSession(for: user)
            let elsewhere = try await fx.browserSession(for: user)
            let session = try await fx.accounts.resolve(token: here, kind: .browser)!
            await #expect(throws: AccountError.wrongPassword) {
                try await fx.accounts.changePassword(
                    userID: user.id, current: "nope", new: "a brand new phrase", keepSession: session.sessionID)
            }
            try await fx.accounts.changePassword(
                userID: user.id, current: TestFixture.password, new: "a brand new phrase",
                keepSession: session.sessionID)
            #expect(try await fx.accounts.resolve(token: here, kind: .browser) != nil)
            #expect(try await fx.accounts.resolve(token: elsewhere, kind: .browser) == nil)
            guard
                case .success = try await fx.accounts.signIn(
                    username: "amna", password: "a brand new phrase", clientAddress: "x", kind: .api)
            else {
                Issue.record("new password does not work")
                return
            }
        }
    }

    @Test func accountsAreValidated() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("amna", .caseworker)
            await #expect(throws: AccountError.usernameTaken) { try await fx.user("amna", .supervisor) }
            await #expect(throws: AccountError.invalidUsername) { try await fx.user("A B", .supervisor) }
            await #expect(throws: AccountError.unknownCentre("SD99")) {
                try await fx.user("xx1", .caseworker, centres: ["SD99"])
            }
            await #expect(throws: AccountError.noCentre) { try await fx.user("xx2", .caseworker, centres: []) }
            await #expect(throws: AccountError.weakPassword) {
                try await fx.accounts.createUser(
                    username: "xx3", password: "short", role: .caseworker, centres: ["SD01"], by: nil)
            }
        }
    }

    @Test func setupLinkWorksOnceAndOnlyWithoutAnAdministrator() async throws {
        try await TestApp.with { app, fx in
            let setup = SetupService(db: app.db, context: fx.context)
            let token = try #require(try await setup.issueToken())
            #expect(try await !setup.isValid(token: "guess"))
            #expect(try await setup.isValid(token: token))
            let admin = try await setup.complete(token: token, username: "admin", password: TestFixture.password)
            #expect(admin?.role == .administrator)
            #expect(try await !setup.isValid(token: token))
            #expect(try await setup.complete(token: token, username: "admin2", password: TestFixture.password) == nil)
            #expect(try await setup.issueToken() == nil)
        }
    }

    @Test func foundingCentresExistAndAdministratorsAddMore() async throws {
        try await TestApp.with { app, fx in
            let centres = CentreService(db: app.db, context: fx.context)
            #expect(try await centres.all().map(\.code) == ["SD01", "SD11", "SD12"])
            let admin = try await fx.actor("admin", .administrator)
            let cw = try await fx.actor("cw0", .caseworker)
            await #expect(throws: StoreError.forbidden) {
                try await centres.add(
                    code: "SD02", prefix: "FSH", nameEN: "El Fasher", nameAR: "الفاشر", statePcode: "SD02", by: cw)
            }
            _ = try await centres.add(
                code: "sd02", prefix: "fsh", nameEN: "El Fasher", nameAR: "الفاشر", statePcode: "North Darfur",
                by: admin)
            await #expect(throws: CentreError.duplicate) {
                try await centres.add(
                    code: "SD03", prefix: "FSH", nameEN: "X", nameAR: "س", statePcode: "SD03", by: admin)
            }
            await #expect(throws: CentreError.unknownState) {
                try await centres.add(
                    code: "SD77", prefix: "XXX", nameEN: "X", nameAR: "س", statePcode: "Atlantis", by: admin)
            }
            #expect(try await centres.all().map(\.code).contains("SD02"))
        }
    }
}
