import Foundation

/// Poisson probabilities in log space, exact (no normal approximation) for any count and mean.
///
/// The point probability uses Loader's saddle-point form (as R's `dpois` does), which keeps full
/// relative precision where `k·log λ − λ − log k!` would lose it to cancellation at large counts.
/// Tails are summed outward from the cut-off as ratios of neighbouring terms, on whichever side of
/// the mean is the true tail, and the other side is taken as a complement; the sum stops when a
/// term no longer changes it. Terms shrink like exp(−j²/2λ), so about 9·√λ of them are needed:
/// ~3,000 at λ = 100,000, which is why no approximation is needed at the sizes Sanad reports.
public enum Poisson {
    /// log P(X = k) for X ~ Poisson(mean).
    public static func logPMF(_ k: Int, mean: Double) -> Double {
        precondition(mean >= 0 && mean.isFinite, "the mean must be finite and not negative")
        if k < 0 { return -.infinity }
        if mean == 0 { return k == 0 ? 0 : -.infinity }
        if k == 0 { return -mean }
        let x = Double(k)
        return -stirlingError(k) - deviance(x, mean) - 0.5 * log(2 * Double.pi * x)
    }

    /// log P(X ≤ k).
    public static func logCDF(_ k: Int, mean: Double) -> Double {
        precondition(mean >= 0 && mean.isFinite, "the mean must be finite and not negative")
        if k < 0 { return -.infinity }
        if mean == 0 { return 0 }
        if Double(k) < mean { return lowerTail(k, mean) }
        return log1p(-exp(upperTail(k + 1, mean)))
    }

    /// log P(X ≥ k).
    public static func logSurvival(atLeast k: Int, mean: Double) -> Double {
        precondition(mean >= 0 && mean.isFinite, "the mean must be finite and not negative")
        if k <= 0 { return 0 }
        if mean == 0 { return -.infinity }
        if Double(k) >= mean { return upperTail(k, mean) }
        return log1p(-exp(lowerTail(k - 1, mean)))
    }

    /// log of the two-sided exact p-value of observing `k` when the mean is `mean`.
    ///
    /// Two-sided by the minimum-likelihood rule (R's `poisson.test`, and the rule scipy's
    /// `binomtest` uses for the binomial): the p-value is the probability of every count no more
    /// likely than `k`. Point probabilities within a relative 1e-7 of `k`'s count as equally
    /// likely, as in R, so that rounding cannot drop the mirror count. Doubling the one-sided
    /// p-value would overstate it when the distribution is skewed, as it is at small means.
    public static func twoSidedLogPValue(observed k: Int, mean: Double) -> Double {
        precondition(k >= 0, "a count cannot be negative")
        precondition(mean >= 0 && mean.isFinite, "the mean must be finite and not negative")
        if mean == 0 { return k == 0 ? 0 : -.infinity }
        if Double(k) == mean { return 0 }
        let limit = logPMF(k, mean: mean) + log1p(1e-7)
        let p: Double
        if Double(k) < mean {
            // The mirror tail starts at the first count above the mean as unlikely as k; the
            // probabilities fall from there on, so it can be found by bisection.
            var low = Int(mean.rounded(.up))
            var high = low
            while logPMF(high, mean: mean) > limit { high = max(high * 2, high + 1) }
            while low < high {
                let mid = low + (high - low) / 2
                if logPMF(mid, mean: mean) <= limit { high = mid } else { low = mid + 1 }
            }
            p = logAdd(logCDF(k, mean: mean), logSurvival(atLeast: low, mean: mean))
        } else {
            // The mirror tail ends at the last count below the mean as unlikely as k; the
            // probabilities rise up to the mean, so bisect for it too.
            let top = Int(mean.rounded(.down))
            if logPMF(0, mean: mean) > limit {
                p = logSurvival(atLeast: k, mean: mean)
            } else {
                var low = 0
                var high = top
                while low < high {
                    let mid = low + (high - low + 1) / 2
                    if logPMF(mid, mean: mean) <= limit { low = mid } else { high = mid - 1 }
                }
                p = logAdd(logSurvival(atLeast: k, mean: mean), logCDF(low, mean: mean))
            }
        }
        return min(0, p)
    }

    /// The two-sided exact p-value (see ``twoSidedLogPValue(observed:mean:)``); it underflows to 0
    /// below about 1e-308, where the log form still orders results.
    public static func twoSidedPValue(observed k: Int, mean: Double) -> Double {
        exp(twoSidedLogPValue(observed: k, mean: mean))
    }

    // MARK: - Tails

    /// log P(X ≤ k) for k below the mean, where terms shrink going down.
    private static func lowerTail(_ k: Int, _ mean: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var i = k
        while i > 0 {
            term *= Double(i) / mean
            let next = sum + term
            if next == sum { break }
            sum = next
            i -= 1
        }
        return logPMF(k, mean: mean) + log(sum)
    }

    /// log P(X ≥ k) for k + 1 above the mean, where terms shrink going up.
    private static func upperTail(_ k: Int, _ mean: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var i = k
        while true {
            i += 1
            term *= mean / Double(i)
            let next = sum + term
            if next == sum { break }
            sum = next
        }
        return logPMF(k, mean: mean) + log(sum)
    }

    private static func logAdd(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b)
        if high == -.infinity { return high }
        return high + log1p(exp(min(a, b) - high))
    }

    // MARK: - Loader's terms

    /// log k! − log(√(2πk)·(k/e)^k). Small k directly from lgamma, whose values are small there
    /// so nothing cancels; large k from Stirling's series.
    private static func stirlingError(_ k: Int) -> Double {
        let n = Double(k)
        if k <= 15 { return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * log(2 * Double.pi) }
        let nn = n * n
        let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
    }

    /// x·log(x/μ) + μ − x, by a series when x is near μ, where the plain form cancels.
    private static func deviance(_ x: Double, _ mu: Double) -> Double {
        guard abs(x - mu) < 0.1 * (x + mu) else { return x * log(x / mu) + mu - x }
        var v = (x - mu) / (x + mu)
        var sum = (x - mu) * v
        var power = 2 * x * v
        v *= v
        for j in 1..<1000 {
            power *= v
            let next = sum + power / Double(2 * j + 1)
            if next == sum { return next }
            sum = next
        }
        return sum
    }
}
