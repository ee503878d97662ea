import Foundation
import SanadCore

/// One line of the report: `row,outcome,person_id,reason` (issue 14; a contract, other tools read it).
public struct ImportReportRow: Sendable, Equatable {
    public let row: Int
    public let outcome: ImportOutcome
    public let personID: UUID?
    public let reason: String
    /// For a held row: the registered person it may be, or the earlier row of the file.
    public var candidateID: UUID?
    public var earlierRow: Int?
    public var decided = false
}

/// Everything an import did, or in a dry run would do.
public struct ImportReport: Sendable {
    public var batchID: UUID?
    public var rows: [ImportReportRow]
    /// Headers of the columns nobody mapped; their values went into each person's notes.
    public var unmappedColumns: [String] = []
    public var dryRun = false
    /// The same file was imported into this centre before (batch `batchID`): nothing changed.
    public var alreadyImported = false
    /// Rows were rejected and the good rows were not asked for on their own: nothing was written.
    public var refused = false

    public func count(_ outcome: ImportOutcome) -> Int { rows.lazy.filter { $0.outcome == outcome }.count }

    public var counts: [(ImportOutcome, Int)] { ImportOutcome.allCases.map { ($0, count($0)) } }

    public static let header = ["row", "outcome", "person_id", "reason"]

    public var table: [[String]] {
        rows.map { [String($0.row), $0.outcome.rawValue, $0.personID?.uuidString.lowercased() ?? "", $0.reason] }
    }

    /// "imported=3,rejected=1,…", as a batch keeps its counts.
    var countsText: String { counts.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: ",") }
}

public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCentre(String)
    case mapping(ImportMapping.Problem)
    case noRows
    case tooManyRows(limit: Int)
    case notFound
    /// Later work depends on what the batch created: each entry names a person and what depends on them.
    case undoBlocked([String])
    case alreadyUndone
    case notHeld

    public var description: String {
        switch self {
        case .unknownCentre(let code): return "\(code) is not a centre you may register people at"
        case .mapping(let problem): return problem.description
        case .noRows: return "the file has a header but no rows"
        case .tooManyRows(let limit): return "the file has more than \(limit) rows; split it"
        case .notFound: return "no such import"
        case .undoBlocked(let reasons):
            return "the import cannot be undone: later work depends on it (" + reasons.joined(separator: "; ") + ")"
        case .alreadyUndone: return "this import was undone already"
        case .notHeld: return "this row is not waiting for a decision"
        }
    }
}

/// A batch as lists show it.
public struct ImportBatchView: Sendable, Equatable {
    public let id: UUID
    public let centre: String
    public let fileHash: String
    public let rowCount: Int
    public let counts: String
    public let createdBy: UUID
    public let createdAt: Date
    public let undoneAt: Date?
    public let waiting: Int
}

/// What a held row was, sealed in its import row until a supervisor decides.
struct HeldRegistration: Codable {
    var personal: PersonalData
    var facts: PersonFacts
    var centre: String

    init(_ valid: ValidPerson) {
        personal = valid.personal
        facts = valid.facts
        centre = valid.centre
    }

    var valid: ValidPerson { ValidPerson(personal: personal, facts: facts, centre: centre) }
}

/// What an import row carries sealed: the registration a held row would make, or what a row added to a person.
struct ImportRowPayload: Codable {
    var held: HeldRegistration?
    var additions: ImportAdditions?
}
