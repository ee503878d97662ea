/// A column that says what a row of an aggregate table is about.
///
/// Sex and age group as row values have no core HXL hashtag (HXL puts them in attributes, which
/// is what the count columns do), so as dimensions they use the `#x_` extension form. Their cell
/// values are the same attribute names (`f`, `children`, `age_5_11`), which also keeps spreadsheet
/// programs from reading a band such as "5-11" as a date.
public enum HXLDimension: String, CaseIterable, Sendable {
    case periodStart = "period_start"
    case periodEnd = "period_end"
    case admin1Name = "state"
    case admin1PCode = "state_pcode"
    case originISO3 = "origin_iso3"
    case sex
    case ageGroup = "age_group"

    public var header: String {
        switch self {
        case .periodStart: return "Period start"
        case .periodEnd: return "Period end"
        case .admin1Name: return "State"
        case .admin1PCode: return "State P-code"
        case .originISO3: return "Country of origin (ISO3)"
        case .sex: return "Sex"
        case .ageGroup: return "Age group"
        }
    }

    public var hashtag: String {
        switch self {
        case .periodStart: return "#date+start"
        case .periodEnd: return "#date+end"
        case .admin1Name: return "#adm1+name"
        case .admin1PCode: return "#adm1+code+v_pcodes"
        case .originISO3: return "#country+origin+code+v_iso3"
        case .sex: return "#x_sex"
        case .ageGroup: return "#x_agegroup"
        }
    }
}

/// Which people a count is of, in HXL's terms.
public enum HXLPopulation: String, CaseIterable, Sendable {
    case affected
    case inneed
    case targeted
    case reached

    var header: String {
        switch self {
        case .affected: return "People affected"
        case .inneed: return "People in need"
        case .targeted: return "People targeted"
        case .reached: return "People reached"
        }
    }
}

/// A count column: its key (used in the suppression note), English header and HXL hashtag.
public struct HXLMeasure: Sendable, Hashable {
    public let key: String
    public let header: String
    public let hashtag: String

    public init(key: String, header: String, hashtag: String) {
        self.key = key
        self.header = header
        self.hashtag = hashtag
    }

    /// People counted as individuals, optionally of one sex and age group:
    /// `reached_f_children`, "People reached (female, 0-17)", `#reached+ind+f+children`.
    public static func people(_ population: HXLPopulation, sex: ReportSex? = nil, age: AgeGroup? = nil) -> HXLMeasure {
        disaggregated(
            key: population.rawValue, header: population.header, hashtag: "#\(population.rawValue)+ind", sex: sex,
            age: age)
    }

    /// Participants of awareness-raising events. They are people reached, with an `+awareness`
    /// attribute so that they are not added to people reached by services without meaning to.
    public static func eventParticipants(sex: ReportSex? = nil, age: AgeGroup? = nil) -> HXLMeasure {
        disaggregated(
            key: "participants", header: "Event participants", hashtag: "#reached+ind+awareness", sex: sex, age: age)
    }

    /// Services delivered (a count of services, not of people).
    public static let services = HXLMeasure(
        key: "services", header: "Services delivered", hashtag: "#indicator+num+services")

    /// Services of one type delivered: `services_legal_aid`, "Services delivered (Legal aid)",
    /// `#indicator+num+services+legal_aid` (HXL attributes take no hyphen).
    public static func services(_ type: ServiceType) -> HXLMeasure {
        let attribute = type.rawValue.replacingOccurrences(of: "-", with: "_")
        return HXLMeasure(
            key: "services_\(attribute)", header: "Services delivered (\(type.englishLabel))",
            hashtag: "#indicator+num+services+\(attribute)")
    }

    /// Services delivered in total and by type, tied so that one blanked type cannot be worked out.
    public static let servicesByType = (
        measures: [services] + ServiceType.allCases.map(services),
        group: HXLMeasureGroup(total: services.key, parts: ServiceType.allCases.map { services($0).key })
    )

    /// Awareness-raising events held.
    public static let events = HXLMeasure(key: "events", header: "Events held", hashtag: "#indicator+num+events")

    private static func disaggregated(
        key: String, header: String, hashtag: String, sex: ReportSex?, age: AgeGroup?
    ) -> HXLMeasure {
        let attributes = [sex?.hxlAttribute, age?.hxlAttribute].compactMap { $0 }
        let words = [sex?.label, age?.label].compactMap { $0 }
        return HXLMeasure(
            key: ([key] + attributes).joined(separator: "_"),
            header: words.isEmpty ? header : "\(header) (\(words.joined(separator: ", ")))",
            hashtag: ([hashtag] + attributes).joined(separator: "+"))
    }
}

/// Count columns of one row that add up exactly to another: the total is published, so a
/// single blanked part could be worked out by subtraction.
public struct HXLMeasureGroup: Sendable, Hashable {
    public let total: String
    public let parts: [String]

    public init(total: String, parts: [String]) {
        self.total = total
        self.parts = parts
    }
}

/// Count columns for a total split by sex and by sex × age, with the groups that tie them:
/// total = Σ sexes, and each sex = Σ its age groups.
public struct HXLDisaggregation: Sendable {
    public let measures: [HXLMeasure]
    public let groups: [HXLMeasureGroup]

