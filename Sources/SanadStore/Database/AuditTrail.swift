import Crypto
import Fluent
import Foundation
import Metrics
import SQLKit
import SanadCore

/// Appends to and verifies the audit trail: a chain of entries, each sealed with an HMAC under a key derived from
/// the master key, so that rewriting it needs the key and not only write access to the database (issue 12). Entries
/// written before the chain was keyed keep their plain SHA-256 links; a marker, itself keyed, says where the keyed
/// part begins, so no one can pass the whole trail off as unkeyed. An anchor kept outside the database (`sanad
/// audit anchor`) proves later that the trail still holds that head unchanged, even against the key's holder.
public enum AuditTrail {
    public static func hash(_ text: String) -> String {
        Digests.sha256(text)
    }

    public static func mac(_ text: String, key: SymmetricKey) -> String {
        Digests.hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    static let markerSetting = "audit_keyed_from"

    /// Marks where the keyed chain begins (the next entry) unless a marker exists. Run at every start.
    static func keyChain(key: SymmetricKey, on db: any Database) async throws {
        guard try await Setting.find(markerSetting, on: db) == nil else { return }
        let next = (try await AuditHead.find(1, on: db)?.seq ?? 0) + 1
        try await Setting(key: markerSetting, value: "\(next):" + mac("keyed-from:\(next)", key: key)).create(on: db)
    }

    /// The first keyed entry, when the marker is there and genuine.
    static func keyedFrom(key: SymmetricKey, on db: any Database) async throws -> Int? {
        guard let value = try await Setting.find(markerSetting, on: db)?.value else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seq = Int(parts[0]), parts[1] == mac("keyed-from:\(seq)", key: key) else {
            return nil
        }
        return seq
    }

    /// Appends one entry. Joins the caller's transaction when there is one, so the entry and the change it records
    /// commit together.
    public static func append(
        action: String, actorID: String?, recordType: String? = nil, recordID: String? = nil, detail: String? = nil,
        now: Date = Date(), key: SymmetricKey, on db: any Database
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
            entry.hash = mac(text, key: key)
            try await entry.create(on: tx)
            head.seq = seq
            head.hash = entry.hash
            try await head.update(on: tx)
        }
        Counter(label: "sanad_audit_appends_total").increment()
    }

    /// What a list or an export returned, for the audit: the filters by name (a searched name's value is never
    /// written, only that there was one), the count, and the ids — or, for long exports, a digest of them that
    /// the same export recomputed later will match (issue 19, finding 4).
    public static func returned(_ ids: [String], filters: [String: String?] = [:]) -> String {
        let named = filters.sorted { $0.key < $1.key }.compactMap { key, value in value.map { "\(key)=\($0)" } }
        let list = ids.count <= 200 ? "ids=" + ids.joined(separator: ",") : "sha256=" + hash(ids.sorted().joined())
        return (named + ["n=\(ids.count)", list]).joined(separator: " ")
    }

    public static func verify(on db: any Database, key: SymmetricKey) async throws -> AuditVerification {
        guard let keyedFrom = try await keyedFrom(key: key, on: db) else {
            return .broken(seq: 0, reason: "the marker of the keyed chain is missing or was not made with this key")
        }
        let rows = try await AuditEntry.query(on: db).sort(\.$id).all()
        let head = try await AuditHead.find(1, on: db)
        return AuditChain.verify(rows.map(\.record), head: head.map { ($0.seq, $0.hash) }) { seq, text in
            seq >= keyedFrom ? mac(text, key: key) : hash(text)
        }
    }

    /// The head to keep outside the database: `sanad-audit-anchor seq=N hash=H at=T`.
    public static func anchor(on db: any Database) async throws -> AuditAnchor? {
        guard let head = try await AuditHead.find(1, on: db), head.seq > 0,
            let entry = try await AuditEntry.find(head.seq, on: db)
        else { return nil }
        return AuditAnchor(seq: head.seq, hash: head.hash, at: entry.at)
    }

    /// Verifies the chain and that it still holds the anchored entry with the anchored hash.
    public static func verify(
        on db: any Database, key: SymmetricKey, anchor: AuditAnchor
    ) async throws -> AuditVerification {
        let result = try await verify(on: db, key: key)
        guard case .intact = result else { return result }
        guard let entry = try await AuditEntry.find(anchor.seq, on: db) else {
            return .broken(seq: anchor.seq, reason: "the anchored entry is no longer in the trail")
        }
        guard entry.hash == anchor.hash else {
            return .broken(seq: anchor.seq, reason: "the anchored entry was rewritten since the anchor was taken")
        }
        return result
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
            key: context.keys.audit, on: db)
        return result
    }
}

extension Model {
    /// Saves a new record and its audit entry in one transaction: neither exists without the other.
    func createAudited(
        action: String, actorID: String?, recordType: String, recordID: String?, now: Date, key: SymmetricKey,
        on db: any Database
    ) async throws {
        try await db.transaction { tx in
            try await self.create(on: tx)
            try await AuditTrail.append(
                action: action, actorID: actorID, recordType: recordType, recordID: recordID, now: now, key: key, on: tx
            )
        }
    }
}

/// A head of the audit trail written down outside the database (on paper, on another server).
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
    public let seq: Int
    public let hash: String
    public let at: String

    public var description: String { "sanad-audit-anchor seq=\(seq) hash=\(hash) at=\(at)" }

    public init(seq: Int, hash: String, at: String) {
        self.seq = seq
        self.hash = hash
        self.at = at
    }

    /// Reads the printed line, or just `seq=… hash=…` (the time is for people, not checked).
    public init?(_ text: String) {
        var fields: [String: String] = [:]
        for word in text.split(whereSeparator: \.isWhitespace) {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let seq = fields["seq"].flatMap(Int.init), seq > 0, let hash = fields["hash"]?.lowercased(),
            hash.count == 64, hash.allSatisfy(\.isHexDigit)
        else { return nil }
        self.init(seq: seq, hash: hash, at: fields["at"] ?? "")
    }
}
