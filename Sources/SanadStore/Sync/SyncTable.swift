import FluentKit
import Foundation
import SQLKit
import SanadCore

/// A table whose rows travel between the centre and its offices, field by field (issue 11).
///
/// Travelling today: people and what is recorded about them at a centre — cases with their notes, plan, follow-ups
/// and approvals, services, screenings and status decisions, vulnerability assessments, voluntary returns and their
/// steps — and awareness events. Each row is its own record in the merge (`"people/<id>"`), belonging to the
/// centre in its `centreCode`, or its parent's. Not yet: referrals and consents (they name partners, which are the
/// centre's reference data), shelter stays (beds), case transfers between centres, and accounts.
struct SyncTable: Sendable {
    let name: String
    /// Every travelling field of a row (not its id, not `SyncRows.local`).
    let fields: Set<String>
    /// Fields naming a row of another table that must exist first (a service's case and person).
    let parents: [String: String]
    /// For a table without a centre of its own: the field naming the row whose centre it shares, and its table.
    let centreFrom: (field: String, table: String)?
    let read: @Sendable ([UUID], any Database) async throws -> [UUID: [String: [UInt8]]]
    /// Writes a row from its fields; false (and nothing written) while fields are missing.
    let write: @Sendable (UUID, [String: [UInt8]], Date, any Database) async throws -> Bool
    /// Whether these fields make a valid row (a supervisor's new value is checked before it travels).
    let accepts: @Sendable (UUID, [String: [UInt8]]) -> Bool

    /// Parents before children, the order rows are written in.
    static let all: [SyncTable] = {
        let people = Person.schema
        let cases = CaseRecord.schema
        return [
            table(Person.self, parents: [:]),
            table(CaseRecord.self, parents: ["personID": people]),
            table(ServiceRecord.self, parents: ["caseID": cases, "personID": people]),
            table(ScreeningRecord.self, parents: ["personID": people]),
            table(TraffickingStatusChange.self, parents: ["personID": people], centreFrom: ("personID", people)),
            table(VulnerabilityAssessment.self, parents: ["personID": people]),
            table(CaseNote.self, parents: ["caseID": cases], centreFrom: ("caseID", cases)),
            table(PlanItem.self, parents: ["caseID": cases], centreFrom: ("caseID", cases)),
            table(FollowUp.self, parents: ["caseID": cases], centreFrom: ("caseID", cases)),
            table(ApprovalRecord.self, parents: ["caseID": cases], centreFrom: ("caseID", cases)),
            table(ReturnRecord.self, parents: ["caseID": cases, "personID": people]),
            table(
                ReturnStep.self, parents: ["returnID": ReturnRecord.schema],
                centreFrom: ("returnID", ReturnRecord.schema)),
            table(AwarenessEventRecord.self, parents: [:]),
        ]
    }()

    /// The centre a row belongs to: its own, or its parent's.
    func centre(_ fields: [String: [UInt8]], on db: any Database) async throws -> String? {
        guard let (field, table) = centreFrom else {
            return fields["centreCode"].flatMap { try? SyncRows.decoder.decode(String.self, from: Data($0)) }
        }
        guard let bytes = fields[field], let id = try? SyncRows.decoder.decode(UUID.self, from: Data(bytes)) else {
            return nil
        }
        let sql = db as! any SQLDatabase
        return try await sql.select().column("centre_code").from(table).where("id", .equal, SQLBind(id)).first()?
            .decode(column: "centre_code", as: String.self)
    }

    static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    static func table<M: Model>(
        _ type: M.Type, parents: [String: String], centreFrom: (field: String, table: String)? = nil
    ) -> SyncTable where M.IDValue == UUID {
        // Every travelling field of the model (property wrappers show as `_name`): a row is written only once all
        // have arrived, or an optional one still on its way would be written as empty and read back as an edit.
        let expected = Set(Mirror(reflecting: M()).children.compactMap { $0.label.map { String($0.dropFirst()) } })
            .subtracting(["id"]).subtracting(SyncRows.local)
        return SyncTable(
            name: M.schema, fields: expected, parents: parents, centreFrom: centreFrom,
            read: { ids, db in
                var out: [UUID: [String: [UInt8]]] = [:]
                for chunk in stride(from: 0, to: ids.count, by: 500) {
                    let part = Array(ids[chunk..<min(ids.count, chunk + 500)])
                    for model in try await M.query(on: db).filter(
                        .path([.id], schema: M.schema), .subset(inverse: false), .array(part.map { .bind($0) })
                    ).all() {
                        if let id = model.id { out[id] = try SyncRows.fields(model) }
                    }
                }
                return out
            },
            write: { id, fields, now, db in
                guard expected.isSubset(of: fields.keys) else { return false }
                let existing = try await M.find(id, on: db)
                var local: [String: SyncJSON] = [:]
                if let existing,
                    case .object(let object) = try SyncRows.decoder.decode(
                        SyncJSON.self, from: SyncRows.encoder.encode(existing))
                {
                    local = object.filter { SyncRows.local.contains($0.key) }
                }
                if case .int(let version) = local["version"] {
                    local["version"] = .int(version + 1)
                } else {
                    local["version"] = .int(1)
                }
                local["updatedAt"] = .int(Int64((now.timeIntervalSince1970 * 1000).rounded()))
                guard let model = try? SyncRows.model(M.self, id: id, fields: fields, local: local) else {
                    return false
                }
                let input = SyncRowInput()
                model.input(to: input)
                var data = input.values
                for key in M.keys where data[key] == nil { data[key] = .null }
                for (key, value) in data {
                    if case .default = value { data[key] = .null }
                }
                data[.id] = nil
                if existing != nil {
                    try await M.query(on: db).filter(
                        .path([.id], schema: M.schema), .equality(inverse: false), .bind(id)
                    )
                    .set(data).update()
                } else {
                    data[.id] = .bind(id)
                    try await M.query(on: db).set(data).create()
                }
                return true
            },
            accepts: { id, fields in
                (try? SyncRows.model(
                    M.self, id: id, fields: fields, local: ["version": .int(1), "updatedAt": .int(0)])) != nil
            })
    }

    /// Whether every row this one names exists already, so writing it breaks no foreign key.
    func parentsExist(_ fields: [String: [UInt8]], on db: any Database) async throws -> Bool {
        for (field, table) in parents {
            guard let bytes = fields[field], let id = try? SyncRows.decoder.decode(UUID.self, from: Data(bytes)) else {
                return false
            }
            let sql = db as! any SQLDatabase
            let found = try await sql.select().column("id").from(table).where("id", .equal, SQLBind(id)).first()
            if found == nil { return false }
        }
        return true
    }
}

/// A row as the merge names it.
struct SyncRecordName: Hashable {
    let table: String
    let id: UUID

    init(table: String, id: UUID) {
        self.table = table
        self.id = id
    }

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { return nil }
        table = String(parts[0])
        self.id = id
    }

    var text: String { "\(table)/\(id.uuidString)" }
}
