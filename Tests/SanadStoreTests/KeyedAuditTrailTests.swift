import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Issue 12, item 4: whoever can write the database cannot rebuild the trail without the key, and an anchor kept
/// outside the database proves the trail still holds a head even against the key's holder.
@Suite struct KeyedAuditTrailTests {
    /// Rewrites entry `seq` and every later one as an attacker without the key would: recomputing plain SHA-256
    /// links from the changed entry on, and the head.
    static func rebuild(from seq: Int, on db: any Database, hash: (String) -> String) async throws {
        let rows = try await AuditEntry.query(on: db).sort(\.$id).all()
        var previous = rows.first { $0.id == seq - 1 }?.hash ?? AuditChain.genesisHash
        for row in rows where (row.id ?? 0) >= seq {
            row.previousHash = previous
            row.hash = hash(AuditChain.canonical(row.record))
            try await row.update(on: db)
            previous = row.hash
        }
        let head = try await AuditHead.find(1, on: db)!
        head.hash = previous
        try await head.update(on: db)
    }

    @Test func rewritingTheTrailNeedsTheKey() async throws {
        try await TestApp.with { app, fx in
            let key = fx.context.keys.audit
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            _ = try await fx.people(cw).find(person.id)
            #expect(try await AuditTrail.verify(on: app.db, key: key) == .intact(entries: 4))
            let sql = app.db as! any SQLDatabase
            // Edit an entry and rebuild the chain after it with plain hashes: caught at the edited entry.
            try await sql.update("audit_entries").set("action", to: "person.list").where("seq", .equal, 4).run()
            try await Self.rebuild(from: 4, on: app.db, hash: AuditTrail.hash)
            #expect(
                try await AuditTrail.verify(on: app.db, key: key)
                    == .broken(seq: 4, reason: "content does not match its hash"))
            // Rebuild everything as an unkeyed chain and remove the marker: the missing marker gives it away.
            try await Self.rebuild(from: 1, on: app.db, hash: AuditTrail.hash)
            try await Setting.query(on: app.db).filter(\.$id == AuditTrail.markerSetting).delete()
            guard case .broken(0, _) = try await AuditTrail.verify(on: app.db, key: key) else {
                Issue.record("a trail without its marker must not verify")
                return
            }
            // A marker forged for a later start, without the key, does not pass either.
            try await Setting(key: AuditTrail.markerSetting, value: "99:" + String(repeating: "0", count: 64))
                .create(on: app.db)
            guard case .broken(0, _) = try await AuditTrail.verify(on: app.db, key: key) else {
                Issue.record("a forged marker must not verify")
                return
            }
            // With the key, the rebuilt trail would verify: the key is what protects it.
            try await Self.rebuild(from: 1, on: app.db) { AuditTrail.mac($0, key: key) }
            try await Setting.query(on: app.db).filter(\.$id == AuditTrail.markerSetting).delete()
            try await Setting(key: AuditTrail.markerSetting, value: "1:" + AuditTrail.mac("keyed-from:1", key: key))
                .create(on: app.db)
            #expect(try await AuditTrail.verify(on: app.db, key: key) == .intact(entries: 4))
        }
    }

    @Test func entriesBeforeTheMarkerKeepTheirPlainLinks() async throws {
        try await TestApp.with { app, fx in
            let key = fx.context.keys.audit
            let cw = try await fx.actor("cw0", .caseworker)
            _ = try await fx.people(cw).register(TestFixture.draft())
            // As an installation upgraded from before the keyed chain: three plain entries, then the marker.
            try await Self.rebuild(from: 1, on: app.db, hash: AuditTrail.hash)
            try await Setting.query(on: app.db).filter(\.$id == AuditTrail.markerSetting).delete()
            try await AuditTrail.keyChain(key: key, on: app.db)
            #expect(try await AuditTrail.keyedFrom(key: key, on: app.db) == 4)
            _ = try await fx.people(cw).register(TestFixture.draft("Another Person"))
            #expect(try await AuditTrail.verify(on: app.db, key: key) == .intact(entries: 4))
        }
    }

    @Test func anAnchorProvesTheHeadIsStillThere() async throws {
        try await TestApp.with { app, fx in
            let key = fx.context.keys.audit
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let anchor = try #require(try await AuditTrail.anchor(on: app.db))
            #expect(AuditAnchor(anchor.description) == anchor, "the printed line reads back")
            #expect(AuditAnchor("seq=0 hash=abc") == nil)
            _ = try await fx.people(cw).find(person.id)
            #expect(try await AuditTrail.verify(on: app.db, key: key, anchor: anchor) == .intact(entries: 4))
            // The key's holder rewrites the anchored entry and everything after it, keyed: the chain is intact,
            // but not the anchored head.
            let sql = app.db as! any SQLDatabase
            try await sql.update("audit_entries").set("actor_id", to: "someone-else").where("seq", .equal, anchor.seq)
                .run()
            try await Self.rebuild(from: anchor.seq, on: app.db) { AuditTrail.mac($0, key: key) }
            #expect(try await AuditTrail.verify(on: app.db, key: key) == .intact(entries: 4))
            #expect(
                try await AuditTrail.verify(on: app.db, key: key, anchor: anchor)
                    == .broken(seq: anchor.seq, reason: "the anchored entry was rewritten since the anchor was taken"))
            // Cutting the trail back before the anchor is caught too.
            try await sql.delete(from: "audit_entries").where("seq", .greaterThanOrEqual, anchor.seq).run()
            try await Self.rebuild(from: 1, on: app.db) { AuditTrail.mac($0, key: key) }
            let head = try await AuditHead.find(1, on: app.db)!
            head.seq = anchor.seq - 1
            try await head.update(on: app.db)
            #expect(
                try await AuditTrail.verify(on: app.db, key: key, anchor: anchor)
                    == .broken(seq: anchor.seq, reason: "the anchored entry is no longer in the trail"))
        }
    }
}
