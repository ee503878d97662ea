import Foundation

/// One language's user-facing strings, loaded from `Resources/<code>.json`. Linux Foundation cannot pick a
/// language per request, so catalogues are plain JSON looked up by key.
public struct Catalogue: Sendable {
    public let language: String
    let strings: [String: String]

    public static let supported = ["en", "ar"]
    public static let all: [String: Catalogue] = Dictionary(
        uniqueKeysWithValues: supported.map { ($0, Catalogue(loading: $0)) })

    public static func forLanguage(_ code: String) -> Catalogue { all[code] ?? all["en"]! }

    init(loading code: String) {
        guard let url = Bundle.module.url(forResource: code, withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let strings = try? JSONDecoder().decode([String: String].self, from: data)
        else { preconditionFailure("The \(code).json catalogue is missing from the bundle or is not valid JSON.") }
        self.language = code
        self.strings = strings
    }

    public var keys: Set<String> { Set(strings.keys) }
    /// Between the items of a list in running text: the Arabic comma in Arabic, a comma in English.
    public var listSeparator: String { language == "ar" ? "، " : ", " }
    public var isRightToLeft: Bool { language == "ar" }
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The text for `key`; a missing key shows as the key itself (tests make sure none is missing).
    public func t(_ key: String) -> String { strings[key] ?? key }

    /// `{0}`, `{1}`… in the text replaced by the arguments.
    public func t(_ key: String, _ args: String...) -> String { t(key, args) }

    public func t(_ key: String, _ args: [String]) -> String {
        var text = t(key)
        for (i, arg) in args.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: arg) }
        return text
    }

    /// The best supported language for an `Accept-Language` header, honouring q-values.
    public static func negotiate(_ header: String?) -> String? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (String(tag.split(separator: "-").first ?? ""), q)
        }
        return ranked.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map(\.0).first { supported.contains($0) }
    }
}
