/// The central node's merge rules: the only arbiter of the star (issue 11).
///
/// - Operations of one office are taken in that office's sequence order, each once: a page that repeats what
///   was taken is answered from the recorded outcomes, a page that skips ahead is answered with what was
///   acknowledged so the office resends from there (retries, duplicates and reordering change nothing).
/// - An edit applies when it was made on top of the field's current value; made on top of an older one, it is
///   held beside it for a person to resolve (no last-writer-wins). Edits to different fields of one record both
///   apply. Versions decide, never clocks.
/// - A transition applies while its rule holds and is otherwise refused as "needs review".
/// - Facts are a set: a repeated id is a duplicate if identical and an integrity alarm if not.
public struct SyncCentre: Sendable, Equatable {
    public let node: String
    /// The centres each office serves.
    public private(set) var offices: [String: Set<String>] = [:]
    public private(set) var fields: [SyncFieldKey: SyncFieldState] = [:]
    public private(set) var facts: [SyncOpID: SyncOperation] = [:]
    /// The centre each record belongs to now (where it was created, unless transferred since).
    public private(set) var recordCentre: [String: String] = [:]
    /// Every operation taken, with what became of it.
    public private(set) var outcomes: [SyncOpID: SyncOutcome] = [:]
    private(set) var taken: [SyncOpID: SyncOperation] = [:]
    /// Held operations closed by a resolution or replaced by their author's next edit, and by what.
    public private(set) var superseded: [SyncOpID: SyncOpID] = [:]
    /// Each field's applied operations, oldest first: the audit of how it got its value.
    public private(set) var history: [SyncFieldKey: [SyncOpID]] = [:]
    /// Highest sequence number taken from each node.
    public private(set) var received: [String: Int] = [:]
    /// The feed as kept: a field's entry names the field, and a pull reads its state from `fields` — only at the
    /// field's latest position, since an office keeps a field's latest state anyway. So the feed costs a few
    /// bytes per change, and a pull sends each field once however often it changed.
    public private(set) var log: [SyncLogEntry] = []
    /// Operations refused as integrity alarms, for the administrator.
    public private(set) var alarms: [SyncOperation] = []
    public private(set) var nextSequence = 1
    /// What changed since `clearChanges()`, so a node saves only that (`SyncCentreChanges`).
    public private(set) var changes = SyncCentreChanges()

    public init(node: String = "centre") { self.node = node }

    /// A centre as it was saved: what `changes` listed, accumulated.
    public init(node: String, restoring saved: SyncCentreSaved) {
        self.node = node
        fields = saved.fields
        history = saved.history
        recordCentre = saved.recordCentre
        log = saved.log
        alarms = saved.alarms
        received = saved.received
        nextSequence = saved.nextSequence
        for (id, entry) in saved.operations {
            taken[id] = entry.operation
            if let outcome = entry.outcome {
                outcomes[id] = outcome
                if entry.operation.isFact, outcome == .applied { facts[id] = entry.operation }
            }
            if let by = entry.supersededBy { superseded[id] = by }
        }
        changes = SyncCentreChanges(logFrom: log.count)
    }

    public var feedCount: Int { log.count }

    /// Marks everything as saved.
    public mutating func clearChanges() { changes = SyncCentreChanges(logFrom: log.count) }

    /// The saved form of one operation the centre took.
    public func saved(_ id: SyncOpID) -> SyncSavedOperation? {
        taken[id].map { SyncSavedOperation(operation: $0, outcome: outcomes[id], supersededBy: superseded[id]) }
    }

    public mutating func enrol(_ office: String, centres: Set<String>) { offices[office] = centres }

    /// An operation made at the centre itself (a supervisor's resolution, an edit by centre staff).
    @discardableResult
    public mutating func make(
        record: String, centre: String, field: String, kind: SyncOperation.Kind, author: String, at: Int64
    ) -> (SyncOperation, SyncOutcome) {
        let op = SyncOperation(
            id: SyncOpID(node: node, sequence: nextSequence), record: record, centre: centre, field: field,
            kind: kind, author: author, at: at)
        nextSequence += 1
        received[node] = op.id.sequence
        return (op, take(op))
    }

