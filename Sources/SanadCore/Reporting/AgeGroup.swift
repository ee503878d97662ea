import Foundation

/// An age band for disaggregated reports.
///
/// Raw values are the HXL attributes the band is published under (`#reached+ind+f+children`), so
/// a column name and its hashtag never disagree. The fine bands follow the usual humanitarian
/// splits (under-5s, primary and secondary school age, youth, working age, older people); HXL has
/// no core attributes for them, so they use the `+age_<from>_<to>` form its hashtag chooser
/// suggests, with a trailing underscore for the open-ended band (`+age_60_`).
public enum AgeGroup: String, CaseIterable, Codable, Sendable {
    case children
    case adults
    case age0to4 = "age_0_4"
    case age5to11 = "age_5_11"
    case age12to17 = "age_12_17"
    case age18to24 = "age_18_24"
    case age25to59 = "age_25_59"
    case age60plus = "age_60_"
    case unknown = "age_unknown"

    /// Ages in whole years the band covers, open-ended bands up to `Int.max`; nil for `unknown`.
    public var years: ClosedRange<Int>? {
        switch self {
        case .children: return 0...17
        case .adults: return 18...Int.max
        case .age0to4: return 0...4
        case .age5to11: return 5...11
        case .age12to17: return 12...17
        case .age18to24: return 18...24
        case .age25to59: return 25...59
        case .age60plus: return 60...Int.max
        case .unknown: return nil
        }
    }

    /// Short English label for column headers: "0-17", "18+", "unknown age".
    public var label: String {
        guard let years else { return "unknown age" }
        return years.upperBound == Int.max ? "\(years.lowerBound)+" : "\(years.lowerBound)-\(years.upperBound)"
    }

    /// The HXL attribute, without the leading `+`.
    public var hxlAttribute: String { rawValue }

    /// Whether the band holds only people under 18, so that fine bands can be rolled up into
    /// children and adults.
    public var isChildren: Bool? {
        guard let years else { return nil }
        return years.upperBound <= 17
    }
}

/// Which set of age bands a report uses. Every band set covers every age from 0 exactly once,
/// plus `unknown`.
public enum AgeBanding: String, CaseIterable, Sendable {
    /// Children 0–17 and adults 18+: the default, because most partners report only that split
    /// and finer bands make small cells (and so suppression) far more common.
    case childrenAdults = "children-adults"
    /// 0–4, 5–11, 12–17, 18–24, 25–59, 60+.
    case fine

    /// The bands in age order, `unknown` last.
    public var groups: [AgeGroup] {
        switch self {
        case .childrenAdults: return [.children, .adults, .unknown]
        case .fine: return [.age0to4, .age5to11, .age12to17, .age18to24, .age25to59, .age60plus, .unknown]
        }
    }

    /// The band for an age in whole years; `unknown` when the age is missing or negative
    /// (a negative age is a data error, and counting it in a real band would hide that).
    public func group(forAge age: Int?) -> AgeGroup {
        guard let age, age >= 0 else { return .unknown }
        return groups.first { $0.years?.contains(age) == true } ?? .unknown
    }
}

/// Sex as reports disaggregate it, from the HTCDS gender picklist held on records.
///
/// Raw values are the HXL attributes (`+f`, `+m`, `+i`). HTCDS's transgender and non-conforming
/// values are reported as `other`, as the 2024 CTDC format groups them, because publishing them
/// apart would make cells too small to release anywhere Sanad is used.
public enum ReportSex: String, CaseIterable, Codable, Sendable {
    case female = "f"
    case male = "m"
    case other = "i"
    case unknown = "sex_unknown"

    /// Maps an HTCDS `prs_Gender` value ("Feminine", "Masculine", ...; also the plain "Other").
    /// Case and surrounding spaces are ignored; nil, empty, "NonSpecifiedUnknown" and anything
    /// unrecognised are `unknown`, so a bad value is visible in the report instead of dropped.
    public init(htcds value: String?) {
        let key = value?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() ?? ""
        switch key {
        case "feminine": self = .female
        case "masculine": self = .male
        case "transgenderfeminine", "transgendermasculine", "nonconforming", "other": self = .other
        default: self = .unknown
        }
    }

    /// The HXL attribute, without the leading `+`.
    public var hxlAttribute: String { rawValue }

    /// Short English word for column headers.
    public var label: String {
        switch self {
        case .female: return "female"
        case .male: return "male"
        case .other: return "other"
        case .unknown: return "unknown sex"
        }
    }
}
