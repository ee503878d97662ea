import Vapor

/// The API's own description, as OpenAPI 3.1, made once from the registered routes.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped("api", "v1").get("openapi.json", use: openAPI)
    }

    func openAPI(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: req.application.apiDocument))
        response.headers.contentType = .json
        return response
    }
}

struct APIDocumentKey: StorageKey { typealias Value = Data }

extension Application {
    /// Set by `configure` once every route is registered.
    var apiDocument: Data {
        get { storage[APIDocumentKey.self] ?? Data("{}".utf8) }
        set { storage[APIDocumentKey.self] = newValue }
    }
}
