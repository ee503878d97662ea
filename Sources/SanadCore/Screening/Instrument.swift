/// Text in the two shipped languages.
public struct Bilingual: Codable, Sendable, Equatable {
    public let en: String
    public let ar: String

    public init(en: String, ar: String) {
        self.en = en
        self.ar = ar
    }

    public func text(for language: String) -> String { language.hasPrefix("ar") ? ar : en }
}

public enum Strength: String, Codable, Sendable, CaseIterable {
    case strong, medium, weak

    /// For listing the strongest indicators first.
    public var rank: Int {
        switch self {
        case .strong: return 3
        case .medium: return 2
        case .weak: return 1
        }
    }
}

public enum InstrumentStatus: String, Codable, Sendable, CaseIterable {
    case verified, provisional
}

/// A trafficking-indicator instrument (one ILO/EC set), as versioned data: the wording, weights and rules.
public struct Instrument: Codable, Sendable, Equatable {
    public struct Dimension: Codable, Sendable, Equatable {
        public let id: String
        public let title: Bilingual
    }

    public struct Indicator: Codable, Sendable, Equatable {
        public let id: String
        public let dimension: String
        public let strength: Strength
        public let text: Bilingual
        public let question: Bilingual?
        /// The weight is not yet verified against the ILO publication.
        public let check: Bool?
    }

    public let id: String
    public let version: String
    public let status: InstrumentStatus
    public let population: String
    public let exploitationType: String
    public let title: Bilingual
    public let source: String?
    public let note: Bilingual?
    public let dimensions: [Dimension]
    public let indicators: [Indicator]
    public let rules: Rules

    public func indicators(in dimension: String) -> [Indicator] {
        indicators.filter { $0.dimension == dimension }
    }
}

/// The combination rules, kept in the instrument so that a corrected rule ships as a new version.
public struct Rules: Codable, Sendable, Equatable {
    /// Indicators of one strength set, `count` of them, none shared with another slot of the same alternative.
    public struct Slot: Codable, Sendable, Equatable {
        public let of: [Strength]
        public let count: Int

        public init(of: [Strength], count: Int) {
            self.of = of
            self.count = count
        }
    }

    public struct DimensionRule: Codable, Sendable, Equatable {
        /// The dimension is positive when any alternative is met.
        public let anyOf: [[Slot]]
        public let description: Bilingual?
    }

    public struct ConclusionRule: Codable, Sendable, Equatable {
        /// Every group must hold; a group holds when any of its dimensions is positive.
        public let allOf: [[String]]
        public let description: Bilingual?
    }

    public let dimension: DimensionRule
    public let conclusion: ConclusionRule
}
