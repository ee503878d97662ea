import Foundation
import SanadCore
import SanadTestSupport
import Testing
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, findings 4 and 6: a screening left half-way is on its interviewer's work list; a supervisor's
/// approvals come first on theirs, with names, and the list can be narrowed to one kind of item.
@Suite struct WorkListTests {
    @Test func screeningsToResumeAndApprovalsFirstWithNames() async throws {
        try await TestApp.with { app, fx in
            let cwUser = try await fx.user("caseworker-work", .caseworker)
            let supUser = try await fx.user("supervisor-work", .supervisor)
            let cw = try #require(cwUser.actor)
            let person = try await fx.people(cw).register(TestFixture.draft("Mahlet Berhane"))
            let cases = CaseService(db: app.db, actor: cw, context: fx.context)
            let caseID = try await cases.open(
                personID: person.id, priority: "normal", risk: "low", caseworker: cwUser.id
            ).id
            try await cases.addFollowUp(caseID, due: CivilDate(Date()).adding(days: -3).description, note: "Call back")
            try await cases.requestApproval(
                caseID, kind: .traffickingConfirmation, subject: TraffickingStatus.actual.rawValue)
            let start = TestFixture.screeningStart()
            let screening = try await ScreeningService(db: app.db, actor: cw, context: fx.context).start(
                personID: person.id, start)

            let caseworker = WebClient(app: app, session: try await fx.browserSession(for: cwUser))
            let mine = try await caseworker.get("/work").text
            #expect(mine.contains(#"href="/screenings/\#(screening.id)""#))
            #expect(mine.contains("Resume screening"))

            let supervisor = WebClient(app: app, session: try await fx.browserSession(for: supUser))
            let theirs = try await supervisor.get("/work").text
            #expect(theirs.contains("Approval waiting"))
            // The overdue follow-up is the caseworker's, not the supervisor's own work.
            #expect(!theirs.contains("<td>Follow-up</td>"))
            #expect(theirs.contains("Mahlet Berhane"))
            let centre = try await supervisor.get("/work?scope=centre").text
            let first = try #require(centre.range(of: "<tbody>")).upperBound
            #expect(centre[first...].prefix(400).contains("Approval waiting"))
            let approvals = try await supervisor.get("/work?scope=centre&kind=approval").text
            let rows = try #require(approvals.range(of: "<tbody>")).upperBound
            #expect(approvals.contains("Approval waiting") && !approvals[rows...].contains("<td>Follow-up</td>"))
            #expect(centre[first...].contains("<td>Follow-up</td>"))
        }
    }
}
