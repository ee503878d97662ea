import Foundation
import Testing

@testable import SanadCore

@Suite struct ReportingTrendTests {
    /// (observed, mean, two-sided p). Computed outside Swift with scipy 1.17.1 `scipy.stats.poisson`: the sum of pmf(i) over every
    /// i with pmf(i) ≤ pmf(k)·(1 + 1e-7), the rule of R's `poisson.test`, its tails from
    /// `poisson.cdf`/`poisson.sf` and the mirror cut-off found by a linear walk.
    static let referencePValues: [(Int, Double, Double)] = [
        (0, 5.0, 0.012191038912094812),
        (3, 1.0, 0.08030139707139418),
        (5, 1.0, 0.003659846827343713),
        (12, 4.25, 0.0015141740620178224),
        (1, 9.5, 0.0016454230259091748),
        (30, 20.0, 0.03262993635221014),
        (9, 20.0, 0.009722837846838207),
        (150, 120.5, 0.00932369763845925),
        (95, 120.5, 0.020020238129797197),
        (100, 100.0, 1.0),
        (99, 100.0, 1.0),
        (101, 100.0, 0.9202780063817058),
        (1050, 1000.0, 0.11383500265749569),
        (1100, 1000.0, 0.001836320115762868),
        (880, 1000.0, 0.0001214032225471224),
        (100500, 100000.0, 0.11384618505514296),
        (101200, 100000.0, 0.00015161057047244654),
        (98900, 100000.0, 0.0004953588077265114),
        (60, 20.0, 4.2332846947129256e-13),
        (7, 2.5, 0.014187311990913347),
    ]

    /// (k, mean, log P(X ≤ k), log P(X ≥ k)) from scipy's `poisson.logcdf(k)` and `poisson.logsf(k - 1)`.
    static let referenceTails: [(Int, Double, Double, Double)] = [
        (0, 5.0, -5.0, 0.0),
        (10, 3.0, -0.00029237968942331824, -6.810185717036394),
        (3, 10.0, -4.572117429097319, -0.0027732375865730445),
        (99000, 100000.0, -7.163679248464108, -0.0007660929317787317),
        (101000, 100000.0, -0.0007915145942065184, -7.131147559283661),
        (100000, 100000.0, -0.6914665074838143, -0.6923064898187249),
        (5, 200.0, -178.2707172245325, 0.0),
        (400, 200.0, 0.0, -80.48551935368361),
    ]

