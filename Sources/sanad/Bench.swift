import ArgumentParser
import Foundation
import SanadCore

/// Speed measurements, apart from the tests (which never assert on time).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (build with -c release for meaningful numbers).",
        subcommands: [
            IdentityBench.self, DashboardBench.self, CTDCSynthBench.self, SyncSimulationBench.self, SyncWireBench.self,
            SearchBench.self,
        ])
}

struct IdentityBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Identity index: build time, memory, query latency, dedup throughput, against brute force.")

    @Option(help: "Index sizes, comma-separated.") var sizes = "100000,1000000"
    @Option(help: "Queries per size.") var queries = 1000
    @Option(help: "Queries for the brute-force baseline (each compares against everyone).") var bruteQueries = 20
    @Option(help: "Rows for the dedup-pairs throughput run.") var dedupRows = 100_000
    @Option(help: "Rows for the all-pairs brute-force baseline (extrapolated to --dedup-rows).") var bruteRows = 3000

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Resident memory from /proc, in MiB.
    static func residentMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
    }

    /// Registrations for `count` index entries: distinct generated people, each registered one to four times.
    static func records(_ count: Int, seed: UInt64) -> [IdentityRecord] {
        var out: [IdentityRecord] = []
        var round: UInt64 = 0
        while out.count < count {
            let batch = IdentityEvaluation.generate(
                people: min(200_000, max(1000, (count - out.count) / 2)), seed: seed &+ round)
            for r in batch where out.count < count {
                var record = r.record
                record.id = "\(round)-\(record.id)"
                out.append(record)
            }
            round += 1
        }
        return out
    }

    func run() throws {
        var lines = [
            "| size | build s | memory MiB | query p50 ms | p95 ms | p99 ms | brute force per query ms | speed-up |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let data = Self.records(size, seed: 42)
            let before = Self.residentMiB()
            let index = IdentityIndex()
            let start = Self.now()
            for r in data { index.insert(r) }
            let build = Self.now() - start
            let memory = Self.residentMiB() - before
            var latencies: [Double] = []
            let step = max(1, data.count / queries)
            for i in stride(from: 0, to: data.count, by: step).prefix(queries) {
                let t = Self.now()
                _ = index.matches(for: data[i], limit: 20)
                latencies.append((Self.now() - t) * 1000)
            }
            latencies.sort()
            let scorer = MatchScorer()
            var brute: [Double] = []
            for i in stride(from: 0, to: data.count, by: max(1, data.count / bruteQueries)).prefix(bruteQueries) {
                let t = Self.now()
                var found = 0
                for other in data where other.id != data[i].id {
                    if scorer.compare(data[i], other).decision != nil { found += 1 }
                }
                brute.append((Self.now() - t) * 1000)
                _ = found
            }
            let bruteMedian = Self.percentile(brute.sorted(), 0.5)
            let p50 = Self.percentile(latencies, 0.5)
            lines.append(
                String(
                    format: "| %d | %.1f | %.0f | %.3f | %.3f | %.3f | %.1f | %.0fx |", size, build, memory, p50,
                    Self.percentile(latencies, 0.95), Self.percentile(latencies, 0.99), bruteMedian,
                    p50 > 0 ? bruteMedian / p50 : 0))
            FileHandle.standardError.write(Data("measured \(size)\n".utf8))
        }
        print(lines.joined(separator: "\n"))
        print()
        // Bulk: index every row and list candidate pairs, against comparing every pair (measured on a sample).
        let rows = Self.records(dedupRows, seed: 7)
        let t0 = Self.now()
        let index = IdentityIndex()
        for r in rows { index.insert(r) }
        let pairs = index.allPairs(minimum: .possible)
        let indexed = Self.now() - t0
        let sample = Array(rows.prefix(bruteRows))
        let scorer = MatchScorer()
        let t1 = Self.now()
        var comparisons = 0
        for i in sample.indices {
            for j in (i + 1)..<sample.count {
                _ = scorer.compare(sample[i], sample[j])
                comparisons += 1
            }
        }
        let perComparison = (Self.now() - t1) / Double(max(1, comparisons))
        let bruteAll = perComparison * Double(dedupRows) * Double(dedupRows - 1) / 2
        print("| dedup pairs | rows | seconds | rows/s | pairs found |")
        print("|---|---:|---:|---:|---:|")
        print(
            String(
                format: "| indexed | %d | %.1f | %.0f | %d |", dedupRows, indexed, Double(dedupRows) / indexed,
                pairs.count))
        print(
            String(
                format:
                    "| brute force (every pair; %d-row sample, %.2f µs a comparison, extrapolated) | %d | %.0f | %.0f | — |",
                bruteRows, perComparison * 1e6, dedupRows, bruteAll, Double(dedupRows) / bruteAll))
    }
}
