import Foundation
import SanadCore
import Vapor

/// A urlencoded form body with repeated names kept (checkbox groups post one pair per checked box).
struct FormData {
    let pairs: [(String, String)]

    init(_ request: Request) throws {
        guard request.headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        let body = request.body.string ?? ""
        var components = URLComponents()
        // URLComponents decodes %XX but not the form encoding's "+" for space.
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        pairs = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// Every state-changing form carries the token from the CSRF cookie; anything else is refused.
    static func verified(_ request: Request) throws -> FormData {
        let form = try FormData(request)
        guard let sent = form["_csrf"], !request.state.csrf.isEmpty, !request.state.newCSRFCookie,
            sent == request.state.csrf
        else { throw Abort(.forbidden, reason: "The form has expired; go back, reload and try again.") }
        return form
    }

    var personDraft: PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = self["name_original"]
        d.nameLatin = self["name_latin"]
        d.sex = self["sex"]
        d.birthDate = self["birth_date"]
        d.estimatedAge = self["age_estimate"]
        d.nationality = self["nationality"]
        d.languages = all("languages")
        d.phone = self["phone"]
        d.documents = [
            DocumentDraft(
                type: self["document_type"], number: self["document_number"], issuingCountry: self["document_country"])
        ]
        d.arrivalDate = self["arrival_date"]
        d.route = self["route"]
        d.notes = self["notes"]
        d.flags = all("flags")
        for (name, key) in zip(ConsentAnswers.fieldNames, ConsentAnswers.keys) {
            d.consent[keyPath: key] = has("consent_\(name)")
        }
        d.centre = self["centre"]
        return d
    }
}
