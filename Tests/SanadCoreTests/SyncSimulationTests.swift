import Testing

@testable import SanadCore

/// Issue 11, item 7, on the merge rules: many seeds of offices working through dropped, repeated, delayed and
/// reordered messages and crashes; `sanad bench sync` runs more.
@Suite struct SyncSimulationTests {
    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func noEditIsLostAndEveryoneAgrees(seed: UInt64) {
        var simulation = SyncSimulation(seed: seed)
        let report = simulation.run()
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(report.lost == 0)
        #expect(report.applied + report.held + report.refused == report.operations)
    }

    /// The faults are really there, and conflicts really happen: a run without them would prove nothing.
    @Test func theRunsMeetEveryKindOfTrouble() {
        var totals = SyncSimulation.Report()
        for seed in 1...10 as ClosedRange<UInt64> {
            var simulation = SyncSimulation(seed: seed)
            totals.add(simulation.run())
        }
        #expect(totals.held > 0 && totals.refused > 0 && totals.resolutions > 0)
        #expect(totals.dropped > 0 && totals.duplicated > 0 && totals.crashes > 0)
    }

    @Test func theSameSeedGivesTheSameRunAndClocksDecideNothing() {
        var right = SyncSimulation.Faults()
        right.clockSkew = 0
        var first = SyncSimulation(seed: 7)
        var again = SyncSimulation(seed: 7)
        var honestClocks = SyncSimulation(seed: 7, faults: right)
        let report = first.run()
        #expect(again.run() == report)
        #expect(honestClocks.run() == report)
        #expect(honestClocks.centre.outcomes == first.centre.outcomes)
        #expect(honestClocks.centre.fields.mapValues(\.value) == first.centre.fields.mapValues(\.value))
    }
}
