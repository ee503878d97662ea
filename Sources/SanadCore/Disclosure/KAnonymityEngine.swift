import Foundation

/// The level vector chosen by the lattice search and the local suppression it needs.
struct LatticeChoice {
    var levels: [Int]
    var suppression: SuppressionOutcome
}

/// What local suppression does to the classes of one level vector.
struct SuppressionOutcome {
    /// False when every class already had k rows, so nothing was suppressed.
    var hadRareClasses = false
    /// Rare classes handled, summed over the suppression patterns tried (for the search budget).
    var work = 0
    /// Suppression stopped early because it already cost more than allowed.
    var abandoned = false
    var droppedRows = 0
    var suppressedCells = 0
    /// Bits lost by the blanked cells.
    var loss = 0.0
    /// Rare class key → the key its rows are written under (some columns blanked).
    var moves: [UInt64: UInt64] = [:]
    /// Rare class keys whose rows are dropped.
    var dropped: Set<UInt64> = []
    /// Final class key → how many of its rows (the last ones, in input order) are written fully blank.
    var borrowed: [UInt64: Int] = [:]
    /// Final class sizes before borrowing, for the classes in `borrowed`.
    var sizesBeforeBorrowing: [UInt64: Int] = [:]
}

/// The search and the rewriting behind ``DisclosureControl/anonymise(_:quasi:k:)``.
struct KAnonymityEngine {
    let k: Int
    let columns: [EncodedColumn]
    let rowCount: Int
    /// Distinct level-0 combinations and how many rows hold each; `rowGroup[row]` indexes them.
    private(set) var groupKeys: [UInt64] = []
    private(set) var groupCounts: [Int] = []
    private(set) var rowGroup: [Int32] = []

    /// Above this many level vectors, the `suppressed` level of flat columns is left out of the
    /// search (local suppression still blanks their cells where needed).
    static let maximumLatticeSize = 4096
    /// Local suppression tries every subset of columns when there are at most this many proper
    /// subsets, otherwise the subsets of the smallest sizes that fit, then all columns.
    static let maximumPatterns = 255

    init(table: CTDCTable, quasi: [String], k: Int) throws(DisclosureError) {
        self.k = k
        rowCount = table.rowCount
        columns = quasi.map { EncodedColumn(name: $0, position: table.header.firstIndex(of: $0)!) }
        let width = columns.count

        // Level-0 codes, row by row: the table's codes for a column, renumbered so that every
        // spelling of missing is 0 and the others count up in order of first appearance.
        var leafValues = [[String]](repeating: [CTDCFormat.missing], count: width)
        var rowCodes = [UInt32](repeating: 0, count: rowCount * width)
        for (c, column) in columns.enumerated() {
            let values = table.values[column.position]
            let unassigned = UInt32.max
            var leafOf = values.map { CTDCFormat.isMissing($0) ? 0 : unassigned }
            table.codes[column.position].withUnsafeBufferPointer { cells in
                for row in 0..<rowCount {
                    let cell = Int(cells[row])
                    if leafOf[cell] == unassigned {
                        leafOf[cell] = UInt32(leafValues[c].count)
                        leafValues[c].append(values[cell])
                    }
                    rowCodes[row * width + c] = leafOf[cell]
                }
            }
        }

        // Key layout: each column gets the bits its level-0 codes need (coarser levels have fewer).
        var shift = 0
        for (c, column) in columns.enumerated() {
            let largest = UInt64(leafValues[c].count - 1)
            let bits = max(1, largest.bitWidth - largest.leadingZeroBitCount)
            column.shift = shift
            shift += bits
            if shift <= 64 {
                column.fieldMask = (UInt64.max >> UInt64(64 - bits)) << UInt64(column.shift)
            }
        }
        guard shift <= 64 else { throw .tooManyQuasiValues(bitsNeeded: shift) }

        // Distinct combinations.
        var groupIndex = KeyTable()
        rowGroup = [Int32](repeating: 0, count: rowCount)
        let shifts = columns.map { UInt64($0.shift) }
        for rowIndex in 0..<rowCount {
            var key: UInt64 = 0
            for c in 0..<width { key |= UInt64(rowCodes[rowIndex * width + c]) << shifts[c] }
            let group =
                groupIndex.value(for: key) {
                    groupKeys.append(key)
                    groupCounts.append(0)
                    return groupKeys.count
                } - 1
            groupCounts[group] += 1
            rowGroup[rowIndex] = Int32(group)
        }

        for (c, column) in columns.enumerated() {
            var leafCounts = [Int](repeating: 0, count: leafValues[c].count)
            for (group, key) in groupKeys.enumerated() { leafCounts[column.code(in: key)] += groupCounts[group] }
            column.prepareLevels(leafValues: leafValues[c], leafCounts: leafCounts)
        }
    }

