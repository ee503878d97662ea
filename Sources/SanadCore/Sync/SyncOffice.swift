/// A field office's side of synchronisation (issue 11): it works on its own copy, shows its own edits at
/// once, keeps them in an outbox until the centre has said what became of each, and takes the centre's feed
/// for the centres it serves.
///
/// Nothing here waits for a link: `push` and `receive` are called whenever one exists, in any order, any
/// number of times; a lost, repeated or late message changes nothing but how soon the two sides agree.
public struct SyncOffice: Sendable, Equatable {
    public let node: String
    public let centres: Set<String>
    public private(set) var nextSequence = 1
    /// Operations made here that the centre has not taken yet (or whose outcome has not come back), oldest first.
    public private(set) var outbox: [SyncOperation] = []
    /// What the centre did with each operation made here.
    public private(set) var outcomes: [SyncOpID: SyncOutcome] = [:]
    /// Fields as last read from the centre's feed.
    public private(set) var fields: [SyncFieldKey: SyncFieldState] = [:]
    public private(set) var facts: [SyncOpID: SyncOperation] = [:]
    /// Where the next pull starts in the centre's feed.
    public private(set) var cursor = 0
    /// Records moved to a centre this office does not serve, with the feed position of the move: an answer
    /// made before it must not bring them back.
    public private(set) var gone: [String: Int] = [:]
    /// What changed since `clearChanges()`, so a node saves only that.
    public private(set) var changes = SyncOfficeChanges()

    public init(node: String, centres: Set<String>) {
        self.node = node
        self.centres = centres
    }

    /// An office as it was saved.
    public init(node: String, centres: Set<String>, restoring saved: SyncOfficeSaved) {
        self.node = node
        self.centres = centres
        nextSequence = saved.nextSequence
        outbox = saved.outbox.sorted { $0.id.sequence < $1.id.sequence }
        outcomes = saved.outcomes
        fields = saved.fields
        facts = saved.facts
        cursor = saved.cursor
        gone = saved.gone
    }

    public mutating func clearChanges() { changes = SyncOfficeChanges() }

    /// The value shown here: this office's latest edit not yet settled by the centre, else the centre's.
    public func value(_ key: SyncFieldKey) -> [UInt8]? {
        outbox.last { $0.key == key && $0.setsField }?.value ?? fields[key]?.value
    }

    /// The operation an edit made now builds on: this office's own pending one, else the centre's head.
    func basis(_ key: SyncFieldKey) -> SyncOpID? {
        outbox.last { $0.key == key && $0.setsField }?.id ?? fields[key]?.head
    }

    @discardableResult
    public mutating func edit(
        record: String, centre: String, field: String, value: [UInt8], author: String, at: Int64
    ) -> SyncOperation {
        let key = SyncFieldKey(record: record, field: field)
        return make(record: record, centre: centre, field: field, .edit(value: value, basis: basis(key)), author, at)
    }

    @discardableResult
    public mutating func transition(
        record: String, centre: String, field: String, to: [UInt8], author: String, at: Int64
    ) -> SyncOperation {
        let from = value(SyncFieldKey(record: record, field: field)) ?? []
        return make(record: record, centre: centre, field: field, .transition(from: from, to: to), author, at)
    }

    @discardableResult
    public mutating func addFact(
        record: String, centre: String, kind: String, content: [UInt8], author: String, at: Int64
    ) -> SyncOperation {
        let op = make(record: record, centre: centre, field: kind, .fact(content: content), author, at)
        facts[op.id] = op
        changes.facts.insert(op.id)
        return op
    }

    /// A supervisor's choice on a conflict as this office sees it: it closes every value shown.
    @discardableResult
    public mutating func resolve(
        _ key: SyncFieldKey, centre: String, value: [UInt8], author: String, at: Int64
    ) -> SyncOperation {
        let state = fields[key] ?? SyncFieldState()
        let seen = [state.head].compactMap { $0 } + state.held.map(\.id)
        return make(
            record: key.record, centre: centre, field: key.field, .resolve(value: value, supersedes: seen), author, at)
    }

