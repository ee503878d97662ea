import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import SanadWeb
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
            guard try await !OpenServices(db: app.db, context: app.sanad).setup.holdsPeople() else {
                throw ValidationError("The benchmark fills only an empty database (SANAD_DATA_DIR or DATABASE_URL).")
            }
            var fill = BenchmarkFill(seed: 7, today: CivilDate(Date()), export: export != nil)
            let today = fill.today
            let start = fill.start
            let centres = BenchmarkFill.centres
            let t0 = IdentityBench.now()
            try await fill.insertPeople(people, on: app.db)
            let t1 = IdentityBench.now()
            try await fill.insertServices(services, on: app.db)
            let t2 = IdentityBench.now()
            if let export {
                try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
                try fill.peopleCSV.write(toFile: export + "/people.csv", atomically: true, encoding: .utf8)
                try fill.servicesCSV.write(toFile: export + "/services.csv", atomically: true, encoding: .utf8)
            }
            let actor = Actor(userID: "bench", role: .administrator, centres: [])
            let query = try ReportQuery.make(
                from: start.description, to: today.description, knownCentres: Set(centres)
            ).get()
            let services = StoreServices(db: app.db, actor: actor, context: app.sanad)
            // The first summary reads every table into the process's figures; the others read only what changed.
            let c0 = IdentityBench.now()
            var summary = try await services.reports.summary(query)
            let coldTime = IdentityBench.now() - c0
            var summaryTimes: [Double] = []
            for _ in 0..<runs {
                let a = IdentityBench.now()
                summary = try await services.reports.summary(query)
                summaryTimes.append(IdentityBench.now() - a)
            }
            func timed(_ q: ReportQuery) async throws -> Double {
                let a = IdentityBench.now()
                _ = try await services.reports.summary(q)
                return IdentityBench.now() - a
            }
            let from = start.description
            let to = today.description
            let known = Set(centres)
            let filtered: [(String, ReportQuery)] = [
                ("centre", try ReportQuery.make(from: from, to: to, centre: centres[0], knownCentres: known).get()),
                ("state", try ReportQuery.make(from: from, to: to, state: "SD01", knownCentres: known).get()),
                (
                    "nationality",
                    try ReportQuery.make(from: from, to: to, nationality: "ERI", knownCentres: known).get()
                ),
                (
                    "fine age bands",
                    try ReportQuery.make(from: from, to: to, banding: "fine", knownCentres: known).get()
                ),
            ]
            var filterTimes: [(String, Double)] = []
            for (name, q) in filtered { filterTimes.append((name, try await timed(q))) }
            // A change made after the figures were read shows in the next summary, read from the change log.
            try await fill.insertServices(1, on: app.db)
            let afterChange = try await timed(query)
            let a = IdentityBench.now()
            let trends = try await services.trends().trends(query)
            let trendTime = IdentityBench.now() - a
            let h = IdentityBench.now()
            let hxl = try await services.hxl.table(query, by: [.centre, .nationality, .sex, .age])
            let hxlTime = IdentityBench.now() - h
            let hc = IdentityBench.now()
            let hxlByCentre = try await services.hxl.table(query, by: [.centre])
            let hxlCentreTime = IdentityBench.now() - hc
            // The figures download: the summary (already warm) and its CSV.
            let fc = IdentityBench.now()
            let figures = DashboardFigures.csv(try await services.reports.summary(query))
            let figuresTime = IdentityBench.now() - fc
            let database = Environment.get("DATABASE_URL") == nil ? "SQLite" : "PostgreSQL"
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            print(
                "| database | people | services | insert s | first summary s (reads all) | summary s (best of \(runs)) | median s | after a new service s | trends s | unique assisted |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            let sorted = summaryTimes.sorted()
            print(
                "| \(database) | \(people) | \(self.services) | \(String(format: "%.1f", t2 - t0)) (people \(String(format: "%.1f", t1 - t0))) | \(f(coldTime)) | \(f(sorted[0])) | \(f(sorted[sorted.count / 2])) | \(f(afterChange)) | \(f(trendTime)) | \(summary.assisted.total) |"
            )
            print("| filter | summary s |")
            print("|---|---:|")
            for (name, t) in filterTimes { print("| \(name) | \(f(t)) |") }
            print("| HXL export by centre, nationality, sex and age (\(hxl.count - 2) rows) | \(f(hxlTime)) |")
            print("| HXL export by centre, with participants (\(hxlByCentre.count - 2) rows) | \(f(hxlCentreTime)) |")
            print("| figures CSV (\(figures.count) bytes) | \(f(figuresTime)) |")
            print("services by type: \(summary.services.mapValues(\.records).sorted { $0.key < $1.key })")
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
        guard CSVFiles.save(CSVFiles.write(output), to: out) else {
            throw ValidationError("Cannot write \(out).")
        }
        print("wrote \(rows) rows to \(out)")
    }
}
