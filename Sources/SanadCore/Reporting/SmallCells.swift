/// Small-cell suppression for every figure shown to someone who may not see the records behind it: the same
/// rules as the HXL export (`HXLTable`, primary then complementary), so a dashboard, an API answer, a CSV and an
/// HXL file of the same period hide the same things (issue 19, finding 3).
public enum SmallCells {
    /// Counts from 1 to `threshold − 1` are withheld.
    public static let threshold = 5

    /// A relation a reader could use to recover a withheld count: `values[total] = Σ values[parts]`.
    public struct Group: Sendable, Equatable {
        public let total: Int
        public let parts: [Int]

        public init(total: Int, parts: [Int]) {
            self.total = total
            self.parts = parts
        }
    }

    /// The indexes of `values` to withhold.
    public static func hidden(_ values: [Int], groups: [Group], threshold: Int = threshold) -> Set<Int> {
        let table = HXLTable(dimensions: [], measures: [], threshold: threshold)
        let indexes = groups.map { HXLTable.GroupIndexes(total: $0.total, parts: $0.parts) }
        return Set(table.suppress(values, groups: indexes).keys)
    }
}
