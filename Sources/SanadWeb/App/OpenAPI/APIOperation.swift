import Foundation
import OpenAPIKit
import Vapor

/// What the API document says of one operation besides what the route and the handler's types already say:
/// its name, summary, query parameters and the problems it can answer with.
struct APIDoc: Sendable {
    let id: String
    let summary: String
    var query: [APIQuery] = []
    /// Statuses beyond those every operation shares (401 and 403; 400, 413, 415 and 422 with a body; 404 with
    /// a record in the path), with what each means here.
    var problems: [Int: String] = [:]
    /// Signing in, and what field offices send (signed by their own keys), go without a token.
    var signedIn = true
    /// The body and the answer are signed synchronisation bundles (`application/octet-stream`), not JSON.
    var bundle = false
    /// The body is a multipart upload of one file (`file`) with `kind` and `caption`, read as it streams.
    var upload = false
    /// The answer is a stored document, of its own type.
    var file = false
    /// The body is a multipart register to import (issue 14), collected whole (a register is read at once).
    var spreadsheet = false

    init(
        _ id: String, _ summary: String, query: [APIQuery] = [], problems: [Int: String] = [:], signedIn: Bool = true,
        bundle: Bool = false, upload: Bool = false, file: Bool = false, spreadsheet: Bool = false
    ) {
        self.spreadsheet = spreadsheet
        (self.id, self.summary, self.query, self.problems, self.signedIn) = (id, summary, query, problems, signedIn)
        (self.bundle, self.upload, self.file) = (bundle, upload, file)
    }
}

struct APIQuery: Sendable {
    let name: String
    let schema: JSONSchema
    var description: String?

    static func integer(_ name: String, _ range: ClosedRange<Int>) -> APIQuery {
        APIQuery(
            name: name,
            schema: .integer(
                maximum: (range.upperBound, exclusive: false), minimum: (range.lowerBound, exclusive: false)))
    }

    static func string(_ name: String, _ description: String? = nil) -> APIQuery {
        APIQuery(name: name, schema: .string, description: description)
    }

    static func date(_ name: String) -> APIQuery { APIQuery(name: name, schema: .string(format: .date)) }

    static func oneOf(_ name: String, _ values: [String]) -> APIQuery {
        APIQuery(name: name, schema: .string(allowedValues: values.map { AnyCodable($0) }))
    }

    static let page = integer("page", 1...100_000)
}

/// An operation as registered: the route's method and path, the body it reads and what it answers.
struct APIEntry: Sendable {
    let method: HTTPMethod
    /// Below /api/v1, with `{name}` for path parameters.
    let path: String
    let doc: APIDoc
    let body: (any Decodable.Type)?
    let status: HTTPStatus
    let output: (any Decodable.Type)?
    /// Set for answers that carry a Location header (creations).
    let location: Bool
}

/// A handler's answer with its status: the type says what the document promises.
protocol APIOutput: AsyncResponseEncodable {
    static var status: HTTPStatus { get }
    static var body: (any Decodable.Type)? { get }
    static var location: Bool { get }
}

/// 201 with the created thing and where it lives.
struct Created<Value: Content>: APIOutput {
    let value: Value
    let location: String?

    init(_ value: Value, at location: String? = nil) {
        self.value = value
        self.location = location
    }

    static var status: HTTPStatus { .created }
    static var body: (any Decodable.Type)? { Value.self }
    static var location: Bool { true }

    func encodeResponse(for request: Request) async throws -> Response {
        let response = try await value.encodeResponse(status: .created, for: request)
        if let location { response.headers.replaceOrAdd(name: .location, value: location) }
        return response
    }
}

/// 200 with a body.
struct OK<Value: Content>: APIOutput {
    let value: Value
    init(_ value: Value) { self.value = value }

    static var status: HTTPStatus { .ok }
    static var body: (any Decodable.Type)? { Value.self }
    static var location: Bool { false }

    func encodeResponse(for request: Request) async throws -> Response {
        try await value.encodeResponse(status: .ok, for: request)
    }
}

/// 204: done, nothing to say.
struct NoContent: APIOutput {
    static var status: HTTPStatus { .noContent }
    static var body: (any Decodable.Type)? { nil }
    static var location: Bool { false }

    func encodeResponse(for request: Request) async throws -> Response { Response(status: .noContent) }
}

extension RoutesBuilder {
    /// Registers an operation under /api/v1 together with its description, so no route goes undocumented.
    @discardableResult
    func api<Output: APIOutput>(
        _ method: HTTPMethod, _ path: String, _ doc: APIDoc,
        use handler: @escaping @Sendable (Request) async throws -> Output
    ) -> Route {
        register(method, path, doc, body: nil, Output.self, handler)
    }

    /// The same for an operation that reads a JSON body: the handler gets it decoded.
    @discardableResult
    func api<Body: Decodable, Output: APIOutput>(
        _ method: HTTPMethod, _ path: String, _ doc: APIDoc, body: Body.Type,
        use handler: @escaping @Sendable (Request, Body) async throws -> Output
    ) -> Route {
        register(method, path, doc, body: Body.self, Output.self) { req in
            try await handler(req, try req.decodeJSON(Body.self))
        }
    }

    private func register<Output: APIOutput>(
        _ method: HTTPMethod, _ path: String, _ doc: APIDoc, body: (any Decodable.Type)?, _ output: Output.Type,
        _ handler: @escaping @Sendable (Request) async throws -> Output
    ) -> Route {
        let components: [PathComponent] =
            ["api", "v1"]
            + path.split(separator: "/").map { part in
                part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
            }
        let route =
            doc.upload
            ? on(method, components, body: .stream, use: handler)
            : doc.spreadsheet
                ? on(
                    method, components, body: .collect(maxSize: ByteCount(value: PendingImports.fileLimit)),
                    use: handler)
                : on(method, components, use: handler)
        route.userInfo["sanad.api"] = APIEntry(
            method: method, path: path, doc: doc, body: body, status: Output.status, output: Output.body,
            location: Output.location)
        return route
    }
}

extension Route {
    var apiEntry: APIEntry? { userInfo["sanad.api"] as? APIEntry }
}
