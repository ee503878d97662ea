import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import SanadCore
import SanadStore
import SanadWeb
import Vapor

/// Issue 11, item 6: bytes on the wire per registration, case, service and screening, and an office's week over a
/// 64 kbit/s link. Two real nodes in one process, each with its own SQLite file (the centre on PostgreSQL when
/// --centre-url is given); the link between them counts bytes and, throttled, takes the time the bytes would.
struct SyncWireBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-wire", abstract: "Measure what an office's week costs on a slow link.")

    @ArgumentParser.Option(help: "People registered at the office.") var registrations = 300
    @ArgumentParser.Option(help: "Services recorded (on cases opened for the people).") var services = 2000
    @ArgumentParser.Option(help: "Screenings completed.") var screenings = 100
    @ArgumentParser.Option(help: "Link speed in kbit/s for the throttled week.") var kbits = 64.0
    @ArgumentParser.Option(help: "One-way latency of the link in milliseconds (satellite: about 300).") var latency =
        300.0
    @ArgumentParser.Option(help: "PostgreSQL URL for the centre (default: SQLite).") var centreURL: String?
    @ArgumentParser.Option(help: "Seed of the synthetic people.") var seed: UInt64 = 7

    /// Counts what crosses the link and, when `rate` is set, waits as long as the bytes take.
    final class Link: Sendable {
        let up = NIOLockedValueBox(0)
        let down = NIOLockedValueBox(0)
        let exchanges = NIOLockedValueBox(0)
        let bytesPerSecond: Double?
        let latency: Double

        init(bytesPerSecond: Double?, latency: Double) {
            self.bytesPerSecond = bytesPerSecond
            self.latency = latency
        }

        func wait(_ bytes: Int) async {
            guard let bytesPerSecond else { return }
            try? await Task.sleep(for: .seconds(latency + Double(bytes) / bytesPerSecond))
        }

        func transport(_ centre: SyncCentreService) -> SyncTransport {
            { request in
                self.up.withLockedValue { $0 += request.count }
                self.exchanges.withLockedValue { $0 += 1 }
                await self.wait(request.count)
                let reply = try await centre.exchange(request).reply
                self.down.withLockedValue { $0 += reply.count }
                await self.wait(reply.count)
                return reply
            }
        }

        func reset() {
            up.withLockedValue { $0 = 0 }
            down.withLockedValue { $0 = 0 }
            exchanges.withLockedValue { $0 = 0 }
        }
    }

    func node(_ directory: URL, keys: KeyRing, url: String?) async throws -> Application {
        var environment = ProcessInfo.processInfo.environment
        environment["SANAD_DATA_DIR"] = directory.path
        environment["DATABASE_URL"] = url ?? ""
        let app = try await Application.make(Environment(name: "bench", arguments: ["sanad"]))
        app.logger.logLevel = .error
        try SanadApp.configure(app, settings: SanadSettings(environment: environment), keys: keys)
        if url != nil { try await app.autoRevert() }
        try await SanadApp.prepare(app)
        return app
    }

    /// A centre and an office enrolled with it, the office's caseworker, and how to take them down.
    struct Pair {
        let centre: OpenServices
        let office: OpenServices
        let store: StoreServices
        let apps: [Application]

        func shutdown() async { for app in apps { try? await app.asyncShutdown() } }
    }

    func pair(_ root: URL, _ name: String, keys: KeyRing, centreURL: String?) async throws -> Pair {
        let centreApp = try await node(root.appendingPathComponent("\(name)-centre"), keys: keys, url: centreURL)
        let officeApp = try await node(root.appendingPathComponent("\(name)-office"), keys: keys, url: nil)
        let centre = OpenServices(db: centreApp.db, context: centreApp.sanad)
        let office = OpenServices(db: officeApp.db, context: officeApp.sanad)
        let codes = try await centre.centres.all().map(\.code)
        let (_, code) = try await centre.syncNodes.add(name: name, centres: codes, by: "bench")
        let organisation = keys.active.id
        _ = try await office.syncOffice.join(central: "bench") {
            try await centre.syncCentre.join(code: code, publicKey: $0, organisation: organisation)
        }
        let worker = try await office.accounts.createUser(
            username: "bench-cw", password: "bench password long", role: .caseworker, centres: codes, partner: nil,
            by: nil
        ).actor!
        return Pair(
            centre: centre, office: office,
            store: StoreServices(db: officeApp.db, actor: worker, context: officeApp.sanad),
            apps: [centreApp, officeApp])
    }

    /// An office's week, step by step; `after` runs after each step (to measure what it sent).
    func week(
        _ store: StoreServices, _ population: [DemoPerson], after: (String, Int) async throws -> Void
    ) async throws {
        var people: [PersonRecord] = []
        for person in population { people.append(try await store.people.register(person.draft)) }
        try await after("registration", people.count)
        var cases: [UUID] = []
        for person in people.prefix(max(1, services / 4)) {
            cases.append(
                try await store.cases.open(personID: person.id, priority: "normal", risk: "medium", caseworker: nil).id)
        }
        try await after("case opened", cases.count)
        let types = ["food", "non-food-items", "medical", "mhpss", "legal-aid", "family-tracing"]
        let today = CivilDate(Date()).description
        for index in 0..<services {
            _ = try await store.cases.recordService(
                cases[index % cases.count],
                ServiceDraft(date: today, type: types[index % types.count], quantity: "1", status: "delivered"))
        }
        try await after("service", services)
        for person in people.prefix(screenings) {
            var start = ScreeningStart()
            start.instrument = "ilo-adult-labour"
            start.language = "ara"
            start.place = "Centre"
            start.date = today
            start.consent.interview = true
            start.consent.toldPurpose = true
            let s = try await store.screenings.start(personID: person.id, start)
            _ = try await store.screenings.complete(s.id, answers: DemoActivity.presumed, expectedVersion: s.version)
        }
        try await after("screening", min(screenings, people.count))
    }

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sanad-wire-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let keys = KeyRing(master: SymmetricKey(size: .bits256))
        let population = DemoPopulation.generate(count: registrations, seed: seed, referenceDate: Date())

        // Each kind of record alone: synchronise after each step and count what went up.
        let measured = try await pair(root, "office-bench", keys: keys, centreURL: centreURL)
        let counting = Link(bytesPerSecond: nil, latency: 0)
        _ = try await measured.office.syncOffice.now(transport: counting.transport(measured.centre.syncCentre))
        var rows: [(String, Int, Int, Int, Double)] = []
        try await week(measured.store, population) { what, count in
            counting.reset()
            let start = IdentityBench.now()
            let run = try await measured.office.syncOffice.now(
                transport: counting.transport(measured.centre.syncCentre))
            rows.append((what, count, run.pushed, counting.up.withLockedValue { $0 }, IdentityBench.now() - start))
        }
        await measured.shutdown()
        print("| what | records | operations | bytes up | bytes per record | seconds (CPU, no throttle) |")
        print("|---|---:|---:|---:|---:|---:|")
        for (what, count, ops, bytes, seconds) in rows {
            print(
                "| \(what) | \(count) | \(ops) | \(bytes) | \(count == 0 ? 0 : bytes / count) | \(String(format: "%.2f", seconds)) |"
            )
        }

        // The same week on a fresh pair, made without synchronising, then sent at once over the throttled link.
        let throttled = try await pair(root, "office-week", keys: keys, centreURL: nil)
        try await week(throttled.store, population) { _, _ in }
        let link = Link(bytesPerSecond: kbits * 1000 / 8, latency: latency / 1000)
        let start = IdentityBench.now()
        _ = try await throttled.office.syncOffice.now(transport: link.transport(throttled.centre.syncCentre))
        let seconds = IdentityBench.now() - start
        await throttled.shutdown()
        let up = link.up.withLockedValue { $0 }
        let down = link.down.withLockedValue { $0 }
        let exchanges = link.exchanges.withLockedValue { $0 }
        let wire = Double(up + down) * 8 / (kbits * 1000) + Double(exchanges) * 2 * latency / 1000
        print("")
        print(
            "| link | exchanges | bytes up | bytes down | wall-clock seconds | of which on the wire (bytes × 8 / rate + \(Int(latency)) ms each way) |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        print(
            "| \(Int(kbits)) kbit/s | \(exchanges) | \(up) | \(down) | \(String(format: "%.0f", seconds)) | \(String(format: "%.0f", wire)) |"
        )
    }
}
