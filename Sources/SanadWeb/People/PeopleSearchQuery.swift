import Foundation
import SanadCore
import SanadStore
import Vapor

/// The people search's query string, read the same way by the page and the API (issue 17): `q`, `centre`, `sex`,
/// `ageFrom`, `ageTo`, `nationality`, `registeredFrom`, `registeredTo`. A value that cannot be used is named.
struct PeopleSearchQuery {
    var search = PeopleSearch()
    var problems: [Problem.FieldProblem] = []

    init(_ req: Request) {
        func text(_ name: String) -> String? {
            guard let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty
            else { return nil }
            return value
        }
        search.text = text("q")
        search.centre = text("centre")
        if let sex = text("sex") {
            if Gender(rawValue: sex) != nil {
                search.filter.sex = sex
            } else {
                problems.append(.init(field: "sex", code: "unknown-value", detail: "Use one of the sexes of a person."))
            }
        }
        if let nationality = text("nationality") {
            if ReferenceData.country(nationality.uppercased()) != nil {
                search.filter.nationality = nationality.uppercased()
            } else {
                problems.append(
                    .init(field: "nationality", code: "unknown-value", detail: "Use an ISO 3166-1 alpha-3 code."))
            }
        }
        for (name, key) in [("ageFrom", \PeopleFilter.ageFrom), ("ageTo", \PeopleFilter.ageTo)] {
            guard let value = text(name) else { continue }
            if let age = Int(value), (0...120).contains(age) {
                search.filter[keyPath: key] = age
            } else {
                problems.append(.init(field: name, code: "out-of-range", detail: "Use a whole number from 0 to 120."))
            }
        }
        for (name, key) in [
            ("registeredFrom", \PeopleFilter.registeredFrom), ("registeredTo", \PeopleFilter.registeredTo),
        ] {
            guard let value = text(name) else { continue }
            if let date = CivilDate(value) {
                search.filter[keyPath: key] = date
            } else {
                problems.append(.init(field: name, code: "invalid-date", detail: "Use a date as YYYY-MM-DD."))
            }
        }
    }

    /// The query string that gives the same search, for links to other pages of results.
    var items: [URLQueryItem] {
        let f = search.filter
        let pairs: [(String, String?)] = [
            ("q", search.text), ("centre", search.centre), ("sex", f.sex), ("ageFrom", f.ageFrom.map(String.init)),
            ("ageTo", f.ageTo.map(String.init)), ("nationality", f.nationality),
            ("registeredFrom", f.registeredFrom?.description), ("registeredTo", f.registeredTo?.description),
        ]
        return pairs.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
    }
}
