import Crypto
import Fluent
import Foundation
import SanadCore

/// What one `sanad sync now` (or a background round) did.
public struct SyncRun: Sendable, Equatable, CustomStringConvertible {
    public var pushed = 0
    public var pulled = 0
    public var conflicts = 0
    public var refused = 0

    /// The line `sanad sync now` prints; refusals (out of scope, needs review) are named when there are any.
    public var description: String {
        "pushed \(pushed), pulled \(pulled), conflicts \(conflicts)" + (refused > 0 ? ", refused \(refused)" : "")
    }
}

/// How an office reaches the centre: one request bundle in, one reply bundle out (HTTP, or a test's direct call).
public typealias SyncTransport = @Sendable (Data) async throws -> Data

/// A field office's side of synchronisation with real records (issue 11): its edits become operations of its
/// `SyncOffice` (`Sources/SanadCore/Sync/SyncOffice.swift`), travel in signed bundles, and what the centre answers
/// is written into its rows. The office's daily work never waits for this: it runs beside it.
public struct SyncOfficeService: Sendable {
    let db: any Database
    let context: StoreContext
    static let stateName = "office"

    struct State {
        var engine: SyncOffice
        var settings: Settings
    }

    struct Settings: Codable {
        var generation = 0
        var node: String
        var centres: [String]
        var central: String
        var centreKey: Data
        var signing: Data
        var mark: Int64?
        var waiting: Set<String> = []
        var lastSync: Date?
        var cursor = 0
        var gone: [String: Int] = [:]
        var nextSequence = 1
        /// Kept here so the page header reads them without loading the engine.
        var pending = 0
        var conflicts = 0
    }

    /// What an office knows of its enrolment, for the page header and `sanad sync status`.
    public struct Status: Sendable, Equatable {
        public let node: String
        public let central: String
        public let centres: [String]
        public let lastSync: Date?
        public let pending: Int
        public let conflicts: Int
    }

    public func status() async throws -> Status? {
        guard let s = try await SyncStateRecord.load(Settings.self, name: Self.stateName, on: db) else { return nil }
        return Status(
            node: s.node, central: s.central, centres: s.centres, lastSync: s.lastSync, pending: s.pending,
            conflicts: s.conflicts)
    }

    /// The office's half of joining: a new key pair; `register` sends the public half with the code and returns
    /// what the centre answered (its name for the office, the centres served, the centre's public key).
    public func join(
        central: String, register: @Sendable (Data) async throws -> SyncJoinAnswer
    ) async throws -> SyncJoinAnswer {
        guard try await SyncStateRecord.find(Self.stateName, on: db) == nil else {
            throw SyncExchangeError.badRequest("This Sanad has joined a centre already.")
        }
        let (key, sealed) = try SyncSigningKey.new(cipher: context.cipher)
        let answer = try await register(key.publicKey.rawRepresentation)
        let settings = Settings(
            node: answer.node, centres: answer.centres, central: central, centreKey: answer.centreKey, signing: sealed)
        try await db.transaction { tx in
            try await SyncStateRecord.save(settings, name: Self.stateName, on: tx)
            try await SyncStateRecord.save(answer.series, name: RegistrationSeries.stateName, on: tx)
            try await AuditTrail.append(
                action: "sync.join", actorID: nil, recordType: "node", recordID: answer.node, now: context.clock(),
                key: context.keys.audit, on: tx)
        }
        return answer
    }

    /// Exchanges until the centre has every operation made here and the office has the whole feed for it.
    public func now(transport: SyncTransport, pageLimit: Int = 500, maxRounds: Int = 10_000) async throws -> SyncRun {
        var run = SyncRun()
        for _ in 0..<maxRounds {
            let request = try await prepare(pageLimit: pageLimit)
            let reply: Data
            do {
                reply = try await transport(request)
            } catch let error as SyncExchangeError {
                throw error
            } catch {
                throw SyncExchangeError.centreUnreachable(String(describing: error))
            }
            let (complete, step) = try await take(reply)
            run.pushed += step.pushed
            run.pulled += step.pulled
            run.conflicts += step.conflicts
            run.refused += step.refused
            if complete { return run }
        }
        return run
    }