    /// Takes a page of an office's operations; see the type's rules.
    public mutating func receive(_ push: SyncPush) -> SyncPushReply {
        var outcomes: [SyncOpID: SyncOutcome] = [:]
        let scope = offices[push.node] ?? []
        for op in push.operations where op.id.node == push.node {
            let last = received[push.node, default: 0]
            if op.id.sequence <= last {
                if let earlier = taken[op.id], earlier != op {
                    outcomes[op.id] = alarm(op)
                } else if let outcome = self.outcomes[op.id] {
                    outcomes[op.id] = outcome
                }
                continue
            }
            guard op.id.sequence == last + 1 else { break }
            received[push.node] = op.id.sequence
            if scope.contains(recordCentre[op.record] ?? op.centre) {
                outcomes[op.id] = take(op)
            } else {
                taken[op.id] = op
                outcomes[op.id] = record(op, .refused(.outOfScope))
            }
        }
        var states: [SyncFieldKey: SyncFieldState] = [:]
        let sent = Set(push.operations.map(\.id))
        for op in push.operations
        where outcomes[op.id] != nil && op.setsField && scope.contains(recordCentre[op.record] ?? op.centre) {
            // A value the office itself sent is not sent back: it fills it in from its own operation.
            var state = fields[op.key]
            if let head = state?.head, state?.held.isEmpty == true, sent.contains(head) { state?.value = nil }
            states[op.key] = state
        }
        return SyncPushReply(acknowledged: received[push.node, default: 0], outcomes: outcomes, fields: states)
    }

    /// The feed after `cursor` that `office` may hold, at most `limit` entries examined.
    public func pull(office: String, after cursor: Int, limit: Int = 500) -> SyncPullReply {
        let scope = offices[office] ?? []
        let start = max(0, min(cursor, log.count))
        let end = min(log.count, start + limit)
        var entries: [SyncFeedEntry] = []
        for position in start..<end {
            switch log[position] {
            case .field(let key, let centre, let moved):
                // Only at the field's latest position; an earlier one would send the same state again.
                guard scope.contains(centre), let state = fields[key], state.sequence == position + 1 else { continue }
                // The office's own value, applied and unchallenged, reached it in the answer to its push — unless
                // the record has moved since, and the office may have let it go.
                if !moved && state.head?.node == office && state.held.isEmpty { continue }
                entries.append(.field(key, centre: centre, state: state))
            case .fact(let op, let centre):
                if scope.contains(centre) { entries.append(.fact(op, centre: centre)) }
            case .moved(let record, let from, let to):
                if scope.contains(from) || scope.contains(to) {
                    entries.append(.moved(record: record, from: from, to: to, sequence: position + 1))
                }
            }
        }
        return SyncPullReply(after: cursor, next: end, entries: entries, complete: end == log.count)
    }

    private mutating func take(_ op: SyncOperation) -> SyncOutcome {
        if let earlier = taken[op.id] {
            return earlier == op ? outcomes[op.id]! : alarm(op)
        }
        taken[op.id] = op
        changes.operations.insert(op.id)
        let centre = recordCentre[op.record] ?? op.centre
        if recordCentre[op.record] == nil {
            recordCentre[op.record] = centre
            changes.records.insert(op.record)
        }
        let key = op.key
        var state = fields[key] ?? SyncFieldState()
        let outcome: SyncOutcome
        switch op.kind {
        case .fact:
            facts[op.id] = op
            log.append(.fact(op, centre: centre))
            return record(op, .applied)
        case .transfer(let to):
            if to != centre { move(op.record, from: centre, to: to) }
            return record(op, .applied)
        case .edit(let value, let basis):
            if basis == state.head {
                apply(op, value: value, to: &state)
                outcome = .applied
            } else {
                // Made on top of a value this field no longer has. If that value was one of the held ones, this
                // is its author carrying on from it: the newer edit takes its place beside the current value.
                if let basis, let index = state.held.firstIndex(where: { $0.id == basis }) {
                    superseded[basis] = op.id
                    changes.operations.insert(basis)
                    state.held.remove(at: index)
                }
                state.held.append(op)
                outcome = .held
            }
        case .resolve(let value, let supersedes):
            let seen = Set(supersedes)
            if state.head == nil || seen.contains(state.head!) {
                for held in state.held where seen.contains(held.id) {
                    superseded[held.id] = op.id
                    changes.operations.insert(held.id)
                }
                state.held.removeAll { seen.contains($0.id) }
                apply(op, value: value, to: &state)
                outcome = .applied
            } else {
                // The resolver did not see the value that is current now: their answer joins the conflict.
                state.held.append(op)
                outcome = .held
            }
        case .transition(let from, let to):
            guard state.value == from else { return record(op, .refused(.needsReview(found: state.value ?? []))) }
            apply(op, value: to, to: &state)
            outcome = .applied
        }
        state.sequence = log.count + 1
        fields[key] = state
        changes.fields.insert(key)
        log.append(.field(key, centre: centre))
        return record(op, outcome)
    }

