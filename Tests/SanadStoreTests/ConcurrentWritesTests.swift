import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Writes that state no version (consent to a partner, a case note) never fail because another write happened
/// at the same instant: found by running the API conformance check with two workers (a 500 "database is busy"
/// on SQLite, and a 409 for a note that was based on nothing).
@Suite struct ConcurrentWritesTests {
    @Test func consentsRecordedAtTheSameInstantAllSucceed() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw-consent", .caseworker)
            let partner = try await fx.partner()
            var people: [UUID] = []
            for n in 0..<8 { people.append(try await fx.people(cw).register(TestFixture.draft("Amal Noor \(n)")).id) }
            let failures = await withTaskGroup(of: String?.self) { group in
                for person in people {
                    group.addTask {
                        do {
                            try await PartnerService(db: app.db, actor: cw, context: fx.context)
                                .setConsent(person: person, partner: partner, given: true)
                            return nil
                        } catch { return String(describing: error) }
                    }
                }
                return await group.reduce(into: [String]()) { if let f = $1 { $0.append(f) } }
            }
            #expect(failures.isEmpty, "\(failures)")
            #expect(try await ReferralConsent.query(on: app.db).count() == people.count)
        }
    }

    @Test func notesAddedAtTheSameInstantAllSucceed() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw-notes", .caseworker)
            let person = try await fx.people(cw).register(TestFixture.draft("Nura Idris"))
            let cases = CaseService(db: app.db, actor: cw, context: fx.context)
            let kase = try await cases.open(personID: person.id, priority: "normal", risk: "low", caseworker: nil)
            let failures = await withTaskGroup(of: String?.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        do {
                            try await cases.addNote(kase.id, text: "Call \(n)")
                            return nil
                        } catch { return String(describing: error) }
                    }
                }
                return await group.reduce(into: [String]()) { if let f = $1 { $0.append(f) } }
            }
            #expect(failures.isEmpty, "\(failures)")
            #expect(try await cases.file(kase.id).notes.count == 6)
        }
    }
}
