import Foundation
import SanadCore

/// What a report covers: a period and, optionally, one centre, one state or one nationality.
public struct ReportQuery: Sendable, Equatable {
    public let from: CivilDate
    public let to: CivilDate
    public let centre: String?
    public let state: String?
    public let nationality: String?
    public let banding: AgeBanding

    /// Checks the request before any work starts: a real period of at most ten years, known codes.
    public static func make(
        from: String?, to: String?, centre: String? = nil, state: String? = nil, nationality: String? = nil,
        banding: String? = nil, knownCentres: Set<String>
    ) -> Result<ReportQuery, CaseValidationError> {
        var errors: [String: ValidationCode] = [:]
        let start = from.flatMap(CivilDate.init)
        let end = to.flatMap(CivilDate.init)
        if start == nil { errors["from"] = (from ?? "").isEmpty ? .required : .invalidDate }
        if end == nil { errors["to"] = (to ?? "").isEmpty ? .required : .invalidDate }
        if let start, let end {
            if end < start { errors["to"] = .tooEarly }
            if start.days(until: end) > 3660 { errors["to"] = .outOfRange }
            if start.year < 2000 { errors["from"] = .implausibleDate }
        }
        let centre = centre.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if let centre, !knownCentres.contains(centre) { errors["centre"] = .unknownValue }
        let state = state.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if let state, !ReferenceData.states.contains(where: { $0.pcode == state }) { errors["state"] = .unknownValue }
        let nationality = nationality.flatMap { $0.isEmpty ? nil : ReferenceData.country($0)?.iso3 ?? "?" }
        if nationality == "?" { errors["nationality"] = .unknownValue }
        let banding = banding.flatMap { $0.isEmpty ? nil : $0 }.map { AgeBanding(rawValue: $0) } ?? .childrenAdults
        if banding == nil { errors["bands"] = .unknownValue }
        guard errors.isEmpty, let start, let end, let banding else { return .failure(CaseValidationError(errors)) }
        return .success(
            ReportQuery(
                from: start, to: end, centre: centre, state: state, nationality: nationality, banding: banding))
    }

    /// The calendar months the period touches, as "YYYY-MM".
    public var months: [String] {
        var out: [String] = []
        var y = from.year
        var m = from.month
        while (y, m) <= (to.year, to.month) {
            out.append(String(format: "%04d-%02d", y, m))
            m += 1
            if m == 13 {
                m = 1
                y += 1
            }
        }
        return out
    }
}

/// A count split by sex and age group. Ages are taken at the end of the period from the birth year.
public struct Breakdown: Sendable, Equatable, Codable {
    public var total = 0
    /// "f_children", "m_adults", "sex_unknown_age_unknown"…
    public var cells: [String: Int] = [:]
    /// Keys ("total", a cell, "other") withheld as small or revealing; empty for those who may see the records.
    public var suppressed: [String] = []

    public init() {}

    public static func key(_ sex: ReportSex, _ age: AgeGroup) -> String { "\(sex.rawValue)_\(age.rawValue)" }

    public mutating func add(_ sex: ReportSex, _ age: AgeGroup, _ n: Int) {
        total += n
        cells[Self.key(sex, age), default: 0] += n
    }

    public func count(_ sex: ReportSex, _ age: AgeGroup) -> Int { cells[Self.key(sex, age)] ?? 0 }
}

public struct ServiceFigures: Sendable, Equatable, Codable {
    public var records = 0
    public var quantity = 0.0
    public var people = Breakdown()
    /// Records and quantity withheld because they are few.
    public var suppressed = false
}

/// One month's headline figures, for the trend charts.
public struct MonthFigures: Sendable, Equatable, Codable {
    public let month: String
    public var assisted = 0
    public var registrations = 0
    public var presumedVictims = 0
    public var departures = 0
    public var participants = 0
    /// Figures of this month withheld as small or revealing ("registrations", …).
    public var suppressed: [String] = []
}

/// Everything the dashboard and `GET /api/v1/reports/summary` show. Counts only; nothing about a person.
public struct ReportSummary: Sendable, Equatable {
    public let query: ReportQuery
    public var assisted = Breakdown()
    public var registrations = Breakdown()
    public var screenings: [String: Breakdown] = [:]
    public var presumedVictims = Breakdown()
    public var confirmedVictims = Breakdown()
    public var services: [String: ServiceFigures] = [:]
    public var referrals: [String: Int] = [:]
    /// Referral statuses whose count is withheld as small.
    public var referralsSuppressed: [String] = []
    public var departures = Breakdown()
    public var shelterNights = 0.0
    public var events = 0
    public var participants: [String: Int] = [:]
    /// The participants' total is withheld (the cells left in `participants` are those that may be shown).
    public var participantsSuppressed = false
    public var months: [MonthFigures] = []

    /// Participants in the period; nil when withheld as small.
    public var participantsTotal: Int? {
        participantsSuppressed ? nil : participantsSum ?? participants.values.reduce(0, +)
    }
    /// Kept when small cells of `participants` were withheld, so the total still counts them.
    var participantsSum: Int?
}
