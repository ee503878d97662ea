import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import SanadWeb
import Testing
import Vapor
import VaporTesting

@testable import SanadStore

/// One damaged record must not take a centre down (issue 16): tried on SQLite and, with DATABASE_URL, PostgreSQL.
@Suite struct DamagedRecordTests {
    /// What a bad disk sector or an interrupted restore does: one person's sealed record overwritten with 26 other
    /// bytes, another person's phone look-up changed, one audit entry edited.
    static func damage(_ app: Application, sealed: UUID?, index: UUID?, auditEntry: Int?) async throws {
        let sql = app.db as! any SQLDatabase
        if let sealed {
            try await sql.update("people").set("sealed", to: SQLBind(Data((0..<26).map { UInt8($0 * 7) })))
                .where("id", .equal, SQLBind(sealed)).run()
        }
        if let index {
            try await sql.update("person_identifiers").set("digest", to: SQLBind(String(repeating: "f", count: 64)))
                .where("person_id", .equal, SQLBind(index)).run()
        }
        if let auditEntry {
            try await sql.update("audit_entries").set("detail", to: SQLBind("edited"))
                .where("seq", .equal, SQLBind(auditEntry)).run()
        }
    }

    /// A restart as `sanad serve` does one: a new process's empty name index over the same database and keys.
    static func restart(_ app: Application) async throws {
        let attachments = app.sanad.attachments
        app.sanad = StoreContext(source: app.sanad.keySource)
        app.sanad.attachments = attachments
        try await SanadApp.prepare(app)
    }

    static func researchDraft(_ name: String, phone: String? = nil) -> PersonDraft {
        var draft = TestFixture.draft(name)
        draft.phone = phone
        draft.consent.interview = true
        draft.consent.toldResearch = true
        return draft
    }

    @Test func oneDamagedPersonLeavesEverythingElseWorking() async throws {
        try await TestApp.with { app, fx in
            let caseworker = try await fx.user("caseworker1", .caseworker)
            let admin = try await fx.user("admin1", .administrator)
            let people = fx.people(caseworker.actor!)
            let damaged = try await people.register(Self.researchDraft("Rahel Haile"))
            let indexed = try await people.register(Self.researchDraft("Selam Tesfay", phone: "+249912345678"))
            let intact = try await people.register(Self.researchDraft("Amina Yusuf"))
            // Presumed victims who consented to research: the CTDC export's rows.
            try await (app.db as! any SQLDatabase).update("people").set(
                "trafficking_status", to: SQLBind(TraffickingStatus.possible.rawValue)
            )
            .run()
            try await Self.damage(app, sealed: damaged.id, index: indexed.id, auditEntry: 2)

            try await Self.restart(app)
            #expect(fx.context.names.count == 2)
            #expect(try await Quarantine.openCount(on: app.db) == 1)

            var web = WebClient(app: app, session: try await fx.browserSession(for: caseworker))
            let list = try await web.get("/people")
            #expect(list.status == .ok)
            #expect(list.text.contains(indexed.registrationNumber) && list.text.contains(intact.registrationNumber))
            #expect(!list.text.contains(damaged.registrationNumber))
            #expect(try await web.get("/people?q=Rahel").text.contains(damaged.registrationNumber) == false)
            #expect(try await web.get("/people/\(indexed.id)").status == .ok)
            let page = try await web.get("/people/\(damaged.id)")
            #expect(page.status == .conflict)
            #expect(page.text.contains("This record is damaged"))
            web.language = "ar"
            #expect(try await web.get("/people/\(damaged.id)").text.contains("هذا السجل تالف"))
            let api = WebClient(app: app, bearer: try await fx.apiToken(for: caseworker))
            let problem = try await api.get("/api/v1/people/\(damaged.id)")
            #expect(problem.status == .conflict)
            #expect(problem.jsonObject()?["type"] as? String == "/api/v1/problems/damaged-record")
            #expect(try await api.get("/api/v1/people").status == .ok)

            let rows = try await CTDCSource(db: app.db, context: fx.context).cases(actorID: nil).table.rows
            #expect(rows.count == 2)

            let health = try await WebClient(app: app).get("/health").jsonObject()
            #expect(health?["status"] as? String == "degraded")
            #expect(health?["damagedRecords"] as? Int == 1)
            #expect(!(try await WebClient(app: app).get("/health").text.contains(damaged.id.uuidString)))

            let report = try await IntegrityCheck(db: app.db, context: fx.context).run()
            #expect(!report.clean)
            #expect(
                report.findings.contains {
                    $0.kind == "sealed-value" && $0.record == damaged.id.uuidString
                        && $0.registrationNumber == damaged.registrationNumber
                })
            #expect(
                report.findings.contains { $0.kind == "blind-index" && $0.record == indexed.id.uuidString })
            #expect(report.findings.contains { $0.kind == "audit" && $0.record == "2" })
            #expect(report.unreadable == 1 && report.mismatchedIndexes == 1)
            #expect(try await IntegrityCheck.last(on: app.db)?.findings == report.findings)

