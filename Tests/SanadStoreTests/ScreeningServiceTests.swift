import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

@Suite struct ScreeningServiceTests {
    static func start(_ instrument: String = "ilo-adult-labour") -> ScreeningStart {
        var s = ScreeningStart()
        s.instrument = instrument
        s.language = "ti"
        s.interpreter = "Interpreter Name"
        s.place = "Gedaref centre"
        s.date = "2026-01-10"
        s.consent.interview = true
        s.consent.toldPurpose = true
        return s
    }

    /// Answers that make the adult rule hold: two strong in D2, D4 and D5.
    static let presumed: [String: String] = [
        "D2.violence-on-victims": "yes", "D2.confiscation-of-documents": "yes",
        "D4.excessive-working-days-or-hours": "yes", "D4.hazardous-work": "yes",
        "D5.confiscation-of-documents": "yes", "D5.debt-bondage": "yes",
    ]

    @Test func interviewStopsResumesCompletesAndFreezes() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let repo = ScreeningService(db: app.db, actor: cw, context: fx.context)
            let started = try await repo.start(personID: person.id, Self.start())
            #expect(started.instrument.version == "1" && !started.completed)
            let first = try await repo.save(
                started.id, answers: ["D2.violence-on-victims": "yes", "D2.confiscation-of-documents": "declined"],
                expectedVersion: 1)
            #expect(first.answers["D2.confiscation-of-documents"] == .declined)
            #expect(first.evaluation.dimensions["D2"] == .insufficient)
            let done = try await repo.complete(started.id, answers: Self.presumed, expectedVersion: 2)
            #expect(done.completed)
            #expect(done.evaluation.conclusion == .presumedVictim)
            #expect(done.evaluation.reasons.map(\.dimension) == ["D2", "D4", "D5"])
            await #expect(throws: ScreeningError.alreadyCompleted) {
                try await repo.save(started.id, answers: ["D1.deceived-nature-of-job": "yes"], expectedVersion: 3)
            }
            #expect(try await fx.people(cw).find(person.id).traffickingStatus == .possible)
            let reread = try await repo.find(started.id)
            #expect(reread.evaluation == done.evaluation && reread.interpreter == "Interpreter Name")
        }
    }

    @Test func aNewScreeningSupersedesTheLastCompletedOne() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let repo = ScreeningService(db: app.db, actor: cw, context: fx.context)
            let a = try await repo.start(personID: person.id, Self.start())
            _ = try await repo.complete(a.id, answers: [:], expectedVersion: 1)
            let b = try await repo.start(personID: person.id, Self.start("ilo-child-labour"))
            let bDone = try await repo.complete(b.id, answers: [:], expectedVersion: 1)
            #expect(bDone.supersedes == a.id)
            #expect(try await repo.list(personID: person.id).map(\.id) == [b.id, a.id])
        }
    }

    @Test func badInputIsRefusedAndNothingIsHalfSaved() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let repo = ScreeningService(db: app.db, actor: cw, context: fx.context)
            var noConsent = Self.start()
            noConsent.consent.interview = false
            noConsent.instrument = "ilo-unknown"
            noConsent.language = "xx"
            await #expect(
                throws: ScreeningError.invalidStart([
                    .consent: .required, .instrument: .unknownValue, .language: .unknownValue,
                ])
            ) {
                try await repo.start(personID: person.id, noConsent)
            }
            #expect(try await ScreeningRecord.query(on: app.db).count() == 0)
            let s = try await repo.start(personID: person.id, Self.start())
            await #expect(throws: ScreeningError.invalidAnswers(.unknownIndicator("D9.nothing"))) {
                try await repo.save(
                    s.id, answers: ["D1.deceived-nature-of-job": "yes", "D9.nothing": "yes"], expectedVersion: 1)
            }
            await #expect(throws: ScreeningError.invalidAnswers(.badAnswer("D1.deceived-nature-of-job"))) {
                try await repo.save(s.id, answers: ["D1.deceived-nature-of-job": "maybe"], expectedVersion: 1)
            }
            let unchanged = try await repo.find(s.id)
            #expect(unchanged.answers.isEmpty && unchanged.version == 1)
            await #expect(throws: StoreError.versionConflict(current: 1)) {
                try await repo.save(s.id, answers: [:], expectedVersion: 7)
            }
        }
    }

    @Test func screeningsFollowThePersonsScope() async throws {
        try await TestApp.with { app, fx in
            let khartoum = try await fx.actor("cw1", .caseworker, centres: ["SD01"])
            let kassala = try await fx.actor("cw2", .caseworker, centres: ["SD11"])
            let officer = try await fx.actor("do1", .dataOfficer, centres: ["SD01"])
            let person = try await fx.people(khartoum).register(TestFixture.draft())
            let s = try await ScreeningService(db: app.db, actor: khartoum, context: fx.context).start(
                personID: person.id, Self.start())
            let other = ScreeningService(db: app.db, actor: kassala, context: fx.context)
            await #expect(throws: StoreError.notFound) { try await other.find(s.id) }
            await #expect(throws: StoreError.notFound) { try await other.start(personID: person.id, Self.start()) }
            await #expect(throws: StoreError.forbidden) {
                try await ScreeningService(db: app.db, actor: officer, context: fx.context).find(s.id)
            }
        }
    }

    @Test func onlySupervisorsDecideAndScreeningsNeverOverrideADecision() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let sup = try await fx.actor("sup", .supervisor)
            let person = try await fx.people(cw).register(TestFixture.draft())
            await #expect(throws: StoreError.forbidden) {
                try await ScreeningService(db: app.db, actor: cw, context: fx.context).decide(
                    personID: person.id, status: .actual, organisation: .police)
            }
            let supervisor = ScreeningService(db: app.db, actor: sup, context: fx.context)
            // Confirmation goes through a second supervisor's approval, never a direct change (issue 19, finding 1).
            await #expect(throws: ScreeningError.approvalRequired) {
                try await supervisor.decide(personID: person.id, status: .actual, organisation: .courtOrProsecution)
            }
            try await supervisor.decide(personID: person.id, status: .notAVictim, organisation: .courtOrProsecution)
            try await supervisor.decide(personID: person.id, status: .possible, organisation: .courtOrProsecution)
            let repo = ScreeningService(db: app.db, actor: cw, context: fx.context)
            let s = try await repo.start(personID: person.id, Self.start())
            _ = try await repo.complete(s.id, answers: Self.presumed, expectedVersion: 1)
            #expect(
                try await fx.people(cw).find(person.id).traffickingStatus == .possible,
                "a screening never changes a decision")
            let history = try await repo.statusHistory(personID: person.id)
            #expect(history.count == 2)
            #expect(
                history[0].decidedBy.uuidString == sup.userID && history[0].decisionOrganisation == "CourtOrProsecution"
            )
            #expect(
                try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit)
                    == .intact(entries: try await AuditEntry.query(on: app.db).count()))
        }
    }

    @Test func answersAndInterpreterAreSealed() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let repo = ScreeningService(db: app.db, actor: cw, context: fx.context)
            let s = try await repo.start(personID: person.id, Self.start())
            _ = try await repo.save(s.id, answers: ["D2.debt-bondage": "yes"], expectedVersion: 1)
            let dump = try await DataProtectionTests.dump(app, fx)
            #expect(!dump.contains("Interpreter Name"))
            #expect(!dump.contains("D2.debt-bondage"))
        }
    }
}