    /// Rows whose exact level-0 combination occurs at least k times.
    var baselineRows: Int { groupCounts.reduce(0) { $0 + ($1 >= k ? $1 : 0) } }

    // MARK: - Lattice search

    struct Score: Comparable {
        var droppedRows: Int
        var loss: Double
        var levelSum: Int
        var index: Int

        static func < (lhs: Score, rhs: Score) -> Bool {
            (lhs.droppedRows, lhs.loss, lhs.levelSum, lhs.index) < (rhs.droppedRows, rhs.loss, rhs.levelSum, rhs.index)
        }
    }

    /// Visits level vectors layer by layer (by the sum of their levels), so that every vector's
    /// immediate predecessors — one column one level finer — have been seen before it. A vector is
    /// skipped when a predecessor was k-anonymous already or skipped (it cannot do better: more
    /// generalisation, nothing less to suppress), or when its generalisation loss alone exceeds the
    /// best total loss found without dropping rows. Otherwise its classes are rolled up from the
    /// predecessor with fewest classes, and local suppression is costed.
    ///
    /// Tables whose combinations are nearly all unique prune badly. When the classes handled pass
    /// `searchBudget`, the layer-by-layer visit stops and the search climbs instead from the best
    /// vector so far, moving one level in one column at a time while that improves the score. The
    /// budget counts work, not time, so the result stays the same from run to run.
    func search() -> LatticeChoice {
        var dimensions = columns.map(\.levelCount)
        if dimensions.reduce(1, *) > Self.maximumLatticeSize {
            for (c, column) in columns.enumerated() where column.hierarchy.kind == .flat { dimensions[c] = 1 }
        }
        var strides = [Int](repeating: 1, count: columns.count)
        for c in columns.indices.dropFirst() { strides[c] = strides[c - 1] * dimensions[c - 1] }
        let size = dimensions.reduce(1, *)
        func levels(of index: Int) -> [Int] { columns.indices.map { index / strides[$0] % dimensions[$0] } }
        func generalisationLoss(_ vector: [Int]) -> Double {
            columns.indices.reduce(0.0) { $0 + columns[$1].generalisationLoss[vector[$1]] }
        }

        var layers = [[Int]](repeating: [], count: dimensions.reduce(0) { $0 + $1 - 1 } + 1)
        for index in 0..<size { layers[levels(of: index).reduce(0, +)].append(index) }

        var scores: [Int: Score] = [:]
        var costed = Set<Int>()
        var best: (score: Score, index: Int)?
        var work = 0
        func cost(_ classes: KeyTable, _ vector: [Int], _ index: Int) -> SuppressionOutcome {
            costed.insert(index)
            // Once the blanked cells cost more than the best score's total, this vector has lost.
            let limit = best.flatMap { $0.score.droppedRows == 0 ? $0.score.loss - generalisationLoss(vector) : nil }
            let outcome = suppress(classes, levels: vector, recordPlan: false, lossLimit: limit)
            work += classes.count + outcome.work
            guard !outcome.abandoned else { return outcome }
            let score = Score(
                droppedRows: outcome.droppedRows, loss: generalisationLoss(vector) + outcome.loss,
                levelSum: vector.reduce(0, +), index: index)
            scores[index] = score
            if best == nil || score < best!.score { best = (score, index) }
            return outcome
        }

        // Classes of the vectors of the previous layer that were costed and not k-anonymous.
        var previous: [Int: KeyTable] = [:]
        var overBudget = false
        layerLoop: for layer in layers {
            var current: [Int: KeyTable] = [:]
            for index in layer {
                if work > Self.searchBudget {
                    overBudget = true
                    break layerLoop
                }
                let vector = levels(of: index)
                var source: (index: Int, column: Int, classes: Int)?
                var blocked = false
                for c in columns.indices where vector[c] > 0 {
                    guard let classes = previous[index - strides[c]] else {
                        blocked = true
                        break
                    }
                    if source == nil || classes.count < source!.classes {
                        source = (index - strides[c], c, classes.count)
                    }
                }
                if let best, best.score.droppedRows == 0, generalisationLoss(vector) > best.score.loss {
                    blocked = true
                }
                if blocked { continue }

                let classes =
                    source.map { rollUp(previous[$0.index]!, column: $0.column, fromLevel: vector[$0.column] - 1) }
                    ?? classTable(levels: vector)
                if cost(classes, vector, index).hadRareClasses { current[index] = classes }
            }
            previous = current
        }

        if overBudget {
            previous = [:]
            var here = best!
            while true {
                let vector = levels(of: here.index)
                for c in columns.indices
                where vector[c] + 1 < dimensions[c] && !costed.contains(here.index + strides[c]) {
                    var next = vector
                    next[c] += 1
                    _ = cost(classTable(levels: next), next, here.index + strides[c])
                }
                let step = columns.indices.filter { vector[$0] + 1 < dimensions[$0] }
                    .compactMap { c in
                        scores[here.index + strides[c]].map { (score: $0, index: here.index + strides[c]) }
                    }
                    .min { $0.score < $1.score }
                guard let step, step.score < here.score else { break }
                here = step
            }
        }

        let chosen = levels(of: best!.index)
        return LatticeChoice(
            levels: chosen, suppression: suppress(classTable(levels: chosen), levels: chosen, recordPlan: true))
    }

