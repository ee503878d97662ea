import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Issue 12, item 1: backup → wipe → restore gives back every person, case and audit entry, on SQLite and on
/// PostgreSQL, and a wrong file is refused, naming why, before anything is written.
@Suite struct BackupRestoreTests {
    struct Counts: Equatable {
        let people: Int
        let cases: Int
        let audit: Int
    }

    static func counts(_ db: any Database) async throws -> Counts {
        Counts(
            people: try await Person.query(on: db).count(), cases: try await CaseRecord.query(on: db).count(),
            audit: try await AuditEntry.query(on: db).count())
    }

    static func settings(_ directory: URL) -> SanadSettings {
        // On PostgreSQL nothing else makes the data folder the backup is written to.
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["SANAD_DATA_DIR"] = directory.path
        return SanadSettings(environment: environment)
    }

    @Test func backupWipeRestoreGivesEverythingBack() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            for i in 0..<5 {
                let person = try await fx.people(cw).register(TestFixture.draft("Person \(i) Backup"))
                _ = try await CaseService(db: app.db, actor: cw, context: fx.context).open(
                    personID: person.id, priority: "normal", risk: "low", caseworker: nil)
            }
            // A document (issue 15): its encrypted file goes into the folder beside the backup.
            let someone = try await fx.people(cw).register(TestFixture.draft("Person Documented Backup"))
            let documents = AttachmentService(db: app.db, actor: cw, context: fx.context)
            let upload = try await documents.begin(owner: .person, id: someone.id)
            try upload.write(Array("%PDF-1.4\n% BACKED-UP-DOCUMENT\n%%EOF\n".utf8))
            _ = try await documents.finish(upload, kind: "consent-form", name: "consent.pdf", caption: nil)
            let settings = Self.settings(fx.directory)
            let file = fx.directory.appendingPathComponent("sanad.backup")
            // The audit entries a backup writes about itself come after the snapshot.
            let before = try await Self.counts(app.db)
            let header = try await BackupService.backup(
                to: file, settings: settings, db: app.db, context: fx.context)
            #expect(header.people == 6 && header.auditSeq == before.audit)
            let beside = AttachmentBackup.folder(beside: file)
            let address = try #require(try await AttachmentBlob.query(on: app.db).first()).address
            #expect(BlobStore(root: beside).exists(address))
            #expect(try await BackupService.lastBackup(on: app.db) != nil, "administrators see when")
            let raw = try Data(contentsOf: file)
            #expect(raw.range(of: Data("Person 0 Backup".utf8)) == nil, "a backup alone reveals no name")

            let keys = fx.context.keys
            let scratch = fx.directory.appendingPathComponent("scratch")
            let checked = try await BackupService.verify(file, keys: keys, scratch: scratch)
            if !TestApp.usesPostgres {
                #expect(checked.integrity == "ok")
                #expect(checked.audit == .intact(entries: before.audit))
                #expect(checked.attachments?.present == 1 && checked.attachments?.missing == 0)
            }
            // The database here holds data: no restore over it without --force.
            await #expect(throws: BackupError.targetHoldsData(people: 6)) {
                _ = try await BackupService.restore(file, keys: keys, settings: settings, force: false)
            }

            if TestApp.usesPostgres {
                // Wipe: every table dropped and made again, empty.
                try await app.autoRevert()
                try await app.autoMigrate()
                #expect(try await Self.counts(app.db).people == 0)
                let restored = try await BackupService.restore(file, keys: keys, settings: settings, force: false)
                #expect(restored.audit == .intact(entries: before.audit))
                #expect(try await Self.counts(app.db) == before)
            } else {
                // A new, empty place stands for the wiped laptop.
                let elsewhere = Self.settings(fx.directory.appendingPathComponent("new-laptop"))
                try FileManager.default.createDirectory(at: elsewhere.dataDirectory, withIntermediateDirectories: true)
                let restored = try await BackupService.restore(file, keys: keys, settings: elsewhere, force: false)
                #expect(restored.integrity == "ok")
                #expect(restored.audit == .intact(entries: before.audit))
                let after = try await Scratch.database(elsewhere) { try await Self.counts($0) }
                #expect(after == before)
                // The document's file is back in the new laptop's data folder.
                #expect(restored.attachments?.present == 1)
                #expect(BlobStore(root: elsewhere.attachmentsDirectory).exists(address))
                // The restored database is of this installation; another's data there is never replaced by it.
                try await Scratch.database(elsewhere) { db in
                    try await (db as! any SQLDatabase).raw(
                        "UPDATE settings SET value = 'another-centre' WHERE key = 'installation_id'"
                    ).run()
                }
                await #expect(throws: BackupError.anotherInstallation(header.installation)) {
                    _ = try await BackupService.restore(file, keys: keys, settings: elsewhere, force: true)
                }
            }
        }
    }

    @Test func wrongFilesAreRefusedNamingWhy() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            _ = try await fx.people(cw).register(TestFixture.draft())
            let settings = Self.settings(fx.directory)
            let file = fx.directory.appendingPathComponent("sanad.backup")
            _ = try await BackupService.backup(to: file, settings: settings, db: app.db, context: fx.context)
            let keys = fx.context.keys
            let scratch = fx.directory.appendingPathComponent("scratch")
            let data = try Data(contentsOf: file)
            func variant(_ name: String, _ bytes: Data) throws -> URL {
                let url = fx.directory.appendingPathComponent(name)
                try bytes.write(to: url)
                return url
            }
            let truncated = try variant("truncated", data.prefix(data.count - 100))
            await #expect(throws: BackupError.self) {
                _ = try await BackupService.verify(truncated, keys: keys, scratch: scratch)
            }
            do {
                _ = try await BackupService.verify(truncated, keys: keys, scratch: scratch)
            } catch let error as BackupError {
                guard case .truncated = error else { throw error }
                #expect(error.description.contains("truncated"))
            }
            var flipped = data
            flipped[flipped.count - 50] ^= 0xFF
            await #expect(throws: BackupError.edited) {
                _ = try await BackupService.verify(try variant("edited", flipped), keys: keys, scratch: scratch)
            }
            let text = String(decoding: data.prefix(600), as: UTF8.self)
            let installation = try #require(text.range(of: #""installation":"[^"]+""#, options: .regularExpression))
            var otherHeader = data
            let fake = Data(#""installation":"ffffffff-ffff-ffff-ffff-ffffffffffff""#.utf8)
            let range = text.utf8.distance(from: text.startIndex, to: installation.lowerBound)
            otherHeader.replaceSubrange(range..<(range + text[installation].utf8.count), with: fake)
            await #expect(throws: BackupError.edited, "a header changed by hand is an edit too") {
                _ = try await BackupService.verify(
                    try variant("other-installation", otherHeader), keys: keys, scratch: scratch)
            }
            let otherKey = KeyRing(master: SymmetricKey(size: .bits256))
            await #expect(throws: BackupError.anotherKey) {
                _ = try await BackupService.verify(file, keys: otherKey, scratch: scratch)
            }
            await #expect(throws: BackupError.notABackup) {
                _ = try await BackupService.verify(
                    try variant("not-a-backup", Data("hello".utf8)), keys: keys, scratch: scratch)
            }
            // Nothing was written anywhere: the database still holds its one person.
            #expect(try await Person.query(on: app.db).count() == 1)
        }
    }
}
