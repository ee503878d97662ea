import Foundation

/// How the values of one quasi-identifier column are coarsened, level by level.
///
/// Level 0 always writes the value as it came in; the last level (`suppressed`) writes every value
/// as `-99`. In between, each level merges whole groups of the level below it, so the levels form
/// a chain (what a value becomes at level *l* + 1 depends only on what it was at level *l*):
///
/// - `yearOfRegistration`: `year` (`2016`) → `3-year` (`2015-2017`; ranges start at 2012 + 3n) →
///   `6-year` (`2012-2017`; ranges start at 2012 + 6n) → `suppressed`. Ranges are written
///   `first-last` with one hyphen.
/// - `ageBroad`: `band` (CTDC's `0--8`, `9--17`, `18--20`, `21--23`, `24--26`, `27--29`, `30--38`,
///   `39--47`, `48+`) → `paired-band` (`18--23`, `24--29`; the others unchanged) → `broad-band`
///   (`0--17`, `18--29`, `30--47`, `48+`) → `minor-adult` (`0--17`, `18+`) → `suppressed`. Merged
///   bands are written like CTDC's own, `first--last` with two hyphens, or `first+`.
/// - `citizenship`, `CountryOfExploitation`: `country` (ISO alpha-2) → `un-subregion` (for example
///   `Eastern Africa`) → `un-region` (`Africa`) → `suppressed`, using the bundled
///   ``CountryRegions``.
/// - Any other column: `value` → `suppressed`.
///
/// `Unknown` (any case) is CTDC's own "not known" answer and reveals nothing, so it stays `Unknown`
/// at every level but the last. A value the hierarchy does not know (a code missing from the region
/// table, an age band outside CTDC's list, a year that is not a number) is kept at level 0 and
/// written as `-99` at every level above. Values that are already coarse — `18--29`, `2015-2017`,
/// `Eastern Africa` — are recognised, kept until the level that is at least as coarse, and then
/// coarsened like the rest, so an anonymised file can be anonymised again.
struct GeneralisationHierarchy: Sendable {
    enum Kind: Sendable, Equatable {
        case year
        case ageBand
        case country
        case flat
    }

    let kind: Kind

    static func forColumn(_ name: String) -> GeneralisationHierarchy {
        switch name {
        case "yearOfRegistration": GeneralisationHierarchy(kind: .year)
        case "ageBroad": GeneralisationHierarchy(kind: .ageBand)
        case "citizenship", "CountryOfExploitation": GeneralisationHierarchy(kind: .country)
        default: GeneralisationHierarchy(kind: .flat)
        }
    }

    /// The names of the levels, finest first; the last is always `suppressed`.
    var levelNames: [String] {
        switch kind {
        case .year: ["year", "3-year", "6-year", "suppressed"]
        case .ageBand: ["band", "paired-band", "broad-band", "minor-adult", "suppressed"]
        case .country: ["country", "un-subregion", "un-region", "suppressed"]
        case .flat: ["value", "suppressed"]
        }
    }

    /// What a non-missing value becomes at every level, finest first; `nil` stands for missing
    /// (written `-99`). Element 0 is the value itself and the last element is always `nil`.
    func generalise(_ value: String) -> [String?] {
        let count = levelNames.count
        if value.trimmingCharacters(in: .whitespaces).lowercased() == "unknown" {
            return Array(repeating: value, count: count - 1) + [nil]
        }
        var result: [String?] = [value]
        switch kind {
        case .year:
            guard let (first, last) = Self.parseYears(value) else { break }
            for level in 1..<(count - 1) {
                result.append(Self.yearRange(containing: first, last, fromLevel: level))
            }
        case .ageBand:
            guard let mask = AgeBands.maskByName[value] else { break }
            for level in 1..<(count - 1) {
                result.append(AgeBands.name(containing: mask, fromLevel: level))
            }
        case .country:
            if let region = CountryRegions.region(forISO2: value), let sub = region.unSubRegion,
                let unRegion = region.unRegion
            {
                result += [sub, unRegion]
            } else if let unRegion = RegionNames.regionOfSubRegion[value] {
                result += [value, unRegion]
            } else if RegionNames.regions.contains(value) {
                result += [value, value]
            }
        case .flat:
            break
        }
        result += Array(repeating: nil, count: count - result.count)
        return result
    }

