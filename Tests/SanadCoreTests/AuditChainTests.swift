import Foundation
import Testing

@testable import SanadCore

@Suite struct AuditChainTests {
    /// A stand-in hash for the pure chain logic (the store uses SHA-256); any injective-enough function works.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 1_469_598_103_934_665_603
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        return String(h, radix: 16)
    }

    func chain(_ n: Int) -> [AuditRecord] {
        var out: [AuditRecord] = []
        var previous = AuditChain.genesisHash
        for seq in 1...n {
            var r = AuditRecord(
                seq: seq, at: "2026-11-29T10:00:0\(seq % 10).000Z", actorID: "u1", action: "person.view",
                recordType: "person", recordID: "p\(seq)", previousHash: previous, hash: "")
            r.hash = Self.hash(AuditChain.canonical(r))
            previous = r.hash
            out.append(r)
        }
        return out
    }

    @Test func intactChainVerifies() {
        let entries = chain(5)
        #expect(AuditChain.verify(entries, head: (5, entries[4].hash), hash: Self.hash) == .intact(entries: 5))
    }

    @Test func editedEntryIsNamed() {
        var entries = chain(5)
        entries[2].action = "person.update"
        #expect(
            AuditChain.verify(entries, head: (5, entries[4].hash), hash: Self.hash)
                == .broken(seq: 3, reason: "content does not match its hash"))
    }

    @Test func deletedMiddleEntryIsNamed() {
        var entries = chain(5)
        entries.remove(at: 1)
        guard case .broken(let seq, _) = AuditChain.verify(entries, head: (5, "x"), hash: Self.hash) else {
            Issue.record("deletion not detected")
            return
        }
        #expect(seq == 2)
    }

    @Test func deletedTailIsDetectedThroughTheHead() {
        let entries = chain(5)
        let head = (5, entries[4].hash)
        guard case .broken(let seq, _) = AuditChain.verify(Array(entries.prefix(4)), head: head, hash: Self.hash) else {
            Issue.record("tail deletion not detected")
            return
        }
        #expect(seq == 5)
    }

    @Test func recomputedHashStillBreaksTheNextLink() {
        var entries = chain(4)
        entries[1].recordID = "other"
        entries[1].hash = Self.hash(AuditChain.canonical(entries[1]))
        #expect(
            AuditChain.verify(entries, head: (4, entries[3].hash), hash: Self.hash)
                == .broken(seq: 3, reason: "link to the previous entry does not match"))
    }

    @Test func canonicalFormIsUnambiguous() {
        let a = AuditChain.canonical(
            seq: 1, at: "t", actorID: "a|b", action: "c", recordType: nil, recordID: nil, previousHash: "0")
        let b = AuditChain.canonical(
            seq: 1, at: "t", actorID: "a", action: "b|c", recordType: nil, recordID: nil, previousHash: "0")
        #expect(a != b)
    }
}
