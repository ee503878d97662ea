import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import SanadWeb

struct Dedup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the same person registered more than once.",
        subcommands: [Pairs.self, Scan.self, Evaluate.self])

    static func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// `match`, `possible` (the default), or a minimum score.
    struct Threshold: ExpressibleByArgument {
        let decision: MatchDecision
        let score: Double?

        init?(argument: String) {
            if let decision = MatchDecision(rawValue: argument) {
                self.decision = decision
                score = nil
            } else if let value = Double(argument) {
                decision = .possible
                score = value
            } else {
                return nil
            }
        }

        init(decision: MatchDecision) {
            self.decision = decision
            score = nil
        }

        func keeps(_ result: MatchResult) -> Bool {
            guard let d = result.decision else { return false }
            if decision == .match && d != .match { return false }
            return score.map { result.score >= $0 } ?? true
        }
    }

    static func printPairs(_ pairs: [(a: String, b: String, result: MatchResult)], threshold: Threshold) throws {
        let rows = pairs.filter { threshold.keeps($0.result) }
            .sorted {
                $0.result.score > $1.result.score || ($0.result.score == $1.result.score && ($0.a, $0.b) < ($1.a, $1.b))
            }
            .map { DedupInput.outputRow($0.a, $0.b, $0.result) }
        FileHandle.standardOutput.write(CSVFiles.write([DedupInput.outputHeader] + rows))
    }

    struct Pairs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Candidate duplicate pairs in a spreadsheet export, as CSV on stdout.",
            discussion: """
                Columns: id (required), and any of name, name_latin, sex, date_of_birth (YYYY-MM-DD or YYYY), age, \
                nationality (ISO alpha-2 or alpha-3), phone, document_number. Output header: \
                id_a,id_b,score,decision,reasons. Problems with single rows go to stderr with their row number.
                """)

        @ArgumentParser.Argument(help: "The CSV file.") var file: String
        @Option(help: "match, possible (default), or a minimum score.") var threshold = Threshold(decision: .possible)

        func run() async throws {
            let table: CSVFiles.Table
            do {
                table = try CSVFiles.read(file)
            } catch {
                Dedup.say("error: \(error)")
                throw ExitCode(1)
            }
            if table.delimiter != "," {
                Dedup.say(
                    "note: \(file) separates columns with \(table.delimiter == "\t" ? "tabs" : "'\(table.delimiter)'")")
            }
            let outcome: DedupInput.Outcome
            do {
                outcome = try DedupInput.parse(header: table.header, rows: table.rows, today: CivilDate(Date()))
            } catch {
                Dedup.say("error: \(file): \(error)")
                throw ExitCode(1)
            }
            for problem in outcome.problems { Dedup.say(problem) }
            let index = IdentityIndex()
            for record in outcome.records { index.insert(record) }
            try Dedup.printPairs(index.allPairs(minimum: .possible), threshold: threshold)
        }
    }

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Candidate duplicate pairs among registered people (registration numbers), for review.")

        @Option(help: "match, possible (default), or a minimum score.") var threshold = Threshold(decision: .possible)

        func run() async throws {
            try await Boot.run { app in
                let pairs = try await OpenServices(db: app.db, context: app.sanad).duplicateScan.pairs(
                    minimum: .possible)
                try Dedup.printPairs(pairs, threshold: threshold)
            }
        }
    }

    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pairwise precision and recall on a generated, labelled set of registrations.")

        @Option(help: "How many distinct people to generate.") var people = 5000
        @Option(help: "Seed of the generated set.") var seed: UInt64 = 11

        func run() async throws {
            let registrations = IdentityEvaluation.generate(people: people, seed: seed)
            let index = IdentityIndex()
            for r in registrations { index.insert(r.record) }
            let scores = IdentityEvaluation.score(registrations, pairs: index.allPairs(minimum: .possible))
            print("people \(people), registrations \(registrations.count), true duplicate pairs \(scores.truePairs)")
            print(
                String(
                    format: "match:            precision %.4f  recall %.4f", scores.matchPrecision, scores.matchRecall))
            print(
                String(format: "match+possible:   precision %.4f  recall %.4f", scores.anyPrecision, scores.anyRecall))
        }
    }
}
