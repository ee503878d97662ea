import ArgumentParser
import Foundation
import SanadCore

/// `sanad bench search` (issue 17): how often the intended person is among the first five results for the identity
/// engine's search and for the substring search it replaced, on both labelled sets; and how long one search takes
/// over a register of N people.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "People search: top-5 share (engine and substring) on two labelled sets; latency at N people.")

    @Option(help: "People in the development set (the matcher's generator).")
    var development = 3000

    @Option(help: "People in the held-out register (SearchHeldOutRegister).")
    var heldOut = 3000

    @Option(help: "People for the latency measurement.")
    var people = 100_000

    @Option(help: "Searches timed.")
    var searches = 200

    func run() throws {
        print("| set | people | searches | engine top-5 | substring top-5 |")
        print("|---|---:|---:|---:|---:|")
        for (label, set) in [
            ("development", NameSearchEvaluation.development(people: development, seed: 7)),
            ("held-out", NameSearchEvaluation.heldOut(people: heldOut, seed: 7)),
        ] {
            let engine = NameSearchEvaluation.measure(set.searches, with: NameSearchEvaluation.engine(set.people))
            let substring = NameSearchEvaluation.measure(
                set.searches, with: NameSearchEvaluation.substring(set.people))
            print(
                "| \(label) | \(set.people.count) | \(engine.searches) | \(Self.format(engine.share)) | "
                    + "\(Self.format(substring.share)) |")
            for (kind, n) in engine.byKind.sorted(by: { $0.key < $1.key }) {
                let s = substring.byKind[kind]?.found ?? 0
                print("|   \(kind) | | \(n.searches) | \(n.found) | \(s) |")
            }
        }
        let register = IdentityEvaluation.generate(people: people, seed: 5)
        let started = ContinuousClock.now
        let names = register.prefix(people).map { SearchableName(names: $0.record.names) }
        let prepared = ContinuousClock.now - started
        var times: [Double] = []
        var found = 0
        for index in 0..<searches {
            let query = register[(index * 7919) % register.count].record.names.last ?? ""
            let begin = ContinuousClock.now
            if let q = NameQuery(query) { found += names.reduce(0) { $0 + (q.match($1) == nil ? 0 : 1) } }
            times.append((ContinuousClock.now - begin) / .milliseconds(1))
        }
        times.sort()
        print()
        print("| people | preparing names | search p50 | p95 | max | people matched per search |")
        print("|---:|---:|---:|---:|---:|---:|")
        print(
            "| \(names.count) | \(Self.format(prepared / .seconds(1))) s | \(Self.format(times[times.count / 2])) ms | "
                + "\(Self.format(times[times.count * 95 / 100])) ms | \(Self.format(times.last ?? 0)) ms | "
                + "\(found / max(1, searches)) |")
    }

    static func format(_ x: Double) -> String { String(format: "%.3f", x) }
}
