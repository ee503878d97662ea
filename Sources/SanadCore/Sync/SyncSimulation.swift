/// A seeded, deterministic run of one centre and several offices making random edits while links drop and
/// messages are lost, repeated, delayed and reordered, and nodes crash between applying a message and
/// answering it (issue 11, item 7). After the links heal, ``violations`` lists every broken promise: an edit
/// neither applied, held nor visibly refused; a value overwritten without its base; nodes that disagree; an
/// office holding a record it may not; a repeated push that changed anything.
///
/// A crash is modelled at the transaction boundaries a node keeps: a message is applied whole with its
/// bookkeeping, or not at all, so a crash loses at most the answer not yet sent.
public struct SyncSimulation: Sendable {
    public struct Faults: Sendable {
        public var drop = 0.15
        public var duplicate = 0.1
        public var maximumDelay = 6
        /// Chance per tick that an office's link goes down, and that a down link comes back.
        public var linkDown = 0.03
        public var linkUp = 0.05
        /// Chance that a node crashes after applying a message and before answering.
        public var crash = 0.05
        /// How far each office's clock may be wrong, in seconds.
        public var clockSkew: Int64 = 3 * 86_400

        public init() {}
    }

    public struct Report: Sendable, Equatable {
        public var operations = 0
        public var edits = 0
        public var applied = 0
        public var held = 0
        public var refused = 0
        /// Held operations later closed by a resolution or replaced by their author's next edit.
        public var superseded = 0
        public var openConflicts = 0
        public var resolutions = 0
        public var transfers = 0
        public var facts = 0
        public var messages = 0
        public var dropped = 0
        public var duplicated = 0
        public var crashes = 0
        public var healingRounds = 0
        public var lost = 0
        public var violations: [String] = []

        public init() {}

        /// Adds another run's counts (and violations) to these.
        public mutating func add(_ other: Report) {
            operations += other.operations
            edits += other.edits
            applied += other.applied
            held += other.held
            refused += other.refused
            superseded += other.superseded
            openConflicts += other.openConflicts
            resolutions += other.resolutions
            transfers += other.transfers
            facts += other.facts
            messages += other.messages
            dropped += other.dropped
            duplicated += other.duplicated
            crashes += other.crashes
            healingRounds = max(healingRounds, other.healingRounds)
            lost += other.lost
            violations += other.violations
        }
    }

    enum Message {
        case push(SyncPush)
        case pushReply(String, SyncPushReply)
        case pull(String, Int)
        case pullReply(String, SyncPullReply)

        var office: String {
            switch self {
            case .push(let p): p.node
            case .pushReply(let o, _), .pull(let o, _), .pullReply(let o, _): o
            }
        }
    }

    public let seed: UInt64
    public let ticks: Int
    public let faults: Faults
    public private(set) var centre = SyncCentre()
    public private(set) var offices: [SyncOffice]
    private var random: SeededGenerator
    private var clock: [String: Int64] = [:]
    private var linkUp: [String: Bool] = [:]
    private var inFlight: [(due: Int, message: Message)] = []
    private var pushesSent: [SyncPush] = []
    /// Per office, the records it knows of in the order it learnt them, and the centre it believes each is at.
    private var known: [String: [String]] = [:]
    private var knownCentre: [String: [String: String]] = [:]
    private var made: [SyncOperation] = []
    private var report = Report()
    private var now = 0
    private var recordCount = 0

    static let scopes: [(String, Set<String>)] = [
        ("office-kassala", ["SD11"]), ("office-gedaref", ["SD12"]), ("office-khartoum", ["SD01"]),
        ("office-mobile", ["SD01", "SD11"]),
    ]
    static let fields = ["name", "phone", "nationality", "stage"]

