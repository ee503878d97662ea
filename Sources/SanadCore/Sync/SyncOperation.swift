import Foundation

/// An operation made on one node (the centre or a field office) and carried to the others: the unit that
/// synchronisation moves, applies, holds or refuses. Issue 11; the README's "Field offices" says what is built.
///
/// Values are opaque bytes — on a real node the AES-GCM ciphertext of the field — because the centre merges by
/// which operation each edit was based on, never by comparing values, so it never needs to decrypt.

/// Who made an operation, and its place in that node's own sequence: unique without coordination, and the
/// order in which the centre must apply that node's operations.
public struct SyncOpID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let node: String
    public let sequence: Int

    public init(node: String, sequence: Int) {
        self.node = node
        self.sequence = sequence
    }

    /// `node#sequence`, the form shown to people and sent on the wire.
    public init?(_ text: String) {
        guard let mark = text.lastIndex(of: "#"), let sequence = Int(text[text.index(after: mark)...]) else {
            return nil
        }
        self.init(node: String(text[..<mark]), sequence: sequence)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = SyncOpID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not node#n"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: SyncOpID, rhs: SyncOpID) -> Bool {
        (lhs.node, lhs.sequence) < (rhs.node, rhs.sequence)
    }

    public var description: String { "\(node)#\(sequence)" }
}

/// One mutable field of one record: a person's phone, a case's stage.
public struct SyncFieldKey: Hashable, Comparable, Codable, Sendable {
    public let record: String
    public let field: String

    public init(record: String, field: String) {
        self.record = record
        self.field = field
    }

    public static func < (lhs: SyncFieldKey, rhs: SyncFieldKey) -> Bool {
        (lhs.record, lhs.field) < (rhs.record, rhs.field)
    }
}

public struct SyncOperation: Hashable, Codable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A new value for a field, made on top of `basis`: the operation whose value its author saw (nil for a
        /// field that had none). Applied only if `basis` is still the field's head; otherwise held for a person.
        case edit(value: [UInt8], basis: SyncOpID?)
        /// A person's answer to a conflict: the value kept, and every operation they saw and chose between.
        case resolve(value: [UInt8], supersedes: [SyncOpID])
        /// A move with a rule (a case from `open` to `closed`): applied if the field still holds `from`,
        /// otherwise refused as "needs review" — never dropped, never forced.
        case transition(from: [UInt8], to: [UInt8])
        /// An append-only fact (a service delivered, a screening, a note); `field` names its kind.
        case fact(content: [UInt8])
        /// The record moves to another centre: offices that serve only the old one let it go, offices that serve
        /// the new one receive all of it.
        case transfer(to: String)
    }

    public let id: SyncOpID
    public let record: String
    /// The centre the record belonged to where the operation was made; the centre checks the record's current one.
    public let centre: String
    public let field: String
    public let kind: Kind
    public let author: String
    /// The author's clock, in seconds. Shown to the person resolving a conflict; no decision reads it, so an
    /// office whose clock is days wrong changes nothing.
    public let at: Int64

    public init(
        id: SyncOpID, record: String, centre: String, field: String, kind: Kind, author: String, at: Int64
    ) {
        self.id = id
        self.record = record
        self.centre = centre
        self.field = field
        self.kind = kind
        self.author = author
        self.at = at
    }

    public var key: SyncFieldKey { SyncFieldKey(record: record, field: field) }

    /// The value this operation would give its field (nil for a fact).
    public var value: [UInt8]? {
        switch kind {
        case .edit(let value, _), .resolve(let value, _), .transition(_, let value): value
        case .fact, .transfer: nil
        }
    }

    public var isFact: Bool {
        if case .fact = kind { return true }
        return false
    }

    /// Whether the operation sets a field's value (an edit, a resolution or a transition).
    public var setsField: Bool { value != nil }
}

/// What the centre did with an operation. The office that made it keeps this, so nothing is lost unseen.
public enum SyncOutcome: Hashable, Codable, Sendable {
    case applied
    /// Kept beside the field's value until a person resolves the conflict.
    case held
    case refused(SyncRefusal)
}

public enum SyncRefusal: Hashable, Codable, Sendable, CustomStringConvertible {
    /// A transition whose rule no longer holds at the centre (the field now holds `found`).
    case needsReview(found: [UInt8])
    /// An operation id seen before with different content: tampering or a bug, never an overwrite.
    case integrity
    /// The record belongs to a centre the sending office does not serve.
    case outOfScope

    public var description: String {
        switch self {
        case .needsReview: "needs review: the record changed at the centre before this step arrived"
        case .integrity: "refused: an operation with this id arrived before with different content"
        case .outOfScope: "refused: this office does not serve the record's centre"
        }
    }
}

/// Values travel as base64 (a third larger than the bytes, where a JSON array of numbers is up to four times).
extension SyncOperation.Kind: Codable {
    private enum Keys: String, CodingKey { case kind, value, basis, supersedes, from, to }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        func bytes(_ key: Keys) throws -> [UInt8] {
            guard let data = Data(base64Encoded: try c.decode(String.self, forKey: key)) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not base64")
            }
            return [UInt8](data)
        }
        switch try c.decode(String.self, forKey: .kind) {
        case "edit": self = .edit(value: try bytes(.value), basis: try c.decodeIfPresent(SyncOpID.self, forKey: .basis))
        case "resolve":
            self = .resolve(value: try bytes(.value), supersedes: try c.decode([SyncOpID].self, forKey: .supersedes))
        case "transition": self = .transition(from: try bytes(.from), to: try bytes(.to))
        case "fact": self = .fact(content: try bytes(.value))
        case "transfer": self = .transfer(to: try c.decode(String.self, forKey: .to))
        default: throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        func put(_ bytes: [UInt8], _ key: Keys) throws { try c.encode(Data(bytes).base64EncodedString(), forKey: key) }
        switch self {
        case .edit(let value, let basis):
            try c.encode("edit", forKey: .kind)
            try put(value, .value)
            try c.encodeIfPresent(basis, forKey: .basis)
        case .resolve(let value, let supersedes):
            try c.encode("resolve", forKey: .kind)
            try put(value, .value)
            try c.encode(supersedes, forKey: .supersedes)
        case .transition(let from, let to):
            try c.encode("transition", forKey: .kind)
            try put(from, .from)
            try put(to, .to)
        case .fact(let content):
            try c.encode("fact", forKey: .kind)
            try put(content, .value)
        case .transfer(let to):
            try c.encode("transfer", forKey: .kind)
            try c.encode(to, forKey: .to)
        }
    }
}
