import Foundation
import OpenAPIKit
import SanadCore
import Vapor

/// The OpenAPI 3.1 document of /api/v1, made from the registered routes: each carries its `APIEntry`, and every
/// schema is read from the Swift type the handler decodes or encodes. Nothing is written twice.
enum APIDocument {
    static func make(_ routes: [Route]) -> OpenAPI.Document {
        var schemas = OrderedDictionary<String, JSONSchema>()
        func ref(_ type: any Decodable.Type) -> JSONSchema {
            if let array = type as? any ArrayMarker.Type { return .array(items: ref(array.element)) }
            let name = schemaName(type)
            if schemas[name] == nil { schemas[name] = SchemaRecorder.schema(of: type) }
            return .reference(.component(named: name))
        }
        schemas["Problem"] = SchemaRecorder.schema(of: Problem.self)
        let problemRef = JSONSchema.reference(.component(named: "Problem"))

        var items = OrderedDictionary<OpenAPI.Path, OpenAPI.PathItem>()
        let entries = routes.compactMap(\.apiEntry).sorted {
            ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue)
        }
        for entry in entries {
            var responses = OpenAPI.Response.Map()
            var success = OpenAPI.Response(description: entry.doc.summary)
            if let output = entry.output { success.content = content(.json, ref(output)) }
            if entry.doc.bundle { success.content = content(bundleType, .string(contentEncoding: .binary)) }
            if entry.doc.file {
                var map = OpenAPI.Content.Map()
                for type in AttachmentType.allCases {
                    map[OpenAPI.ContentType(rawValue: type.rawValue)!] = .b(
                        OpenAPI.Content(schema: .string(contentEncoding: .binary)))
                }
                success.content = map
            }
            if entry.location {
                let header = OpenAPI.Header(schema: .string, description: "Where the new record is read.")
                success.headers = ["Location": .b(header)]
            }
            responses[.status(code: Int(entry.status.code))] = .b(success)
            for (code, text) in problems(entry).sorted(by: { $0.key < $1.key }) {
                var problem = OpenAPI.Response(description: text)
                problem.content = content(problemJSON, problemRef)
                responses[.status(code: code)] = .b(problem)
            }
            var parameters = OpenAPI.Parameter.Array()
            for name in pathParameters(entry.path) {
                parameters.append(.b(OpenAPI.Parameter.path(name: name, schema: schema(forPathParameter: name))))
            }
            for query in entry.doc.query {
                let parameter = OpenAPI.Parameter.query(
                    name: query.name, schema: query.schema.optionalSchemaObject(), description: query.description)
                parameters.append(.b(parameter))
            }
            var requestBody: OpenAPI.Request?
            if let body = entry.body {
                requestBody = OpenAPI.Request(content: content(.json, ref(body)), required: true)
            }
            if entry.doc.upload {
                let form = JSONSchema.object(
                    properties: [
                        "kind": .string(allowedValues: AttachmentKind.allCases.map { AnyCodable($0.rawValue) }),
                        "caption": .string(required: false, maxLength: 500),
                        "attach_to": .string(
                            required: false,
                            description: "What the document is about: `service:ID` or `avrr:ID` of the case, "
                                + "`screening:ID` of the person; empty for the record itself."),
                        "file": .string(contentEncoding: .binary),
                    ])
                requestBody = OpenAPI.Request(content: content(multipart, form), required: true)
            }
            if entry.doc.spreadsheet {
                let form = JSONSchema.object(
                    properties: [
                        "centre": .string(description: "The centre the people are registered at, e.g. SD01."),
                        "mapping": .string(
                            required: false,
                            description: "JSON {\"columns\": {\"<header>\": \"<field>\" or null}}; fields: "
                                + ImportField.allCases.map(\.rawValue).joined(separator: ", ")),
                        "sheet": .string(
                            required: false, description: "The sheet of an .xlsx file; the first by default."),
                        "dry_run": .string(required: false, allowedValues: ["true", "false"]),
                        "import_good_rows": .string(required: false, allowedValues: ["true", "false"]),
                        "file": .string(contentEncoding: .binary),
                    ])
                requestBody = OpenAPI.Request(content: content(multipart, form), required: true)
            }
            if entry.doc.bundle {
                requestBody = OpenAPI.Request(
                    content: content(bundleType, .string(contentEncoding: .binary)), required: true)
            }
            let operation = OpenAPI.Operation(
                summary: entry.doc.summary, operationId: entry.doc.id, parameters: parameters,
                requestBody: requestBody, responses: responses, security: entry.doc.signedIn ? nil : [])
            let path = OpenAPI.Path(rawValue: "/api/v1" + entry.path)
            var item = items[path] ?? OpenAPI.PathItem()
            item[entry.method.openAPI] = operation
            items[path] = item
        }
        var components = OpenAPI.ComponentDictionary<JSONSchema>()
        for (name, schema) in schemas { components[OpenAPI.ComponentKey(stringLiteral: name)] = schema }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(
                title: "Sanad API", description: "Case management for migrant resource and response centres.",
                version: "1.0.0"),
            servers: [.init(urlTemplate: URLTemplate(rawValue: "/")!)],
            paths: items.mapValues { .b($0) },
            components: .init(
                schemas: components,
                securitySchemes: ["bearer": .b(.http(scheme: "bearer"))]),
            security: [[.component(named: "bearer"): []]])
    }

    static let problemJSON = OpenAPI.ContentType(rawValue: "application/problem+json")!
    static let bundleType = OpenAPI.ContentType(rawValue: "application/octet-stream")!
    static let multipart = OpenAPI.ContentType(rawValue: "multipart/form-data")!

    static func content(_ type: OpenAPI.ContentType, _ schema: JSONSchema) -> OpenAPI.Content.Map {
        [type: .b(OpenAPI.Content(schema: schema, example: nil, encoding: nil))]
    }

    /// The statuses every operation shares, by what it takes, plus its own.
    static func problems(_ entry: APIEntry) -> [Int: String] {
        var out: [Int: String] = [:]
        if entry.doc.signedIn {
            out[401] = "Missing, unknown or expired token."
            out[403] = "The role may not do this."
        }
        if !pathParameters(entry.path).isEmpty { out[404] = "Unknown, or not visible to the caller." }
        if entry.body != nil {
            out[400] = "The body is not valid JSON."
            out[413] = "The body is too large."
            out[415] = "The body is not application/json."
            out[422] = "Invalid fields, each named in `errors`."
        }
        if entry.doc.bundle { out[413] = "The bundle is larger than the server takes; send smaller pages." }
        if entry.doc.upload {
            out[413] = "The file is larger than the installation's limit (`SANAD_ATTACHMENT_LIMIT_MB`)."
            out[415] = "The body is not multipart/form-data."
            out[422] =
                "The file is empty, of a type not accepted (PDF, JPEG, PNG, plain text, recognised from the content), "
                + "damaged, or `kind` or `caption` is invalid; `errors` names which."
        }
        if entry.doc.spreadsheet {
            out[413] = "The file is larger than the import limit."
            out[415] = "The body is not multipart/form-data."
            out[422] =
                "No file or centre, a file that is not CSV (UTF-8 or UTF-16) or .xlsx, or a mapping naming an unknown "
                + "field or column; `errors` names which."
        }
        if !entry.doc.query.isEmpty { out[422] = out[422] ?? "A query parameter is invalid; `errors` names it." }
        for (code, text) in entry.doc.problems { out[code] = text }
        if !pathParameters(entry.path).isEmpty && entry.doc.signedIn {
            // Any record may be met damaged (issue 16): the answer is a notice, never a 500.
            out[409] =
                (out[409].map { $0 + " Or: " } ?? "")
                + "`damaged-record`: a stored value of this record does not open; administrators see it under integrity."
        }
        return out
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    /// Record ids are UUIDs; a centre is named by its code.
    static func schema(forPathParameter name: String) -> JSONSchema {
        ["centre", "code", "token"].contains(name) ? .string : .string(format: .uuid)
    }

    /// `PersonOut` is a Person, `PersonBody` a PersonInput; other types keep their name.
    static func schemaName(_ type: any Decodable.Type) -> String {
        var name = String(describing: type)
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
        if name.hasSuffix("Out") { return String(name.dropLast(3)) }
        if name.hasSuffix("Body") { return String(name.dropLast(4)) + "Input" }
        return name
    }

    static func json(_ routes: [Route]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(make(routes))
        } catch {
            preconditionFailure("The API document cannot be encoded: \(error)")
        }
    }
}

extension HTTPMethod {
    var openAPI: OpenAPI.HttpMethod {
        switch self {
        case .GET: .get
        case .POST: .post
        case .PUT: .put
        case .PATCH: .patch
        case .DELETE: .delete
        default: .options
        }
    }
}
