import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadWeb
import Vapor

@testable import SanadStore

/// A configured, migrated application for one test. SQLite tests each get their own database file and run in
/// parallel; PostgreSQL tests (DATABASE_URL set) share one database, so they take turns and start from empty.
public enum TestApp {
    public static var usesPostgres: Bool { ProcessInfo.processInfo.environment["DATABASE_URL"] != nil }

    public static func with<T>(
        clock: (@Sendable () -> Date)? = nil, environment extra: [String: String] = [:],
        _ body: (Application, TestFixture) async throws -> T
    ) async throws -> T {
        guard usesPostgres else { return try await run(clock: clock, extra, nil, body) }
        await PostgresTurn.shared.acquire()
        do {
            let result = try await run(clock: clock, extra, nil, body)
            await PostgresTurn.shared.release()
            return result
        } catch {
            await PostgresTurn.shared.release()
            throw error
        }
    }

    /// A second node inside a test (a field office): always SQLite, as offices are, with the keys the test gives
    /// it (an organisation's nodes share them). It runs inside a `with` without waiting for a PostgreSQL turn.
    public static func office<T>(
        keys: KeyRing, _ body: (Application, TestFixture) async throws -> T
    ) async throws -> T {
        try await run(clock: nil, ["DATABASE_URL": ""], keys, body)
    }

    private static func run<T>(
        clock: (@Sendable () -> Date)?, _ extra: [String: String], _ given: KeyRing?,
        _ body: (Application, TestFixture) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sanad-test-\(UUID().uuidString)")
        var environment = ProcessInfo.processInfo.environment
        environment["SANAD_DATA_DIR"] = directory.path
        // Never the home folder's key file: a server follows changes to its key file (`KeySource`).
        environment["SANAD_KEY_FILE"] = directory.appendingPathComponent("master.key").path
        environment.merge(extra) { _, new in new }
        let settings = SanadSettings(environment: environment)
        // A test that names a key file gets its keys from there, as a server does (key rotation).
        let keys =
            try given
            ?? (extra["SANAD_KEY_FILE"] != nil
                ? try KeyRing.load(environment: nil, keyFile: settings.keyFile).ring
                : KeyRing(master: SymmetricKey(size: .bits256)))
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try SanadApp.configure(app, settings: settings, keys: keys)
            if let clock {
                var context = StoreContext(keys: keys, clock: clock)
                context.attachments = app.sanad.attachments
                app.sanad = context
            }
            if settings.usesPostgres { try await app.autoRevert() }
            try await SanadApp.prepare(app)
            let result = try await body(app, TestFixture(app: app, directory: directory))
            try await app.asyncShutdown()
            try? FileManager.default.removeItem(at: directory)
            return result
        } catch {
            try? await app.asyncShutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }
}

/// One PostgreSQL test at a time across the whole test bundle.
actor PostgresTurn {
    static let shared = PostgresTurn()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
    }

    /// Hands the turn straight to the next waiter, so `busy` stays true between them.
    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// Helpers to create users and sign them in inside a test application.
public struct TestFixture: Sendable {
    public let app: Application
    public let directory: URL
    public static let password = "correct horse battery"

    public var sqliteFile: URL { directory.appendingPathComponent("sanad.sqlite") }
    public var context: StoreContext { app.sanad }
    public var accounts: AccountService { AccountService(db: app.db, context: app.sanad) }

    @discardableResult
    public func user(_ name: String, _ role: Role, centres: [String] = ["SD01"]) async throws -> AccountView {
        try await accounts.createUser(
            username: name, password: Self.password, role: role, centres: role == .administrator ? [] : centres,
            partner: role == .partner ? try await partner() : nil, by: nil)
    }

    /// The test partner organisation, created the first time it is asked for.
    public func partner(_ name: String = "Test Partner") async throws -> UUID {
        if let existing = try await Partner.query(on: app.db).filter(\.$name == name).first() { return existing.id! }
        let partner = Partner()
        partner.id = UUID()
        partner.name = name
        partner.orgType = OrganisationType.ngo.rawValue
        partner.services = [ServiceType.legalAid.rawValue]
        partner.states = ["SD01"]
        try await partner.create(on: app.db)
        return partner.id!
    }

    public func actor(_ name: String, _ role: Role, centres: [String] = ["SD01"]) async throws -> Actor {
        try await user(name, role, centres: centres).actor!
    }

    public func people(_ actor: Actor) -> PeopleService {
        PeopleService(db: app.db, actor: actor, context: app.sanad)
    }

    public func apiToken(for user: AccountView) async throws -> String {
        try await accounts.openSession(userID: user.id, kind: .api)
    }

    public func browserSession(for user: AccountView) async throws -> String {
        try await accounts.openSession(userID: user.id, kind: .browser)
    }

    /// A valid start of the adult labour screening today, with consent to the interview.
    public static func screeningStart(language: String = "ar") -> ScreeningStart {
        var start = ScreeningStart()
        start.instrument = "ilo-adult-labour"
        start.language = language
        start.place = "Khartoum centre"
        start.date = CivilDate(Date()).description
        start.consent.interview = true
        start.consent.toldPurpose = true
        return start
    }

    /// A valid draft: a woman registered at `centre` with an estimated age.
    public static func draft(_ name: String = "Amina Test", centre: String = "SD01") -> PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = name
        d.sex = Gender.feminine.rawValue
        d.estimatedAge = "27"
        d.nationality = "ERI"
        d.centre = centre
        return d
    }
}