    static func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-12) -> Bool {
        abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
    }

    @Test func pValuesMatchScipy() {
        for (k, mean, expected) in Self.referencePValues {
            let p = Poisson.twoSidedPValue(observed: k, mean: mean)
            #expect(Self.isClose(p, expected), "k=\(k) mean=\(mean): \(p) vs \(expected)")
        }
    }

    @Test func tailsMatchScipy() {
        for (k, mean, logCDF, logSF) in Self.referenceTails {
            let cdf = Poisson.logCDF(k, mean: mean)
            let sf = Poisson.logSurvival(atLeast: k, mean: mean)
            #expect(Self.isClose(cdf, logCDF, relative: 1e-8, absolute: 1e-13), "logCDF(\(k), \(mean)) = \(cdf)")
            #expect(Self.isClose(sf, logSF, relative: 1e-8, absolute: 1e-13), "logSF(\(k), \(mean)) = \(sf)")
        }
    }

    @Test(arguments: [0.3, 1.0, 7.25, 42.0, 1234.5])
    func probabilitiesAddUpToOne(_ mean: Double) {
        let top = Int(mean + 40 * mean.squareRoot() + 40)
        let total = (0...top).map { exp(Poisson.logPMF($0, mean: mean)) }.reduce(0, +)
        #expect(abs(total - 1) < 1e-12, "\(total)")
        for k in stride(from: 0, through: top, by: max(1, top / 17)) {
            let below = exp(Poisson.logCDF(k, mean: mean))
            let above = exp(Poisson.logSurvival(atLeast: k + 1, mean: mean))
            #expect(abs(below + above - 1) < 1e-12, "k=\(k): \(below) + \(above)")
        }
    }

    @Test func pmfMatchesTheTextbookFormulaAtSmallCounts() {
        for k in 0...30 {
            let direct = Double(k) * log(6.5) - 6.5 - lgamma(Double(k) + 1)
            #expect(Self.isClose(Poisson.logPMF(k, mean: 6.5), direct, relative: 1e-12, absolute: 1e-12), "k=\(k)")
        }
        #expect(Poisson.logPMF(-1, mean: 3) == -.infinity)
        #expect(Poisson.logPMF(0, mean: 0) == 0)
        #expect(Poisson.logPMF(2, mean: 0) == -.infinity)
    }

    @Test func extremeDeviationsKeepAnOrderInLogSpace() {
        let far = Poisson.twoSidedLogPValue(observed: 100_000, mean: 50_000)
        let farther = Poisson.twoSidedLogPValue(observed: 110_000, mean: 50_000)
        #expect(far.isFinite && farther.isFinite)
        #expect(far < -5000)
        #expect(farther < far)
        #expect(Poisson.twoSidedPValue(observed: 100_000, mean: 50_000) == 0)
        #expect(Poisson.twoSidedLogPValue(observed: 0, mean: 0) == 0)
        #expect(Poisson.twoSidedLogPValue(observed: 3, mean: 0) == -.infinity)
    }

    // MARK: - Trend test

    let test = TrendTest()

    static func series(baseline: Int, observed: Int, history: Int = 12) -> [Int] {
        Array(repeating: baseline, count: history) + [observed]
    }

    @Test func nameStatesTestAndThreshold() {
        #expect(test.testName == "two-sided exact Poisson test, α = 0.01")
        #expect(TrendTest(alpha: 0.05).testName == "two-sided exact Poisson test, α = 0.05")
    }

    @Test func significantFallIsFlaggedWithItsNumbers() throws {
        let outcome = test.evaluate(category: "ERI", counts: Self.series(baseline: 20, observed: 9), period: "2026-10")
        guard case .flagged(let flag) = outcome else {
            Issue.record("expected a flag, got \(outcome)")
            return
        }
        #expect(flag.category == "ERI")
        #expect(flag.period == "2026-10")
        #expect(flag.observed == 9)
        #expect(flag.expected == 20)
        #expect(flag.ratio == 0.45)
        #expect(flag.direction == .fall)
        #expect(Self.isClose(flag.pValue, 0.009722837846838207))
        #expect(flag.test == "two-sided exact Poisson test, α = 0.01")
    }

    @Test func changeWithinChanceIsNotFlagged() {
        let outcome = test.evaluate(category: "ERI", counts: Self.series(baseline: 20, observed: 30), period: "p")
        guard case .notSignificant(let p) = outcome else {
            Issue.record("got \(outcome)")
            return
        }
        #expect(Self.isClose(p, 0.03262993635221014))
        #expect(
            TrendTest(alpha: 0.05).evaluate(
                category: "ERI", counts: Self.series(baseline: 20, observed: 30), period: "p"
            )
            .isFlagged)
    }

    @Test func baselineIsTheTwelveMonthsJustBefore() {
        // Older history, however different, must not change the result.
        let recent = [10, 12, 9, 11, 10, 13, 8, 10, 11, 12, 9, 11, 25]
        let withHistory = [500, 0, 700] + recent
        let a = test.evaluate(category: "c", counts: recent, period: "p")
        let b = test.evaluate(category: "c", counts: withHistory, period: "p")
        #expect(a == b)
        guard case .flagged(let flag) = a else {
            Issue.record("got \(a)")
            return
        }
        #expect(flag.expected == 126.0 / 12)
        #expect(flag.direction == .rise)
    }

    @Test func quarterlyUsesFourQuarters() {
        let counts = [120, 121, 120, 121, 150]
        guard
            case .flagged(let flag) = TrendTest(cadence: .quarterly).evaluate(
                category: "c", counts: counts, period: "2026-Q3")
        else {
            Issue.record("expected a flag")
            return
        }
        #expect(flag.expected == 120.5)
        #expect(Self.isClose(flag.pValue, 0.00932369763845925))
        #expect(
            TrendTest(cadence: .quarterly).evaluate(category: "c", counts: Array(counts.dropFirst()), period: "p")
                == .skipped(.insufficientHistory(periods: 4, needed: 5)))
    }

    @Test func insufficientHistoryIsSkippedWithReason() {
        #expect(
            test.evaluate(category: "c", counts: Array(repeating: 50, count: 12), period: "p")
                == .skipped(.insufficientHistory(periods: 12, needed: 13)))
        #expect(
            test.evaluate(category: "c", counts: [], period: "p")
                == .skipped(.insufficientHistory(periods: 0, needed: 13)))
    }

    @Test func zeroAndSparseBaselinesAreNotTested() {
        #expect(
            test.evaluate(category: "c", counts: Self.series(baseline: 0, observed: 40), period: "p")
                == .skipped(.zeroBaseline))
        let sparse = [1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 30]
        #expect(
            test.evaluate(category: "c", counts: sparse, period: "p")
                == .skipped(.sparseBaseline(expected: 0.5, minimum: 1)))
        #expect(
            TrendTest(minimumExpected: 0.5).evaluate(category: "c", counts: sparse, period: "p").isFlagged,
            "the guard, not the test, held it back")
    }

    @Test func smallRiseNeedsTheMinimumCount() {
        // Baseline 1 a month, 4 observed: p = 0.019, significant at 0.05 but only 4 cases.
        let counts = Self.series(baseline: 1, observed: 4)
        let loose = TrendTest(alpha: 0.05)
        #expect(
            loose.evaluate(category: "c", counts: counts, period: "p")
                == .skipped(.tooFewObserved(observed: 4, minimum: 5)))
        #expect(
            TrendTest(alpha: 0.05, minimumObserved: 4).evaluate(category: "c", counts: counts, period: "p").isFlagged)
    }

    @Test func negativeCountsAreRefused() {
        var counts = Self.series(baseline: 10, observed: 40)
        counts[3] = -1
        #expect(test.evaluate(category: "c", counts: counts, period: "p") == .skipped(.negativeCount))
    }

    @Test func flagsAreSortedByPValue() {
        let series: [String: [Int]] = [
            "SSD": Self.series(baseline: 20, observed: 9),  // p 0.0097
            "ETH": Self.series(baseline: 20, observed: 60),  // p 4e-13
            "ERI": Self.series(baseline: 1000, observed: 880),  // p 1.2e-4
            "SOM": Self.series(baseline: 20, observed: 22),  // not significant
            "NGA": Self.series(baseline: 0, observed: 9),  // zero baseline
            "TCD": [5, 6],  // too short
        ]
        let flags = test.flags(series, period: "2026-10")
        #expect(flags.map(\.category) == ["ETH", "ERI", "SSD"])
        #expect(flags.map(\.direction) == [.rise, .fall, .fall])
        let outcomes = test.assess(series, period: "2026-10")
        #expect(outcomes.count == 6)
        #expect(outcomes["NGA"] == .skipped(.zeroBaseline))
        #expect(outcomes["TCD"] == .skipped(.insufficientHistory(periods: 2, needed: 13)))
    }

    @Test func equalPValuesSortByCategory() {
        let same = Self.series(baseline: 20, observed: 60)
        let flags = test.flags(["b": same, "a": same, "c": same], period: "p")
        #expect(flags.map(\.category) == ["a", "b", "c"])
    }

    @Test func aSeriesEqualToItsBaselineNeverFlags() {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<300 {
            let level = Int(rng.next() % 5000)
            let length = 13 + Int(rng.next() % 30)
            let outcome = test.evaluate(category: "c", counts: Array(repeating: level, count: length), period: "p")
            #expect(!outcome.isFlagged, "constant \(level)")
            if level > 0 { #expect(outcome == .notSignificant(pValue: 1)) }
        }
    }

    @Test func observingTheRoundedBaselineMeanNeverFlags() {
        // Over every mean a twelve-month total can give up to 3,000 a month, the smallest such
        // p-value (scipy, same rule) is 0.675, at a mean of 19/12.
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let baseline = (0..<12).map { _ in Int(rng.next() % 400) }
            let mean = Double(baseline.reduce(0, +)) / 12
            let counts = baseline + [Int(mean.rounded())]
            let outcome = test.evaluate(category: "c", counts: counts, period: "p")
            #expect(!outcome.isFlagged)
            if case .notSignificant(let p) = outcome { #expect(p > 0.6, "mean \(mean): p \(p)") }
        }
    }

    @Test func pValueIsOneOnlyAtTheMeanAndFallsAway() {
        for mean in [3.0, 17.0, 250.0] {
            #expect(Poisson.twoSidedPValue(observed: Int(mean), mean: mean) == 1)
            var previous = 1.0
            for step in 1...Int(mean) {
                let p = Poisson.twoSidedPValue(observed: Int(mean) + step, mean: mean)
                #expect(p < previous || p == 0, "mean \(mean) step \(step)")
                previous = p
            }
        }
    }
}

extension TrendOutcome {
    var isFlagged: Bool {
        if case .flagged = self { return true }
        return false
    }
}
