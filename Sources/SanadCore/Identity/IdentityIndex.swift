import Foundation

/// Finds the registrations that may be the same person as a given one without comparing against everyone.
///
/// Every record is filed under blocking keys: each name-part skeleton and each pair of parts of one name form, both
/// within five-year birth bands, plus its phone and its document number. A query looks up its own keys, rarest
/// first, and stops reading once it has read enough: a "Mohamed Ahmed" query does not walk the 50,000 Mohameds when
/// it has rarer keys, and the birth band keeps a common pair of names to the people of about the right age. The
/// records that share the most (and the rarest) keys are then scored in full with `MatchScorer`, using name
/// frequencies counted over the indexed records.
///
/// Thread-safe: an internal lock guards the state, because the server shares one instance between requests.
public final class IdentityIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State
    private let scratch = Scratch()

    /// `thresholds` nil means the scorer's defaults, the match threshold adjusted to the number of indexed records
    /// (`MatchScorer.defaultMatchThreshold(population:)`).
    public init(thresholds: (match: Double, possible: Double)? = nil) {
        state = State(thresholds: thresholds)
    }

    /// Adds `record`, replacing a record with the same id.
    public func insert(_ record: IdentityRecord) {
        let features = IdentityFeatures(record)
        lock.withLock { state.insert(features) }
    }

    /// Adds many records at once (the same as inserting them one by one), preparing them on all cores: loading the
    /// register at start-up is mostly transliteration.
    public func insert<Records: Sequence>(contentsOf records: Records) where Records.Element == IdentityRecord {
        let records = Array(records)
        var features = [IdentityFeatures](repeating: State.placeholder, count: records.count)
        let chunk = 2_000
        features.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: (records.count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(records.count, (part + 1) * chunk) {
                    output[index] = IdentityFeatures(records[index])
                }
            }
        }
        lock.withLock {
            for feature in features { state.insert(feature) }
        }
    }

    public func remove(id: String) {
        lock.withLock { state.remove(id: id) }
    }

    public var count: Int {
        lock.withLock { state.slotOf.count }
    }

    /// The name frequencies counted over the indexed records.
    public var frequencies: NameFrequencies {
        lock.withLock { state.frequencies }
    }

    /// Candidates for `record` (never the record itself, nor another record with its id), scored, best first, only
    /// those with a decision.
    public func matches(for record: IdentityRecord, limit: Int = 20) -> [(id: String, result: MatchResult)] {
        let features = IdentityFeatures(record)
        return lock.withLock {
            let found = state.matches(for: features, excluding: state.slotOf[record.id], scratch: scratch)
            return found.prefix(limit).compactMap { slot, result in
                (id: state.features[Int(slot)].id, result: result)
            }
        }
    }

    /// Every candidate pair among all indexed records with a decision of at least `minimum` (for a bulk dedup pass),
    /// found through the blocking keys rather than by comparing all pairs. Works on a snapshot, so inserts and
    /// queries are not held up meanwhile. Pairs come ordered by id within the pair and sorted by score, best first.
    public func allPairs(minimum: MatchDecision = .possible) -> [(a: String, b: String, result: MatchResult)] {
        let snapshot = lock.withLock { state }
        let slots = snapshot.live.indices.filter { snapshot.live[$0] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
        let chunk = max(1, (slots.count + workers * 8 - 1) / (workers * 8))
        let chunks = stride(from: 0, to: slots.count, by: chunk).map { slots[$0..<min($0 + chunk, slots.count)] }
        let collected = PairCollector()
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let scratch = Scratch()
            var found: [(UInt64, MatchResult)] = []
            for slot in chunks[index] {
                for (other, result) in snapshot.matches(
                    for: snapshot.features[slot], excluding: Int32(slot), scratch: scratch)
                where minimum == .possible || result.decision == .match {
                    let low = UInt64(min(slot, Int(other)))
                    let high = UInt64(max(slot, Int(other)))
                    found.append((low << 32 | high, result))
                }
            }
            collected.add(found)
        }
        var seen = Set<UInt64>()
        var pairs: [(a: String, b: String, result: MatchResult)] = []
        for (key, result) in collected.pairs where seen.insert(key).inserted {
            let first = snapshot.features[Int(key >> 32)].id
            let second = snapshot.features[Int(key & 0xFFFF_FFFF)].id
            let (a, b) = first < second ? (first, second) : (second, first)
            pairs.append((a: a, b: b, result: result))
        }
        pairs.sort {
            $0.result.score != $1.result.score ? $0.result.score > $1.result.score : ($0.a, $0.b) < ($1.a, $1.b)
        }
        return pairs
    }
}

