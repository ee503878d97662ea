import Fluent
import Foundation
import SanadCore

/// Synthetic people, cases and delivered services inserted in bulk for the dashboard benchmark (`sanad bench
/// dashboard`). Reports read no personal field, so the sealed blobs are placeholders. With `export` the same rows
/// are kept as CSV for the pandas comparison in scripts/bench-pandas.py.
public struct BenchmarkFill: Sendable {
    public static let centres = ["SD01", "SD12", "SD11"]
    static let nationalities = ["ERI", "ETH", "SSD", "SDN", "SOM", "TCD", "NGA", "CMR"]

    public let today: CivilDate
    public var start: CivilDate { today.adding(days: -365) }
    public private(set) var peopleCSV = "id,sex,birth_year,nationality,centre_code,created_at\n"
    public private(set) var servicesCSV = "person_id,date,service_type,quantity,centre_code\n"
    let export: Bool
    var random: SeededGenerator
    var personIDs: [UUID] = []
    var caseIDs: [UUID] = []
    var personCentre: [String] = []
    let staff = UUID()

    public init(seed: UInt64, today: CivilDate, export: Bool) {
        self.random = SeededGenerator(seed: seed)
        self.today = today
        self.export = export
    }

    /// People with one case each, in transactions of a thousand.
    public mutating func insertPeople(_ people: Int, on db: any Database) async throws {
        let centres = Self.centres
        let nationalities = Self.nationalities
        let sexes = [Gender.feminine.rawValue, Gender.masculine.rawValue]
        let today = today
        let start = start
        let staff = staff
        for batch in stride(from: 0, to: people, by: 1000) {
            var rows: [Person] = []
            var cases: [CaseRecord] = []
            for i in batch..<min(batch + 1000, people) {
                let p = Person()
                p.id = UUID()
                p.centreCode = centres[Int.random(in: 0..<3, using: &random)]
                p.registrationNumber = "B-\(i)"
                p.sex = sexes[Int.random(in: 0..<2, using: &random)]
                p.birthYear = today.year - Int.random(in: 1...70, using: &random)
                p.nationality = nationalities[Int.random(in: 0..<nationalities.count, using: &random)]
                p.languages = []
                p.flags = []
                p.consent = ["interview"]
                p.sealed = Data([0])
                p.version = 1
                p.createdBy = staff
                let day = start.adding(days: Int.random(in: 0...365, using: &random))
                p.createdAt = ReportService.instant(day).addingTimeInterval(3600)
                p.updatedAt = p.createdAt
                rows.append(p)
                let c = CaseRecord()
                c.id = UUID()
                c.personID = p.id!
                c.centreCode = p.centreCode
                c.priority = "normal"
                c.risk = "low"
                c.stage = "assistance"
                c.openedOn = day.description
                c.version = 1
                c.createdAt = p.createdAt
                c.updatedAt = p.createdAt
                cases.append(c)
                personIDs.append(p.id!)
                caseIDs.append(c.id!)
                personCentre.append(p.centreCode)
                if export {
                    peopleCSV += "\(p.id!),\(p.sex),\(p.birthYear!),\(p.nationality!),\(p.centreCode),\(day)\n"
                }
            }
            let (peopleRows, caseRows) = (rows, cases)
            try await db.transaction { tx in
                try await peopleRows.create(on: tx)
                try await caseRows.create(on: tx)
            }
        }
    }

    /// Delivered services spread over the year, each on a random person's case.
    public mutating func insertServices(_ services: Int, on db: any Database) async throws {
        guard !personIDs.isEmpty else { return }
        let types = ServiceType.allCases.map(\.rawValue)
        let start = start
        let staff = staff
        for batch in stride(from: 0, to: services, by: 1000) {
            var rows: [ServiceRecord] = []
            for _ in batch..<min(batch + 1000, services) {
                let k = Int.random(in: 0..<personIDs.count, using: &random)
                let s = ServiceRecord()
                s.id = UUID()
                s.caseID = caseIDs[k]
                s.personID = personIDs[k]
                s.centreCode = personCentre[k]
                s.date = start.adding(days: Int.random(in: 0...365, using: &random)).description
                s.serviceType = types[Int.random(in: 0..<types.count, using: &random)]
                s.quantity = Double(Int.random(in: 1...5, using: &random))
                s.unit = "item"
                s.status = "delivered"
                s.recordedBy = staff
                s.createdAt = Date()
                rows.append(s)
                if export {
                    servicesCSV += "\(s.personID),\(s.date),\(s.serviceType),\(Int(s.quantity)),\(s.centreCode)\n"
                }
            }
            let serviceRows = rows
            try await db.transaction { tx in try await serviceRows.create(on: tx) }
        }
    }
}