    private mutating func apply(_ op: SyncOperation, value: [UInt8], to state: inout SyncFieldState) {
        state.value = value
        state.head = op.id
        history[op.key, default: []].append(op.id)
    }

    /// Announces the move, then publishes the record's fields and facts again under the new centre, so that an
    /// office serving only that centre receives the whole record from its next pull on.
    private mutating func move(_ record: String, from: String, to: String) {
        recordCentre[record] = to
        changes.records.insert(record)
        log.append(.moved(record: record, from: from, to: to))
        for key in fields.keys.filter({ $0.record == record }).sorted() {
            fields[key]!.sequence = log.count + 1
            changes.fields.insert(key)
            log.append(.field(key, centre: to, moved: true))
        }
        for id in facts.keys.sorted() where facts[id]!.record == record {
            log.append(.fact(facts[id]!, centre: to))
        }
    }

    private mutating func record(_ op: SyncOperation, _ outcome: SyncOutcome) -> SyncOutcome {
        outcomes[op.id] = outcome
        changes.operations.insert(op.id)
        return outcome
    }

    private mutating func alarm(_ op: SyncOperation) -> SyncOutcome {
        alarms.append(op)
        return .refused(.integrity)
    }

    /// The operation with this id as the centre took it.
    public func operation(_ id: SyncOpID) -> SyncOperation? { taken[id] }
}

/// One entry of the centre's feed as kept (`SyncCentre.log`); `SyncFeedEntry` is what a pull sends.
public enum SyncLogEntry: Hashable, Codable, Sendable {
    /// `moved`: published again because the record moved to another centre.
    case field(SyncFieldKey, centre: String, moved: Bool = false)
    case fact(SyncOperation, centre: String)
    case moved(record: String, from: String, to: String)
}

/// What changed in a centre since it was last saved.
public struct SyncCentreChanges: Sendable, Equatable {
    public var fields: Set<SyncFieldKey> = []
    public var operations: Set<SyncOpID> = []
    public var records: Set<String> = []
    /// Log entries from this position on are new.
    public var logFrom = 0
}

/// An operation the centre took, with what became of it.
public struct SyncSavedOperation: Codable, Sendable, Equatable {
    public var operation: SyncOperation
    public var outcome: SyncOutcome?
    public var supersededBy: SyncOpID?

    public init(operation: SyncOperation, outcome: SyncOutcome?, supersededBy: SyncOpID?) {
        self.operation = operation
        self.outcome = outcome
        self.supersededBy = supersededBy
    }
}

/// Everything a centre saved, to start it again (`SyncCentre.init(node:restoring:)`).
public struct SyncCentreSaved: Sendable {
    public var fields: [SyncFieldKey: SyncFieldState] = [:]
    public var history: [SyncFieldKey: [SyncOpID]] = [:]
    public var recordCentre: [String: String] = [:]
    public var log: [SyncLogEntry] = []
    public var alarms: [SyncOperation] = []
    public var received: [String: Int] = [:]
    public var nextSequence = 1
    public var operations: [SyncOpID: SyncSavedOperation] = [:]

    public init() {}
}
