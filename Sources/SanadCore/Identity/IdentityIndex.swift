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

    public init(thresholds: (match: Double, possible: Double)? = nil) {
        let thresholds = thresholds ?? MatchScorer.defaultThresholds
        state = State(matchThreshold: thresholds.match, possibleThreshold: thresholds.possible)
    }

    /// Adds `record`, replacing a record with the same id.
    public func insert(_ record: IdentityRecord) {
        let features = IdentityFeatures(record)
        lock.withLock { state.insert(features) }
    }

    /// Adds many records at once (the same as inserting them one by one).
    public func insert(contentsOf records: [IdentityRecord]) {
        let features = records.map(IdentityFeatures.init)
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
        pairs.sort { $0.result.score != $1.result.score ? $0.result.score > $1.result.score : ($0.a, $0.b) < ($1.a, $1.b) }
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
        nonisolated(unsafe) static var readBudget = Int(ProcessInfo.processInfo.environment["BUDGET"] ?? "") ?? 40_000
        /// A single key's list longer than this is not read when other keys have been read.
        nonisolated(unsafe) static var longestList = Int(ProcessInfo.processInfo.environment["LONGEST"] ?? "") ?? 12_000
        /// Candidates scored in full.
        nonisolated(unsafe) static var scored = Int(ProcessInfo.processInfo.environment["SCORED"] ?? "") ?? 250
    }

    struct State: Sendable {
        /// By slot; a removed record's slot holds a placeholder until it is reused.
        var features: [IdentityFeatures] = []
        var keys: [[UInt64]] = []
        var live: [Bool] = []
        var free: [Int32] = []
        var slotOf: [String: Int32] = [:]
        var postings: [UInt64: [Int32]] = [:]
        /// Per slot: birth year (0 when unknown) and sex (0 unknown, 1 female, 2 male), for cheap candidate ranking.
        var summaries: [Summary] = []
        var frequencies = NameFrequencies.empty
        let matchThreshold: Double
        let possibleThreshold: Double

        init(matchThreshold: Double, possibleThreshold: Double) {
            self.matchThreshold = matchThreshold
            self.possibleThreshold = possibleThreshold
        }

        mutating func insert(_ features: IdentityFeatures) {
            if slotOf[features.id] != nil { remove(id: features.id) }
            let keys = Keys.all(features)
            let slot: Int32
            if let reused = free.popLast() {
                slot = reused
                self.features[Int(slot)] = features
                self.keys[Int(slot)] = keys
                live[Int(slot)] = true
                summaries[Int(slot)] = Summary(features)
            } else {
                slot = Int32(self.features.count)
                self.features.append(features)
                self.keys.append(keys)
                live.append(true)
                summaries.append(Summary(features))
            }
            slotOf[features.id] = slot
            for key in keys { postings[key, default: []].append(slot) }
            frequencies.add(features)
        }

        mutating func remove(id: String) {
            guard let slot = slotOf.removeValue(forKey: id) else { return }
            for key in keys[Int(slot)] {
                guard var list = postings.removeValue(forKey: key) else { continue }
                if let position = list.lastIndex(of: slot) {
                    list.swapAt(position, list.count - 1)
                    list.removeLast()
                }
                if !list.isEmpty { postings[key] = list }
            }
            frequencies.remove(features[Int(slot)])
            features[Int(slot)] = Self.placeholder
            keys[Int(slot)] = []
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
            let scorer = MatchScorer(frequencies: frequencies, thresholds: (matchThreshold, possibleThreshold))
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
            var lists: [(list: [Int32], weight: Float, always: Bool)] = []
            for key in Keys.query(features) {
                guard let list = postings[key.hash], !list.isEmpty else { continue }
                let rarity = max(log2(population / Double(list.count)), 0.1)
                lists.append((list, Float(rarity + key.bonus), key.always))
            }
            // Rarest first; phone and document keys are always read.
            lists.sort { $0.always != $1.always ? $0.always : $0.list.count < $1.list.count }
            scratch.prepare(capacity: self.features.count)
            var read = 0
            for (list, weight, always) in lists {
                if !always, read > 0, read + list.count > Search.readBudget || list.count > Search.longestList {
                    continue
                }
                read += list.count
                for slot in list { scratch.add(slot, weight) }
            }
            let query = Summary(features)
            // The best `Search.scored` by rank, kept in a min-heap so that thousands of weak candidates cost little.
            var heap = CandidateHeap(capacity: Search.scored)
            for slot in scratch.touched where slot != excluded {
                let rank = scratch.weights[Int(slot)] + query.affinity(summaries[Int(slot)])
                heap.offer(slot, rank)
            }
            scratch.reset()
            return heap.slots
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
        }

        static let unknownBand = Int.min

        static func band(_ year: Int?) -> Int {
            year.map { $0 >= 0 ? $0 / Search.yearBand : -1 } ?? unknownBand
        }

        /// Hashes of every part's skeleton readings and of every pair of parts within one name form.
        static func nameKeys(_ features: IdentityFeatures) -> (singles: Set<UInt64>, pairs: Set<UInt64>) {
            var singles = Set<UInt64>()
            var pairs = Set<UInt64>()
            let parts = features.parts
            for (i, part) in parts.enumerated() {
                let readings = [part.skeleton, part.alternates.0, part.alternates.1].filter { !$0.isEmpty }
                for reading in readings { singles.insert(hash(reading)) }
                for j in (i + 1)..<max(parts.count, i + 1) where parts[j].form == part.form {
                    for x in readings.prefix(2) {
                        for y in [parts[j].skeleton, parts[j].alternates.0] where !y.isEmpty {
                            let (first, second) = (hash(x), hash(y))
                            pairs.insert(mix(min(first, second) &* 31 &+ max(first, second)))
                        }
                    }
                }
            }
            return (singles, pairs)
        }

        static func all(_ features: IdentityFeatures) -> [UInt64] {
            let band = band(features.birthYear)
            let (singles, pairs) = nameKeys(features)
            var keys = Set<UInt64>()
            for single in singles { keys.insert(key(single, tag: 1, band: band)) }
            for pair in pairs { keys.insert(key(pair, tag: 2, band: band)) }
            if let phone = features.phone { keys.insert(key(hash(phone), tag: 3, band: 0)) }
            if let document = features.document { keys.insert(key(hash(document), tag: 4, band: 0)) }
            return Array(keys)
        }

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
            keys.reserveCapacity(bands.count * (singles.count + pairs.count) + 2)
            for band in bands {
                for single in singles { keys.append(QueryKey(hash: key(single, tag: 1, band: band), bonus: 0, always: false)) }
                for pair in pairs { keys.append(QueryKey(hash: key(pair, tag: 2, band: band), bonus: 2, always: false)) }
            }
            if let phone = features.phone {
                keys.append(QueryKey(hash: key(hash(phone), tag: 3, band: 0), bonus: 4, always: true))
            }
            if let document = features.document {
                keys.append(QueryKey(hash: key(hash(document), tag: 4, band: 0), bonus: 6, always: true))
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

    /// Per-query accumulator of key weights by slot, reused between queries.
    final class Scratch: @unchecked Sendable {
        var weights: [Float] = []
        var touched: [Int32] = []

        func prepare(capacity: Int) {
            if weights.count < capacity { weights += [Float](repeating: 0, count: capacity - weights.count) }
        }

        func add(_ slot: Int32, _ weight: Float) {
            if weights[Int(slot)] == 0 { touched.append(slot) }
            weights[Int(slot)] += weight
        }

        func reset() {
            for slot in touched { weights[Int(slot)] = 0 }
            touched.removeAll(keepingCapacity: true)
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
