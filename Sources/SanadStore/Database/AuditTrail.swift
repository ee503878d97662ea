import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore

/// Appends to and verifies the hash-chained audit trail.
public enum AuditTrail {
    public static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends one entry. Joins the caller's transaction when there is one, so the entry and the change it records
    /// commit together.
    public static func append(
        action: String, actorID: String?, recordType: String? = nil, recordID: String? = nil, detail: String? = nil,
        now: Date = Date(), on db: any Database
    ) async throws {
        try await db.transaction { tx in
            // Writing the head row first takes the write lock (row lock on PostgreSQL, the database lock on SQLite)
            // before reading it, so concurrent appends queue instead of forking the chain.
            try await (tx as! any SQLDatabase).update(AuditHead.schema)
                .set(SQLIdentifier("seq"), to: SQLIdentifier("seq"))
                .where("id", .equal, 1)
                .run()
            guard let head = try await AuditHead.find(1, on: tx) else {
                throw FluentError.missingParent(from: "audit", to: "audit_head", key: "id", id: "1")
            }
            let seq = head.seq + 1
            let previous = head.seq == 0 ? AuditChain.genesisHash : head.hash
            let at = now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            let text = AuditChain.canonical(
                seq: seq, at: at, actorID: actorID, action: action, recordType: recordType, recordID: recordID,
                detail: detail, previousHash: previous)
            let entry = AuditEntry()
            entry.id = seq
            entry.at = at
            entry.actorID = actorID
            entry.action = action
            entry.recordType = recordType
            entry.recordID = recordID
            entry.detail = detail
            entry.previousHash = previous
            entry.hash = hash(text)
            try await entry.create(on: tx)
            head.seq = seq
            head.hash = entry.hash
            try await head.update(on: tx)
        }
    }

    /// What a list or an export returned, for the audit: the filters by name (a searched name's value is never
    /// written, only that there was one), the count, and the ids — or, for long exports, a digest of them that
    /// the same export recomputed later will match (issue 19, finding 4).
    public static func returned(_ ids: [String], filters: [String: String?] = [:]) -> String {
        let named = filters.sorted { $0.key < $1.key }.compactMap { key, value in value.map { "\(key)=\($0)" } }
        let list = ids.count <= 200 ? "ids=" + ids.joined(separator: ",") : "sha256=" + hash(ids.sorted().joined())
        return (named + ["n=\(ids.count)", list]).joined(separator: " ")
    }

    public static func verify(on db: any Database) async throws -> AuditVerification {
        let rows = try await AuditEntry.query(on: db).sort(\.$id).all()
        let head = try await AuditHead.find(1, on: db)
        let records = rows.map(\.record)
        return AuditChain.verify(records, head: head.map { ($0.seq, $0.hash) }, hash: hash)
    }

    /// Newest first, for the administrator's browser.
    static func page(
        actor: Actor, page: Int, per: Int, on db: any Database
    ) async throws -> (entries: [AuditRecord], total: Int) {
        guard AccessPolicy.decide(actor, .viewAuditTrail) == .allow else { throw StoreError.forbidden }
        let page = min(max(1, page), 1_000_000)
        let per = min(max(1, per), 500)
        let total = try await AuditEntry.query(on: db).count()
        let rows = try await AuditEntry.query(on: db).sort(\.$id, .descending)
            .range(((page - 1) * per)..<(page * per)).all()
        return (rows.map(\.record), total)
    }
}

extension AuditEntry {
    var record: AuditRecord {
        AuditRecord(
            seq: id ?? 0, at: at, actorID: actorID, action: action, recordType: recordType, recordID: recordID,
            detail: detail, previousHash: previousHash, hash: hash)
    }
}

/// The administrator's view of the audit trail, newest first.
public struct AuditTrailService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    /// Reading the trail is itself recorded: who looked at which page of it.
    public func page(_ page: Int, per: Int) async throws -> (entries: [AuditRecord], total: Int) {
        let result = try await AuditTrail.page(actor: actor, page: page, per: per, on: db)
        try await AuditTrail.append(
            action: "audit.view", actorID: actor.userID, detail: "page=\(page) per=\(per)", now: context.clock(),
            on: db)
        return result
    }
}

extension Model {
    /// Saves a new record and its audit entry in one transaction: neither exists without the other.
    func createAudited(
        action: String, actorID: String?, recordType: String, recordID: String?, now: Date, on db: any Database
    ) async throws {
        try await db.transaction { tx in
            try await self.create(on: tx)
            try await AuditTrail.append(
                action: action, actorID: actorID, recordType: recordType, recordID: recordID, now: now, on: tx)
        }
    }
}
