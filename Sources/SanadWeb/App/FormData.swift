import Foundation
import SanadCore
import Vapor

/// A urlencoded form body with repeated names kept (checkbox groups post one pair per checked box).
struct FormData {
    let pairs: [(String, String)]

    init(_ request: Request) throws {
        guard request.headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        pairs = try Self.parse(request.body.string ?? "")
    }

    /// application/x-www-form-urlencoded by hand: Foundation's URLComponents traps on characters a browser never
    /// sends but anyone else can (a bare %, a space, raw UTF-8), and a request must never stop the server.
    static func parse(_ body: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for piece in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ raw: Substring) throws -> String {
                let spaced = raw.replacingOccurrences(of: "+", with: " ")
                guard let text = spaced.removingPercentEncoding else {
                    throw Abort(.badRequest, reason: "The form data is not valid.")
                }
                return text
            }
            out.append((try decode(parts[0]), parts.count > 1 ? try decode(parts[1]) : ""))
        }
        return out
    }

    subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }
    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// Every state-changing form comes from one of our pages: its origin is ours and it carries the token bound
    /// to the session (or, signed out, the CSRF cookie's). Anything else is refused and audited.
    static func verified(_ request: Request) throws -> FormData {
        guard SameOrigin.allows(request) else { throw FormRefused(cause: "origin") }
        let form = try FormData(request)
        guard let sent = form["_csrf"], !request.state.csrf.isEmpty, !request.state.newCSRFCookie,
            sent == request.state.csrf
        else { throw FormRefused(cause: "csrf") }
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

/// A form refused before reading it: from another origin (`cause` "origin"), or without the right token ("csrf").
struct FormRefused: AbortError {
    let cause: String
    var status: HTTPResponseStatus { .forbidden }
    // The same words whatever the cause, so a forger learns nothing from the answer.
    var reason: String { "The form has expired; go back, reload and try again." }
}

/// `Origin` (or, without it, `Referer`) must name this server when a browser sends one. Requests with neither
/// (old browsers, scripts) still need the token.
enum SameOrigin {
    static func allows(_ request: Request) -> Bool {
        let claimed =
            request.headers.first(name: "Origin").flatMap { $0 == "null" ? "null" : $0 }
            ?? request.headers.first(name: .referer).flatMap(origin(of:))
        guard let claimed else { return true }
        return expected(request).contains(claimed.lowercased())
    }

    static func origin(of url: String) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme, let host = c.host else { return nil }
        return "\(scheme)://\(host)" + (c.port.map { ":\($0)" } ?? "")
    }

    /// The public URL's origin when one is set, and otherwise the Host the browser reached.
    static func expected(_ request: Request) -> Set<String> {
        var origins: Set<String> = []
        if let publicOrigin = request.application.publicOrigin { origins.insert(publicOrigin.lowercased()) }
        if let host = request.headers.first(name: .host)?.lowercased() {
            origins.insert("http://\(host)")
            origins.insert("https://\(host)")
        }
        return origins
    }
}