            // The administrator sees both and repairs them: the look-up rebuilt, the person retired.
            let adminWeb = WebClient(app: app, session: try await fx.browserSession(for: admin))
            let integrity = try await adminWeb.get("/admin/integrity")
            #expect(integrity.text.contains(damaged.registrationNumber))
            #expect(integrity.text.contains(indexed.registrationNumber))
            let records = try await Quarantine.list(actor: admin.actor!, on: app.db)
            let index = try #require(records.first { $0.kind == .blindIndex })
            let sealed = try #require(records.first { $0.kind == .sealedValue })
            #expect(
                try await adminWeb.post("/admin/integrity/\(sealed.id)/retire", [("reason", " ")]).status
                    == .unprocessableEntity)
            #expect(try await adminWeb.post("/admin/integrity/\(index.id)/rebuild").status == .seeOther)
            #expect(
                try await adminWeb.post("/admin/integrity/\(sealed.id)/retire", [("reason", "Disk fault; no backup")])
                    .status == .seeOther)
            #expect(try await Quarantine.openCount(on: app.db) == 0)
            #expect(try await WebClient(app: app).get("/health").jsonObject()?["status"] as? String == "ok")
            #expect(try await web.get("/people?q=%2B249912345678").text.contains(indexed.registrationNumber))
            // A retired record is counted by later checks, not found again.
            let again = try await IntegrityCheck(db: app.db, context: fx.context).run()
            #expect(again.retired == 1 && again.unreadable == 0)
            #expect(!again.findings.contains { $0.kind == "sealed-value" })
            let audit = try await AuditEntry.query(on: app.db).filter(
                \.$action ~~ ["record.damaged", "record.retired", "record.repaired"]
            ).all()
            #expect(audit.filter { $0.action == "record.damaged" }.count == 2)
            #expect(audit.count == 4)
        }
    }

    /// Damage met on a page while the server runs takes the person out of search at once: the count and the rows
    /// agree.
    @Test func damageMetWhileServingLeavesSearchAtOnce() async throws {
        try await TestApp.with { app, fx in
            let caseworker = try await fx.user("caseworker1", .caseworker)
            let people = fx.people(caseworker.actor!)
            let damaged = try await people.register(TestFixture.draft("Rahel Haile"))
            _ = try await people.register(TestFixture.draft("Rahel Tesfay"))
            #expect(try await people.list(query: "Rahel", centre: nil, page: 1, per: 25).total == 2)
            try await Self.damage(app, sealed: damaged.id, index: nil, auditEntry: nil)
            let web = WebClient(app: app, session: try await fx.browserSession(for: caseworker))
            #expect(try await web.get("/people/\(damaged.id)").status == .conflict)
            let found = try await people.list(query: "Rahel", centre: nil, page: 1, per: 25)
            #expect(found.total == 1 && found.items.count == 1)
        }
    }

    @Test func aWrongKeyStillStopsTheStartWithTheKeyMessage() async throws {
        try await TestApp.with { app, fx in
            let person = try await fx.people(try await fx.actor("caseworker1", .caseworker)).register(
                TestFixture.draft())
            try await Self.damage(app, sealed: person.id, index: nil, auditEntry: nil)
            app.sanad = StoreContext(keys: KeyRing(master: SymmetricKey(size: .bits256)))
            do {
                try await SanadApp.prepare(app)
                Issue.record("a wrong key was accepted")
            } catch {
                guard case .wrongKey? = error as? SetupError else {
                    Issue.record("refused for another reason: \(error)")
                    return
                }
                #expect("\(error)".contains("master key does not match"))
            }
        }
    }

    @Test(.enabled(if: !TestApp.usesPostgres, "single records come back from SQLite backups only"))
    func aDamagedPersonComesBackFromABackup() async throws {
        try await TestApp.with { app, fx in
            let people = fx.people(try await fx.actor("caseworker1", .caseworker))
            let person = try await people.register(TestFixture.draft("Rahel Haile"))
            let settings = SanadSettings(environment: ["SANAD_DATA_DIR": fx.directory.path])
            let backup = fx.directory.appendingPathComponent("before.sanad-backup")
            _ = try await BackupService.backup(to: backup, settings: settings, db: app.db, context: fx.context)
            try await Self.damage(app, sealed: person.id, index: nil, auditEntry: nil)
            try await Self.restart(app)
            #expect(fx.context.names.count == 0)
            let admin = try await fx.actor("admin1", .administrator)
            let outcomes = try await QuarantineRepair(db: app.db, actor: admin, context: fx.context).restore(
                from: backup, scratch: fx.directory.appendingPathComponent("scratch"))
            #expect(outcomes.map(\.outcome) == [.restored])
            #expect(outcomes.first?.registrationNumber == person.registrationNumber)
            #expect(try await people.find(person.id).personal.nameOriginal == "Rahel Haile")
            try await fx.context.names.refresh(on: app.db, context: fx.context)
            #expect(fx.context.names.count == 1)
            #expect(try await Quarantine.openCount(on: app.db) == 0)
            #expect(try await IntegrityCheck(db: app.db, context: fx.context).run().unreadable == 0)
        }
    }

    /// Every foreign key the migrations declare is walked by the check, so a new one cannot be forgotten there.
    @Test func theCheckWalksEveryDeclaredReference() async throws {
        try await TestApp.with { app, _ in
            let sql = app.db as! any SQLDatabase
            var declared: Set<String> = []
            if sql.dialect.name == "sqlite" {
                let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                for table in tables {
                    for fk in try await sql.raw("SELECT * FROM pragma_foreign_key_list(\(bind: table))").all() {
                        declared.insert(
                            "\(table).\(try fk.decode(column: "from", as: String.self)) -> "
                                + (try fk.decode(column: "table", as: String.self)))
                    }
                }
            } else {
                let rows = try await sql.raw(
                    """
                    SELECT tc.table_name AS child, kcu.column_name AS col, ccu.table_name AS parent
                    FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name
                    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
                    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                    """
                ).all()
                for row in rows {
                    declared.insert(
                        "\(try row.decode(column: "child", as: String.self)).\(try row.decode(column: "col", as: String.self)) -> "
                            + (try row.decode(column: "parent", as: String.self)))
                }
            }
            let walked = Set(TableReference.all.map { "\($0.table).\($0.column) -> \($0.parent)" })
            #expect(!declared.isEmpty)
            #expect(declared.subtracting(walked).isEmpty, "not checked: \(declared.subtracting(walked).sorted())")
        }
    }
}
