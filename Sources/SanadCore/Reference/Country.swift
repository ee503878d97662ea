/// A country or territory with the regional groupings used in CTDC and IOM reporting.
public struct Country: Codable, Sendable, Hashable, Identifiable {
    public let iso2: String
    public let iso3: String
    public let name: LocalizedName
    /// UN M49 region; empty for territories the source leaves unassigned (e.g. Antarctica).
    public let unRegion: String
    /// UN M49 sub-region; empty where the source has none.
    public let unSubRegion: String
    /// IOM regional office, e.g. "RO Nairobi"; empty where the source has none.
    public let iomRegion: String

    public var id: String { iso3 }

    public init(
        iso2: String,
        iso3: String,
        name: LocalizedName,
        unRegion: String,
        unSubRegion: String,
        iomRegion: String
    ) {
        self.iso2 = iso2
        self.iso3 = iso3
        self.name = name
        self.unRegion = unRegion
        self.unSubRegion = unSubRegion
        self.iomRegion = iomRegion
    }
}
