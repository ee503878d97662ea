import Foundation

/// A field as the centre holds it: the accepted value, the operation that made it, and the operations held
/// beside it while a conflict is open.
public struct SyncFieldState: Hashable, Sendable {
    public var value: [UInt8]?
    /// The operation whose value is current; an edit applies only if it was made on top of this one.
    public var head: SyncOpID?
    /// Edits made on top of an older value, kept with their values, authors and times for the person who
    /// resolves the conflict. Empty when there is no conflict.
    public var held: [SyncOperation] = []
    /// The centre's feed position of the last change, so that an office never goes back to an older state
    /// when pull replies arrive out of order.
    public var sequence = 0

    public init(value: [UInt8]? = nil, head: SyncOpID? = nil) {
        self.value = value
        self.head = head
    }

    public var inConflict: Bool { !held.isEmpty }
}

/// One change in the centre's feed, in the order the centre made it.
public enum SyncFeedEntry: Hashable, Codable, Sendable {
    case field(SyncFieldKey, centre: String, state: SyncFieldState)
    case fact(SyncOperation, centre: String)
    /// The record left `from` for `to`; it is followed by the record's fields and facts under `to`.
    case moved(record: String, from: String, to: String, sequence: Int)

    /// Whether an office serving `centres` receives this entry.
    public func visible(to centres: Set<String>) -> Bool {
        switch self {
        case .field(_, let centre, _), .fact(_, let centre): centres.contains(centre)
        case .moved(_, let from, let to, _): centres.contains(from) || centres.contains(to)
        }
    }
}

/// A page of one office's operations, in its sequence order.
public struct SyncPush: Hashable, Codable, Sendable {
    public let node: String
    public let operations: [SyncOperation]

    public init(node: String, operations: [SyncOperation]) {
        self.node = node
        self.operations = operations
    }
}

public struct SyncPushReply: Hashable, Codable, Sendable {
    /// Every operation of this node up to this sequence number has been taken (applied, held or refused).
    public let acknowledged: Int
    /// What became of each operation of the push that the centre has taken, including those taken before.
    public let outcomes: [SyncOpID: SyncOutcome]
    /// The fields the push touched as they are now, so that the office's next edit builds on its own applied one
    /// even before its next pull.
    public let fields: [SyncFieldKey: SyncFieldState]

    public init(acknowledged: Int, outcomes: [SyncOpID: SyncOutcome], fields: [SyncFieldKey: SyncFieldState]) {
        self.acknowledged = acknowledged
        self.outcomes = outcomes
        self.fields = fields
    }
}

public struct SyncPullReply: Hashable, Codable, Sendable {
    /// The feed position the office asked to read after; a reply for another position is stale.
    public let after: Int
    /// Where the next pull starts (past entries the office may not hold, which are left out).
    public let next: Int
    public let entries: [SyncFeedEntry]
    /// False when more entries wait beyond `next`.
    public let complete: Bool

    public init(after: Int, next: Int, entries: [SyncFeedEntry], complete: Bool) {
        self.after = after
        self.next = next
        self.entries = entries
        self.complete = complete
    }
}

extension SyncFieldState: Codable {
    private enum Keys: String, CodingKey { case value, head, held, sequence }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let text = try c.decodeIfPresent(String.self, forKey: .value) {
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: .value, in: c, debugDescription: "not base64")
            }
            value = [UInt8](data)
        }
        head = try c.decodeIfPresent(SyncOpID.self, forKey: .head)
        held = try c.decodeIfPresent([SyncOperation].self, forKey: .held) ?? []
        sequence = try c.decode(Int.self, forKey: .sequence)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(value.map { Data($0).base64EncodedString() }, forKey: .value)
        try c.encodeIfPresent(head, forKey: .head)
        if !held.isEmpty { try c.encode(held, forKey: .held) }
        try c.encode(sequence, forKey: .sequence)
    }
}