    /// Work (classes handled) after which ``search()`` stops visiting the lattice layer by layer and
    /// climbs from the best vector found instead.
    static let searchBudget = 40_000_000

    /// The classes at the given levels, counted from the level-0 combinations.
    func classTable(levels: [Int]) -> KeyTable {
        var classes = KeyTable(capacity: groupKeys.count)
        for (group, key) in groupKeys.enumerated() {
            classes.add(groupCounts[group], to: levelKey(key, levels: levels))
        }
        return classes
    }

    /// The key of a level-0 combination at the given levels.
    func levelKey(_ leafKey: UInt64, levels: [Int]) -> UInt64 {
        var key: UInt64 = 0
        for (c, column) in columns.enumerated() {
            key |= UInt64(column.codeAtLevel[levels[c]][column.code(in: leafKey)]) << UInt64(column.shift)
        }
        return key
    }

    /// The classes one level coarser in one column.
    func rollUp(_ classes: KeyTable, column c: Int, fromLevel level: Int) -> KeyTable {
        let column = columns[c]
        let step = column.stepUp[level]
        let shift = UInt64(column.shift)
        let keep = ~column.fieldMask
        var merged = KeyTable(capacity: classes.count)
        classes.forEach { key, count in
            merged.add(count, to: (key & keep) | (UInt64(step[column.code(in: key)]) << shift))
        }
        return merged
    }

    // MARK: - Local suppression

    /// Subsets of columns to blank, as key masks: fewest columns first and, among subsets of one
    /// size, those with the columns that have most distinct values at this level first (the order
    /// of `quasi` breaks ties). The last subset is always all columns.
    func patterns(levels: [Int]) -> [UInt64] {
        let priority = columns.indices.sorted {
            let left = columns[$0].distinctAtLevel[levels[$0]]
            let right = columns[$1].distinctAtLevel[levels[$1]]
            return left != right ? left > right : $0 < $1
        }
        let count = columns.count
        var result: [UInt64] = []
        for size in 1..<count {
            var combination = Array(0..<size)
            var batch: [UInt64] = []
            while true {
                batch.append(combination.reduce(0) { $0 | columns[priority[$1]].fieldMask })
                var position = size - 1
                while position >= 0 && combination[position] == count - size + position { position -= 1 }
                if position < 0 { break }
                combination[position] += 1
                for later in (position + 1)..<size { combination[later] = combination[later - 1] + 1 }
            }
            if result.count + batch.count > Self.maximumPatterns { break }
            result += batch
        }
        result.append(columns.reduce(0) { $0 | $1.fieldMask })
        return result
    }

