import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// Checks an API answer against the server's own OpenAPI document: the status is documented for the operation,
/// the content type is the documented one, and the body satisfies the documented schema. Every API call a test
/// makes through `WebClient.json` goes through here, so a handler that drifts from its document fails a test.
public struct APIConformance: @unchecked Sendable {
    let document: [String: Any]
    let templates: [(pattern: NSRegularExpression, template: String)]

    private static let cache = NIOLockedValueBox<APIConformance?>(nil)

    /// Every test app registers the same routes, so one parsed document serves them all.
    public static func shared(app: Application) async throws -> APIConformance {
        if let cached = cache.withLockedValue({ $0 }) { return cached }
        let made = try await APIConformance(app: app)
        cache.withLockedValue { $0 = made }
        return made
    }

    public init(app: Application) async throws {
        let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
        let data = Data(response.body.readableBytesView)
        document = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
        // Literal segments win over parameters (/people/matches before /people/{id}).
        templates = paths.sorted { $0.filter { $0 == "{" }.count < $1.filter { $0 == "{" }.count }.map {
            let pattern =
                "^" + $0.replacingOccurrences(of: #"\{\w+\}"#, with: "[^/]+", options: .regularExpression) + "$"
            return (try! NSRegularExpression(pattern: pattern), $0)
        }
    }

    /// The operation's id for a concrete path, nil when the document has none.
    public func operation(_ method: HTTPMethod, _ path: String) -> (id: String, op: [String: Any])? {
        let bare = String(path.split(separator: "?", maxSplits: 1).first ?? "")
        guard
            let template = templates.first(where: {
                $0.pattern.firstMatch(in: bare, range: NSRange(bare.startIndex..., in: bare)) != nil
            })?.template,
            let item = (document["paths"] as? [String: Any])?[template] as? [String: Any],
            let op = item[method.rawValue.lowercased()] as? [String: Any]
        else { return nil }
        return ((op["operationId"] as? String) ?? template, op)
    }

    /// Problems found with one answer; empty when it conforms.
    public func problems(_ method: HTTPMethod, _ path: String, _ response: TestingHTTPResponse) -> [String] {
        guard let (id, op) = operation(method, path) else { return ["\(method) \(path) is not in the document"] }
        let code = String(response.status.code)
        guard let documented = (op["responses"] as? [String: Any])?[code] as? [String: Any] else {
            return ["\(id): status \(code) is not documented"]
        }
        guard let content = documented["content"] as? [String: Any] else {
            return response.body.readableBytes == 0 ? [] : ["\(id): \(code) has a body the document does not describe"]
        }
        let type = response.headers.contentType.map { "\($0.type)/\($0.subType)" } ?? "none"
        guard let media = content[type] as? [String: Any], let schema = media["schema"] as? [String: Any] else {
            return ["\(id): \(code) answered \(type), documented \(content.keys.sorted())"]
        }
        let data = Data(response.body.readableBytesView)
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return ["\(id): \(code) body is not JSON"]
        }
        return validate(value, schema, at: "\(id) \(code) $").map { $0 }
    }

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/components/schemas/") else { return schema }
        let name = String(ref.dropFirst("#/components/schemas/".count))
        let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        return resolve(components?[name] as? [String: Any] ?? [:])
    }

    func validate(_ value: Any, _ raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        if let options = (schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]] {
            return options.contains(where: { validate(value, $0, at: path).isEmpty })
                ? [] : ["\(path): matches none of the alternatives"]
        }
        var types: [String] = []
        if let one = schema["type"] as? String {
            types = [one]
        } else if let many = schema["type"] as? [String] {
            types = many
        }
        if !types.isEmpty && !types.contains(where: { Self.isType(value, $0) }) {
            return ["\(path): \(Self.describe(value)) is not \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"] as? [Any], let text = value as? String,
            !allowed.contains(where: { ($0 as? String) == text })
        {
            return ["\(path): \(text) is not one of \(allowed)"]
        }
        if let text = value as? String, let format = schema["format"] as? String, !Self.matches(text, format) {
            return ["\(path): \(text) is not a \(format)"]
        }
        var out: [String] = []
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                out.append("\(path).\(name): required but absent")
            }
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    out += validate(member, property, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    out += validate(member, additional, at: "\(path).\(name)")
                } else if !properties.isEmpty || schema["additionalProperties"] as? Bool == false {
                    out.append("\(path).\(name): not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { out += validate(element, items, at: "\(path)[\(index)]") }
        }
        return out
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        // JSONSerialization gives every JSON number and boolean as NSNumber; a boolean's type code is "c".
        case "boolean": return (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        case "integer":
            guard let n = value as? NSNumber, !isType(value, "boolean") else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !isType(value, "boolean")
        default: return true
        }
    }

    static func matches(_ text: String, _ format: String) -> Bool {
        switch format {
        case "uuid": return UUID(uuidString: text) != nil
        case "date-time": return ISO8601DateFormatter().date(from: text) != nil
        case "date": return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        default: return true
        }
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "\(value)"
        }
    }
}
