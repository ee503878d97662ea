import Fluent
import Foundation

final class Centre: Model, @unchecked Sendable {
    static let schema = "centres"

    @ID(key: .id) var id: UUID?
    /// The centre's code, by default the P-code of its state (SD01).
    @Field(key: "code") var code: String
    /// Three letters that start its registration numbers (KRT).
    @Field(key: "prefix") var prefix: String
    @Field(key: "name_en") var nameEN: String
    @Field(key: "name_ar") var nameAR: String
    @Field(key: "state_pcode") var statePcode: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(code: String, prefix: String, nameEN: String, nameAR: String, statePcode: String) {
        self.id = UUID()
        self.code = code
        self.prefix = prefix
        self.nameEN = nameEN
        self.nameAR = nameAR
        self.statePcode = statePcode
    }

    func name(for language: String) -> String { language == "ar" ? nameAR : nameEN }
}
