/// One entry of the append-only audit trail. Holds ids and action names only, never personal data.
public struct AuditRecord: Sendable, Equatable {
    public var seq: Int
    /// ISO 8601 UTC with milliseconds.
    public var at: String
    public var actorID: String?
    public var action: String
    public var recordType: String?
    public var recordID: String?
    /// What an investigator needs beside the record: a route pattern, a client address, the ids a list returned.
    /// Never a personal value.
    public var detail: String?
    public var previousHash: String
    public var hash: String

    public init(
        seq: Int, at: String, actorID: String?, action: String, recordType: String?, recordID: String?,
        detail: String? = nil, previousHash: String, hash: String
    ) {
        self.detail = detail
        self.seq = seq
        self.at = at
        self.actorID = actorID
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.previousHash = previousHash
        self.hash = hash
    }
}

public enum AuditVerification: Sendable, Equatable {
    case intact(entries: Int)
    /// The first entry whose content, link or position is wrong, and why.
    case broken(seq: Int, reason: String)
}

/// The hash chain over audit entries. The hash function is passed in so that this stays free of crypto libraries.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text that is hashed: every field, unambiguously separated, in a fixed order.
    public static func canonical(
        seq: Int, at: String, actorID: String?, action: String, recordType: String?, recordID: String?,
        detail: String? = nil, previousHash: String
    ) -> String {
        // The detail joins the hashed text only when present, so entries written before it existed still verify.
        var fields = [String(seq), at, actorID ?? "-", action, recordType ?? "-", recordID ?? "-"]
        if let detail { fields.append("d=" + detail) }
        fields.append(previousHash)
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    public static func canonical(_ r: AuditRecord) -> String {
        canonical(
            seq: r.seq, at: r.at, actorID: r.actorID, action: r.action, recordType: r.recordType,
            recordID: r.recordID, detail: r.detail, previousHash: r.previousHash)
    }

    /// Walks the trail in order. `head` is the last (seq, hash) the store recorded, which catches deleted tail rows.
    public static func verify(
        _ entries: [AuditRecord], head: (seq: Int, hash: String)?, hash: (String) -> String
    ) -> AuditVerification {
        verify(entries, head: head) { _, text in hash(text) }
    }

    /// As above, with the hash chosen per entry (`seq`): the store seals newer entries with a keyed MAC.
    public static func verify(
        _ entries: [AuditRecord], head: (seq: Int, hash: String)?, hash: (Int, String) -> String
    ) -> AuditVerification {
        var expectedPrevious = genesisHash
        var expectedSeq = 1
        for entry in entries {
            if entry.seq != expectedSeq {
                return .broken(seq: expectedSeq, reason: "entry \(expectedSeq) is missing")
            }
            if entry.previousHash != expectedPrevious {
                return .broken(seq: entry.seq, reason: "link to the previous entry does not match")
            }
            if hash(entry.seq, canonical(entry)) != entry.hash {
                return .broken(seq: entry.seq, reason: "content does not match its hash")
            }
            expectedPrevious = entry.hash
            expectedSeq += 1
        }
        if let head, head.seq != entries.count || (head.seq > 0 && head.hash != expectedPrevious) {
            return .broken(seq: entries.count + 1, reason: "entries after \(entries.count) were removed")
        }
        return .intact(entries: entries.count)
    }
}
