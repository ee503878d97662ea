import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 20, finding 2: moving between dimensions saves, finishing asks first and says what is unanswered, and a
/// supervisor can reopen a completed screening with the earlier result kept.
@Suite struct ScreeningCompletionTests {
    @Test func finishingAsksFirstAndASupervisorReopens() async throws {
        try await TestApp.with { app, fx in
            let cwUser = try await fx.user("caseworker-finish", .caseworker)
            let supUser = try await fx.user("supervisor-finish", .supervisor)
            let cw = try #require(cwUser.actor)
            let person = try await fx.people(cw).register(TestFixture.draft())
            let start = TestFixture.screeningStart()
            let screening = try await ScreeningService(db: app.db, actor: cw, context: fx.context).start(
                personID: person.id, start)
            let total = screening.instrument.indicators.count
            let web = WebClient(app: app, session: try await fx.browserSession(for: cwUser))
            let path = "/screenings/\(screening.id)"

            // A tab is a button of the form: the answer ticked on D1 is saved on the way to D3.
            let tab = try await web.post(
                path + "?d=D1", [("version", "1"), ("action", "next:D3"), ("a:D1.deceived-nature-of-job", "yes")])
            #expect(tab.location == path + "?d=D3")
            #expect(try await ScreeningRecord.find(screening.id, on: app.db)?.version == 2)

            // "Finish" saves and asks; nothing is final yet.
            let finish = try await web.post(
                path + "?d=D3", [("version", "2"), ("action", "finish"), ("a:D2.violence-on-victims", "yes")])
            #expect(finish.location == path + "/complete")
            let confirm = try await web.get(path + "/complete")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("\(total - 2) of \(total) questions are not answered"))
            #expect(try await ScreeningRecord.find(screening.id, on: app.db)?.status == "in-progress")

            let done = try await web.post(path + "/complete", [("version", "3")])
            #expect(done.location == path)
            let completed = try #require(try await ScreeningRecord.find(screening.id, on: app.db))
            #expect(completed.status == "completed")
            let conclusion = completed.conclusion
            // Finding 5: the strong yes under an insufficient dimension is shown, with what to ask next, neutrally.
            let page = try await web.get(path).text
            let violence = try #require(screening.instrument.indicators.first { $0.id == "D2.violence-on-victims" })
            #expect(page.contains(violence.text.en))
            #expect(page.contains("To reach a result, ask next:"))
            #expect(page.contains(#"class="result""#) && !page.contains(#"class="notice" id="conclusion""#))
            // A second click lands on the result too.
            #expect(try await web.post(path + "/complete", [("version", "3")]).location == path)

            // Only a supervisor reopens; the earlier result stays as it was.
            #expect(try await web.post(path + "/reopen").status == .forbidden)
            let sup = WebClient(app: app, session: try await fx.browserSession(for: supUser))
            let result = try await sup.get(path)
            #expect(result.text.contains(#"id="reopen""#))
            let reopened = try await sup.post(path + "/reopen")
            #expect(reopened.status == .seeOther)
            let newPath = try #require(reopened.location)
            #expect(newPath != path)
            let continuation = try #require(
                try await ScreeningRecord.query(on: app.db).filter(\.$supersedes == screening.id).first())
            #expect(newPath == "/screenings/\(continuation.id!)")
            #expect(continuation.status == "in-progress" && continuation.interviewerID == cwUser.id)
            let answers = try await ScreeningService(db: app.db, actor: cw, context: fx.context).find(
                continuation.id!
            ).answers
            #expect(answers.count == 2)
            let earlier = try #require(try await ScreeningRecord.find(screening.id, on: app.db))
            #expect(earlier.status == "completed" && earlier.conclusion == conclusion)
            #expect(try await sup.post(path + "/reopen").status == .conflict)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$action == "screening.reopened").count() == 1)
        }
    }
}