    /// Reads local changes into the outbox and seals the next request (also what `sanad sync export` writes).
    public func prepare(pageLimit: Int = 500, everything: Bool = false) async throws -> Data {
        try await commit { tx in
            var state = try await load(on: tx)
            try await capture(&state, SyncReplica(db: tx, context: context))
            try await save(&state, on: tx)
            let operations = everything ? state.engine.outbox : Array(state.engine.outbox.prefix(pageLimit))
            let request = SyncRequest(
                operations: operations, cursor: state.engine.cursor, limit: everything ? 100_000 : pageLimit)
            let bundle = try SyncBundle.seal(
                body: SyncMessage.encoder.encode(request), node: state.settings.node, kind: SyncMessage.request,
                first: operations.first?.id.sequence ?? 0, last: operations.last?.id.sequence ?? 0,
                count: operations.count, organisation: context.keys.active.id, key: context.keys.sync,
                signer: SyncSigningKey.open(state.settings.signing, cipher: context.cipher))
            return (state, bundle)
        }
    }

    /// Applies a reply bundle from the centre (over the link or from `sanad sync import`). True when nothing is
    /// left to send and the feed has been read to its end.
    public func take(_ bundle: Data) async throws -> (complete: Bool, run: SyncRun) {
        try await commit { tx in
            var state = try await load(on: tx)
            guard let centreKey = try? Curve25519.Signing.PublicKey(rawRepresentation: state.settings.centreKey) else {
                throw SyncExchangeError.notEnrolled
            }
            let body = try SyncBundle.checked(
                bundle, kind: SyncMessage.reply, organisation: context.keys.active.id, key: context.keys.sync,
                nodes: [SyncMessage.centreNode: SyncNodeKey(publicKey: centreKey)]
            ).body
            guard let reply = try? JSONDecoder().decode(SyncReply.self, from: body) else {
                throw SyncExchangeError.bundle(.unreadable)
            }
            let replica = SyncReplica(db: tx, context: context)
            // Edits made since the request was sealed are read first, so what arrives cannot hide them.
            try await capture(&state, replica)
            var run = SyncRun()
            var touched = state.settings.waiting
            let before = state.engine.outbox.count
            let madeHere = Dictionary(state.engine.outbox.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            if let push = reply.push {
                for (id, outcome) in push.outcomes
                where id.node == state.settings.node && state.engine.outcomes[id] == nil {
                    switch outcome {
                    case .held: run.conflicts += 1
                    case .refused: run.refused += 1
                    case .applied: break
                    }
                }
                state.engine.receive(push)
                touched.formUnion(push.fields.keys.map(\.record))
            }
            run.pushed = before - state.engine.outbox.count
            let cursor = state.engine.cursor
            state.engine.receive(reply.pull)
            if state.engine.cursor != cursor {
                run.pulled = reply.pull.entries.count
                for entry in reply.pull.entries {
                    switch entry {
                    case .field(let key, _, _): touched.insert(key.record)
                    case .fact(let op, _): touched.insert(op.record)
                    case .moved: break
                    }
                }
            }
            state.settings.waiting = try await replica.materialise(touched, fields: index(state.engine, touched))
            // Rows just written are the merge's own values: read past them so they are not taken for local edits.
            try await capture(&state, replica)
            state.settings.lastSync = context.clock()
            try await save(&state, on: tx, madeHere: madeHere)
            if run.pushed > 0 || run.pulled > 0 || reply.receipt != nil {
                try await AuditTrail.append(
                    action: "sync.exchange", actorID: nil, recordType: "node", recordID: state.settings.node,
                    detail: "pushed \(run.pushed) pulled \(run.pulled)"
                        + (reply.receipt.map { "; centre: " + $0 } ?? ""),
                    now: context.clock(), key: context.keys.audit, on: tx)
            }
            let complete = state.engine.outbox.isEmpty && reply.pull.complete && state.engine.cursor == reply.pull.next
            return (state, (complete || (run.pushed == 0 && run.pulled == 0 && reply.pull.complete), run))
        }
    }

    func capture(_ state: inout State, _ replica: SyncReplica) async throws {
        let pending = Self.pending(state.engine)
        let engine = state.engine
        let (mark, changes) = try await replica.capture(since: state.settings.mark) { key in
            pending[key] ?? engine.fields[key]?.value
        }
        for change in changes {
            state.engine.edit(
                record: change.record, centre: change.centre, field: change.field, value: change.value,
                author: state.settings.node, at: Int64(context.clock().timeIntervalSince1970))
        }
        state.settings.mark = mark
    }

    func commit<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> (State, T)) async throws -> T {
        let (state, result) = try await db.transaction { tx in try await body(tx) }
        context.syncCache.put(Self.stateName, generation: state.settings.generation, state.engine)
        return result
    }

