import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Two caseworkers giving one bed at the same instant: exactly one wins, on SQLite and (with DATABASE_URL) on
/// PostgreSQL, because open stays are unique per bed and per person in the database itself.
@Suite struct ShelterConcurrencyTests {
    static func beds(_ fx: TestFixture, count: Int) async throws -> [UUID] {
        let supervisor = try await fx.actor("sup-\(UUID().uuidString.prefix(6).lowercased())", .supervisor)
        let shelters = ShelterService(db: fx.app.db, actor: supervisor, context: fx.context)
        let shelter = try await shelters.addShelter(centre: "SD01", name: "Shelter")
        try await shelters.addBeds(
            shelter: shelter, room: "1", labels: (1...count).map { "B\($0)" }.joined(separator: ","),
            restriction: "none")
        return try await shelters.occupancy(centre: "SD01", on: CivilDate(Date())).map(\.id)
    }

    static func openCase(_ fx: TestFixture, _ actor: Actor, _ name: String) async throws -> UUID {
        let person = try await fx.people(actor).register(TestFixture.draft(name))
        return try await CaseService(db: fx.app.db, actor: actor, context: fx.context).open(
            personID: person.id, priority: "normal", risk: "low", caseworker: nil
        ).id
    }

    enum Outcome: Equatable { case won, taken, already, other(String) }

    static func attempt(_ fx: TestFixture, _ actor: Actor, _ caseID: UUID, _ bed: UUID) async -> Outcome {
        do {
            _ = try await ShelterService(db: fx.app.db, actor: actor, context: fx.context).checkIn(
                caseID: caseID, bed: bed, date: CivilDate(Date()).description)
            return .won
        } catch CaseError.stay(.bedTaken) {
            return .taken
        } catch CaseError.stay(.personAlreadyStaying) {
            return .already
        } catch {
            return .other(String(describing: error))
        }
    }

    @Test func oneBedTwoCaseworkersSameInstant() async throws {
        try await TestApp.with { app, fx in
            let first = try await fx.actor("cw-a", .caseworker)
            let second = try await fx.actor("cw-b", .caseworker)
            let rounds = 12
            let beds = try await Self.beds(fx, count: rounds)
            for bed in beds {
                let a = try await Self.openCase(fx, first, "Hawa Adam \(bed.uuidString.prefix(4))")
                let b = try await Self.openCase(fx, second, "Mariam Yusuf \(bed.uuidString.prefix(4))")
                async let x = Self.attempt(fx, first, a, bed)
                async let y = Self.attempt(fx, second, b, bed)
                let outcomes = await [x, y]
                #expect(outcomes.filter { $0 == .won }.count == 1, "\(outcomes)")
                #expect(outcomes.filter { $0 == .taken }.count == 1, "\(outcomes)")
                let open = try await Stay.query(on: app.db).filter(\.$bedID == bed).filter(\.$checkOut == nil).count()
                #expect(open == 1)
            }
        }
    }

    @Test func onePersonTwoBedsSameInstant() async throws {
        try await TestApp.with { app, fx in
            let first = try await fx.actor("cw-c", .caseworker)
            let second = try await fx.actor("cw-d", .caseworker)
            let beds = try await Self.beds(fx, count: 2)
            let kase = try await Self.openCase(fx, first, "Selam Tesfay")
            async let x = Self.attempt(fx, first, kase, beds[0])
            async let y = Self.attempt(fx, second, kase, beds[1])
            let outcomes = await [x, y]
            #expect(outcomes.filter { $0 == .won }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == .already }.count == 1, "\(outcomes)")
            let open = try await Stay.query(on: app.db).filter(\.$checkOut == nil).count()
            #expect(open == 1)
        }
    }
}