    public init(seed: UInt64, offices count: Int = 4, ticks: Int = 300, faults: Faults = Faults()) {
        self.seed = seed
        self.ticks = ticks
        self.faults = faults
        random = SeededGenerator(seed: seed)
        offices = Self.scopes.prefix(max(1, min(count, Self.scopes.count))).map {
            SyncOffice(node: $0.0, centres: $0.1)
        }
        // Clocks come from their own generator, so that how wrong they are changes no other draw.
        var clocks = SeededGenerator(seed: seed ^ 0xC10C)
        for office in offices {
            centre.enrol(office.node, centres: office.centres)
            linkUp[office.node] = true
            clock[office.node] =
                faults.clockSkew == 0 ? 0 : Int64.random(in: -faults.clockSkew...faults.clockSkew, using: &clocks)
        }
    }

    /// Runs the ticks, heals, synchronises until nothing moves and checks every promise.
    public mutating func run() -> Report {
        for tick in 0..<ticks {
            now = tick
            for index in offices.indices { act(office: index) }
            actAtCentre()
            for index in offices.indices { connect(office: index) }
            deliver(healing: false)
        }
        heal()
        check()
        return report
    }

    // MARK: - Work

    private mutating func act(office index: Int) {
        guard Double.random(in: 0..<1, using: &random) < 0.6 else { return }
        let node = offices[index].node
        let at = Int64(now) * 600 + clock[node]!
        let author = "\(node)-user\(Int.random(in: 1...3, using: &random))"
        let choices = (known[node] ?? []).map { ($0, knownCentre[node]![$0]!) }
        if choices.isEmpty || Double.random(in: 0..<1, using: &random) < 0.08 {
            recordCount += 1
            let centre = offices[index].centres.sorted().randomElement(using: &random)!
            let record = "r\(recordCount)"
            remember(node, record, centre)
            for field in Self.fields {
                let value = field == "stage" ? "open" : "\(field)-\(recordCount)-0"
                note(
                    offices[index].edit(
                        record: record, centre: centre, field: field, value: bytes(value), author: author, at: at))
            }
            return
        }
        let (record, centre) = choices.randomElement(using: &random)!
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.5 {
            let field = Self.fields.dropLast().randomElement(using: &random)!
            let value = "\(field)-\(record)-\(node)-\(now)"
            note(
                offices[index].edit(
                    record: record, centre: centre, field: field, value: bytes(value), author: author, at: at))
        } else if roll < 0.75 {
            let content = bytes("service \(node) \(now) \(Int.random(in: 0..<1000, using: &random))")
            note(
                offices[index].addFact(
                    record: record, centre: centre, kind: "service", content: content, author: author, at: at))
        } else if roll < 0.9 {
            let key = SyncFieldKey(record: record, field: "stage")
            let next = offices[index].value(key) == bytes("open") ? "closed" : "open"
            note(
                offices[index].transition(
                    record: record, centre: centre, field: "stage", to: bytes(next), author: author, at: at))
        } else {
            let key = SyncFieldKey(record: record, field: Self.fields.randomElement(using: &random)!)
            guard offices[index].fields[key]?.inConflict == true else { return }
            let op = offices[index].resolve(
                key, centre: centre, value: bytes("resolved-\(node)-\(now)"), author: author, at: at)
            report.resolutions += 1
            note(op)
        }
    }

