import Foundation
import SQLKit
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore

extension RoleRouteMatrixTests {
    /// The whole matrix again over a database where the person every row acts on has a damaged sealed record, the
    /// screening damaged answers and the audit trail an edited entry: no route answers 500 (issue 16).
    @Test(arguments: [Role.administrator, .supervisor, .caseworker, .dataOfficer, .partner, nil] as [Role?])
    func noRouteFailsOverDamagedRecords(role: Role?) async throws {
        try await TestApp.with { app, fx in
            let setup = try await RoleSetup.make(fx)
            try await DamagedRecordTests.damage(app, sealed: setup.personID, index: nil, auditEntry: 3)
            try await (app.db as! any SQLDatabase).update("screenings")
                .set("sealed", to: SQLBind(Data(repeating: 0x5A, count: 40)))
                .where("id", .equal, SQLBind(setup.screeningID)).run()
            try await DamagedRecordTests.restart(app)
            var damagedAnswers = 0
            for (row, path) in Self.rows(Ids(setup)) {
                let response = try await Self.send(row, path, as: role, setup, fx)
                let who = "\(row.method) \(path) as \(role.map(\.rawValue) ?? "anonymous")"
                #expect(response.status.code < 500, "\(who): \(response.text.prefix(300))")
                if row.api && response.status.code >= 400 {
                    #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                }
                if response.status == .conflict && response.text.contains("damaged") { damagedAnswers += 1 }
            }
            // Roles that may open the person meet the notice; the others are refused before anything is read.
            #expect((damagedAnswers > 0) == [.caseworker, .supervisor].contains(role))
        }
    }
}
