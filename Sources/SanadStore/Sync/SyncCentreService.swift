import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore

/// The centre's side of synchronisation with real records (issue 11): takes an office's request, applies it with
/// the merge rules of `SyncCentre` (`Sources/SanadCore/Sync/SyncCentre.swift`), writes the merged rows and answers
/// with the office's next page of the feed — all in one transaction with the saved merge state, so a crash or a
/// full disk in the middle leaves the previous state and the office's retry completes it.
public struct SyncCentreService: Sendable {
    let db: any Database
    let context: StoreContext
    static let stateName = "centre"
    static let conflictsName = "conflicts"

    /// The engine and what the centre keeps beside it.
    struct State {
        var engine: SyncCentre
        var settings: Settings
    }

    struct Settings: Codable {
        /// Moves on with every save; a process whose cached engine is older reads the tables again.
        var generation = 0
        /// Where local changes were last read from the change log; nil before the first reading (then every row).
        var mark: Int64?
        var signing: Data
        var waiting: Set<String> = []
        /// Per office: the feed position and the lowest operation it last said it still holds.
        var cursors: [String: Int] = [:]
        var floors: [String: Int] = [:]
        var received: [String: Int] = [:]
        var nextSequence = 1
        var alarms: [SyncOperation] = []
    }

    public struct Counts: Sendable, Equatable {
        public let taken: Int
        public let held: Int
        public let refused: Int
    }

    /// The centre's public signing key, which offices check every answer against.
    public func publicKey() async throws -> Data {
        try await commit { tx in
            var state = try await load(on: tx)
            try await save(&state, on: tx)
            return (
                state,
                try SyncSigningKey.open(state.settings.signing, cipher: context.cipher).publicKey.rawRepresentation
            )
        }
    }

    /// Answers an office's request bundle with a reply bundle (`limit` bounds the feed page).
    public func exchange(_ bundle: Data, limit: Int? = nil) async throws -> (reply: Data, counts: Counts) {
        if try await SyncStateRecord.find(SyncOfficeService.stateName, on: db) != nil {
            throw SyncExchangeError.notAnOffice
        }
        let keys = try await SyncNodeService(db: db, context: context).keys()
        // During a key rotation (a stolen laptop: `sanad keys rotate`) offices that still hold the previous key
        // keep exchanging until theirs is replaced; the answer is sealed under the key the office used.
        let ring = context.keys.all
        let used = ring.first { $0.id == SyncBundle.organisation(of: bundle) } ?? context.keys.active
        let (node, body) = try SyncBundle.checked(
            bundle, kind: SyncMessage.request, organisation: used.id, key: used.sync, nodes: keys)
        guard let request = try? JSONDecoder().decode(SyncRequest.self, from: body) else {
            throw SyncExchangeError.bundle(.unreadable)
        }
        let pageLimit = min(max(limit ?? request.limit, 1), 100_000)
        return try await commit { tx in
            var state = try await load(on: tx)
            try await enrol(&state, on: tx)
            let replica = SyncReplica(db: tx, context: context)
            try await captureLocal(&state, replica)
            var touched = state.settings.waiting
            let push = state.engine.receive(SyncPush(node: node, operations: request.operations))
            for op in request.operations where push.outcomes[op.id] != nil { touched.insert(op.record) }
            state.settings.waiting = try await replica.materialise(touched, fields: index(state.engine, touched))
            state.settings.cursors[node] = request.cursor
            state.settings.floors[node] = request.operations.first?.id.sequence ?? push.acknowledged + 1
            let pull = state.engine.pull(office: node, after: request.cursor, limit: pageLimit)
            try await save(&state, on: tx)
            let outcomes = Array(push.outcomes.values)
            let counts = Counts(
                taken: outcomes.count, held: outcomes.filter { $0 == .held }.count,
                refused: outcomes.filter { if case .refused = $0 { true } else { false } }.count)
            let receipt = try await receipt(node: node, request: request, counts: counts, on: tx)
            let reply = try SyncBundle.seal(
                body: SyncMessage.encoder.encode(SyncReply(push: push, pull: pull, receipt: receipt)),
                node: SyncMessage.centreNode, kind: SyncMessage.reply, count: pull.entries.count,
                organisation: used.id, key: used.sync,
                signer: SyncSigningKey.open(state.settings.signing, cipher: context.cipher))
            return (state, (reply, counts))
        }
    }

    /// What `node` has not acknowledged, for a USB stick (`sanad sync export --node`): the outcomes of its
    /// operations from the lowest it still held and the whole feed after its last position.
    public func export(node: String) async throws -> Data {
        guard let known = try await SyncNode.query(on: db).filter(\.$name == node).first(), known.revokedAt == nil
        else { throw SyncNodeError.unknownNode(node) }
        return try await commit { tx in
            var state = try await load(on: tx)
            try await enrol(&state, on: tx)
            try await captureLocal(&state, SyncReplica(db: tx, context: context))
            try await save(&state, on: tx)
            let floor = state.settings.floors[node] ?? 1
            var outcomes: [SyncOpID: SyncOutcome] = [:]
            var fields: [SyncFieldKey: SyncFieldState] = [:]
            for (id, outcome) in state.engine.outcomes where id.node == node && id.sequence >= floor {
                outcomes[id] = outcome
                if let op = state.engine.operation(id), op.setsField { fields[op.key] = state.engine.fields[op.key] }
            }
            let push = SyncPushReply(
                acknowledged: state.engine.received[node, default: 0], outcomes: outcomes, fields: fields)
            let pull = state.engine.pull(
                office: node, after: state.settings.cursors[node] ?? 0, limit: state.engine.feedCount + 1)
            return (
                state,
                try SyncBundle.seal(
                    body: SyncMessage.encoder.encode(SyncReply(push: push, pull: pull)), node: SyncMessage.centreNode,
                    kind: SyncMessage.reply, count: pull.entries.count, organisation: context.keys.active.id,
                    key: context.keys.sync,
                    signer: SyncSigningKey.open(state.settings.signing, cipher: context.cipher))
            )
        }
    }