    // MARK: - Years

    /// Width in years of the ranges at each level below `suppressed`.
    static let yearWidths = [1, 3, 6]
    /// Ranges at every level start at this year plus a multiple of their width, so that each 6-year
    /// range is two 3-year ranges (`2012-2017` = `2012-2014` + `2015-2017`).
    static let yearAnchor = 2012

    /// `2016` → (2016, 2016); `2015-2017` → (2015, 2017); anything else → nil.
    static func parseYears(_ value: String) -> (Int, Int)? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        func year(_ text: Substring) -> Int? {
            guard (1...4).contains(text.count), text.allSatisfy(\.isASCII), let number = Int(text) else {
                return nil
            }
            return number
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let single = year(parts[0]) else { return nil }
            return (single, single)
        case 2:
            guard let first = year(parts[0]), let last = year(parts[1]), first <= last else { return nil }
            return (first, last)
        default:
            return nil
        }
    }

    /// The narrowest range, at `level` or above, that holds all of `first...last`.
    static func yearRange(containing first: Int, _ last: Int, fromLevel level: Int) -> String? {
        for width in yearWidths[level...] {
            let offset = ((first - yearAnchor) % width + width) % width
            let start = first - offset
            let end = start + width - 1
            if last <= end {
                return width == 1 ? String(start) : "\(start)-\(end)"
            }
        }
        return nil
    }
}

/// CTDC's age bands and the merged bands of the coarser levels, as sets of the nine bands.
enum AgeBands {
    static let bands = ["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"]

    /// For each level above `band` (and below `suppressed`): its groups as (name, bit set of bands).
    static let groups: [[(name: String, mask: UInt16)]] = {
        func mask(_ first: Int, _ last: Int) -> UInt16 {
            (first...last).reduce(0) { $0 | (1 << $1) }
        }
        let level0 = bands.indices.map { (name: bands[$0], mask: mask($0, $0)) }
        let level1 = [
            ("0--8", mask(0, 0)), ("9--17", mask(1, 1)), ("18--23", mask(2, 3)), ("24--29", mask(4, 5)),
            ("30--38", mask(6, 6)), ("39--47", mask(7, 7)), ("48+", mask(8, 8)),
        ].map { (name: $0.0, mask: $0.1) }
        let level2 = [("0--17", mask(0, 1)), ("18--29", mask(2, 5)), ("30--47", mask(6, 7)), ("48+", mask(8, 8))]
            .map { (name: $0.0, mask: $0.1) }
        let level3 = [("0--17", mask(0, 1)), ("18+", mask(2, 8))].map { (name: $0.0, mask: $0.1) }
        return [level0, level1, level2, level3]
    }()

    static let maskByName: [String: UInt16] = {
        var result: [String: UInt16] = [:]
        for level in groups {
            for group in level { result[group.name] = group.mask }
        }
        return result
    }()

    /// The name of the narrowest group, at `level` or above, that holds every band in `mask`.
    static func name(containing mask: UInt16, fromLevel level: Int) -> String? {
        for groupsAtLevel in groups[level...] {
            if let group = groupsAtLevel.first(where: { $0.mask & mask == mask }) {
                return group.name
            }
        }
        return nil
    }
}

/// UN region names, from the bundled country table.
enum RegionNames {
    static let regionOfSubRegion: [String: String] = {
        var result: [String: String] = [:]
        for region in CountryRegions.all.values {
            if let sub = region.unSubRegion, let unRegion = region.unRegion { result[sub] = unRegion }
        }
        return result
    }()

    static let regions: Set<String> = Set(regionOfSubRegion.values)
}
