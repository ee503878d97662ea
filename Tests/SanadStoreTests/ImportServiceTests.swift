import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Old registers into Sanad (issue 14): every row gets an outcome, a batch is all or nothing, a second run changes
/// nothing, held rows wait for a supervisor, and undo takes back exactly what the batch did. SQLite and PostgreSQL.
@Suite struct ImportServiceTests {
    /// A register as a clerk kept it: two spellings of one man, an Arabic header, a bad row, a person already
    /// registered and one who may be.
    static let register = """
        Name,Sex,تاريخ الميلاد,Nationality,Phone,Passport No,Registered by
        Abdelrahman Mohamed Osman,M,02/05/1988,Sudanese,0912345678,,Amal
        ABDEL RAHMAN Mohamed Osman,,1988-05-02,SDN,+249 912 345 678,P 998877,Huda
        Selam Tesfay Haile,F,20/01/1995,Eritrean,,,Amal
        ,F,,,,,Amal
        Hawa Adam Yahya,F,1979-11-11,TCD,0123000111,C55555,Huda
        Hawa Adam Yehia,F,,TCD,0123000111,,Huda

        """

    static func file(_ text: String) throws -> ImportFile {
        try SpreadsheetReader.read(Data(text.utf8), name: "register.csv")
    }

    static func run(
        _ service: ImportService, _ file: ImportFile, _ options: ImportOptions = ImportOptions()
    ) async throws -> ImportReport {
        try await service.run(file, mapping: .recognised(header: file.header), centre: "SD01", options: options)
    }

    static func registerHawa(_ fx: TestFixture, _ actor: Actor) async throws -> PersonRecord {
        var draft = TestFixture.draft("Hawa Adam Yahya")
        draft.sex = Gender.feminine.rawValue
        draft.estimatedAge = nil
        draft.birthDate = "1979-11-11"
        draft.nationality = "TCD"
        draft.phone = "0123000111"
        return try await fx.people(actor).register(draft)
    }

    @Test func everyRowGetsAnOutcomeAndASecondRunChangesNothing() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.actor("sup-import", .supervisor)
            let hawa = try await Self.registerHawa(fx, sup)
            let service = ImportService(db: app.db, actor: sup, context: fx.context)
            let file = try Self.file(Self.register)

            let refused = try await Self.run(service, file)
            #expect(refused.refused)
            #expect(refused.batchID == nil)
            #expect(try await Person.query(on: app.db).count() == 1)
            #expect(refused.rows.first { $0.row == 5 }?.reason == "Name: no name")

            let dry = try await Self.run(service, file, ImportOptions(dryRun: true))
            #expect(dry.dryRun && !dry.refused)
            #expect(try await Person.query(on: app.db).count() == 1)

