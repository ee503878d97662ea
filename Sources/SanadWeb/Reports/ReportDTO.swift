import Foundation
import SanadCore
import SanadStore
import Vapor

struct SummaryOut: Content {
    struct Service: Content {
        let records: Int
        let quantity: Double
        let people: Breakdown
        /// Records and quantity withheld as few (then written as 0).
        let suppressed: Bool
    }

    let from: String
    let to: String
    let centre: String?
    let state: String?
    let nationality: String?
    let assisted: Breakdown
    let registrations: Breakdown
    let screenings: [String: Breakdown]
    let presumedVictims: Breakdown
    let confirmedVictims: Breakdown
    let services: [String: Service]
    let referrals: [String: Int]
    /// Referral statuses whose small count is withheld.
    let referralsSuppressed: [String]
    let departures: Breakdown
    let shelterNights: Double
    let events: Int
    let participants: [String: Int]
    /// Null when withheld as small.
    let participantsTotal: Int?
    let months: [MonthFigures]
}

extension SummaryOut {
    init(_ s: ReportSummary) {
        self.init(
            from: s.query.from.description, to: s.query.to.description, centre: s.query.centre, state: s.query.state,
            nationality: s.query.nationality, assisted: s.assisted, registrations: s.registrations,
            screenings: s.screenings, presumedVictims: s.presumedVictims, confirmedVictims: s.confirmedVictims,
            services: s.services.mapValues {
                Service(records: $0.records, quantity: $0.quantity, people: $0.people, suppressed: $0.suppressed)
            }, referrals: s.referrals, referralsSuppressed: s.referralsSuppressed, departures: s.departures,
            shelterNights: s.shelterNights, events: s.events,
            participants: s.participants, participantsTotal: s.participantsTotal, months: s.months)
    }
}

struct TrendsOut: Content {
    struct Flag: Content {
        let dimension: String
        let category: String
        let period: String
        let observed: Int
        let expected: Double
        let ratio: Double
        let pValue: Double
        let direction: String
    }

    let month: String
    let test: String
    let flags: [Flag]
    let skipped: Int

    init(_ t: TrendReport) {
        month = t.month
        test = t.test
        skipped = t.skipped
        flags = t.findings.map {
            Flag(
                dimension: $0.dimension.rawValue, category: $0.flag.category, period: $0.flag.period,
                observed: $0.flag.observed, expected: $0.flag.expected, ratio: $0.flag.ratio, pValue: $0.flag.pValue,
                direction: $0.flag.direction.rawValue)
        }
    }
}
