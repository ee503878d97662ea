import ArgumentParser
import Foundation
import SanadCore

/// More seeds of the synchronisation simulation than CI runs (issue 11, item 7).
struct SyncSimulationBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run the seeded synchronisation simulation for many seeds and total what happened.")

    @Option(help: "First seed.") var from: UInt64 = 1
    @Option(help: "How many seeds.") var seeds = 1000
    @Option(help: "Ticks per run.") var ticks = 300
    @Option(help: "Offices per run (1 to 4).") var offices = 4

    func run() throws {
        var total = SyncSimulation.Report()
        let start = IdentityBench.now()
        for seed in from..<(from + UInt64(seeds)) {
            var simulation = SyncSimulation(seed: seed, offices: offices, ticks: ticks)
            total.add(simulation.run())
        }
        let seconds = IdentityBench.now() - start
        print(
            "| seeds | operations | edits | facts | applied | held | of which resolved | still open | refused | resolutions | transfers | messages | dropped | duplicated | crashes | lost | violations | seconds |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(
            "| \(seeds) | \(total.operations) | \(total.edits) | \(total.facts) | \(total.applied) | \(total.held) | \(total.superseded) | \(total.openConflicts) | \(total.refused) | \(total.resolutions) | \(total.transfers) | \(total.messages) | \(total.dropped) | \(total.duplicated) | \(total.crashes) | \(total.lost) | \(total.violations.count) | \(String(format: "%.1f", seconds)) |"
        )
        for line in total.violations.prefix(20) { print(line) }
        if !total.violations.isEmpty { throw ExitCode.failure }
    }
}
