import Fluent
import Foundation

public final class Centre: Model, @unchecked Sendable {
    public static let schema = "centres"

    @ID(key: .id) public var id: UUID?
    /// The centre's code, by default the P-code of its state (SD01).
    @Field(key: "code") public var code: String
    /// Three letters that start its registration numbers (KRT).
    @Field(key: "prefix") public var prefix: String
    @Field(key: "name_en") public var nameEN: String
    @Field(key: "name_ar") public var nameAR: String
    @Field(key: "state_pcode") public var statePcode: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(code: String, prefix: String, nameEN: String, nameAR: String, statePcode: String) {
        self.id = UUID()
        self.code = code
        self.prefix = prefix
        self.nameEN = nameEN
        self.nameAR = nameAR
        self.statePcode = statePcode
    }

    public func name(for language: String) -> String { language == "ar" ? nameAR : nameEN }
}
