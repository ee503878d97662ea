/// An answer to one indicator. Not asked and declined are real answers; for the rules they count as unknown.
public enum IndicatorAnswer: String, Codable, Sendable, CaseIterable {
    case yes, no, unknown
    case notAsked = "not-asked"
    case declined

    public var isYes: Bool { self == .yes }
    /// Not a no: an unanswered, not asked or declined question could still turn out yes.
    public var couldBeYes: Bool { self != .no }
}

public enum DimensionStatus: String, Codable, Sendable, CaseIterable {
    case positive, negative, insufficient
}

public enum Conclusion: String, Codable, Sendable, CaseIterable {
    case presumedVictim = "presumed-victim"
    case insufficientInformation = "insufficient-information"
    case notIndicated = "not-indicated"
}

/// Why a dimension is positive: the indicators answered yes in it.
public struct Reason: Codable, Sendable, Equatable {
    public let dimension: String
    public let indicators: [String]
}

public struct Evaluation: Codable, Sendable, Equatable {
    public let instrument: String
    public let version: String
    public let dimensions: [String: DimensionStatus]
    public let conclusion: Conclusion
    public let reasons: [Reason]
}

public enum ScreeningEvaluator {
    /// Answers missing from `answers` are unknown.
    public static func evaluate(_ instrument: Instrument, answers: [String: IndicatorAnswer]) -> Evaluation {
        var statuses: [String: DimensionStatus] = [:]
        var reasons: [Reason] = []
        for dimension in instrument.dimensions {
            let indicators = instrument.indicators(in: dimension.id)
            let yes = indicators.filter { (answers[$0.id] ?? .unknown).isYes }
            let possible = indicators.filter { (answers[$0.id] ?? .unknown).couldBeYes }
            let rule = instrument.rules.dimension
            if meets(rule, yes.map(\.strength)) {
                statuses[dimension.id] = .positive
                reasons.append(Reason(dimension: dimension.id, indicators: yes.map(\.id)))
            } else if meets(rule, possible.map(\.strength)) {
                statuses[dimension.id] = .insufficient
            } else {
                statuses[dimension.id] = .negative
            }
        }
        let conclusion: Conclusion
        if holds(instrument.rules.conclusion, { statuses[$0] == .positive }) {
            conclusion = .presumedVictim
        } else if holds(instrument.rules.conclusion, { statuses[$0] != .negative }) {
            conclusion = .insufficientInformation
        } else {
            conclusion = .notIndicated
        }
        return Evaluation(
            instrument: instrument.id, version: instrument.version, dimensions: statuses, conclusion: conclusion,
            reasons: reasons)
    }

    static func holds(_ rule: Rules.ConclusionRule, _ positive: (String) -> Bool) -> Bool {
        rule.allOf.allSatisfy { group in group.contains(where: positive) }
    }

    /// Whether the strengths of the ticked indicators fill every slot of some alternative, each indicator
    /// filling at most one slot.
    public static func meets(_ rule: Rules.DimensionRule, _ strengths: [Strength]) -> Bool {
        var available: [Strength: Int] = [:]
        for s in strengths { available[s, default: 0] += 1 }
        return rule.anyOf.contains { fill($0[...], available) }
    }

    /// Tries every way of taking a slot's count from the strengths it accepts; slots and counts are tiny.
    private static func fill(_ slots: ArraySlice<Rules.Slot>, _ available: [Strength: Int]) -> Bool {
        guard let slot = slots.first else { return true }
        return take(slot.count, from: slot.of[...], available) { rest in fill(slots.dropFirst(), rest) }
    }

    private static func take(
        _ needed: Int, from kinds: ArraySlice<Strength>, _ available: [Strength: Int],
        then next: ([Strength: Int]) -> Bool
    ) -> Bool {
        if needed == 0 { return next(available) }
        guard let kind = kinds.first else { return false }
        let have = available[kind] ?? 0
        for used in stride(from: min(have, needed), through: 0, by: -1) {
            var rest = available
            rest[kind] = have - used
            if take(needed - used, from: kinds.dropFirst(), rest, then: next) { return true }
        }
        return false
    }
}