// MARK: - State

extension IdentityIndex {
    /// Tuning of the candidate search.
    enum Search {
        /// Birth years are filed in bands of this many years; a query reads the bands within `yearReach`.
        static let yearBand = 5
        static let yearReach = 6
        /// Posting entries a query reads at most, rarest keys first (phone and document keys are always read).
        static let readBudget = 40_000
        /// A single key's list longer than this is not read when other keys have been read.
        static let longestList = 12_000
        /// Candidates scored in full.
        static let scored = 300
    }

    struct State: Sendable {
        /// By slot; a removed record's slot holds a placeholder until it is reused.
        var features: [IdentityFeatures] = []
        var live: [Bool] = []
        var free: [Int32] = []
        var slotOf: [String: Int32] = [:]
        var postings: [UInt64: Posting] = [:]
        /// Per slot, for cheap candidate ranking.
        var summaries: [Summary] = []
        var frequencies = NameFrequencies.empty
        let thresholds: (match: Double, possible: Double)?

        init(thresholds: (match: Double, possible: Double)?) {
            self.thresholds = thresholds
        }

        mutating func insert(_ features: IdentityFeatures) {
            if slotOf[features.id] != nil { remove(id: features.id) }
            let keys = Keys.all(features)
            let slot: Int32
            if let reused = free.popLast() {
                slot = reused
                self.features[Int(slot)] = features
                live[Int(slot)] = true
                summaries[Int(slot)] = Summary(features)
            } else {
                slot = Int32(self.features.count)
                self.features.append(features)
                live.append(true)
                summaries.append(Summary(features))
            }
            slotOf[features.id] = slot
            for key in keys { postings[key, default: .empty].append(slot) }
            frequencies.add(features)
        }

        mutating func remove(id: String) {
            guard let slot = slotOf.removeValue(forKey: id) else { return }
            // The keys are recomputed rather than stored: they follow from the features alone.
            for key in Keys.all(features[Int(slot)]) {
                postings[key]?.remove(slot)
                if postings[key]?.count == 0 { postings[key] = nil }
            }
            frequencies.remove(features[Int(slot)])
            features[Int(slot)] = Self.placeholder
            live[Int(slot)] = false
            free.append(slot)
        }

        static let placeholder = IdentityFeatures(IdentityRecord(id: "", names: []))

        static func sexCode(_ sex: IdentityFeatures.Sex?) -> UInt8 {
            switch sex {
            case .female: 1
            case .male: 2
            case nil: 0
            }
        }

        /// Scored candidates with a decision, best first.
        func matches(
            for features: IdentityFeatures, excluding excluded: Int32?, scratch: Scratch
        ) -> [(Int32, MatchResult)] {
            let candidates = candidates(for: features, excluding: excluded, scratch: scratch)
            let scorer = MatchScorer(frequencies: frequencies, thresholds: thresholds)
            var results: [(Int32, MatchResult)] = []
            self.features.withUnsafeBufferPointer { stored in
                for slot in candidates where live[Int(slot)] && stored[Int(slot)].id != features.id {
                    let result = scorer.compare(features, stored[Int(slot)])
                    if result.decision != nil { results.append((slot, result)) }
                }
            }
            results.sort { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }
            return results
        }