    /// Makes every class of `classes` (the level-`levels` combinations) reach k rows by blanking
    /// cells of the rare ones, borrowing rows when fewer than k are left at the end, and dropping
    /// rows only when nothing else works. With `recordPlan`, records what happens to each class.
    ///
    /// With a `lossLimit`, gives up (`abandoned`) as soon as the blanked cells cost more than that.
    func suppress(_ classes: KeyTable, levels: [Int], recordPlan: Bool, lossLimit: Double? = nil) -> SuppressionOutcome
    {
        var outcome = SuppressionOutcome()
        var remaining: [(key: UInt64, count: Int)] = []
        classes.forEach { key, count in
            if count < k { remaining.append((key, count)) }
        }
        guard !remaining.isEmpty else { return outcome }
        outcome.hadRareClasses = true

        // Rows joined to each class by suppression, on top of `classes` (which only counts when it
        // reaches k by itself: a rare class is in `remaining`).
        var added = KeyTable(capacity: remaining.count)
        func size(_ key: UInt64) -> Int {
            let base = classes[key]
            return (base >= k ? base : 0) + added[key]
        }
        func blank(_ key: UInt64, _ mask: UInt64, rows: Int) {
            for (c, column) in columns.enumerated() where column.fieldMask & mask != 0 {
                let code = column.code(in: key)
                if code != 0 {
                    outcome.suppressedCells += rows
                    outcome.loss += column.suppressionLoss[levels[c]][code] * Double(rows)
                }
            }
        }

        for pattern in patterns(levels: levels) {
            outcome.work += remaining.count
            var targets = KeyTable(capacity: remaining.count)
            for entry in remaining { targets.add(entry.count, to: entry.key & ~pattern) }
            // Decide per target (the class tables are large; look each target up once).
            var accepted = KeyTable(capacity: targets.count)
            targets.forEach { target, count in
                if size(target) + count >= k { accepted.add(count, to: target) }
            }
            guard accepted.count > 0 else { continue }
            accepted.forEach { target, count in added.add(count, to: target) }
            var left: [(key: UInt64, count: Int)] = []
            for entry in remaining {
                let target = entry.key & ~pattern
                if accepted[target] != 0 {
                    blank(entry.key, pattern, rows: entry.count)
                    if recordPlan && target != entry.key { outcome.moves[entry.key] = target }
                } else {
                    left.append(entry)
                }
            }
            remaining = left
            if remaining.isEmpty { return outcome }
            if let lossLimit, outcome.loss > lossLimit {
                outcome.abandoned = true
                return outcome
            }
        }

        // What is left has fewer than k rows even fully blank. Borrow rows from classes larger than
        // k to make up k fully blank rows; drop the rows only if there is not enough to borrow.
        let leftOver = remaining.reduce(0) { $0 + $1.count }
        var needed = k - leftOver
        var donors: [(key: UInt64, surplus: Int)] = []
        classes.forEach { key, count in
            if count >= k { donors.append((key, count + added[key] - k)) }
        }
        added.forEach { key, count in
            if classes[key] < k && count > k { donors.append((key, count - k)) }
        }
        donors = donors.filter { $0.surplus > 0 }
            .sorted { $0.surplus != $1.surplus ? $0.surplus > $1.surplus : $0.key < $1.key }
        guard donors.reduce(0, { $0 + $1.surplus }) >= needed else {
            outcome.droppedRows = leftOver
            if recordPlan { outcome.dropped = Set(remaining.map(\.key)) }
            return outcome
        }
        let everything = columns.reduce(0) { $0 | $1.fieldMask }
        for entry in remaining {
            blank(entry.key, everything, rows: entry.count)
            if recordPlan && entry.key != 0 { outcome.moves[entry.key] = 0 }
        }
        for donor in donors where needed > 0 {
            let taken = min(donor.surplus, needed)
            needed -= taken
            blank(donor.key, everything, rows: taken)
            if recordPlan {
                outcome.borrowed[donor.key] = taken
                outcome.sizesBeforeBorrowing[donor.key] = donor.surplus + k
            }
        }
        return outcome
    }

