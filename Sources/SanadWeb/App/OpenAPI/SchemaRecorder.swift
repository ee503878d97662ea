import Foundation
import OpenAPIKit

/// The JSON schema of a `Decodable` type, read from the type itself: its synthesised `init(from:)` is run
/// against a decoder that writes down every member it is asked for (name, type, whether it may be absent)
/// and answers with a placeholder. The API document is therefore made from the very structs the handlers
/// encode and decode, and cannot describe a member they do not have.
enum SchemaRecorder {
    static func schema(of type: any Decodable.Type) -> JSONSchema {
        if let known = known(type) { return known }
        let recorder = Recorder()
        do {
            _ = try type.init(from: recorder)
        } catch {
            preconditionFailure("\(type) cannot be read by the schema recorder: \(error)")
        }
        return recorder.schema
    }

    /// Schemas of leaf types, and of the containers whose element type is only known through a marker.
    static func known(_ type: any Decodable.Type) -> JSONSchema? {
        switch type {
        case is String.Type: return .string
        case is Bool.Type: return .boolean
        case is Int.Type, is Int64.Type, is Int32.Type: return .integer
        case is Double.Type, is Float.Type: return .number
        case is UUID.Type: return .string(format: .uuid)
        case is Date.Type: return .string(format: .dateTime)
        default: break
        }
        if let described = type as? any APIDescribedValue.Type { return described.apiSchema }
        if let optional = type as? any OptionalMarker.Type {
            return schema(of: optional.wrapped).optionalSchemaObject()
        }
        if let array = type as? any ArrayMarker.Type { return .array(items: schema(of: array.element)) }
        if let dictionary = type as? any DictionaryMarker.Type {
            return .object(additionalProperties: .init(schema(of: dictionary.value)))
        }
        return nil
    }

    /// A value to hand back for a member: empty containers, the first case of an enumeration, or a value
    /// built by recording the member's own type (whose schema is written down on the way).
    static func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return "" as! T
        case is Bool.Type: return false as! T
        case is Int.Type: return 0 as! T
        case is Int64.Type: return Int64(0) as! T
        case is Int32.Type: return Int32(0) as! T
        case is Double.Type: return 0.0 as! T
        case is Float.Type: return Float(0) as! T
        case is UUID.Type: return UUID() as! T
        case is Date.Type: return Date(timeIntervalSince1970: 0) as! T
        default: break
        }
        if let described = type as? any APIDescribedValue.Type { return described.placeholder as! T }
        if let optional = type as? any OptionalMarker.Type { return optional.absent as! T }
        if let array = type as? any ArrayMarker.Type { return array.empty as! T }
        if let dictionary = type as? any DictionaryMarker.Type { return dictionary.empty as! T }
        return try T(from: Recorder())
    }

    final class Recorder: Decoder {
        var properties: [(String, JSONSchema)] = []
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        var schema: JSONSchema {
            .object(properties: OrderedDictionary(properties, uniquingKeysWith: { a, _ in a }))
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(recorder: self))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Mark arrays with ArrayMarker."))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "Describe single values with APIDescribedValue."))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: Recorder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            recorder.properties.append((key.stringValue, SchemaRecorder.schema(of: type)))
            return try SchemaRecorder.placeholder(type)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

        // The standard library's own versions of these ask `decodeNil` and then `decode`, which would record an
        // optional member as required.
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optional(type, key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optional(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optional(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }

        func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            recorder.properties.append((key.stringValue, SchemaRecorder.schema(of: type).optionalSchemaObject()))
            return nil
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "Not recorded."))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "Not recorded."))
        }

        func superDecoder() throws -> any Decoder { recorder }
        func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
    }
}

/// A value type whose JSON is a single value (a string enumeration, a date written as text): it says its
/// schema and offers a valid value for the recorder to hand back.
protocol APIDescribedValue: Decodable {
    static var apiSchema: JSONSchema { get }
    static var placeholder: Self { get }
}

/// String enumerations describe themselves by their cases.
extension APIDescribedValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var apiSchema: JSONSchema { .string(allowedValues: allCases.map { AnyCodable($0.rawValue) }) }
    static var placeholder: Self { allCases.first! }
}

protocol OptionalMarker {
    static var wrapped: any Decodable.Type { get }
    static var absent: Self { get }
}

extension Optional: OptionalMarker where Wrapped: Decodable {
    static var wrapped: any Decodable.Type { Wrapped.self }
    static var absent: Self { nil }
}

protocol ArrayMarker {
    static var element: any Decodable.Type { get }
    static var empty: Self { get }
}

extension Array: ArrayMarker where Element: Decodable {
    static var element: any Decodable.Type { Element.self }
    static var empty: Self { [] }
}

protocol DictionaryMarker {
    static var value: any Decodable.Type { get }
    static var empty: Self { get }
}

extension Dictionary: DictionaryMarker where Key == String, Value: Decodable {
    static var value: any Decodable.Type { Value.self }
    static var empty: Self { [:] }
}