        /// The slots sharing the most and rarest blocking keys with `features`, nudged by birth year and sex.
        func candidates(for features: IdentityFeatures, excluding excluded: Int32?, scratch: Scratch) -> [Int32] {
            let population = Double(max(slotOf.count, 1))
            var lists: [(list: Posting, weight: Float, always: Bool, group: UInt32)] = []
            for key in Keys.query(features) {
                guard let list = postings[key.hash], list.count > 0 else { continue }
                let rarity = max(log2(population / Double(list.count)), 0.1)
                lists.append((list, Float(rarity + key.bonus), key.always, 1 << UInt32(key.group)))
            }
            // Rarest first; phone and document keys are always read.
            lists.sort { $0.always != $1.always ? $0.always : $0.list.count < $1.list.count }
            scratch.prepare(capacity: self.features.count)
            var read = 0
            for (list, weight, always, group) in lists {
                if !always, read > 0, read + list.count > Search.readBudget || list.count > Search.longestList {
                    continue
                }
                read += list.count
                switch list {
                case .empty: break
                case .one(let slot): scratch.add(slot, weight, group: group)
                case .many(let slots): for slot in slots { scratch.add(slot, weight, group: group) }
                }
            }
            let query = Summary(features)
            // The best `Search.scored` by rank, kept in a min-heap so that thousands of weak candidates cost little.
            var heap = CandidateHeap(capacity: Search.scored)
            summaries.withUnsafeBufferPointer { summaries in
                for slot in scratch.touchedSlots where slot != excluded {
                    heap.offer(slot, scratch.weight(slot) + query.affinity(summaries[Int(slot)]))
                }
            }
            scratch.reset()
            return heap.slots
        }
    }

    /// The slots filed under one key; most keys (pairs of names in one birth band) hold a single slot, which then
    /// needs no array of its own.
    enum Posting: Sendable {
        case empty
        case one(Int32)
        case many([Int32])

        var count: Int {
            switch self {
            case .empty: 0
            case .one: 1
            case .many(let slots): slots.count
            }
        }

        mutating func append(_ slot: Int32) {
            switch self {
            case .empty:
                self = .one(slot)
            case .one(let first):
                self = .many([first, slot])
            case .many(var slots):
                // Drop our own reference first, so that the array is unique and grows in place.
                self = .empty
                slots.append(slot)
                self = .many(slots)
            }
        }

        mutating func remove(_ slot: Int32) {
            switch self {
            case .empty:
                break
            case .one(let only):
                if only == slot { self = .empty }
            case .many(var slots):
                self = .empty
                if let position = slots.lastIndex(of: slot) {
                    slots.swapAt(position, slots.count - 1)
                    slots.removeLast()
                }
                self = slots.count == 1 ? .one(slots[0]) : .many(slots)
            }
        }
    }

    /// What candidate ranking needs of a record besides its keys, in eight bytes.
    struct Summary: Sendable {
        var year: Int16 = 0
        /// month × 32 + day for an exact date other than 1 January, else 0.
        var day: UInt16 = 0
        /// 0 unknown, 1 female, 2 male.
        var sex: UInt8 = 0
        /// A hash of the nationality code, 0 when unknown.
        var nationality: UInt8 = 0

        init(_ features: IdentityFeatures) {
            year = Int16(clamping: features.birthYear ?? 0)
            if let date = features.birthDate, date.month != 1 || date.day != 1 {
                day = UInt16(date.month * 32 + date.day)
            }
            sex = State.sexCode(features.sex)
            if let code = features.nationality {
                nationality = UInt8(truncatingIfNeeded: Keys.hash(code) % 255 + 1)
            }
        }

        /// A cheap guess at how much the rest of the record agrees, added to the blocking-key weight.
        func affinity(_ other: Summary) -> Float {
            var rank: Float = 0
            if year != 0, other.year != 0 {
                let gap = abs(Int(year) - Int(other.year))
                rank += gap <= 1 ? 2 : gap <= 3 ? 1 : gap <= 6 ? 0 : -2
                if gap == 0, day != 0, day == other.day { rank += 4 }
            }
            if sex != 0, other.sex != 0, sex != other.sex { rank -= 4 }
            if nationality != 0, other.nationality != 0 { rank += nationality == other.nationality ? 0.5 : -1 }
            return rank
        }
    }