    /// Runs `body` in a transaction and keeps the engine it returns for the next exchange once committed.
    func commit<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> (State, T)) async throws -> T {
        let (state, result) = try await db.transaction { tx in try await body(tx) }
        context.syncCache.put(Self.stateName, generation: state.settings.generation, state.engine)
        return result
    }

    func load(on db: any Database) async throws -> State {
        let sql = db as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            // One exchange at a time, whichever instance of the centre answers it.
            _ = try await sql.raw("SELECT name FROM sync_state WHERE name = \(bind: Self.stateName) FOR UPDATE").all()
        }
        guard let settings = try await SyncStateRecord.load(Settings.self, name: Self.stateName, on: db) else {
            return State(
                engine: SyncCentre(node: SyncMessage.centreNode),
                settings: Settings(signing: try SyncSigningKey.new(cipher: context.cipher).1))
        }
        if let engine = context.syncCache.get(Self.stateName, generation: settings.generation, as: SyncCentre.self) {
            return State(engine: engine, settings: settings)
        }
        let engine = try await SyncStorage(db).loadCentre(
            node: SyncMessage.centreNode, received: settings.received, nextSequence: settings.nextSequence,
            alarms: settings.alarms)
        return State(engine: engine, settings: settings)
    }

    func save(_ state: inout State, on db: any Database) async throws {
        // The list of records in conflict (the person badge) changes only for the records whose fields changed.
        let touched = Set(state.engine.changes.fields.map(\.record))
        let before = Set(try await SyncStateRecord.load([String].self, name: Self.conflictsName, on: db) ?? [])
        var open = before
        for record in touched {
            if SyncReplica.inConflict(record, { state.engine.fields[$0] }) {
                open.insert(record)
            } else {
                open.remove(record)
            }
        }
        try await SyncStorage(db).saveCentre(&state.engine)
        state.settings.generation += 1
        state.settings.received = state.engine.received
        state.settings.nextSequence = state.engine.nextSequence
        state.settings.alarms = state.engine.alarms
        try await SyncStateRecord.save(state.settings, name: Self.stateName, on: db)
        if open != before { try await SyncStateRecord.save(open.sorted(), name: Self.conflictsName, on: db) }
    }

    func enrol(_ state: inout State, on db: any Database) async throws {
        for node in try await SyncNode.query(on: db).all() {
            state.engine.enrol(node.name, centres: node.revokedAt == nil ? Set(node.centres) : [])
        }
    }

    /// Edits made at the centre itself (its own staff, a merge) become the centre's operations; they always apply.
    func captureLocal(_ state: inout State, _ replica: SyncReplica) async throws {
        let engine = state.engine
        let (mark, changes) = try await replica.capture(since: state.settings.mark) { engine.fields[$0]?.value }
        for change in changes {
            let key = SyncFieldKey(record: change.record, field: change.field)
            state.engine.make(
                record: change.record, centre: change.centre, field: change.field,
                kind: .edit(value: change.value, basis: state.engine.fields[key]?.head), author: SyncMessage.centreNode,
                at: Int64(context.clock().timeIntervalSince1970))
        }
        state.settings.mark = mark
    }

    func index(_ engine: SyncCentre, _ records: Set<String>) -> [String: [String: [UInt8]]] {
        SyncReplica.index(records) { engine.fields[$0]?.value }
    }

    /// The accepted batch goes into the centre's audit chain; the office writes the same receipt into its own.
    private func receipt(node: String, request: SyncRequest, counts: Counts, on db: any Database) async throws
        -> String?
    {
        if let row = try await SyncNode.query(on: db).filter(\.$name == node).first() {
            row.lastContact = context.clock()
            try await row.save(on: db)
        }
        guard !request.operations.isEmpty else { return nil }
        let text = SyncReceipt(request.operations, counts: counts).text
        try await AuditTrail.append(
            action: "sync.receive", actorID: nil, recordType: "node", recordID: node, detail: text,
            now: context.clock(), key: context.keys.audit, on: db)
        return text
    }
}

/// A batch as both audit chains record it: whose operations, which sequence numbers, and a digest of their bytes,
/// so the two chains can be compared entry by entry.
struct SyncReceipt {
    let text: String

    init(_ operations: [SyncOperation], counts: SyncCentreService.Counts) {
        let bytes = (try? SyncMessage.encoder.encode(operations)) ?? Data()
        let digest = SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined()
        let first = operations.first?.id.sequence ?? 0
        let last = operations.last?.id.sequence ?? 0
        text =
            "ops \(first)-\(last) sha256:\(digest) taken \(counts.taken) held \(counts.held) refused \(counts.refused)"
    }
}

extension SyncCentreService {
    /// The centre's half of joining (`POST /api/v1/sync/join`): the code and the office's key in, the answer out.
    /// An office keyed for another organisation is refused before its code is spent.
    public func join(code: String, publicKey: Data, organisation: String) async throws -> SyncJoinAnswer {
        guard organisation == context.keys.active.id else {
            throw SyncExchangeError.badRequest(
                "The office holds another organisation's key (\(organisation)); install this organisation's key on it first."
            )
        }
        let centreKey = try await self.publicKey()
        let node = try await SyncNodeService(db: db, context: context).join(code: code, publicKey: publicKey)
        return SyncJoinAnswer(
            node: node.name, centres: node.centres, centreKey: centreKey, series: node.series, code: code)
    }
}
