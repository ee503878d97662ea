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

    func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sanad-wire-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let keys = KeyRing(master: SymmetricKey(size: .bits256))
        let centreApp = try await node(root.appendingPathComponent("centre"), keys: keys, url: centreURL)
        let officeApp = try await node(root.appendingPathComponent("office"), keys: keys, url: nil)
        defer {
            Task { try? await centreApp.asyncShutdown() }
            Task { try? await officeApp.asyncShutdown() }
        }
        let centre = OpenServices(db: centreApp.db, context: centreApp.sanad)
        let office = OpenServices(db: officeApp.db, context: officeApp.sanad)
        let codes = try await centre.centres.all().map(\.code)
        let (_, code) = try await centre.syncNodes.add(name: "office-bench", centres: codes, by: "bench")
        let organisation = keys.active.id
        _ = try await office.syncOffice.join(central: "bench") {
            try await centre.syncCentre.join(code: code, publicKey: $0, organisation: organisation)
        }
        let counting = Link(bytesPerSecond: nil, latency: 0)
        _ = try await office.syncOffice.now(transport: counting.transport(centre.syncCentre))

        let worker = try await office.accounts.createUser(
            username: "bench-cw", password: "bench password long", role: .caseworker, centres: codes, partner: nil,
            by: nil
        ).actor!
        let store = StoreServices(db: officeApp.db, actor: worker, context: officeApp.sanad)
        var rows: [(String, Int, Int, Int, Double)] = []
        func measure(_ what: String, _ count: Int, _ work: () async throws -> Void) async throws {
            try await work()
            counting.reset()
            let start = IdentityBench.now()
            let run = try await office.syncOffice.now(transport: counting.transport(centre.syncCentre))
            let seconds = IdentityBench.now() - start
            rows.append((what, count, run.pushed, counting.up.withLockedValue { $0 }, seconds))
        }

        var people: [PersonRecord] = []
        let population = DemoPopulation.generate(count: registrations, seed: seed, referenceDate: Date())
        try await measure("registration", registrations) {
            for person in population { people.append(try await store.people.register(person.draft)) }
        }
        let caseCount = min(people.count, max(1, self.services / 4))
        var cases: [UUID] = []
        try await measure("case opened", caseCount) {
            for person in people.prefix(caseCount) {
                cases.append(
                    try await store.cases.open(personID: person.id, priority: "normal", risk: "medium", caseworker: nil)
                        .id)
            }
        }
        let types = ["food", "non-food-items", "medical", "mhpss", "legal-aid", "family-tracing"]
        let today = CivilDate(Date()).description
        try await measure("service", self.services) {
            for index in 0..<self.services {
                _ = try await store.cases.recordService(
                    cases[index % cases.count],
                    ServiceDraft(date: today, type: types[index % types.count], quantity: "1", status: "delivered"))
            }
        }
        try await measure("screening", min(screenings, people.count)) {
            for person in people.prefix(screenings) {
                var start = ScreeningStart()
                start.instrument = "ilo-adult-labour"
                start.language = "ara"
                start.place = "Centre"
                start.date = today
                start.consent.interview = true
                start.consent.toldPurpose = true
                let s = try await store.screenings.start(personID: person.id, start)
                _ = try await store.screenings.complete(
                    s.id, answers: DemoActivity.presumed, expectedVersion: s.version)
            }
        }
        print("| what | records | operations | bytes up | bytes per record | seconds (CPU, no throttle) |")
        print("|---|---:|---:|---:|---:|---:|")
        for (what, count, ops, bytes, seconds) in rows {
            print(
                "| \(what) | \(count) | \(ops) | \(bytes) | \(count == 0 ? 0 : bytes / count) | \(String(format: "%.2f", seconds)) |"
            )
        }

        // The same week again on a fresh pair of nodes, over the throttled link, in one exchange run.
        let week = try await throttledWeek(root: root, keys: keys, population: population)
        print("")
        print(
            "| link | exchanges | bytes up | bytes down | wall-clock seconds | of which on the wire (bytes × 8 / rate + \(Int(latency)) ms each way) |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        print(week)
    }

    /// Builds the same week at a second office without synchronising, then sends it all over the throttled link.
    func throttledWeek(root: URL, keys: KeyRing, population: [DemoPerson]) async throws -> String {
        let centreApp = try await node(root.appendingPathComponent("centre2"), keys: keys, url: nil)
        let officeApp = try await node(root.appendingPathComponent("office2"), keys: keys, url: nil)
        defer {
            Task { try? await centreApp.asyncShutdown() }
            Task { try? await officeApp.asyncShutdown() }
        }
        let centre = OpenServices(db: centreApp.db, context: centreApp.sanad)
        let office = OpenServices(db: officeApp.db, context: officeApp.sanad)
        let codes = try await centre.centres.all().map(\.code)
        let (_, code) = try await centre.syncNodes.add(name: "office-week", centres: codes, by: "bench")
        let organisation = keys.active.id
        _ = try await office.syncOffice.join(central: "bench") {
            try await centre.syncCentre.join(code: code, publicKey: $0, organisation: organisation)
        }
        let worker = try await office.accounts.createUser(
            username: "bench-cw", password: "bench password long", role: .caseworker, centres: codes, partner: nil,
            by: nil
        ).actor!
        let store = StoreServices(db: officeApp.db, actor: worker, context: officeApp.sanad)
        let today = CivilDate(Date()).description
        var people: [PersonRecord] = []
        for person in population { people.append(try await store.people.register(person.draft)) }
        var cases: [UUID] = []
        for person in people.prefix(max(1, self.services / 4)) {
            cases.append(
                try await store.cases.open(personID: person.id, priority: "normal", risk: "medium", caseworker: nil).id)
        }
        for index in 0..<self.services {
            _ = try await store.cases.recordService(
                cases[index % cases.count], ServiceDraft(date: today, type: "food", quantity: "1", status: "delivered"))
        }
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
        let link = Link(bytesPerSecond: kbits * 1000 / 8, latency: latency / 1000)
        let start = IdentityBench.now()
        _ = try await office.syncOffice.now(transport: link.transport(centre.syncCentre))
        let seconds = IdentityBench.now() - start
        let up = link.up.withLockedValue { $0 }
        let down = link.down.withLockedValue { $0 }
        let exchanges = link.exchanges.withLockedValue { $0 }
        let wire = Double(up + down) * 8 / (kbits * 1000) + Double(exchanges) * 2 * latency / 1000
        return
            "| \(Int(kbits)) kbit/s | \(exchanges) | \(up) | \(down) | \(String(format: "%.0f", seconds)) | \(String(format: "%.0f", wire)) |"
    }
}
