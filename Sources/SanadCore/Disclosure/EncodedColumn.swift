import Foundation

/// One quasi-identifier column with its values coded as small integers at every generalisation
/// level. Code 0 is missing at every level; level-0 codes are the distinct input values in order
/// of first appearance. A combination of columns is one `UInt64` key, each column in its own bit
/// field (`shift`, `fieldMask`), so blanking columns is clearing bits.
///
/// A class, so that the engine's loops share it rather than copy a dozen arrays.
final class EncodedColumn {
    let name: String
    /// Index of the column in the table's header.
    let position: Int
    let hierarchy: GeneralisationHierarchy
    let levelNames: [String]
    var shift = 0
    var fieldMask: UInt64 = 0
    /// `[level][leaf code]` → code at that level.
    private(set) var codeAtLevel: [[UInt32]] = []
    /// `[level][code]` → the string written (`-99` for code 0).
    private(set) var valuesAtLevel: [[String]] = []
    /// `[level][code at level]` → code at level + 1.
    private(set) var stepUp: [[UInt32]] = []
    /// `[level][leaf code]`: the value written at that level is a different, non-missing value.
    private(set) var changedAtLevel: [[Bool]] = []
    /// `[level]`: bits of information lost by writing the whole column at that level.
    private(set) var generalisationLoss: [Double] = []
    /// `[level][code]`: bits lost by blanking one cell that holds that code at that level.
    private(set) var suppressionLoss: [[Double]] = []
    /// `[level]`: how many distinct non-missing values are written at that level.
    private(set) var distinctAtLevel: [Int] = []

    init(name: String, position: Int) {
        self.name = name
        self.position = position
        hierarchy = GeneralisationHierarchy.forColumn(name)
        levelNames = hierarchy.levelNames
    }

    var levelCount: Int { levelNames.count }

    @inline(__always)
    func code(in key: UInt64) -> Int { Int(truncatingIfNeeded: (key & fieldMask) >> UInt64(shift)) }

    /// Fills in codes, values, counts and losses for every level from the distinct level-0 values
    /// (index = leaf code, index 0 = missing) and how many rows hold each.
    ///
    /// Information loss is non-uniform entropy: a cell holding `x` written as `g` loses
    /// log2(n(g) / n(x)) bits, where n counts the rows holding a value; written as missing it loses
    /// log2(n(all values) / n(x)).
    func prepareLevels(leafValues: [String], leafCounts: [Int]) {
        let generalised: [[String?]] = leafValues.indices.map { leaf in
            leaf == 0 ? Array(repeating: nil, count: levelCount) : hierarchy.generalise(leafValues[leaf])
        }
        let present = leafCounts.dropFirst().reduce(0, +)
        for level in 0..<levelCount {
            var index: [String: UInt32] = [:]
            var values = [CTDCFormat.missing]
            var codes = [UInt32](repeating: 0, count: leafValues.count)
            var changed = [Bool](repeating: false, count: leafValues.count)
            for leaf in leafValues.indices.dropFirst() {
                guard let value = generalised[leaf][level] else { continue }
                if let code = index[value] {
                    codes[leaf] = code
                } else {
                    codes[leaf] = UInt32(values.count)
                    index[value] = codes[leaf]
                    values.append(value)
                }
                changed[leaf] = value != leafValues[leaf]
            }
            var counts = [Int](repeating: 0, count: values.count)
            for leaf in leafValues.indices { counts[Int(codes[leaf])] += leafCounts[leaf] }
            var loss = 0.0
            for leaf in leafValues.indices.dropFirst() where leafCounts[leaf] > 0 {
                let written = codes[leaf] == 0 ? present : counts[Int(codes[leaf])]
                loss += Double(leafCounts[leaf]) * log2(Double(written) / Double(leafCounts[leaf]))
            }
            codeAtLevel.append(codes)
            valuesAtLevel.append(values)
            changedAtLevel.append(changed)
            generalisationLoss.append(loss)
            suppressionLoss.append(
                counts.indices.map { $0 == 0 || counts[$0] == 0 ? 0 : log2(Double(present) / Double(counts[$0])) })
            distinctAtLevel.append(counts.dropFirst().filter { $0 > 0 }.count)
        }
        stepUp = (0..<(levelCount - 1)).map { level in
            var step = [UInt32?](repeating: nil, count: valuesAtLevel[level].count)
            step[0] = 0
            for leaf in leafValues.indices {
                let from = Int(codeAtLevel[level][leaf])
                let to = codeAtLevel[level + 1][leaf]
                precondition(
                    step[from] == nil || step[from] == to,
                    "level \(level + 1) of \(name) does not merge whole groups of level \(level)")
                step[from] = to
            }
            return step.map { $0 ?? 0 }
        }
    }
}