    /// Centre staff edit now and then, and a supervisor resolves an open conflict.
    private mutating func actAtCentre() {
        let at = Int64(now) * 600
        if Double.random(in: 0..<1, using: &random) < 0.15 {
            let open = centre.fields.keys.filter { centre.fields[$0]!.inConflict }.sorted()
            if let key = open.randomElement(using: &random) {
                let state = centre.fields[key]!
                let choices = [state.value].compactMap { $0 } + state.held.compactMap(\.value)
                let value = Bool.random(using: &random) ? choices.randomElement(using: &random)! : bytes("typed-\(now)")
                let supersedes = [state.head].compactMap { $0 } + state.held.map(\.id)
                let (op, _) = centre.make(
                    record: key.record, centre: owner(key.record), field: key.field,
                    kind: .resolve(value: value, supersedes: supersedes), author: "centre-supervisor", at: at)
                report.resolutions += 1
                note(op)
            }
        }
        if Double.random(in: 0..<1, using: &random) < 0.04,
            let record = centre.recordCentre.keys.sorted().randomElement(using: &random)
        {
            let to = ["SD01", "SD11", "SD12"].filter { $0 != owner(record) }.randomElement(using: &random)!
            let (op, _) = centre.make(
                record: record, centre: owner(record), field: "centre", kind: .transfer(to: to),
                author: "centre-supervisor",
                at: at)
            note(op)
        }
        if Double.random(in: 0..<1, using: &random) < 0.2 {
            let keys = centre.fields.keys.filter { $0.field == "phone" }.sorted()
            if let key = keys.randomElement(using: &random) {
                let (op, _) = centre.make(
                    record: key.record, centre: owner(key.record), field: key.field,
                    kind: .edit(value: bytes("phone-centre-\(now)"), basis: centre.fields[key]?.head),
                    author: "centre-staff", at: at)
                note(op)
            }
        }
    }

    /// Where a record is now, as the centre knows it.
    private func owner(_ record: String) -> String { centre.recordCentre[record]! }

    private mutating func note(_ op: SyncOperation) {
        made.append(op)
        report.operations += 1
        switch op.kind {
        case .fact: report.facts += 1
        case .transfer: report.transfers += 1
        default: report.edits += 1
        }
    }

    private mutating func remember(_ node: String, _ record: String, _ centre: String) {
        if knownCentre[node, default: [:]].updateValue(centre, forKey: record) == nil {
            known[node, default: []].append(record)
        }
    }