    public init(measures: [HXLMeasure], groups: [HXLMeasureGroup]) {
        self.measures = measures
        self.groups = groups
    }

    public init(
        banding: AgeBanding = .childrenAdults, sexes: [ReportSex] = ReportSex.allCases,
        measure: (ReportSex?, AgeGroup?) -> HXLMeasure
    ) {
        let total = measure(nil, nil)
        var measures = [total]
        var groups = [HXLMeasureGroup(total: total.key, parts: sexes.map { measure($0, nil).key })]
        measures += sexes.map { measure($0, nil) }
        for sex in sexes {
            let parts = banding.groups.map { measure(sex, $0) }
            measures += parts
            groups.append(HXLMeasureGroup(total: measure(sex, nil).key, parts: parts.map(\.key)))
        }
        self.measures = measures
        self.groups = groups
    }

    /// `#reached+ind`, `#reached+ind+f`, `#reached+ind+f+children`, ...
    public static func people(
        _ population: HXLPopulation, banding: AgeBanding = .childrenAdults, sexes: [ReportSex] = ReportSex.allCases
    ) -> HXLDisaggregation {
        HXLDisaggregation(banding: banding, sexes: sexes) { .people(population, sex: $0, age: $1) }
    }
}

/// One row of aggregated counts; dimensions the table does not show are ignored.
public struct HXLAggregateRow: Sendable, Equatable {
    public var periodStart: CivilDate?
    public var periodEnd: CivilDate?
    public var admin1Name: String?
    public var admin1PCode: String?
    public var originISO3: String?
    public var sex: ReportSex?
    public var ageGroup: AgeGroup?
    /// Measure key → count. Every measure of the table must be here: a missing count would be
    /// an unmarked hole that a total could fill in.
    public var counts: [String: Int]

    public init(
        periodStart: CivilDate? = nil, periodEnd: CivilDate? = nil, admin1Name: String? = nil,
        admin1PCode: String? = nil, originISO3: String? = nil, sex: ReportSex? = nil, ageGroup: AgeGroup? = nil,
        counts: [String: Int]
    ) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.admin1Name = admin1Name
        self.admin1PCode = admin1PCode
        self.originISO3 = originISO3
        self.sex = sex
        self.ageGroup = ageGroup
        self.counts = counts
    }

    func value(of dimension: HXLDimension) -> String {
        switch dimension {
        case .periodStart: return periodStart?.description ?? ""
        case .periodEnd: return periodEnd?.description ?? ""
        case .admin1Name: return admin1Name ?? ""
        case .admin1PCode: return admin1PCode?.uppercased() ?? ""
        case .originISO3: return originISO3?.uppercased() ?? ""
        case .sex: return sex?.hxlAttribute ?? ""
        case .ageGroup: return ageGroup?.hxlAttribute ?? ""
        }
    }
}

public enum HXLTableError: Error, Sendable, Equatable, CustomStringConvertible {
    case thresholdTooLow(Int)
    case duplicateMeasure(String)
    case unknownGroupMember(String)
    case missingCount(row: Int, measure: String)
    case negativeCount(row: Int, measure: String)
    case groupDoesNotAddUp(row: Int, total: String)
    case duplicateRow(Int)

    public var description: String {
        switch self {
        case .thresholdTooLow(let threshold):
            return "A suppression threshold of \(threshold) protects nothing; use 3 or more."
        case .duplicateMeasure(let key): return "The measure \(key) appears twice."
        case .unknownGroupMember(let key): return "A group names \(key), which is not a measure of the table."
        case .missingCount(let row, let key): return "Row \(row + 1) has no count for \(key)."
        case .negativeCount(let row, let key): return "Row \(row + 1) has a negative count for \(key)."
        case .groupDoesNotAddUp(let row, let total):
            return "In row \(row + 1), the parts of \(total) do not add up to it."
        case .duplicateRow(let row): return "Row \(row + 1) repeats the dimensions of an earlier row."
        }
    }
}

/// Builds an HXL-tagged aggregate table with small cells suppressed.
///
/// The output is a header row (English), a hashtag row, then one row per input row, in input
/// order: the dimension columns, the count columns, and a `#meta+suppressed` column.
///
/// **Primary suppression.** A count from 1 to `threshold − 1` is blanked. Zero is published: a
/// group with nobody in it identifies nobody.
///
/// **Complementary suppression,** within each row, for each group (total = Σ parts). A reader
/// knows every blank is at least 1 (zeros are never blanked), a primary blank at most
/// `threshold − 1`, and that the group adds up. A group is exposed when that pins a blank down:
/// - exactly one of its cells (total or part) is blank, so subtraction or addition recovers it;
/// - the total is published and the blank parts are all 1 (they add up to their number), or all
///   primary and all `threshold − 1` (they add up to their number times `threshold − 1`).
///
/// An exposed group gets one more blank: its smallest published non-zero part (first in column
/// order on ties), or its total if no part qualifies. This repeats over all groups until nothing
/// changes, so nested groups (sex within total, age within sex) are covered: a sex total blanked
/// for the first group is protected in its own group in turn.
///
/// Rows are protected one at a time: a table that also publishes totals across rows (a national
/// row beside state rows) needs those relations checked separately.
public struct HXLTable: Sendable {
    public var dimensions: [HXLDimension]
    public var measures: [HXLMeasure]
    public var groups: [HXLMeasureGroup]
    public var threshold: Int

