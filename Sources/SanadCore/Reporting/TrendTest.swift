import Foundation

/// How long one period of a count series is.
public enum TrendCadence: String, CaseIterable, Sendable {
    case monthly
    case quarterly

    public var periodsPerYear: Int {
        switch self {
        case .monthly: return 12
        case .quarterly: return 4
        }
    }
}

public enum TrendDirection: String, Sendable {
    case rise
    case fall
}

/// A category whose latest count differs from its baseline by more than chance explains.
public struct TrendFlag: Sendable, Equatable {
    /// A nationality, form of exploitation, centre... whatever the series was keyed by.
    public let category: String
    /// The label of the period tested, as the caller gave it ("2026-10", "2026-Q3").
    public let period: String
    public let observed: Int
    /// The baseline mean, i.e. the count expected if nothing changed.
    public let expected: Double
    /// observed ÷ expected.
    public let ratio: Double
    /// Two-sided; 0 when it underflows (see `logPValue`).
    public let pValue: Double
    /// Natural log of the p-value, which still orders flags where `pValue` underflows.
    public let logPValue: Double
    public let direction: TrendDirection
    /// The test and threshold in words, for the report footnote.
    public let test: String
}

/// Why a category was not tested, or not flagged although its p-value was below α.
public enum TrendSkipReason: Sendable, Equatable, CustomStringConvertible {
    /// Fewer counts than a year of baseline plus the period tested.
    case insufficientHistory(periods: Int, needed: Int)
    /// A count below zero, which only a bug upstream produces.
    case negativeCount
    /// The baseline year had no cases at all, so any case is "infinitely" surprising; a new
    /// category is news for a person to read, not for a test.
    case zeroBaseline
    case sparseBaseline(expected: Double, minimum: Double)
    /// A significant rise built on too few cases to act on.
    case tooFewObserved(observed: Int, minimum: Int)

    public var description: String {
        switch self {
        case .insufficientHistory(let periods, let needed):
            return "Only \(periods) periods of counts; the test needs \(needed)."
        case .negativeCount: return "The series has a negative count."
        case .zeroBaseline: return "No cases in the baseline year, so there is no rate to compare with."
        case .sparseBaseline(let expected, let minimum):
            return "The baseline mean \(expected) is below the minimum of \(minimum) for testing."
        case .tooFewObserved(let observed, let minimum):
            return "A rise to \(observed) is below the minimum of \(minimum) cases for a flag."
        }
    }
}

public enum TrendOutcome: Sendable, Equatable {
    case flagged(TrendFlag)
    case notSignificant(pValue: Double)
    case skipped(TrendSkipReason)
}

/// Flags categories whose latest period's count is unusual against the year before it.
///
/// **Baseline.** The latest period is compared with the mean of the `periodsPerYear` periods
/// immediately before it: for monthly counts, October 2026 against the mean of October 2025 –
/// September 2026; for quarterly, 2026-Q3 against 2025-Q3 – 2026-Q2. Counts older than that are
/// ignored. A trailing year rather than the same month a year earlier, because single months are
/// too small to estimate a rate from; the cost is that seasonal patterns are not modelled, so a
/// category with a strong season (harvest-time labour, say) can flag every season.
///
/// **Test.** The observed count is tested against Poisson(baseline mean) with the exact two-sided
/// test of ``Poisson/twoSidedLogPValue(observed:mean:)`` (R's `poisson.test` rule); a flag needs
/// p < α. The baseline mean is treated as known, which ignores its own sampling error and so
/// flags slightly more than a two-sample test would. α applies to each category on its own: with
/// 100 categories expect about one chance flag at α = 0.01 a period.
///
/// **Noise guards.** No test when the baseline mean is below `minimumExpected` (default 1 a
/// period), and no *rise* flag on fewer than `minimumObserved` cases (default 5). Falls have no
/// minimum, but a fall to zero often means a centre did not report rather than that cases stopped.
public struct TrendTest: Sendable {
    public var cadence: TrendCadence
    public var alpha: Double
    public var minimumExpected: Double
    public var minimumObserved: Int

    public init(
        cadence: TrendCadence = .monthly, alpha: Double = 0.01, minimumExpected: Double = 1,
        minimumObserved: Int = 5
    ) {
        precondition(alpha > 0 && alpha < 1, "α must be between 0 and 1")
        precondition(minimumExpected > 0, "the minimum expected count must be positive")
        self.cadence = cadence
        self.alpha = alpha
        self.minimumExpected = minimumExpected
        self.minimumObserved = minimumObserved
    }

    /// "two-sided exact Poisson test, α = 0.01".
    public var testName: String { "two-sided exact Poisson test, α = \(alpha)" }

    /// Counts needed: a baseline year plus the period tested.
    public var periodsNeeded: Int { cadence.periodsPerYear + 1 }

    /// Tests the last count of `counts` (oldest first) against the year before it.
    public func evaluate(category: String, counts: [Int], period: String) -> TrendOutcome {
        guard counts.count >= periodsNeeded else {
            return .skipped(.insufficientHistory(periods: counts.count, needed: periodsNeeded))
        }
        let window = counts.suffix(periodsNeeded)
        guard window.allSatisfy({ $0 >= 0 }) else { return .skipped(.negativeCount) }
        let observed = window.last!
        let baselineTotal = window.dropLast().reduce(0, +)
        guard baselineTotal > 0 else { return .skipped(.zeroBaseline) }
        let expected = Double(baselineTotal) / Double(cadence.periodsPerYear)
        guard expected >= minimumExpected else {
            return .skipped(.sparseBaseline(expected: expected, minimum: minimumExpected))
        }
        let logP = Poisson.twoSidedLogPValue(observed: observed, mean: expected)
        let pValue = exp(logP)
        guard logP < log(alpha) else { return .notSignificant(pValue: pValue) }
        let direction: TrendDirection = Double(observed) > expected ? .rise : .fall
        if direction == .rise && observed < minimumObserved {
            return .skipped(.tooFewObserved(observed: observed, minimum: minimumObserved))
        }
        return .flagged(
            TrendFlag(
                category: category, period: period, observed: observed, expected: expected,
                ratio: Double(observed) / expected, pValue: pValue, logPValue: logP, direction: direction,
                test: testName))
    }

    /// The outcome for every category of `series` (category → counts, oldest first, all ending
    /// in the same period `period`).
    public func assess(_ series: [String: [Int]], period: String) -> [String: TrendOutcome] {
        series.reduce(into: [:]) { result, entry in
            result[entry.key] = evaluate(category: entry.key, counts: entry.value, period: period)
        }
    }

    /// The flags among `series`, most significant first (ties by category, so that the order
    /// does not depend on dictionary order).
    public func flags(_ series: [String: [Int]], period: String) -> [TrendFlag] {
        assess(series, period: period).values
            .compactMap { outcome -> TrendFlag? in
                if case .flagged(let flag) = outcome { return flag }
                return nil
            }
            .sorted { ($0.logPValue, $0.category) < ($1.logPValue, $1.category) }
    }
}
