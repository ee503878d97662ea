import FluentKit
import Foundation

/// A JSON value as it comes, so a record's fields can be taken apart and put back without knowing their types.
enum SyncJSON: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([SyncJSON])
    case object([String: SyncJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let v = try? c.decode(Bool.self) {
            self = .bool(v)
        } else if let v = try? c.decode(Int64.self) {
            self = .int(v)
        } else if let v = try? c.decode(Double.self) {
            self = .double(v)
        } else if let v = try? c.decode(String.self) {
            self = .string(v)
        } else if let v = try? c.decode([SyncJSON].self) {
            self = .array(v)
        } else {
            self = .object(try c.decode([String: SyncJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let v): try c.encode(v)
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        }
    }
}

/// A row of a synchronised table as the values that travel: one JSON value per field, in the bytes the engine
/// compares (`SanadCore/Sync/SyncOperation.swift` treats them as opaque). Sealed columns stay the ciphertext they
/// are in the database, so nothing personal is opened to be sent.
///
/// Times travel as whole milliseconds since 1970: a value that goes through either database and comes back
/// encodes to the same bytes, so applying a pulled row never looks like a new local edit.
enum SyncRows {
    /// Fields every node keeps for itself: the edit-form version and the time of the last local change. Were they
    /// to travel, every pair of concurrent edits would also conflict on them.
    static let local: Set<String> = ["version", "updatedAt"]
    static let null = Array("null".utf8)

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            Date(timeIntervalSince1970: Double(try decoder.singleValueContainer().decode(Int64.self)) / 1000)
        }
        return d
    }()

    /// The model's travelling fields (not its id, not `local`).
    static func fields<M: Model>(_ model: M) throws -> [String: [UInt8]] {
        guard case .object(let object) = try decoder.decode(SyncJSON.self, from: encoder.encode(model)) else {
            return [:]
        }
        var out: [String: [UInt8]] = [:]
        for (key, value) in object where key != "id" && !local.contains(key) {
            out[key] = Array(try encoder.encode(value))
        }
        return out
    }

    /// A model from travelling fields and this node's own `local` ones; throws while fields are missing.
    static func model<M: Model>(_ type: M.Type, id: UUID, fields: [String: [UInt8]], local: [String: SyncJSON]) throws
        -> M
    {
        var object = local
        for (key, bytes) in fields { object[key] = try decoder.decode(SyncJSON.self, from: Data(bytes)) }
        object["id"] = .string(id.uuidString)
        return try decoder.decode(M.self, from: encoder.encode(SyncJSON.object(object)))
    }
}

/// Collects what a model would write, so a row can be written whole (a field cleared to nil included).
final class SyncRowInput: DatabaseInput {
    var values: [FieldKey: DatabaseQuery.Value] = [:]
    var wantsUnmodifiedKeys: Bool { true }

    func set(_ value: DatabaseQuery.Value, at key: FieldKey) { values[key] = value }
}
