import Foundation

/// How many records in a population hold each name-part key (`NameKeys.parts`), so that agreement on a rare name
/// counts for more than agreement on a common one: "Mohamed Ahmed" is weak evidence, "Weldemichael Habtom" strong.
public struct NameFrequencies: Sendable {
    private(set) var counts: [NameCode: Int]
    /// Number of records counted.
    public private(set) var population: Int

    /// Knows no population: every part is treated as moderately rare.
    public static let empty = NameFrequencies(counts: [:], population: 0)

    init(counts: [NameCode: Int], population: Int) {
        self.counts = counts
        self.population = population
    }

    public init(records: [IdentityRecord]) {
        self.init(counts: [:], population: 0)
        for record in records { add(IdentityFeatures(record)) }
    }

    /// Records holding the part key (a record with the key in two name forms counts once).
    public func count(of key: String) -> Int {
        counts[NameCode(key)] ?? 0
    }

    func count(of key: NameCode) -> Int {
        counts[key] ?? 0
    }

    public mutating func add(_ record: IdentityRecord) {
        add(IdentityFeatures(record))
    }

    public mutating func remove(_ record: IdentityRecord) {
        remove(IdentityFeatures(record))
    }

    mutating func add(_ features: IdentityFeatures) {
        population += 1
        for key in features.distinctSkeletons { counts[key, default: 0] += 1 }
    }

    mutating func remove(_ features: IdentityFeatures) {
        population = max(0, population - 1)
        for key in features.distinctSkeletons {
            let remaining = (counts[key] ?? 0) - 1
            counts[key] = remaining > 0 ? remaining : nil
        }
    }

    /// Before there is a population to count, a part is assumed to be held by one record in 250.
    static let priorShare = 0.004
    /// How many records' worth of weight the prior carries: a small population moves the estimate little.
    static let priorWeight = 300.0

    /// The share of records holding the key, pulled towards the prior while the population is small.
    public func share(of key: String) -> Double {
        share(of: NameCode(key))
    }

    func share(of key: NameCode) -> Double {
        let observed = Double(count(of: key))
        return (observed + Self.priorShare * Self.priorWeight) / (Double(population) + Self.priorWeight)
    }

    /// Log-likelihood weight (bits) of two records agreeing on this part: log2(m/u), where m (how often the same
    /// person's records agree on a part) is about 0.9 and u (how often two different people's do) is the share.
    func agreementWeight(_ key: NameCode) -> Double {
        min(max(log2(0.9 / share(of: key)), 0.5), 12)
    }
}
