import Fluent
import Foundation
import SanadCore

/// One side of a conflict as a supervisor sees it.
public struct SyncConflictSide: Sendable, Equatable, Codable {
    public let operation: String
    public let value: String
    public let author: String
    public let at: Date
    /// The operation whose value the author saw when they edited (nil: the field had none).
    public let basis: String?
}

/// A field changed in two places from the same starting point, held for a person (issue 11, item 4).
public struct SyncConflict: Sendable, Equatable, Codable {
    /// `table.uuid.field`, the id in `/api/v1/sync/conflicts/{id}/resolve`.
    public let id: String
    public let table: String
    public let recordID: UUID
    /// The person the record belongs to, for the link and the badge.
    public let personID: UUID?
    public let centre: String
    public let field: String
    public let current: SyncConflictSide?
    public let held: [SyncConflictSide]
    /// Whether a supervisor may type a value other than those shown (`SyncValueRules`).
    public let acceptsNewValue: Bool
}

/// Which fields take a value typed by the supervisor resolving a conflict, and how it is checked: only coded
/// values that can be checked here. Everything else (names, phone and documents inside the sealed details, dates)
/// is resolved by keeping one of the values shown, then corrected on the record's own form if need be.
enum SyncValueRules {
    static func normalise(table: String, field: String, _ value: String) -> String? {
        let value = value.trimmingCharacters(in: .whitespaces)
        switch (table, field) {
        case ("people", "nationality"): return ReferenceData.country(value)?.iso3
        case ("people", "sex"): return Gender(rawValue: value)?.rawValue
        case ("cases", "priority"): return CasePriority(rawValue: value)?.rawValue
        case ("cases", "stage"): return CaseStage(rawValue: value)?.rawValue
        default: return nil
        }
    }

    static func accepts(table: String, field: String) -> Bool {
        [("people", "nationality"), ("people", "sex"), ("cases", "priority"), ("cases", "stage")]
            .contains { $0 == (table, field) }
    }
}

public enum SyncConflictError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case unknownChoice
    case invalidValue

    public var description: String {
        switch self {
        case .notFound: "No open conflict with that id (it may have been resolved already)."
        case .unknownChoice: "Choose one of the values shown (its operation) or enter a new value."
        case .invalidValue: "That value cannot be stored in this field."
        }
    }
}

extension SyncCentreService {
    /// Open conflicts on records of `centres` (nil: every centre).
    public func conflicts(centres: Set<String>?) async throws -> [SyncConflict] {
        guard try await SyncStateRecord.find(Self.stateName, on: db) != nil else { return [] }
        let state = try await db.transaction { tx in try await load(on: tx) }
        var out: [SyncConflict] = []
        for (key, field) in state.engine.fields where field.inConflict {
            guard let conflict = try describe(key, field, state) else { continue }
            if let centres, !centres.contains(conflict.centre) { continue }
            out.append(conflict)
        }
        return out.sorted { ($0.centre, $0.id) < ($1.centre, $1.id) }
    }

    /// Whether a person's record has a conflict open (the badge on their page).
    public func hasConflict(person: UUID) async throws -> Bool {
        let open = try await SyncStateRecord.load([String].self, name: Self.conflictsName, on: db) ?? []
        return open.contains(SyncRecordName(table: Person.schema, id: person).text)
    }