    private mutating func make(
        record: String, centre: String, field: String, _ kind: SyncOperation.Kind, _ author: String, _ at: Int64
    ) -> SyncOperation {
        let op = SyncOperation(
            id: SyncOpID(node: node, sequence: nextSequence), record: record, centre: centre, field: field,
            kind: kind, author: author, at: at)
        nextSequence += 1
        outbox.append(op)
        changes.operations.insert(op.id)
        return op
    }

    /// The next page to send, or nil when the centre has everything.
    public func push(limit: Int = 200) -> SyncPush? {
        outbox.isEmpty ? nil : SyncPush(node: node, operations: Array(outbox.prefix(limit)))
    }

    public mutating func receive(_ reply: SyncPushReply) {
        for (id, outcome) in reply.outcomes where id.node == node && outcomes[id] == nil {
            outcomes[id] = outcome
            changes.operations.insert(id)
            // A fact shown here at once but refused by the centre (its record had moved away) stops being shown;
            // the refusal stays in `outcomes`.
            if case .refused = outcome, facts.removeValue(forKey: id) != nil { changes.facts.insert(id) }
        }
        for (key, state) in reply.fields {
            var state = state
            if state.value == nil, let head = state.head {
                // The centre leaves out a value this office sent; it is in the operation still in the outbox.
                guard let own = outbox.first(where: { $0.id == head }) else { continue }
                state.value = own.value
            }
            take(key, state)
        }
        // An operation leaves the outbox once taken and its outcome known; if the reply that carried the outcome
        // was lost, the next push asks again and the centre answers from what it recorded.
        outbox.removeAll { $0.id.sequence <= reply.acknowledged && outcomes[$0.id] != nil }
    }

    public mutating func receive(_ reply: SyncPullReply) {
        guard reply.after == cursor else { return }
        for entry in reply.entries where entry.visible(to: centres) {
            switch entry {
            case .field(let key, _, let state):
                take(key, state)
            case .fact(let op, _):
                facts[op.id] = op
                changes.facts.insert(op.id)
            case .moved(let record, _, let to, let sequence):
                guard !centres.contains(to) else { continue }
                gone[record] = sequence
                // A field this office already holds from after the move (its own edit, answered when the record
                // had come back) stays.
                for (key, state) in fields where key.record == record && state.sequence < sequence {
                    fields[key] = nil
                    changes.fields.insert(key)
                }
                for (id, op) in facts where op.record == record {
                    facts[id] = nil
                    changes.facts.insert(id)
                }
            }
        }
        cursor = reply.next
    }

    /// A field's state from the centre, unless this office already has a later one.
    private mutating func take(_ key: SyncFieldKey, _ state: SyncFieldState) {
        guard state.sequence > (gone[key.record] ?? 0) else { return }
        if (fields[key]?.sequence ?? 0) < state.sequence {
            fields[key] = state
            changes.fields.insert(key)
        }
    }
}

/// What changed in an office since it was last saved: fields and facts set or removed, operations made or answered.
public struct SyncOfficeChanges: Sendable, Equatable {
    public var fields: Set<SyncFieldKey> = []
    public var facts: Set<SyncOpID> = []
    public var operations: Set<SyncOpID> = []
}

/// Everything an office saved, to start it again.
public struct SyncOfficeSaved: Sendable {
    public var nextSequence = 1
    public var outbox: [SyncOperation] = []
    public var outcomes: [SyncOpID: SyncOutcome] = [:]
    public var fields: [SyncFieldKey: SyncFieldState] = [:]
    public var facts: [SyncOpID: SyncOperation] = [:]
    public var cursor = 0
    public var gone: [String: Int] = [:]

    public init() {}
}
