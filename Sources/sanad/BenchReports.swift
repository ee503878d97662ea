import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import Vapor

/// Dashboard speed on a mission-sized database: synthetic people, cases and delivered services inserted in bulk
/// (no personal fields are read by reports, so the sealed blobs are placeholders), then the year's summary and
/// trends timed. `--export` writes the same rows as CSV for the pandas comparison in scripts/.
struct DashboardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Fill an empty database with synthetic people and services, then time the year's dashboard.")

    @ArgumentParser.Option(help: "People to insert.") var people = 100_000
    @ArgumentParser.Option(help: "Delivered services to insert.") var services = 1_000_000
    @ArgumentParser.Option(help: "Timed runs of the summary.") var runs = 3
    @ArgumentParser.Option(help: "Folder to write people.csv and services.csv to, for the pandas comparison.")
    var export: String?

    func run() async throws {
        guard people > 0, services >= 0, runs > 0 else { throw ValidationError("Counts must be positive.") }
        try await Boot.run { app in
            guard try await Person.query(on: app.db).count() == 0 else {
                throw ValidationError("The benchmark fills only an empty database (SANAD_DATA_DIR or DATABASE_URL).")
            }
            var random = SeededGenerator(seed: 7)
            let today = CivilDate(Date())
            let start = today.adding(days: -365)
            let centres = ["SD01", "SD12", "SD11"]
            let nationalities = ["ERI", "ETH", "SSD", "SDN", "SOM", "TCD", "NGA", "CMR"]
            let sexes = [Gender.feminine.rawValue, Gender.masculine.rawValue]
            let types = ServiceType.allCases.map(\.rawValue)
            let staff = UUID()
            var personIDs: [UUID] = []
            var caseIDs: [UUID] = []
            var personCentre: [String] = []
            var peopleCSV = "id,sex,birth_year,nationality,centre_code,created_at\n"
            let t0 = IdentityBench.now()
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
                    if export != nil {
                        peopleCSV += "\(p.id!),\(p.sex),\(p.birthYear!),\(p.nationality!),\(p.centreCode),\(day)\n"
                    }
                }
                let (peopleRows, caseRows) = (rows, cases)
                try await app.db.transaction { tx in
                    try await peopleRows.create(on: tx)
                    try await caseRows.create(on: tx)
                }
            }
            let t1 = IdentityBench.now()
            var servicesCSV = "person_id,date,service_type,quantity,centre_code\n"
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
                    if export != nil {
                        servicesCSV += "\(s.personID),\(s.date),\(s.serviceType),\(Int(s.quantity)),\(s.centreCode)\n"
                    }
                }
                let serviceRows = rows
                try await app.db.transaction { tx in try await serviceRows.create(on: tx) }
            }
            let t2 = IdentityBench.now()
            if let export {
                try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
                try peopleCSV.write(toFile: export + "/people.csv", atomically: true, encoding: .utf8)
                try servicesCSV.write(toFile: export + "/services.csv", atomically: true, encoding: .utf8)
            }
            let actor = Actor(userID: "bench", role: .administrator, centres: [])
            let query = try ReportQuery.make(
                from: start.description, to: today.description, knownCentres: Set(centres)
            ).get()
            var summaryTimes: [Double] = []
            var summary: ReportSummary?
            for _ in 0..<runs {
                let a = IdentityBench.now()
                summary = try await ReportService(db: app.db, actor: actor, context: app.sanad).summary(query)
                summaryTimes.append(IdentityBench.now() - a)
            }
            let a = IdentityBench.now()
            let trends = try await TrendService(db: app.db, actor: actor, context: app.sanad).trends(query)
            let trendTime = IdentityBench.now() - a
            let database = Environment.get("DATABASE_URL") == nil ? "SQLite" : "PostgreSQL"
            print(
                "| database | people | services | insert s | summary s (best of \(runs)) | median s | trends s | unique assisted |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            let sorted = summaryTimes.sorted()
            print(
                "| \(database) | \(people) | \(services) | \(String(format: "%.1f", t2 - t0)) (people \(String(format: "%.1f", t1 - t0))) | \(String(format: "%.3f", sorted[0])) | \(String(format: "%.3f", sorted[sorted.count / 2])) | \(String(format: "%.3f", trendTime)) | \(summary?.assisted.total ?? 0) |"
            )
            print("services by type: \(summary?.services.mapValues(\.records).sorted { $0.key < $1.key } ?? [])")
            print("trend flags: \(trends.findings.count), categories skipped: \(trends.skipped)")
        }
    }
}

/// A synthetic CTDC file of any size, drawn from a real one: each output row takes each column from a randomly
/// chosen source row, so the columns keep their distributions but rows are not copies.
struct CTDCSynthBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctdc-synthetic", abstract: "Write a synthetic CTDC-format file for the anonymisation benchmark.")

    @ArgumentParser.Argument(help: "A CTDC-format CSV to draw from.") var source: String
    @ArgumentParser.Option(help: "Rows to write.") var rows = 1_000_000
    @ArgumentParser.Option(help: "The output CSV.") var out: String

    func run() throws {
        let table = try CSVFiles.read(source)
        guard !table.rows.isEmpty else { throw ValidationError("\(source) has no rows.") }
        var random = SeededGenerator(seed: 11)
        var output: [[String]] = [table.header]
        output.reserveCapacity(rows + 1)
        let width = table.header.count
        for _ in 0..<rows {
            var row: [String] = []
            row.reserveCapacity(width)
            // Whole-row draws for the quasi-identifiers keep their joint distribution realistic; the rest mix.
            let base = table.rows[Int.random(in: 0..<table.rows.count, using: &random)]
            for c in 0..<width {
                let donor = c < 8 ? base : table.rows[Int.random(in: 0..<table.rows.count, using: &random)]
                row.append(c < donor.count ? donor[c] : "")
            }
            output.append(row)
        }
        let text = try CSVFiles.write(output)
        guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
            throw ValidationError("Cannot write \(out).")
        }
        print("wrote \(rows) rows to \(out)")
    }
}
