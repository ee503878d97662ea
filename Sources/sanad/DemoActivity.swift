import Fluent
import Foundation
import NIOConcurrencyHelpers
import SanadCore
import SanadStore
import Vapor

/// A year of a centre's work for the demo people: registrations spread over thirteen months, cases, services,
/// shelter nights, screenings (some presuming trafficking, some confirmed), referrals, returns and awareness
/// events. Everything goes through the same services as the pages, with a clock set to the day it happened.
struct DemoActivity {
    let app: Application
    let caseworker: Actor
    let supervisor: Actor
    let partner: UUID
    let today: CivilDate
    var random: SeededGenerator
    let clock = NIOLockedValueBox(Date())
    let context: StoreContext

    init(app: Application, caseworker: Actor, supervisor: Actor, partner: UUID, seed: UInt64) {
        self.app = app
        self.caseworker = caseworker
        self.supervisor = supervisor
        self.partner = partner
        self.today = CivilDate(Date())
        self.random = SeededGenerator(seed: seed ^ 0x5EED_CA5E)
        let box = clock
        self.context = StoreContext(keys: app.sanad.keys, clock: { box.withLockedValue { $0 } })
    }

    func at(_ date: CivilDate, hour: Int = 10) {
        clock.withLockedValue { $0 = ReportService.instant(date).addingTimeInterval(Double(hour) * 3600) }
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// The registration day: after arrival, within the last thirteen months.
    mutating func registrationDay(_ person: DemoPerson) -> CivilDate {
        let earliest = today.adding(days: -395)
        let arrival = CivilDate(person.arrivalDate) ?? earliest
        // Arrivals before the window register at any time in it; later ones within six weeks of arriving.
        if arrival < earliest { return earliest.adding(days: int(0...earliest.days(until: today))) }
        return min(arrival.adding(days: int(0...45)), today)
    }

    static let presumed: [String: String] = [
        "D2.violence-on-victims": "yes", "D2.confiscation-of-documents": "yes",
        "D4.excessive-working-days-or-hours": "yes", "D4.hazardous-work": "yes",
        "D5.confiscation-of-documents": "yes", "D5.debt-bondage": "yes",
    ]

    mutating func register(_ person: DemoPerson, on fixedDay: CivilDate? = nil) async throws -> (
        PersonRecord, CivilDate
    ) {
        let day = fixedDay ?? registrationDay(person)
        at(day)
        var draft = person.draft
        draft.consent.toldResearch = chance(0.8)
        let record = try await StoreServices(db: app.db, actor: caseworker, context: context).people.register(draft)
        return (record, day)
    }

    mutating func assist(_ person: PersonRecord, from day: CivilDate, beds: [UUID]) async throws {
        guard chance(0.75) else { return }
        at(day, hour: 11)
        let cases = StoreServices(db: app.db, actor: caseworker, context: context).cases
        let opened = try await cases.open(personID: person.id, priority: "normal", risk: "medium", caseworker: nil)
        let types = ["food", "non-food-items", "medical", "mhpss", "legal-aid", "cash", "family-tracing"]
        for _ in 0..<int(1...4) {
            let date = min(day.adding(days: int(0...60)), today)
            at(date, hour: 12)
            let type = types[int(0...(types.count - 1))]
            var service = ServiceDraft(
                date: date.description, type: type, quantity: type == "cash" ? String(int(5...30) * 1000) : "1",
                status: "delivered")
            if service.type == "cash" {
                service.cost = service.quantity
                service.currency = "SDG"
            }
            _ = try await cases.recordService(opened.id, service)
        }
        if chance(0.12), !beds.isEmpty {
            let shelter = StoreServices(db: app.db, actor: caseworker, context: context).shelters
            let checkIn = day
            let checkOut = min(checkIn.adding(days: int(1...20)), today)
            at(checkIn, hour: 13)
            if let stay = try? await shelter.checkIn(
                caseID: opened.id, bed: beds[int(0...(beds.count - 1))], date: checkIn.description)
            {
                at(checkOut, hour: 9)
                try await shelter.checkOut(stay: stay.id, date: checkOut.description)
            }
        }
        if chance(0.3) { try await screen(person, opened.id, day) }
        if chance(0.1) { try await refer(person, opened.id, day) }
        if chance(0.06) { try await repatriate(opened.id, day, country: person.facts.nationality ?? "ERI") }
    }

    mutating func screen(_ person: PersonRecord, _ caseID: UUID, _ day: CivilDate) async throws {
        let date = min(day.adding(days: int(0...14)), today)
        at(date, hour: 14)
        let screenings = StoreServices(db: app.db, actor: caseworker, context: context).screenings
        var start = ScreeningStart()
        start.instrument = "ilo-adult-labour"
        start.language = "ara"
        start.place = "Centre"
        start.date = date.description
        start.consent.interview = true
        start.consent.toldPurpose = true
        let s = try await screenings.start(personID: person.id, start)
        let presumed = chance(0.45)
        let answers = presumed ? Self.presumed : Self.presumed.mapValues { _ in "no" }
        _ = try await screenings.complete(s.id, answers: answers, expectedVersion: s.version)
        if presumed && chance(0.3) {
            at(min(date.adding(days: int(1...20)), today), hour: 15)
            // Confirmation goes through a supervisor's approval of the caseworker's request, as in the centres.
            try await StoreServices(db: app.db, actor: caseworker, context: context).cases.requestApproval(
                caseID, kind: .traffickingConfirmation, subject: TraffickingStatus.actual.rawValue)
            let cases = StoreServices(db: app.db, actor: supervisor, context: context).cases
            let file = try await cases.file(caseID)
            if let pending = file.approvals.first(where: {
                $0.status == "pending" && $0.kind == .traffickingConfirmation
            }) {
                try await cases.decide(caseID, approval: pending.id, approve: true, comment: "")
            }
        }
    }

    mutating func refer(_ person: PersonRecord, _ caseID: UUID, _ day: CivilDate) async throws {
        let date = min(day.adding(days: int(1...30)), today)
        at(date, hour: 15)
        let partners = StoreServices(db: app.db, actor: caseworker, context: context).partners
        try await partners.setConsent(person: person.id, partner: partner, given: true)
        let draft = ReferralDraft(
            partner: partner.uuidString, service: chance(0.5) ? "legal-aid" : "mhpss",
            urgency: chance(0.2) ? "urgent" : "routine", reason: "AdditionalServicesRequired", shared: ["sex", "age"])
        _ = try await partners.send(caseID: caseID, draft)
    }

    mutating func repatriate(_ caseID: UUID, _ day: CivilDate, country: String) async throws {
        var date = min(day.adding(days: int(5...30)), today)
        at(date, hour: 9)
        let returns = StoreServices(db: app.db, actor: caseworker, context: context).returns
        let request = AVRRRequestDraft(country: country, place: "Home town", date: date.description)
        let r = try await returns.request(caseID: caseID, request)
        let steps = AVRRStep.sequence.dropFirst().prefix(int(3...12))
        for step in steps {
            let next = date.adding(days: int(2...12))
            guard next <= today else { break }
            date = next
            at(date, hour: 10)
            let draft = AVRRStepDraft(step: step.rawValue, date: date.description)
            _ = try await returns.advance(r.id, draft, expectedVersion: nil)
        }
    }

    /// A day in the last whole month, for a surge the dashboard's trend test should flag.
    mutating func lastWholeMonthDay() -> CivilDate {
        let first = CivilDate(year: today.year, month: today.month, day: 1)!
        let previous = first.adding(days: -1)
        return CivilDate(year: previous.year, month: previous.month, day: int(1...28))!
    }

    /// About eight awareness events a month across the centres.
    mutating func events(centres: [CentreView]) async throws {
        let events = StoreServices(db: app.db, actor: caseworker, context: context).events
        for back in 0..<(13 * 8) {
            let date = today.adding(days: -back * 395 / (13 * 8))
            let centre = centres[int(0...(centres.count - 1))]
            at(date, hour: 16)
            var draft = AwarenessEventDraft()
            let type = AwarenessEventType.allCases[int(0...(AwarenessEventType.allCases.count - 1))]
            draft.type = type.rawValue
            draft.title = "Safe migration session \(back + 1)"
            draft.startDate = date.description
            draft.statePcode = centre.statePcode
            draft.centre = centre.code
            draft.partners = ["Demo Legal Aid Network"]
            for group in ParticipantGroup.all {
                let n = group.sex == .other || group.sex == .unknown ? int(0...2) : int(0...40)
                draft.participants[group] = String(n)
            }
            draft.materials = [MaterialDraft(kind: "Leaflets", count: String(int(20...200)))]
            _ = try await events.record(draft)
        }
    }

    /// One shelter with ten beds at each centre.
    func beds(centres: [CentreView]) async throws -> [String: [UUID]] {
        let shelters = StoreServices(db: app.db, actor: supervisor, context: context).shelters
        var out: [String: [UUID]] = [:]
        for centre in centres {
            at(today.adding(days: -400))
            let id = try await shelters.addShelter(centre: centre.code, name: "\(centre.nameEn) shelter")
            try await shelters.addBeds(
                shelter: id, room: "1", labels: "A1,A2,A3,A4,A5", restriction: "women-and-children")
            try await shelters.addBeds(shelter: id, room: "2", labels: "B1,B2,B3,B4,B5", restriction: "none")
            out[centre.code] = try await shelters.occupancy(centre: centre.code, on: today).map(\.id)
        }
        return out
    }
}
