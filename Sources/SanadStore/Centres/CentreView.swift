import Foundation

/// A centre as pages and exports see it: reference information, nothing personal.
public struct CentreView: Sendable, Equatable, Codable {
    public let code: String
    /// Three letters that start its registration numbers (KRT).
    public let prefix: String
    public let nameEn: String
    public let nameAr: String
    public let statePcode: String

    public func name(for language: String) -> String { language == "ar" ? nameAr : nameEn }
}

extension CentreView {
    init(_ centre: Centre) {
        self.init(
            code: centre.code, prefix: centre.prefix, nameEn: centre.nameEN, nameAr: centre.nameAR,
            statePcode: centre.statePcode)
    }
}
