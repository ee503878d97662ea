/// A name in the two languages of the Sanad interface.
public struct LocalizedName: Codable, Sendable, Hashable {
    public let en: String
    public let ar: String

    public init(en: String, ar: String) {
        self.en = en
        self.ar = ar
    }

    /// The Arabic name for any Arabic locale ("ar", "ar-SD", "ar_SD"), otherwise English,
    /// because English is the only other interface language.
    public func text(for languageCode: String) -> String {
        let primary = languageCode.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary == "ar" ? ar : en
    }
}
