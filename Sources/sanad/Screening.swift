import ArgumentParser
import Foundation
import SanadCore

/// Screening instruments for auditors and automation. None of these touch the database.
struct Screening: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trafficking-indicator instruments: list, show, evaluate.",
        subcommands: [Instruments.self, Show.self, Evaluate.self])

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    struct Instruments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a JSON array of {id, version, status, title}.")

        struct Entry: Encodable {
            let id: String
            let version: String
            let status: String
            let title: String
        }

        func run() throws {
            let entries = InstrumentCatalogue.shipped.instruments.map {
                Entry(id: $0.id, version: $0.version, status: $0.status.rawValue, title: $0.title.en)
            }
            Screening.write(String(decoding: try Screening.encoder.encode(entries), as: UTF8.self))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an instrument as JSON.")

        @ArgumentParser.Argument(help: "Instrument id, e.g. ilo-adult-labour.") var id: String
        @Option(help: "A specific version (default: the newest).") var version: String?

        func run() throws {
            do {
                let instrument = try InstrumentCatalogue.shipped.instrument(id, version: version)
                Screening.write(String(decoding: try Screening.encoder.encode(instrument), as: UTF8.self))
            } catch let error as CatalogueError {
                throw ValidationError(error.description)
            }
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read {\"instrument\",\"answers\"} JSON lines on stdin; write one result or error line each.",
            discussion: "Exits 1 when any line could not be evaluated; the other lines are still evaluated.")

        func run() throws {
            var failed = 0
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                guard let output = ScreeningBatch.process(line, number: number, catalogue: .shipped) else { continue }
                Screening.write(output.json)
                if !output.ok { failed += 1 }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
