import Foundation

/// A centre as pages and exports see it: reference information, nothing personal.
public struct CentreView: Sendable, Equatable {
    public let code: String
    /// Three letters that start its registration numbers (KRT).
    public let prefix: String
    public let nameEN: String
    public let nameAR: String
    public let statePcode: String

    public func name(for language: String) -> String { language == "ar" ? nameAR : nameEN }
}

extension CentreView {
    init(_ centre: Centre) {
        self.init(
            code: centre.code, prefix: centre.prefix, nameEN: centre.nameEN, nameAR: centre.nameAR,
            statePcode: centre.statePcode)
    }
}