    // MARK: - Output

    func write(table: CTDCTable, choice: LatticeChoice) -> (CTDCTable, AnonymisationReport) {
        let levels = choice.levels
        let plan = choice.suppression

        // Per distinct level-0 combination: the key written, or nil when its rows are dropped.
        let finalKeys: [UInt64?] = groupKeys.map { leafKey in
            let key = levelKey(leafKey, levels: levels)
            if plan.dropped.contains(key) { return nil }
            return plan.moves[key] ?? key
        }
        let lends = finalKeys.map { key in key.map { plan.borrowed[$0] != nil } ?? false }
        // The loop reads plain arrays rather than the column objects.
        let shifts = columns.map { UInt64($0.shift) }
        let masks = columns.map(\.fieldMask)
        let changed = columns.indices.map { columns[$0].changedAtLevel[levels[$0]] }

        // Quasi-identifier columns get new codes (the values written at the chosen levels); the
        // others keep theirs, every spelling of missing written -99.
        let dropsRows = finalKeys.contains(nil)
        var kept: [Int] = []
        kept.reserveCapacity(dropsRows ? rowCount : 0)
        var quasiCodes = [[UInt32]](repeating: [], count: columns.count)
        for c in columns.indices { quasiCodes[c].reserveCapacity(rowCount - plan.droppedRows) }
        var seen: [UInt64: Int] = [:]
        var generalisedCells = 0
        var suppressedCells = 0
        for rowIndex in 0..<rowCount {
            let group = Int(rowGroup[rowIndex])
            guard var key = finalKeys[group] else { continue }
            if dropsRows { kept.append(rowIndex) }
            if lends[group], let lent = plan.borrowed[key] {
                let rank = seen[key, default: 0]
                seen[key] = rank + 1
                if rank >= plan.sizesBeforeBorrowing[key]! - lent { key = 0 }
            }
            let leafKey = groupKeys[group]
            for c in columns.indices {
                let code = UInt32(truncatingIfNeeded: (key & masks[c]) >> shifts[c])
                let leaf = Int(truncatingIfNeeded: (leafKey & masks[c]) >> shifts[c])
                quasiCodes[c].append(code)
                if code == 0 {
                    if leaf != 0 { suppressedCells += 1 }
                } else if changed[c][leaf] {
                    generalisedCells += 1
                }
            }
        }
        let outputRows = quasiCodes.first?.count ?? 0
        var values: [[String]] = []
        var codes: [[UInt32]] = []
        for position in table.header.indices {
            if let c = columns.firstIndex(where: { $0.position == position }) {
                values.append(columns[c].valuesAtLevel[levels[c]])
                codes.append(quasiCodes[c])
            } else {
                values.append(table.values[position].map { CTDCFormat.isMissing($0) ? CTDCFormat.missing : $0 })
                let column = table.codes[position]
                codes.append(dropsRows ? kept.map { column[$0] } : column)
            }
        }
        let output = CTDCTable(header: table.header, values: values, codes: codes, rowCount: outputRows)

        var levelNames: [String: String] = [:]
        for (c, column) in columns.enumerated() { levelNames[column.name] = column.levelNames[levels[c]] }
        let report = AnonymisationReport(
            inputRows: rowCount, outputRows: outputRows, suppressedRows: rowCount - outputRows,
            generalisedCells: generalisedCells, suppressedCells: suppressedCells, levels: levelNames,
            baselineRows: baselineRows)
        return (output, report)
    }
}
