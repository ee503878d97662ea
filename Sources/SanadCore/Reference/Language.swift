/// A language a person may speak, for interpreter matching and case records.
public struct Language: Codable, Sendable, Hashable, Identifiable {
    /// ISO 639-2/B code, or ISO 639-3 for languages 639-2 does not list on their own
    /// (Nuer "nus", Saho "ssy", Fur "fvr"...).
    public let code: String
    /// ISO 639-2/T code where it differs from `code` ("fra" for "fre"), because
    /// other systems and browsers send that form.
    public let terminologyCode: String?
    /// ISO 639-1 code, where one exists.
    public let iso1: String?
    public let name: LocalizedName

    public var id: String { code }

    public init(code: String, terminologyCode: String? = nil, iso1: String?, name: LocalizedName) {
        self.code = code
        self.terminologyCode = terminologyCode
        self.iso1 = iso1
        self.name = name
    }
}