    func load(on db: any Database) async throws -> State {
        guard let settings = try await SyncStateRecord.load(Settings.self, name: Self.stateName, on: db) else {
            throw SyncExchangeError.notEnrolled
        }
        if let engine = context.syncCache.get(Self.stateName, generation: settings.generation, as: SyncOffice.self) {
            return State(engine: engine, settings: settings)
        }
        let engine = try await SyncStorage(db).loadOffice(
            node: settings.node, centres: Set(settings.centres), nextSequence: settings.nextSequence,
            cursor: settings.cursor, gone: settings.gone)
        return State(engine: engine, settings: settings)
    }

    func save(_ state: inout State, on db: any Database, madeHere: [SyncOpID: SyncOperation] = [:]) async throws {
        try await SyncStorage(db).saveOffice(&state.engine, madeHere: madeHere)
        state.settings.generation += 1
        state.settings.cursor = state.engine.cursor
        state.settings.gone = state.engine.gone
        state.settings.nextSequence = state.engine.nextSequence
        state.settings.pending = state.engine.outbox.count
        state.settings.conflicts = state.engine.fields.values.filter(\.inConflict).count
        try await SyncStateRecord.save(state.settings, name: Self.stateName, on: db)
    }

    /// This office's own values not yet settled by the centre, newest per field.
    static func pending(_ engine: SyncOffice) -> [SyncFieldKey: [UInt8]] {
        var out: [SyncFieldKey: [UInt8]] = [:]
        for op in engine.outbox { if let value = op.value { out[op.key] = value } }
        return out
    }

    func index(_ engine: SyncOffice, _ records: Set<String>) -> [String: [String: [UInt8]]] {
        let pending = Self.pending(engine)
        return SyncReplica.index(records) { pending[$0] ?? engine.fields[$0]?.value }
    }
}

/// What the centre answers an office that joins.
public struct SyncJoinAnswer: Codable, Sendable {
    public let node: String
    public let centres: [String]
    public let centreKey: Data
    /// The office's block of registration numbers (`RegistrationSeries`).
    public let series: Int
    /// HMAC-SHA256 of the rest under a key derived from the enrolment code, so the office knows the answer came
    /// from whoever issued its code and not from something in between.
    public let proof: Data

    public init(node: String, centres: [String], centreKey: Data, series: Int, code: String) {
        self.node = node
        self.centres = centres
        self.centreKey = centreKey
        self.series = series
        proof = Self.proof(node: node, centres: centres, centreKey: centreKey, series: series, code: code)
    }

    public func verify(code: String) -> Bool {
        Self.proof(node: node, centres: centres, centreKey: centreKey, series: series, code: code) == proof
    }

    static func proof(node: String, centres: [String], centreKey: Data, series: Int, code: String) -> Data {
        let key = SymmetricKey(data: SHA256.hash(data: Data(("sanad/v1/join/" + SyncNodeService.digest(code)).utf8)))
        var message = Data((node + "\n" + centres.joined(separator: ",") + "\n\(series)\n").utf8)
        message.append(centreKey)
        return Data(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }
}