    private mutating func forget(_ node: String, _ record: String) {
        if knownCentre[node]?.removeValue(forKey: record) != nil { known[node]!.removeAll { $0 == record } }
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Network

    private mutating func connect(office index: Int) {
        let node = offices[index].node
        if linkUp[node]! {
            if Double.random(in: 0..<1, using: &random) < faults.linkDown { linkUp[node] = false }
        } else if Double.random(in: 0..<1, using: &random) < faults.linkUp {
            linkUp[node] = true
        }
        guard linkUp[node]!, Double.random(in: 0..<1, using: &random) < 0.3 else { return }
        if let push = offices[index].push(limit: Int.random(in: 1...40, using: &random)) { send(.push(push)) }
        send(.pull(node, offices[index].cursor))
    }

    private mutating func send(_ message: Message, healing: Bool = false) {
        report.messages += 1
        if case .push(let p) = message { pushesSent.append(p) }
        if healing {
            inFlight.append((now, message))
            return
        }
        let delay = Int.random(in: 0...faults.maximumDelay, using: &random)
        inFlight.append((now + delay, message))
        if Double.random(in: 0..<1, using: &random) < faults.duplicate {
            report.duplicated += 1
            inFlight.append((now + Int.random(in: 0...faults.maximumDelay, using: &random), message))
        }
    }

    private mutating func deliver(healing: Bool) {
        var due: [Message] = []
        inFlight.removeAll { entry in
            guard entry.due <= now else { return false }
            due.append(entry.message)
            return true
        }
        if !healing { due.shuffle(using: &random) }
        for message in due {
            if !healing {
                if !linkUp[message.office]! || Double.random(in: 0..<1, using: &random) < faults.drop {
                    report.dropped += 1
                    continue
                }
            }
            let crashed = !healing && Double.random(in: 0..<1, using: &random) < faults.crash
            if crashed { report.crashes += 1 }
            switch message {
            case .push(let push):
                let reply = centre.receive(push)
                if !crashed { send(.pushReply(push.node, reply), healing: healing) }
            case .pull(let office, let cursor):
                let reply = centre.pull(office: office, after: cursor, limit: 60)
                if !crashed { send(.pullReply(office, reply), healing: healing) }
            case .pushReply(let office, let reply):
                // A crash before the office commits loses the reply; the push is asked again.
                if !crashed { offices[index(office)].receive(reply) }
            case .pullReply(let office, let reply):
                if !crashed {
                    offices[index(office)].receive(reply)
                    for entry in reply.entries {
                        switch entry {
                        case .field(let key, let c, _): remember(office, key.record, c)
                        case .fact(let op, let c): remember(office, op.record, c)
                        case .moved(let record, _, let to, _):
                            if offices[index(office)].centres.contains(to) {
                                remember(office, record, to)
                            } else {
                                forget(office, record)
                            }
                        }
                    }
                }
            }
        }
    }

    private func index(_ office: String) -> Int { offices.firstIndex { $0.node == office }! }

    /// Links back, no more faults: push and pull until nothing is left to move.
    private mutating func heal() {
        for office in offices { linkUp[office.node] = true }
        // Whatever was still on its way arrives now.
        now += faults.maximumDelay + 1
        for round in 1...10_000 {
            report.healingRounds = round
            for index in offices.indices {
                if let push = offices[index].push(limit: 200) { send(.push(push), healing: true) }
                send(.pull(offices[index].node, offices[index].cursor), healing: true)
            }
            while !inFlight.isEmpty { deliver(healing: true) }
            let settled = offices.allSatisfy { $0.outbox.isEmpty && $0.cursor == centre.feedCount }
            if settled { return }
        }
        report.violations.append("seed \(seed): the nodes still had work after 10,000 healing rounds")
    }

    // MARK: - Promises

    private mutating func check() {
        func fail(_ text: String) { report.violations.append("seed \(seed): \(text)") }
        for op in made {
            guard let outcome = centre.outcomes[op.id] else {
                report.lost += 1
                fail("\(op.id) was never taken by the centre")
                continue
            }
            if op.id.node != centre.node {
                let origin = offices[index(op.id.node)]
                if origin.outcomes[op.id] != outcome { fail("\(op.id): the office does not know what became of it") }
            }
            switch outcome {
            case .applied:
                report.applied += 1
                if op.setsField && !(centre.history[op.key] ?? []).contains(op.id) {
                    report.lost += 1
                    fail("\(op.id) is called applied but is not in its field's history")
                }
            case .held:
                report.held += 1
                let open = centre.fields[op.key]?.held.contains { $0.id == op.id } ?? false
                if open {
                    report.openConflicts += 1
                } else if centre.superseded[op.id] != nil {
                    report.superseded += 1
                } else {
                    report.lost += 1
                    fail("\(op.id) was held but is neither open nor resolved")
                }
            case .refused(let why):
                report.refused += 1
                if case .integrity = why { fail("\(op.id) raised an integrity alarm in an honest run") }
            }
        }
        // No silent overwrite: every applied edit was made on top of the value it replaced.
        for (key, applied) in centre.history {
            var previous: SyncOpID?
            for id in applied {
                if case .edit(_, let basis) = centre.operation(id)!.kind, basis != previous {
                    fail("\(id) overwrote \(key.record).\(key.field) without having seen its value")
                }
                previous = id
            }
        }
        for office in offices {
            let fields = centre.fields.filter { office.centres.contains(owner($0.key.record)) }
            if office.fields != fields { fail("\(office.node) disagrees with the centre on some fields") }
            let facts = centre.facts.filter { office.centres.contains(owner($0.value.record)) }
            if office.facts != facts { fail("\(office.node) disagrees with the centre on facts") }
            if office.fields.keys.contains(where: { !office.centres.contains(owner($0.record)) })
                || office.facts.values.contains(where: { !office.centres.contains(owner($0.record)) })
            {
                fail("\(office.node) holds a record of a centre it does not serve")
            }
        }
        var replayed = centre
        for push in pushesSent { _ = replayed.receive(push) }
        if replayed != centre { fail("pushing every page again changed the centre") }
    }
}
