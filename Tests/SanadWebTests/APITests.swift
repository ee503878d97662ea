import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore

@Suite struct APITests {
    func client(_ app: Application, _ fx: TestFixture, role: Role = .caseworker) async throws -> WebClient {
        let user = try await fx.user("api-\(role.rawValue)", role)
        return WebClient(app: app, bearer: try await fx.apiToken(for: user))
    }

    @Test func tokenExchangeThenCreateReadPatchList() async throws {
        try await TestApp.with { app, fx in
            try await fx.user("amna", .caseworker)
            let anonymous = WebClient(app: app)
            let tokenResponse = try await anonymous.json(
                .POST, "/api/v1/auth/token", #"{"username":"amna","password":"\#(TestFixture.password)"}"#)
            #expect(tokenResponse.status == .created)
            let token = try #require(tokenResponse.jsonObject()?["token"] as? String)
            #expect(tokenResponse.jsonObject()?["expiresAt"] is String)
            let api = WebClient(app: app, bearer: token)

            let created = try await api.json(
                .POST, "/api/v1/people",
                #"{"nameOriginal":"محمد عبدالله","sex":"Masculine","birthDate":"1990-01-15","nationality":"SD","languages":["ar"],"centre":"SD01","flags":["disability"],"consent":{"interview":true,"toldPurpose":true}}"#
            )
            #expect(created.status == .created)
            let person = try #require(created.jsonObject())
            let id = try #require(person["id"] as? String)
            #expect(created.location == "/api/v1/people/\(id)")
            #expect(person["nameLatin"] as? String == "Mohamed Abdalla")
            #expect(person["nationality"] as? String == "SDN")
            #expect(person["languages"] as? [String] == ["ara"])
            #expect((person["consent"] as? [String: Any])?["interview"] as? Bool == true)

            let patched = try await api.json(.PATCH, "/api/v1/people/\(id)", #"{"version":1,"phone":"0912345678"}"#)
            #expect(patched.status == .ok)
            #expect(patched.jsonObject()?["version"] as? Int == 2)
            #expect(patched.jsonObject()?["nameOriginal"] as? String == "محمد عبدالله", "fields not sent are kept")

            let stale = try await api.json(.PATCH, "/api/v1/people/\(id)", #"{"version":1,"phone":"0999999999"}"#)
            #expect(stale.status == .conflict)
            #expect(stale.jsonObject()?["currentVersion"] as? Int == 2)

            let list = try await api.get("/api/v1/people?q=%D9%85%D8%AD%D9%85%D8%AF&per=5")  // محمد
            #expect(list.jsonObject()?["total"] as? Int == 1)
            // Another spelling in another script finds the same person, and says why (issue 17).
            let latin = try await api.get("/api/v1/people?q=Muhammad&per=5").jsonObject()
            let item = (latin?["items"] as? [[String: Any]])?.first
            #expect(item?["id"] as? String == id)
            let match = item?["match"] as? [String: Any]
            #expect(match?["rank"] as? Int == 2)
            #expect((match?["reasons"] as? [String])?.contains("arabic-form") == true)
            #expect(try await api.get("/api/v1/people/\(id)").status == .ok)
        }
    }

    @Test func invalidBodiesAnswer422NamingEachField() async throws {
        try await TestApp.with { app, fx in
            let api = try await client(app, fx)
            let response = try await api.json(
                .POST, "/api/v1/people", #"{"sex":"Female","birthDate":"yesterday","estimatedAge":300,"centre":"SD01"}"#
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try #require(response.jsonObject())
            #expect(problem["type"] as? String == "/api/v1/problems/validation")
            let fields = Set(((problem["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["nameOriginal", "sex", "birthDate", "estimatedAge"])
            let wrongType = try await api.json(.POST, "/api/v1/people", #"{"nameOriginal":5}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.text.contains("nameOriginal"))
        }
    }

    @Test func malformedUnknownUnauthorisedAndOversizedRequests() async throws {
        try await TestApp.with { app, fx in
            let api = try await client(app, fx)
            #expect(try await api.json(.POST, "/api/v1/people", "{not json").status == .badRequest)
            #expect(try await api.get("/api/v1/people/\(UUID())").status == .notFound)
            #expect(try await api.get("/api/v1/people/not-a-uuid").status == .notFound)
            #expect(try await api.get("/api/v1/people?page=0").status == .unprocessableEntity)
            #expect(try await api.get("/api/v1/people?per=abc").status == .unprocessableEntity)
            for filter in ["ageFrom=abc", "ageTo=300", "sex=Female", "nationality=XX", "registeredFrom=2026-13-01"] {
                let refused = try await api.get("/api/v1/people?q=Amina&\(filter)")
                #expect(refused.status == .unprocessableEntity, "\(filter)")
                #expect(refused.text.contains(String(filter.prefix { $0 != "=" })), "\(filter)")
            }
            #expect(try await WebClient(app: app, bearer: "forged").get("/api/v1/people").status == .unauthorized)
            #expect(try await WebClient(app: app).get("/api/v1/people").status == .unauthorized)
            let huge = #"{"nameOriginal":""# + String(repeating: "a", count: 300_000) + #""}"#
            let tooLarge = try await api.json(.POST, "/api/v1/people", huge)
            #expect(tooLarge.status == .payloadTooLarge)
            #expect(tooLarge.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            var text = api.headers()
            text.contentType = .plainText
            let wrongMedia = try await app.testing().sendRequest(
                .POST, "/api/v1/people", headers: text, body: ByteBuffer(string: "hi"))
            #expect(wrongMedia.status == .unsupportedMediaType)
            #expect(try await WebClient(app: app).get("/api/v1/nothing-here").status == .notFound)
        }
    }

    @Test func otherCentresPeopleAre404ForTheAPI() async throws {
        try await TestApp.with { app, fx in
            let kassala = try await fx.actor("kassala", .caseworker, centres: ["SD11"])
            let person = try await fx.people(kassala).register(TestFixture.draft(centre: "SD11"))
            let khartoum = try await client(app, fx)
            #expect(try await khartoum.get("/api/v1/people/\(person.id)").status == .notFound)
            let patch = try await khartoum.json(.PATCH, "/api/v1/people/\(person.id)", #"{"version":1,"notes":"x"}"#)
            #expect(patch.status == .notFound)
        }
    }

    @Test func openAPIDocumentMatchesTheRegisteredRoutes() async throws {
        try await TestApp.with { app, fx in
            let doc = try #require(try await WebClient(app: app).get("/api/v1/openapi.json").jsonObject())
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, item) in paths {
                for method in item.keys where method != "parameters" {
                    let route = path.replacingOccurrences(of: #"\{(\w+)\}"#, with: ":$1", options: .regularExpression)
                    documented.insert("\(method.uppercased()) \(route)")
                    let op = item[method] as? [String: Any]
                    #expect(op?["responses"] != nil, "\(method) \(path) documents its responses")
                }
            }
            let registered = Set(
                app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
                    .filter { $0.contains(" /api/") && !$0.hasSuffix("/openapi.json") })
            #expect(
                documented == registered,
                "missing: \(registered.subtracting(documented)); extra: \(documented.subtracting(registered))")
            let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any]
            #expect(schemas?["Problem"] != nil && schemas?["Person"] != nil)
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await TestApp.with { app, fx in
            let response = try await WebClient(app: app).get("/health")
            #expect(response.status == .ok)
            #expect(response.jsonObject()?["database"] as? String == "ok")
        }
    }
}