    public init(
        dimensions: [HXLDimension], measures: [HXLMeasure], groups: [HXLMeasureGroup] = [], threshold: Int = 5
    ) {
        self.dimensions = dimensions
        self.measures = measures
        self.groups = groups
        self.threshold = threshold
    }

    public init(dimensions: [HXLDimension], disaggregation: HXLDisaggregation, threshold: Int = 5) {
        self.init(
            dimensions: dimensions, measures: disaggregation.measures, groups: disaggregation.groups,
            threshold: threshold)
    }

    /// Why a count cell is blank.
    public enum Suppression: Sendable, Equatable {
        case primary
        case complementary
    }

    public static let suppressionHashtag = "#meta+suppressed"

    public var headerRow: [String] {
        dimensions.map(\.header) + measures.map(\.header)
            + ["Suppressed cells (counts 1-\(threshold - 1) blanked, and cells that would reveal them)"]
    }

    public var hashtagRow: [String] {
        dimensions.map(\.hashtag) + measures.map(\.hashtag) + [HXLTable.suppressionHashtag]
    }

    /// Header row, hashtag row, data rows.
    public func build(_ rows: [HXLAggregateRow]) throws(HXLTableError) -> [[String]] {
        let groupIndexes = try checkedGroups()
        var table = [headerRow, hashtagRow]
        var seen = Set<[String]>()
        for (number, row) in rows.enumerated() {
            let dimensionCells = dimensions.map(row.value(of:))
            guard seen.insert(dimensionCells).inserted else { throw .duplicateRow(number) }
            var values: [Int] = []
            for measure in measures {
                guard let count = row.counts[measure.key] else {
                    throw .missingCount(row: number, measure: measure.key)
                }
                guard count >= 0 else { throw .negativeCount(row: number, measure: measure.key) }
                values.append(count)
            }
            for group in groupIndexes where group.parts.map({ values[$0] }).reduce(0, +) != values[group.total] {
                throw .groupDoesNotAddUp(row: number, total: measures[group.total].key)
            }
            let hidden = suppress(values, groups: groupIndexes)
            let countCells = values.indices.map { hidden[$0] == nil ? String(values[$0]) : "" }
            let note = values.indices.compactMap { index -> String? in
                switch hidden[index] {
                case .primary: return "\(measures[index].key)<\(threshold)"
                case .complementary: return "\(measures[index].key) (complementary)"
                case nil: return nil
                }
            }
            table.append(dimensionCells + countCells + [note.joined(separator: "; ")])
        }
        return table
    }

    struct GroupIndexes {
        let total: Int
        let parts: [Int]
    }

    private func checkedGroups() throws(HXLTableError) -> [GroupIndexes] {
        guard threshold >= 3 else { throw .thresholdTooLow(threshold) }
        var index: [String: Int] = [:]
        for (position, measure) in measures.enumerated() {
            guard index.updateValue(position, forKey: measure.key) == nil else {
                throw .duplicateMeasure(measure.key)
            }
        }
        return try groups.map { group throws(HXLTableError) in
            guard let total = index[group.total] else { throw .unknownGroupMember(group.total) }
            var parts: [Int] = []
            for key in group.parts {
                guard let part = index[key] else { throw .unknownGroupMember(key) }
                parts.append(part)
            }
            return GroupIndexes(total: total, parts: parts)
        }
    }

    /// The cells of one row to blank, by column index.
    func suppress(_ values: [Int], groups: [GroupIndexes]) -> [Int: Suppression] {
        var hidden: [Int: Suppression] = [:]
        for (index, value) in values.enumerated() where value > 0 && value < threshold {
            hidden[index] = .primary
        }
        var changed = true
        while changed {
            changed = false
            for group in groups where isExposed(group, values, hidden) {
                let candidate = group.parts
                    .filter { hidden[$0] == nil && values[$0] > 0 }
                    .min { (values[$0], $0) < (values[$1], $1) }
                guard let cell = candidate ?? (hidden[group.total] == nil ? group.total : nil) else { continue }
                hidden[cell] = .complementary
                changed = true
            }
        }
        return hidden
    }

    private func isExposed(_ group: GroupIndexes, _ values: [Int], _ hidden: [Int: Suppression]) -> Bool {
        let blanks = group.parts.filter { hidden[$0] != nil }
        let totalHidden = hidden[group.total] != nil
        if blanks.count + (totalHidden ? 1 : 0) == 1 { return true }
        guard !totalHidden, !blanks.isEmpty else { return false }
        let sum = blanks.map { values[$0] }.reduce(0, +)
        if sum == blanks.count { return true }
        let allPrimary = blanks.allSatisfy { hidden[$0] == .primary }
        return allPrimary && sum == blanks.count * (threshold - 1)
    }
}