            let report = try await Self.run(service, file, ImportOptions(importGoodRows: true))
            #expect(report.rows.map(\.row) == [2, 3, 4, 5, 6, 7])
            #expect(
                report.rows.map(\.outcome) == [
                    .imported, .duplicateInFile, .imported, .rejected, .matchesExisting, .duplicateInFile,
                ])
            #expect(dry.rows.map(\.outcome) == report.rows.map(\.outcome))
            #expect(report.rows[1].personID == report.rows[0].personID)
            #expect(report.rows[4].personID == hawa.id)
            #expect(report.unmappedColumns == ["Registered by"])
            #expect(try await Person.query(on: app.db).count() == 3)

            // The duplicate's spelling, phone and passport went to the first row's person; its sex gap was filled.
            let abdel = try await fx.people(sup).find(report.rows[0].personID!)
            // "ABDEL RAHMAN" is "Abdelrahman" in capitals and apart: nothing new to keep.
            #expect(abdel.personal.aliases.isEmpty)
            #expect(abdel.personal.documents.map(\.number) == ["P 998877"])
            #expect(abdel.personal.notes == "Registered by: Amal")
            #expect(abdel.facts.nationality == "SDN")
            // The registered person gained the passport and the other spelling, nothing else.
            let hawaNow = try await fx.people(sup).find(hawa.id)
            #expect(hawaNow.personal.documents.map(\.number) == ["C55555"])
            #expect(hawaNow.personal.aliases == ["Hawa Adam Yehia"])
            #expect(hawaNow.version == 2)

            let again = try await Self.run(service, file, ImportOptions(importGoodRows: true))
            #expect(again.alreadyImported)
            #expect(again.batchID == report.batchID)
            #expect(again.rows.map(\.outcome) == report.rows.map(\.outcome))
            #expect(try await Person.query(on: app.db).count() == 3)
            #expect(try await fx.people(sup).find(hawa.id).version == 2)
        }
    }

    @Test func undoTakesBackExactlyWhatTheBatchDidUnlessWorkDependsOnIt() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.actor("sup-undo", .supervisor)
            let hawa = try await Self.registerHawa(fx, sup)
            let service = ImportService(db: app.db, actor: sup, context: fx.context)
            let file = try Self.file(Self.register)
            let report = try await Self.run(service, file, ImportOptions(importGoodRows: true))
            let batch = try #require(report.batchID)
            let selam = try #require(report.rows.first { $0.row == 4 }?.personID)

            let cases = CaseService(db: app.db, actor: sup, context: fx.context)
            let opened = try await cases.open(personID: selam, priority: "normal", risk: "low", caseworker: nil)
            await #expect(throws: ImportError.self) { try await service.undo(batch) }
            do {
                try await service.undo(batch)
            } catch ImportError.undoBlocked(let reasons) {
                #expect(reasons.count == 1)
                #expect(reasons[0].hasSuffix(": cases"))
                #expect(!reasons[0].contains("Selam"))
            }
            #expect(try await Person.query(on: app.db).count() == 3)

            try await CaseRecord.query(on: app.db).filter(\.$id == opened.id).delete()
            try await service.undo(batch)
            #expect(try await Person.query(on: app.db).count() == 1)
            let hawaNow = try await fx.people(sup).find(hawa.id)
            #expect(hawaNow.personal.documents.isEmpty)
            #expect(hawaNow.personal.aliases.isEmpty)
            await #expect(throws: ImportError.alreadyUndone) { try await service.undo(batch) }

            // Undone, the file can be imported again.
            let again = try await Self.run(service, file, ImportOptions(importGoodRows: true))
            #expect(!again.alreadyImported)
            #expect(again.batchID != batch)
        }
    }

    @Test func heldRowsWaitForASupervisorsDecision() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.actor("sup-review", .supervisor)
            var draft = TestFixture.draft("Yohannes Gebremedhin Tesfay")
            draft.sex = Gender.masculine.rawValue
            draft.estimatedAge = "30"
            draft.nationality = "ERI"
            let yohannes = try await fx.people(sup).register(draft)
            let service = ImportService(db: app.db, actor: sup, context: fx.context)
            let file = try Self.file(
                """
                Name,Sex,Age,Nationality
                Yohanes Gebremedhin,M,31,ERI
                Mariam Idris Adam,F,22,SDN

                """)
            let report = try await Self.run(service, file)
            let held = try #require(report.rows.first)
            #expect(held.outcome == .heldForReview)
            #expect(held.candidateID == yohannes.id)
            #expect(held.personID == nil)
            let batch = try #require(report.batchID)
            #expect(try await service.batches().first?.waiting == 1)

            let caseworker = try await fx.actor("cw-review", .caseworker)
            await #expect(throws: StoreError.forbidden) {
                _ = try await ImportService(db: app.db, actor: caseworker, context: fx.context)
                    .decide(batch: batch, row: 2, samePerson: true)
            }
            #expect(
                try await service.heldRegistration(batch: batch, row: 2).personal.nameLatin == "Yohanes Gebremedhin")
            let person = try await service.decide(batch: batch, row: 2, samePerson: true)
            #expect(person == yohannes.id)
            #expect(try await fx.people(sup).find(yohannes.id).personal.aliases == ["Yohanes Gebremedhin"])
            await #expect(throws: ImportError.notHeld) {
                _ = try await service.decide(batch: batch, row: 2, samePerson: false)
            }
            let (view, after) = try await service.batch(batch)
            #expect(view.waiting == 0)
            #expect(after.rows.first?.outcome == .matchesExisting)

            try await service.undo(batch)
            #expect(try await fx.people(sup).find(yohannes.id).personal.aliases.isEmpty)
            #expect(try await Person.query(on: app.db).count() == 1)
        }
    }

    @Test func theSameFileImportedTwiceAtOnceMakesOneBatch() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.actor("sup-twice", .supervisor)
            let file = try Self.file("Name,Sex\nAsha Ali,F\nMusa Adam,M\nSelam Haile,F\n")
            let service = ImportService(db: app.db, actor: sup, context: fx.context)
            async let first = Self.run(service, file)
            async let second = Self.run(service, file)
            let reports = try await [first, second]
            #expect(Set(reports.compactMap(\.batchID)).count == 1)
            #expect(reports.filter(\.alreadyImported).count <= 1)
            #expect(try await ImportBatch.query(on: app.db).count() == 1)
            #expect(try await Person.query(on: app.db).count() == 3)
        }
    }

    @Test func onlyImportersAtTheirOwnCentres() async throws {
        try await TestApp.with { app, fx in
            let file = try Self.file("Name\nAli Musa\n")
            for role in [Role.caseworker, .dataOfficer, .partner] {
                let actor = try await fx.actor("no-import-\(role.rawValue)", role)
                await #expect(throws: StoreError.forbidden) {
                    _ = try await Self.run(ImportService(db: app.db, actor: actor, context: fx.context), file)
                }
            }
            let elsewhere = try await fx.actor("sup-elsewhere", .supervisor, centres: ["SD11"])
            await #expect(throws: ImportError.unknownCentre("SD01")) {
                _ = try await Self.run(ImportService(db: app.db, actor: elsewhere, context: fx.context), file)
            }
            #expect(try await Person.query(on: app.db).count() == 0)
        }
    }
}

