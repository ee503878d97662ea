/// A Sudanese state (admin level 1) as coded by OCHA.
public struct State: Codable, Sendable, Hashable, Identifiable {
    /// OCHA P-code, e.g. "SD12".
    public let pcode: String
    public let name: LocalizedName
    /// Other English spellings that appear on documents and in interviews.
    public let aliases: [String]

    public var id: String { pcode }

    public init(pcode: String, name: LocalizedName, aliases: [String] = []) {
        self.pcode = pcode
        self.name = name
        self.aliases = aliases
    }
}

/// A locality (admin level 2) within a Sudanese state.
public struct Locality: Codable, Sendable, Hashable, Identifiable {
    /// OCHA P-code, e.g. "SD12080".
    public let pcode: String
    public let name: LocalizedName
    public let statePcode: String

    public var id: String { pcode }

    public init(pcode: String, name: LocalizedName, statePcode: String) {
        self.pcode = pcode
        self.name = name
        self.statePcode = statePcode
    }
}
