import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore

@Suite struct DataProtectionTests {
    static let secrets = ["Selam Tesfay", "ሰላም ተስፋይ", "912345678", "EP7766554", "Metema"]

    @Test func personalDataNeverReachesTheDatabaseInClear() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            var draft = TestFixture.draft("ሰላም ተስፋይ")
            draft.nameLatin = "Selam Tesfay"
            draft.phone = "+249912345678"
            draft.documents = [DocumentDraft(type: "passport", number: "EP7766554", issuingCountry: "ERI")]
            draft.route = "Metema to Gedaref"
            let person = try await fx.people(cw).register(draft)
            #expect(try await fx.people(cw).find(person.id).personal.nameLatin == "Selam Tesfay")
            let dump = try await Self.dump(app, fx)
            #expect(dump.count > 1000, "the dump must actually contain the database")
            #expect(dump.contains(person.registrationNumber), "the dump is readable where data is not secret")
            for secret in Self.secrets {
                #expect(!dump.contains(secret), "\(secret) found in clear")
            }
        }
    }

    /// Everything the database holds: the SQLite files (main and WAL) byte for byte, or every PostgreSQL row.
    static func dump(_ app: Application, _ fx: TestFixture) async throws -> String {
        if TestApp.usesPostgres {
            let sql = app.db as! any SQLDatabase
            var text = ""
            for table in [
                "people", "person_identifiers", "person_revisions", "audit_entries", "users", "settings", "screenings",
                "trafficking_status_changes",
            ] {
                let rows = try await sql.raw("SELECT row_to_json(t)::text AS j FROM \(unsafeRaw: table) t").all()
                for row in rows { text += try row.decode(column: "j", as: String.self) + "\n" }
            }
            return text
        }
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: fx.directory.path) {
            bytes += try Data(contentsOf: fx.directory.appendingPathComponent(name))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func ciphertextMovedToAnotherPersonDoesNotOpen() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let a = try await fx.people(cw).register(TestFixture.draft("Aster"))
            let b = try await fx.people(cw).register(TestFixture.draft("Birtukan"))
            let rowA = try await Person.find(a.id, on: app.db)!
            let rowB = try await Person.find(b.id, on: app.db)!
            rowB.sealed = rowA.sealed
            try await rowB.update(on: app.db)
            await #expect(throws: CipherError.self) { try await fx.people(cw).find(b.id) }
        }
    }

    @Test func wrongKeyIsRefusedAtStartup() async throws {
        try await TestApp.with { app, fx in
            let other = KeyRing(master: SymmetricKey(size: .bits256))
            await #expect(throws: SetupError.self) {
                try await DatabaseSetup.prepare(app, source: KeySource(ring: other))
            }
        }
    }

    @Test func keyFileIsCreatedPrivateAndReused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sanad-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("master.key")
        let first = try KeyRing.load(environment: nil, keyFile: file)
        #expect(first.created)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try KeyRing.load(environment: nil, keyFile: file)
        #expect(!second.created)
        let digest = { (ring: KeyRing) in Digests(keys: ring).blindIndex(kind: "k", value: "v") }
        #expect(digest(first.ring) == digest(second.ring))
        #expect(throws: KeyRingError.self) { try KeyRing.load(environment: "too-short", keyFile: file) }
        let hex = String(repeating: "ab", count: 32)
        #expect(try KeyRing.load(environment: hex, keyFile: file).created == false)
    }

    @Test func auditTrailDetectsEditsAndDeletions() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            _ = try await fx.people(cw).find(person.id)
            _ = try await fx.people(cw).find(person.id)
            #expect(try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit) == .intact(entries: 5))
            let entries = try await AuditEntry.query(on: app.db).sort(\.$id).all()
            #expect(
                entries.map(\.action) == [
                    "user.create", "user.privilege", "person.create", "person.view", "person.view",
                ])
            #expect(entries[3].recordID == person.id.uuidString)
            #expect(entries[3].actorID == cw.userID)

            let sql = app.db as! any SQLDatabase
            try await sql.update("audit_entries").set("action", to: "person.list").where("seq", .equal, 4).run()
            #expect(
                try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit)
                    == .broken(seq: 4, reason: "content does not match its hash"))
            try await sql.update("audit_entries").set("action", to: "person.view").where("seq", .equal, 4).run()
            #expect(try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit) == .intact(entries: 5))
            try await sql.delete(from: "audit_entries").where("seq", .equal, 2).run()
            guard case .broken(let seq, _) = try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit) else {
                Issue.record("deletion not detected")
                return
            }
            #expect(seq == 2)
        }
    }
}