    /// Keeps the `capacity` highest-ranked slots offered (ties go to the lower slot, for reproducible answers).
    struct CandidateHeap {
        let capacity: Int
        private var items: [(rank: Float, slot: Int32)] = []

        init(capacity: Int) {
            self.capacity = capacity
            items.reserveCapacity(capacity)
        }

        var slots: [Int32] { items.map(\.slot) }

        /// Whether `a` ranks below `b`.
        private static func below(_ a: (rank: Float, slot: Int32), _ b: (rank: Float, slot: Int32)) -> Bool {
            a.rank != b.rank ? a.rank < b.rank : a.slot > b.slot
        }

        mutating func offer(_ slot: Int32, _ rank: Float) {
            let item = (rank: rank, slot: slot)
            if items.count < capacity {
                items.append(item)
                var child = items.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.below(items[child], items[parent]) else { break }
                    items.swapAt(child, parent)
                    child = parent
                }
                return
            }
            guard capacity > 0, Self.below(items[0], item) else { return }
            items[0] = item
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var lowest = parent
                if left < items.count, Self.below(items[left], items[lowest]) { lowest = left }
                if right < items.count, Self.below(items[right], items[lowest]) { lowest = right }
                if lowest == parent { break }
                items.swapAt(parent, lowest)
                parent = lowest
            }
        }
    }

    /// Blocking keys as 64-bit hashes (FNV-1a of the key text and the birth band): a collision only adds a candidate.
    enum Keys {
        struct QueryKey {
            var hash: UInt64
            /// Added to the rarity weight: pairs of names say more than one name.
            var bonus: Double
            var always: Bool
            var group: Int
        }

        static let unknownBand = Int.min

        static func band(_ year: Int?) -> Int {
            year.map { $0 >= 0 ? $0 / Search.yearBand : -1 } ?? unknownBand
        }

        /// Hashes of every part's skeleton readings and of every pair of parts within one name form, grouped: all
        /// readings of one part (or one pair) form a group, which counts once for a candidate however many of its
        /// readings the candidate shares.
        static func nameKeys(_ features: IdentityFeatures) -> (singles: [[UInt64]], pairs: [[UInt64]]) {
            var singles: [UInt64: Set<UInt64>] = [:]
            var pairs: [UInt64: Set<UInt64>] = [:]
            let parts = features.parts
            for (i, part) in parts.enumerated() {
                let readings = [part.skeleton, part.alternates.0, part.alternates.1].filter { !$0.isEmpty }
                singles[hash(part.skeleton), default: []].formUnion(readings.map(hash))
                for j in (i + 1)..<max(parts.count, i + 1) where parts[j].form == part.form {
                    let group = pairHash(hash(part.skeleton), hash(parts[j].skeleton))
                    for x in readings.prefix(2) {
                        for y in [parts[j].skeleton, parts[j].alternates.0] where !y.isEmpty {
                            pairs[group, default: []].insert(pairHash(hash(x), hash(y)))
                        }
                    }
                }
            }
            func ordered(_ groups: [UInt64: Set<UInt64>]) -> [[UInt64]] {
                groups.sorted { $0.key < $1.key }.map { $0.value.sorted() }
            }
            return (ordered(singles), ordered(pairs))
        }

        static func pairHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
            mix(min(first, second) &* 31 &+ max(first, second))
        }

        static func all(_ features: IdentityFeatures) -> [UInt64] {
            let band = band(features.birthYear)
            let (singles, pairs) = nameKeys(features)
            var keys = Set<UInt64>()
            for group in singles { for single in group { keys.insert(key(single, tag: 1, band: band)) } }
            for group in pairs { for pair in group { keys.insert(key(pair, tag: 2, band: band)) } }
            if let phone = features.phone { keys.insert(key(hash(phone), tag: 3, band: 0)) }
            if let document = features.document { keys.insert(key(hash(document), tag: 4, band: 0)) }
            return Array(keys)
        }

        /// The keys to look up for `features`, in every birth band it may meet; `group` numbers the name part or
        /// pair a key stands for (at most 15 of each; phone and document have their own).
        static func query(_ features: IdentityFeatures) -> [QueryKey] {
            var bands = [unknownBand]
            if let year = features.birthYear {
                for year in stride(from: year - Search.yearReach, through: year + Search.yearReach, by: 1) {
                    let band = self.band(year)
                    if !bands.contains(band) { bands.append(band) }
                }
            } else {
                bands += (1900 / Search.yearBand)...(2100 / Search.yearBand)
            }
            let (singles, pairs) = nameKeys(features)
            var keys: [QueryKey] = []
            for band in bands {
                for (index, group) in singles.prefix(15).enumerated() {
                    for single in group {
                        keys.append(
                            QueryKey(hash: key(single, tag: 1, band: band), bonus: 0, always: false, group: index))
                    }
                }
                for (index, group) in pairs.prefix(15).enumerated() {
                    for pair in group {
                        keys.append(
                            QueryKey(hash: key(pair, tag: 2, band: band), bonus: 2, always: false, group: 15 + index))
                    }
                }
            }
            if let phone = features.phone {
                keys.append(QueryKey(hash: key(hash(phone), tag: 3, band: 0), bonus: 4, always: true, group: 30))
            }
            if let document = features.document {
                keys.append(QueryKey(hash: key(hash(document), tag: 4, band: 0), bonus: 6, always: true, group: 31))
            }
            return keys
        }

        /// SplitMix64 finaliser.
        static func mix(_ value: UInt64) -> UInt64 {
            var z = value &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        static func hash(_ code: NameCode) -> UInt64 {
            mix(mix(code.low) ^ code.high)
        }

        /// FNV-1a, stable across runs (unlike `Hasher`).
        static func hash(_ text: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }

        static func key(_ hash: UInt64, tag: UInt64, band: Int) -> UInt64 {
            mix(hash ^ mix(tag << 56 ^ UInt64(bitPattern: Int64(band))))
        }
    }

    /// Per-query accumulator of key weights by slot, reused between queries. A key group (one name part, one pair)
    /// adds its weight once per slot: lists are read rarest first, so that is the weight of its rarest key. Raw
    /// memory, because this is the innermost loop of a query and array accesses on a class pay exclusivity checks.
    final class Scratch: @unchecked Sendable {
        struct Cell {
            var weight: Float
            var groups: UInt32
        }

        private(set) var cells: UnsafeMutablePointer<Cell>
        private(set) var capacity = 0
        private(set) var touched: UnsafeMutablePointer<Int32>
        private(set) var touchedCount = 0

        init() {
            cells = .allocate(capacity: 1)
            touched = .allocate(capacity: 1)
        }

        deinit {
            cells.deallocate()
            touched.deallocate()
        }

        func prepare(capacity: Int) {
            guard capacity > self.capacity else { return }
            let grown = max(capacity, self.capacity * 2)
            let newCells = UnsafeMutablePointer<Cell>.allocate(capacity: grown)
            newCells.initialize(repeating: Cell(weight: 0, groups: 0), count: grown)
            cells.deallocate()
            cells = newCells
            touched.deallocate()
            touched = .allocate(capacity: grown)
            self.capacity = grown
            touchedCount = 0
        }

        @inline(__always)
        func add(_ slot: Int32, _ weight: Float, group: UInt32) {
            let cell = cells + Int(slot)
            let seen = cell.pointee.groups
            if seen & group != 0 { return }
            if seen == 0 {
                touched[touchedCount] = slot
                touchedCount += 1
            }
            cell.pointee.groups = seen | group
            cell.pointee.weight += weight
        }

        @inline(__always)
        func weight(_ slot: Int32) -> Float {
            cells[Int(slot)].weight
        }

        var touchedSlots: UnsafeBufferPointer<Int32> {
            UnsafeBufferPointer(start: touched, count: touchedCount)
        }

        func reset() {
            for index in 0..<touchedCount { cells[Int(touched[index])] = Cell(weight: 0, groups: 0) }
            touchedCount = 0
        }
    }

    final class PairCollector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var pairs: [(UInt64, MatchResult)] = []

        func add(_ found: [(UInt64, MatchResult)]) {
            lock.withLock { pairs += found }
        }
    }
}
