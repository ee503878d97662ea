import Foundation

/// A one-page quick guide for a role, in every language of the interface (issue 18, item 3). The text lives in
/// `Resources/guides.json` so that translators edit it beside the catalogues; `StaffGuideTests` checks that every
/// guide has the same sections and points in each language.
struct StaffGuide: Decodable, Sendable {
    struct Section: Decodable, Sendable {
        let heading: String
        let points: [String]
    }

    let title: String
    let intro: String
    let sections: [Section]

    /// The guides in the order the Help page lists them, by the name their address uses.
    static let names = ["caseworkers", "supervisors", "data-officers"]

    static let all: [String: [String: StaffGuide]] = {
        guard let url = Bundle.module.url(forResource: "guides", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let guides = try? JSONDecoder().decode([String: [String: StaffGuide]].self, from: data)
        else { preconditionFailure("guides.json is missing from the bundle or is not valid.") }
        return guides
    }()

    static func named(_ name: String, language: String) -> StaffGuide? {
        all[name].flatMap { $0[language] ?? $0["en"] }
    }
}