    /// A supervisor's answer: one of the values shown (`choice` = its operation) or a new `value`. The answer is
    /// the centre's own operation and travels to the offices like any edit.
    public func resolve(id: String, choice: String?, value: String?, by actor: String) async throws -> SyncConflict? {
        let parts = id.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, let uuid = UUID(uuidString: parts[1]) else { throw SyncConflictError.notFound }
        let record = SyncRecordName(table: parts[0], id: uuid).text
        let key = SyncFieldKey(record: record, field: parts[2])
        return try await commit { tx in
            var state = try await load(on: tx)
            let replica = SyncReplica(db: tx, context: context)
            try await captureLocal(&state, replica)
            guard let field = state.engine.fields[key], field.inConflict,
                let centre = state.engine.recordCentre[record]
            else { throw SyncConflictError.notFound }
            let seen = [field.head].compactMap { $0 } + field.held.map(\.id)
            let bytes: [UInt8]
            if let choice, !choice.isEmpty {
                if let op = field.held.first(where: { $0.id.description == choice }), let v = op.value {
                    bytes = v
                } else if field.head?.description == choice, let v = field.value {
                    bytes = v
                } else {
                    throw SyncConflictError.unknownChoice
                }
            } else if let value {
                guard let valid = SyncValueRules.normalise(table: parts[0], field: key.field, value) else {
                    throw SyncConflictError.invalidValue
                }
                bytes = Array(try SyncRows.encoder.encode(valid))
                var all = index(state.engine, [record])[record] ?? [:]
                all[key.field] = bytes
                guard let table = SyncTable.byName[parts[0]], table.accepts(uuid, all) else {
                    throw SyncConflictError.invalidValue
                }
            } else {
                throw SyncConflictError.unknownChoice
            }
            state.engine.make(
                record: record, centre: centre, field: key.field, kind: .resolve(value: bytes, supersedes: seen),
                author: actor, at: Int64(context.clock().timeIntervalSince1970))
            let touched = state.settings.waiting.union([record])
            state.settings.waiting = try await replica.materialise(touched, fields: index(state.engine, touched))
            try await captureLocal(&state, replica)
            try await save(&state, on: tx)
            try await AuditTrail.append(
                action: "sync.resolve", actorID: actor, recordType: parts[0], recordID: parts[1], detail: key.field,
                now: context.clock(), key: context.keys.audit, on: tx)
            return (state, try describe(key, state.engine.fields[key]!, state))
        }
    }

    private func describe(_ key: SyncFieldKey, _ field: SyncFieldState, _ state: State) throws -> SyncConflict? {
        guard let name = SyncRecordName(key.record) else { return nil }
        func side(_ op: SyncOperation?) -> SyncConflictSide? {
            guard let op, let value = op.value else { return nil }
            var basis: SyncOpID?
            if case .edit(_, let b) = op.kind { basis = b }
            return SyncConflictSide(
                operation: op.id.description, value: show(name, key.field, value), author: op.author,
                at: Date(timeIntervalSince1970: TimeInterval(op.at)), basis: basis?.description)
        }
        let values = index(state.engine, [key.record])[key.record] ?? [:]
        var person: UUID? = name.table == Person.schema ? name.id : nil
        if person == nil, let bytes = values["personID"] {
            person = try? SyncRows.decoder.decode(UUID.self, from: Data(bytes))
        }
        return SyncConflict(
            id: "\(name.table).\(name.id.uuidString).\(key.field)", table: name.table, recordID: name.id,
            personID: person, centre: state.engine.recordCentre[key.record] ?? "", field: key.field,
            current: side(field.head.flatMap { state.engine.operation($0) }), held: field.held.compactMap(side),
            acceptsNewValue: SyncValueRules.accepts(table: name.table, field: key.field))
    }

    /// A value as text for the supervisor: a person's sealed details are opened (they may see them), others shown
    /// as stored.
    private func show(_ name: SyncRecordName, _ field: String, _ bytes: [UInt8]) -> String {
        if field == "sealed", name.table == Person.schema,
            let sealed = try? SyncRows.decoder.decode(Data.self, from: Data(bytes)),
            let personal = try? context.cipher.open(
                PersonalData.self, from: sealed, context: Person.sealContext(name.id))
        {
            return [
                personal.nameOriginal, personal.nameLatin, personal.birthDate ?? "", personal.phone ?? "",
                personal.documents.map(\.number).joined(separator: " "),
            ].filter { !$0.isEmpty }.joined(separator: " · ")
        }
        if let text = try? SyncRows.decoder.decode(String.self, from: Data(bytes)) { return text }
        return String(decoding: bytes, as: UTF8.self)
    }
}
