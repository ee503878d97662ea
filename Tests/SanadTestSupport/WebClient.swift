import Foundation
import NIOCore
import NIOHTTP1
import SanadCore
import Testing
import Vapor
import VaporTesting

@testable import SanadStore

/// Talks to the app in process like a browser (session cookie, CSRF cookie and field) or an API client (bearer).
public struct WebClient: Sendable {
    public let app: Application
    public var session: String?
    public var bearer: String?
    public var language: String?
    public var acceptLanguage: String?
    public static let csrf = String(repeating: "c", count: 43)

    public init(app: Application, session: String? = nil, bearer: String? = nil) {
        self.app = app
        self.session = session
        self.bearer = bearer
    }

    public func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        var cookies = ["sanad_csrf=\(Self.csrf)"]
        if let session { cookies.append("sanad_session=\(session)") }
        if let language { cookies.append("sanad_lang=\(language)") }
        headers.add(name: .cookie, value: cookies.joined(separator: "; "))
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        return headers
    }

    public func get(_ path: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: headers())
    }

    /// A urlencoded form post; the CSRF field is added unless `csrf` is false.
    public func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var all = fields
        // Signed in, the form token is bound to the session; signed out, it is the CSRF cookie's.
        if csrf { all.append(("_csrf", session.map(Digests.csrfToken(forSession:)) ?? Self.csrf)) }
        var components = URLComponents()
        components.queryItems = all.map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// A multipart upload as a browser sends it: the CSRF field first, then `fields`, then the file.
    /// `cutAt` ends the body after that many bytes, as a dropped connection would.
    public func upload(
        _ path: String, _ fields: [(String, String)], file: (name: String, bytes: [UInt8])?, csrf: Bool = true,
        cutAt: Int? = nil
    ) async throws -> TestingHTTPResponse {
        let boundary = "----sanad-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        func part(_ header: String, _ content: [UInt8]) {
            body += Array("--\(boundary)\r\n\(header)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        if csrf {
            let token = session.map(Digests.csrfToken(forSession:)) ?? Self.csrf
            part("Content-Disposition: form-data; name=\"_csrf\"", Array(token.utf8))
        }
        for (name, value) in fields { part("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8)) }
        if let file {
            part(
                "Content-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream", file.bytes)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        if let cutAt { body = Array(body.prefix(cutAt)) }
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// An API call; the answer is checked against the OpenAPI document (status, content type, body schema).
    public func json(
        _ method: HTTPMethod, _ path: String, _ body: String?, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestingHTTPResponse {
        var headers = headers()
        if body != nil { headers.contentType = .json }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        if path.hasPrefix("/api/v1/") && !path.hasPrefix("/api/v1/openapi.json") {
            for problem in try await APIConformance.shared(app: app).problems(method, path, response) {
                Issue.record("\(problem)", sourceLocation: sourceLocation)
            }
        }
        return response
    }
}

extension TestingHTTPResponse {
    public var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    public var location: String? { headers.first(name: .location) }

    public func jsonObject() -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

/// One signed-in browser per role, all at Khartoum (SD01), plus a person registered there.
public struct RoleSetup: Sendable {
    public let clients: [Role: WebClient]
    public let tokens: [Role: String]
    public let personID: UUID
    public let screeningID: UUID
    public let otherID: UUID
    public let caseID: UUID
    public let partnerID: UUID
    public let referralID: UUID
    public let bedID: UUID
    /// A PDF attached to the person, for the document routes (issue 15).
    public let attachmentID: UUID
    /// A one-row register imported by the supervisor, for the import routes (issue 14).
    public let importID: UUID

    public static func make(_ fx: TestFixture) async throws -> RoleSetup {
        var clients: [Role: WebClient] = [:]
        var tokens: [Role: String] = [:]
        var caseworker: Actor?
        for role in Role.allCases {
            let user = try await fx.user("user-\(role.rawValue)", role)
            clients[role] = WebClient(app: fx.app, session: try await fx.browserSession(for: user))
            tokens[role] = try await fx.apiToken(for: user)
            if role == .caseworker { caseworker = user.actor }
        }
        let person = try await fx.people(caseworker!).register(TestFixture.draft("Rahel Haile"))
        let other = try await fx.people(caseworker!).register(TestFixture.draft("Rahel Hailu"))
        var start = ScreeningStart()
        start.instrument = "ilo-adult-labour"
        start.language = "tir"
        start.place = "Khartoum"
        start.consent.interview = true
        let screening = try await ScreeningService(db: fx.app.db, actor: caseworker!, context: fx.context)
            .start(personID: person.id, start)
        let supervisor = try await fx.actor("setup-supervisor", .supervisor)
        let opened = try await CaseService(db: fx.app.db, actor: caseworker!, context: fx.context).open(
            personID: person.id, priority: "normal", risk: "medium", caseworker: nil)
        let partner = try await fx.partner()
        let partners = PartnerService(db: fx.app.db, actor: caseworker!, context: fx.context)
        try await partners.setConsent(person: person.id, partner: partner, given: true)
        let draft = ReferralDraft(
            partner: partner.uuidString, service: ServiceType.legalAid.rawValue, urgency: "routine",
            reason: "AdditionalServicesRequired", shared: ["sex", "age"])
        let referral = try await partners.send(caseID: opened.id, draft)
        let shelters = ShelterService(db: fx.app.db, actor: supervisor, context: fx.context)
        let shelter = try await shelters.addShelter(centre: "SD01", name: "Main shelter")
        try await shelters.addBeds(shelter: shelter, room: "1", labels: "A1, A2", restriction: "none")
        let bed = try await shelters.occupancy(centre: "SD01", on: CivilDate(Date())).first!.id
        let documents = AttachmentService(db: fx.app.db, actor: caseworker!, context: fx.context)
        let upload = try await documents.begin(owner: .person, id: person.id)
        try upload.write(Array("%PDF-1.4\n% a test document\n%%EOF\n".utf8))
        let attachment = try await documents.finish(upload, kind: "other", name: "test.pdf", caption: nil)
        let register = try SpreadsheetReader.read(Data("Name,Sex\nZainab Imported,F\n".utf8), name: "register.csv")
        let imported = try await ImportService(db: fx.app.db, actor: supervisor, context: fx.context).run(
            register, mapping: .recognised(header: register.header), centre: "SD01")
        return RoleSetup(
            clients: clients, tokens: tokens, personID: person.id, screeningID: screening.id, otherID: other.id,
            caseID: opened.id, partnerID: partner, referralID: referral.id, bedID: bed, attachmentID: attachment.id,
            importID: imported.batchID!)
    }
}