/// Registers as Excel and clerks save them.
@Suite struct SpreadsheetReaderTests {
    static let rows = [["Name", "Phone"], ["محمد أحمد", "٠٩١٢٣٤٥٦٧٨"], ["Tesfay; \"Teddy\"", "0912"]]

    func csv(_ delimiter: String) -> String {
        Self.rows.map { row in
            row.map {
                $0.contains(delimiter) || $0.contains("\"")
                    ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
            }
            .joined(separator: delimiter)
        }.joined(separator: "\r\n") + "\r\n"
    }

    @Test(arguments: [",", ";", "\t"])
    func delimitersBOMAndUTF16(delimiter: String) throws {
        let text = csv(delimiter)
        var variants = [Data(text.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)]
        variants.append(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
        variants.append(text.data(using: .utf16LittleEndian)!)
        for data in variants {
            let file = try SpreadsheetReader.read(data, name: "r.csv")
            #expect(file.header == Self.rows[0])
            #expect(file.rows == Array(Self.rows.dropFirst()))
            #expect(file.rowNumbers == [2, 3])
        }
    }

    @Test func notWhatItSays() throws {
        #expect(throws: SpreadsheetReader.Problem.notAWorkbook("it is not a zip archive")) {
            _ = try SpreadsheetReader.read(Data("Name\nAli\n".utf8), name: "register.xlsx")
        }
        #expect(throws: SpreadsheetReader.Problem.unknownEncoding) {
            _ = try SpreadsheetReader.read(Data([0x4E, 0x61, 0x6D, 0x65, 0x0A, 0xC7, 0xE1, 0x0A]), name: "r.csv")
        }
        #expect(throws: SpreadsheetReader.Problem.empty) {
            _ = try SpreadsheetReader.read(Data("  \n".utf8), name: "r.csv")
        }
        #expect(throws: SpreadsheetReader.Problem.tooManyRows(limit: 2)) {
            _ = try SpreadsheetReader.read(Data("Name\nA\nB\nC\n".utf8), name: "r.csv", maximumRows: 2)
        }
    }

    @Test func anXLSXRegisterReadsLikeItsCSV() throws {
        let data = try XLSXWriter.write(header: Self.rows[0], rows: Array(Self.rows.dropFirst()))
        let file = try SpreadsheetReader.read(data, name: "anything")
        #expect(file.header == Self.rows[0])
        #expect(file.rows == Array(Self.rows.dropFirst()))
        #expect(file.hash.count == 64)
    }
}
