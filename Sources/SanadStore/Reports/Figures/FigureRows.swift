import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The columns the figures read from each table, as read, before codes are numbered (`FigureStore.apply`).
struct FigureBatch: Sendable {
    struct PersonRow: Sendable {
        let id: UUID
        let sex: String?
        let birthYear: Int?
        let nationality: String?
        let centre: String
        let created: Date
        let mergedInto: UUID?
    }
    struct ServiceRow: Sendable {
        let id: UUID
        let person: UUID
        let centre: String
        let date: String
        let type: String
        let quantity: Double
        let status: String
    }
    struct ScreeningRow: Sendable {
        let id: UUID
        let person: UUID
        let centre: String
        let instrument: String
        let status: String
        let conclusion: String?
        let completed: Date?
    }
    struct StatusRow: Sendable {
        let id: UUID
        let person: UUID
        let status: String
        let at: Date
    }
    struct ReferralRow: Sendable {
        let id: UUID
        let person: UUID
        let centre: String
        let sentOn: String
        let status: String
    }
    struct ReturnRow: Sendable {
        let id: UUID
        let person: UUID
        let centre: String
    }
    struct StepRow: Sendable {
        let id: UUID
        let ret: UUID
        let step: String
        let date: String
    }

    var people: [PersonRow] = []
    var services: [ServiceRow] = []
    var screenings: [ScreeningRow] = []
    var statusChanges: [StatusRow] = []
    var referrals: [ReferralRow] = []
    var returns: [ReturnRow] = []
    var steps: [StepRow] = []
    /// Records asked for that are no longer there, by table.
    var gone: [String: Set<UUID>] = [:]

    /// Reads the tables (all of each, or the records `ids` names in the tables it lists).
    static func read(_ sql: any SQLDatabase, ids: [String: Set<UUID>]?) async throws -> FigureBatch {
        var batch = FigureBatch()
        func wanted(_ table: String) -> [UUID]? {
            guard let ids else { return nil }
            return ids[table].map(Array.init) ?? []
        }
        func fetch<T: Sendable>(
            _ table: String, _ columns: String, _ decode: @escaping @Sendable (any SQLRow) throws -> T,
            id: (T) -> UUID
        ) async throws -> [T] {
            let asked = wanted(table)
            if let asked, asked.isEmpty { return [] }
            let out = NIOLockedValueBox<(rows: [T], error: (any Error)?)>(([], nil))
            let receive: @Sendable (any SQLRow) -> Void = { row in
                out.withLockedValue { box in
                    guard box.error == nil else { return }
                    do { box.rows.append(try decode(row)) } catch { box.error = error }
                }
            }
            if let asked {
                for start in stride(from: 0, to: asked.count, by: 500) {
                    let chunk = Array(asked[start..<min(start + 500, asked.count)])
                    try await sql.raw(
                        "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table) WHERE id IN (\(binds: chunk))"
                    ).run(receive)
                }
            } else {
                // Streamed: a million services are never all held as rows at once.
                try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table)").run(receive)
            }
            let (rows, error) = out.withLockedValue { ($0.rows, $0.error) }
            if let error { throw error }
            if let asked {
                let found = Set(rows.map(id))
                let missing = Set(asked).subtracting(found)
                if !missing.isEmpty { batch.gone[table] = missing }
            }
            return rows
        }
        batch.people = try await fetch(
            "people", "id, sex, birth_year, nationality, centre_code, created_at, merged_into",
            { r in
                PersonRow(
                    id: try r.decode(column: "id", as: UUID.self), sex: try r.decode(column: "sex", as: String?.self),
                    birthYear: try r.decode(column: "birth_year", as: Int?.self),
                    nationality: try r.decode(column: "nationality", as: String?.self),
                    centre: try r.decode(column: "centre_code", as: String.self),
                    created: try r.decode(column: "created_at", as: Date.self),
                    mergedInto: try r.decode(column: "merged_into", as: UUID?.self))
            }, id: \.id)
        batch.services = try await fetch(
            "services", "id, person_id, centre_code, date, service_type, quantity, status",
            { r in
                ServiceRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    person: try r.decode(column: "person_id", as: UUID.self),
                    centre: try r.decode(column: "centre_code", as: String.self),
                    date: try r.decode(column: "date", as: String.self),
                    type: try r.decode(column: "service_type", as: String.self),
                    quantity: try r.decode(column: "quantity", as: Double.self),
                    status: try r.decode(column: "status", as: String.self))
            }, id: \.id)
        batch.screenings = try await fetch(
            "screenings", "id, person_id, centre_code, instrument_id, status, conclusion, completed_at",
            { r in
                ScreeningRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    person: try r.decode(column: "person_id", as: UUID.self),
                    centre: try r.decode(column: "centre_code", as: String.self),
                    instrument: try r.decode(column: "instrument_id", as: String.self),
                    status: try r.decode(column: "status", as: String.self),
                    conclusion: try r.decode(column: "conclusion", as: String?.self),
                    completed: try r.decode(column: "completed_at", as: Date?.self))
            }, id: \.id)
        batch.statusChanges = try await fetch(
            "trafficking_status_changes", "id, person_id, status, at",
            { r in
                StatusRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    person: try r.decode(column: "person_id", as: UUID.self),
                    status: try r.decode(column: "status", as: String.self),
                    at: try r.decode(column: "at", as: Date.self))
            }, id: \.id)
        batch.referrals = try await fetch(
            "referrals", "id, person_id, centre_code, sent_on, status",
            { r in
                ReferralRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    person: try r.decode(column: "person_id", as: UUID.self),
                    centre: try r.decode(column: "centre_code", as: String.self),
                    sentOn: try r.decode(column: "sent_on", as: String.self),
                    status: try r.decode(column: "status", as: String.self))
            }, id: \.id)
        batch.returns = try await fetch(
            "returns", "id, person_id, centre_code",
            { r in
                ReturnRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    person: try r.decode(column: "person_id", as: UUID.self),
                    centre: try r.decode(column: "centre_code", as: String.self))
            }, id: \.id)
        batch.steps = try await fetch(
            "return_steps", "id, return_id, step, date",
            { r in
                StepRow(
                    id: try r.decode(column: "id", as: UUID.self),
                    ret: try r.decode(column: "return_id", as: UUID.self),
                    step: try r.decode(column: "step", as: String.self),
                    date: try r.decode(column: "date", as: String.self))
            }, id: \.id)
        return batch
    }
}
