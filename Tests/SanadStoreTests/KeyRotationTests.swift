import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore

/// Issue 12, item 3: `sanad keys rotate` re-seals every sealed field and blind index under a new key while the
/// data stays readable, carries on after an interruption, and leaves the old key refused.
@Suite struct KeyRotationTests {
    static func keyFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sanad-key-\(UUID().uuidString)/master.key")
    }

    static func masters(_ file: URL) throws -> [SymmetricKey] {
        try KeyRing.parseAll(try String(contentsOf: file, encoding: .utf8))
    }

    /// People with a phone and a document (blind indexes), an edit (a revision), a case with a note, and a
    /// caseworker with two-factor set up: sealed values in most of the registered columns.
    static func populate(_ fx: TestFixture, people count: Int) async throws -> (Actor, [UUID]) {
        let cw = try await fx.actor("cw0", .caseworker)
        var ids: [UUID] = []
        for i in 0..<count {
            var draft = TestFixture.draft("Rotation Person \(i)")
            draft.phone = "+24991200\(String(format: "%04d", i))"
            draft.documents = [DocumentDraft(type: "passport", number: "RT\(100_000 + i)", issuingCountry: "ERI")]
            let person = try await fx.people(cw).register(draft)
            ids.append(person.id)
        }
        var change = TestFixture.draft("Rotation Person 0 Edited")
        change.phone = "+249912000000"
        change.documents = [DocumentDraft(type: "passport", number: "RT100000", issuingCountry: "ERI")]
        _ = try await fx.people(cw).update(ids[0], with: change, expectedVersion: 1)
        let cases = CaseService(db: fx.app.db, actor: cw, context: fx.context)
        let opened = try await cases.open(personID: ids[1], priority: "normal", risk: "low", caseworker: nil)
        try await cases.addNote(opened.id, text: "Rotation note")
        _ = try await TwoFactorService(db: fx.app.db, context: fx.context).begin(userID: UUID(uuidString: cw.userID)!)
        return (cw, ids)
    }

    /// What a caseworker sees: every person's name, the phone look-up, the case note.
    static func readEverything(_ fx: TestFixture, _ cw: Actor, _ ids: [UUID]) async throws {
        for (i, id) in ids.enumerated() {
            let name = try await fx.people(cw).find(id).personal.nameOriginal
            #expect(name == (i == 0 ? "Rotation Person 0 Edited" : "Rotation Person \(i)"))
        }
        let found = try await fx.people(cw).list(query: "+249912000003", centre: nil, page: 1, per: 10)
        #expect(found.items.map(\.id) == [ids[3]], "the phone's blind index finds the person")
        let byDocument = try await fx.people(cw).list(query: "RT100002", centre: nil, page: 1, per: 10)
        #expect(byDocument.items.map(\.id) == [ids[2]], "the document's blind index finds the person")
        #expect(try await fx.people(cw).history(ids[0]).count == 1)
        let cases = CaseService(db: fx.app.db, actor: cw, context: fx.context)
        let caseID = try await cases.cases(ofPerson: ids[1])[0].id
        #expect(try await cases.file(caseID).notes.map(\.text) == ["Rotation note"])
    }

    @Test func rotationResealsEverythingAndRetiresTheOldKey() async throws {
        let file = Self.keyFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try await TestApp.with(environment: ["SANAD_KEY_FILE": file.path]) { app, fx in
            let (cw, ids) = try await Self.populate(fx, people: 12)
            let old = try Self.masters(file)
            let oldID = fx.context.keys.active.id
            let before = try await KeyCensus.take(db: app.db, context: fx.context)
            #expect(before.byKey[oldID] == before.total && before.total == 15)

            let rotation = KeyRotation(db: app.db, context: fx.context, keyFile: file, batch: 5)
            #expect(try await rotation.begin())
            #expect(try Self.masters(file).count == 2, "the new key first, the old one kept for reading")
            let report = try #require(try await rotation.run(settle: .zero))
            #expect(report.from == [oldID] && report.to != oldID)
            #expect(report.total == before.total && report.identifiers == 24)

            let after = try await KeyCensus.take(db: app.db, context: fx.context)
            #expect(after.byKey == [report.to: before.total] && after.unreadable == 0)
            #expect(try Self.masters(file).count == 1, "the old key left the key file")
            #expect(try await Self.unregisteredOrOld(app, key: report.to) == [])
            try await Self.readEverything(fx, cw, ids)
            let verified = try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit)
            #expect(verified == .intact(entries: try await AuditEntry.query(on: app.db).count()))
            let auditKey = try await AuditKey.resolve(ring: KeyRing(master: try Self.masters(file)[0]), on: app.db)
            #expect(
                auditKey == fx.context.keys.audit, "the new key alone opens the installation's audit key")

            // The old key is refused from now on, naming why; the new one is accepted.
            await #expect {
                try await DatabaseSetup.checkKey(KeyRing(master: old[0]), on: app.db)
            } throws: { error in
                guard case SetupError.retiredKey(let since) = error else { return false }
                return !since.isEmpty
            }
            try await DatabaseSetup.checkKey(KeyRing(master: try Self.masters(file)[0]), on: app.db)
            let raw = try #require(try await Person.find(ids[2], on: app.db)).sealed
            #expect(throws: CipherError.self) {
                _ = try FieldCipher(keys: KeyRing(master: old[0])).open(
                    PersonalData.self, from: raw, context: Person.sealContext(ids[2]))
            }
        }
    }

    /// Killed part-way (here: stopped after two batches), the data reads throughout, an edit made meanwhile is
    /// kept, and running it again finishes.
    @Test func anInterruptedRotationResumesWithoutLosingAnEdit() async throws {
        let file = Self.keyFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try await TestApp.with(environment: ["SANAD_KEY_FILE": file.path]) { app, fx in
            let (cw, ids) = try await Self.populate(fx, people: 12)
            let first = KeyRotation(db: app.db, context: fx.context, keyFile: file, batch: 4)
            try await first.begin()
            #expect(try await first.run(settle: .zero, stopAfter: 2) == nil)
            let midway = try await KeyCensus.take(db: app.db, context: fx.context)
            #expect(midway.byKey.count == 2 && midway.unreadable == 0, "some values on each key")
            try await Self.readEverything(fx, cw, ids)

            // The last person is still on the old key: edit it now, then resume.
            var change = TestFixture.draft("Rotation Person 11")
            change.phone = "+249912000011"
            change.documents = [DocumentDraft(type: "passport", number: "RT100011", issuingCountry: "ERI")]
            change.notes = "edited during the rotation"
            _ = try await fx.people(cw).update(ids[11], with: change, expectedVersion: 1)

            let again = KeyRotation(db: app.db, context: fx.context, keyFile: file, batch: 4)
            #expect(try await again.begin() == false, "a rotation under way is carried on, not restarted")
            let report = try #require(try await again.run(settle: .zero))
            let after = try await KeyCensus.take(db: app.db, context: fx.context)
            #expect(after.byKey.keys.sorted() == [report.to] && after.unreadable == 0)
            #expect(try await fx.people(cw).find(ids[11]).personal.notes == "edited during the rotation")
            try await Self.readEverything(fx, cw, ids)
        }
    }

    /// A server that has not looked at the key file since the rotation began still opens the new values: it
    /// looks again as soon as a value names a key it lacks.
    @Test func aRunningServerReadsValuesSealedWithTheNewKey() throws {
        let file = Self.keyFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let old = SymmetricKey(size: .bits256)
        try KeyRing.write([old], to: file)
        let server = FieldCipher(source: KeySource(ring: KeyRing(master: old), keyFile: file))
        let new = SymmetricKey(size: .bits256)
        try KeyRing.write([new, old], to: file)
        let sealed = try FieldCipher(keys: KeyRing(master: new, previous: [old])).seal("Amal", context: "t/1")
        #expect(FieldCipher.keyID(of: sealed) == DerivedKeys(master: new).id)
        #expect(try server.open(String.self, from: sealed, context: "t/1") == "Amal")
        #expect(FieldCipher.keyID(of: try server.seal("x", context: "t/2")) == DerivedKeys(master: new).id)
    }

    /// Values sealed before ciphertexts named their key open, and a rotation gives them one.
    @Test func valuesSealedBeforeKeyIDsOpenAndAreResealed() throws {
        let master = SymmetricKey(size: .bits256)
        let ring = KeyRing(master: master)
        let legacy = try AES.GCM.seal(
            try JSONEncoder().encode("Amal"), using: ring.encryption, authenticating: Data("t/1".utf8)
        ).combined!
        let cipher = FieldCipher(keys: ring)
        #expect(try cipher.open(String.self, from: legacy, context: "t/1") == "Amal")
        let resealed = try #require(try cipher.resealed(legacy, context: "t/1"))
        #expect(FieldCipher.keyID(of: resealed) == ring.active.id)
        #expect(try cipher.resealed(resealed, context: "t/1") == nil)
        #expect(throws: CipherError.self) { _ = try cipher.open(String.self, from: resealed, context: "t/2") }
    }

    @Test func aSingleKeyFromTheEnvironmentCannotBeRotated() async throws {
        try await TestApp.with { app, fx in
            let rotation = KeyRotation(db: app.db, context: fx.context, keyFile: nil)
            await #expect(throws: KeyRotationError.self) { try await rotation.begin() }
        }
    }

    /// Every binary value in the database longer than a UUID is a sealed value of a registered column, and after
    /// a rotation it names the new key: a sealed column left out of `SealedColumn.all` would keep the old key.
    static func unregisteredOrOld(_ app: Application, key: String) async throws -> [String] {
        guard !TestApp.usesPostgres else { return [] }
        let sql = app.db as! any SQLDatabase
        let registered = Set(SealedColumn.all.map { "\($0.table).\($0.column)" })
        var found: [String] = []
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
            .map { try $0.decode(column: "name", as: String.self) }
        for table in tables {
            let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for column in columns {
                let values = try await sql.select().column(column).from(table)
                    .where(SQLRaw("typeof(\"\(column)\") = 'blob' AND length(\"\(column)\") > 16")).all()
                    .map { try $0.decode(column: column, as: Data.self) }
                if values.isEmpty { continue }
                if !registered.contains("\(table).\(column)") { found.append("\(table).\(column) is not registered") }
                if values.contains(where: { FieldCipher.keyID(of: $0) != key }) { found.append("\(table).\(column)") }
            }
        }
        return found
    }
}
