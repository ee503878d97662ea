import Foundation
import SanadCore
import Vapor

extension RoleRouteMatrixTests {
    /// Imports (issue 14): supervisors and administrators import into their centres; only supervisors decide held
    /// rows. The wizard's steps and the undo act on a file or batch that is not there (404): their effects are
    /// tested in ImportWizardTests.
    static func importRows(
        _ ids: Ids,
        _ row: (HTTPMethod, String, String, Body, UInt, UInt, UInt, UInt, UInt?, UInt) -> (Row, String)
    ) -> [(Row, String)] {
        let b = ids.importBatch.uuidString
        let missing = UUID().uuidString
        let form = Body.form([("column-0", "name_original")])
        return [
            row(.GET, "/imports", "/imports", .none, 200, 200, 403, 403, nil, 303),
            row(.POST, "/imports", "/imports", .register([("centre", "SD01")]), 303, 303, 403, 403, nil, 303),
            row(.GET, "/imports/pending/:pid", "/imports/pending/\(missing)", .none, 404, 404, 403, 403, nil, 303),
            row(
                .POST, "/imports/pending/:pid/preview", "/imports/pending/\(missing)/preview", form, 404, 404, 403, 403,
                nil, 401),
            row(
                .POST, "/imports/pending/:pid/run", "/imports/pending/\(missing)/run", form, 404, 404, 403, 403, nil,
                401),
            row(.GET, "/imports/:bid", "/imports/\(b)", .none, 200, 200, 403, 403, nil, 303),
            row(.GET, "/imports/:bid/report.csv", "/imports/\(b)/report.csv", .none, 200, 200, 403, 403, nil, 303),
            row(.GET, "/imports/:bid/rows/:row", "/imports/\(b)/rows/2", .none, 404, 404, 403, 403, nil, 303),
            row(
                .POST, "/imports/:bid/rows/:row", "/imports/\(b)/rows/2", .form([("decision", "same")]), 404, 404, 403,
                403, nil, 401),
            row(.POST, "/imports/:bid/undo", "/imports/\(missing)/undo", .form([]), 404, 404, 403, 403, nil, 401),
            row(
                .POST, "/api/v1/imports", "/api/v1/imports", .register([("centre", "SD01"), ("dry_run", "true")]), 200,
                200, 403, 403, nil, 401),
            row(.GET, "/api/v1/imports", "/api/v1/imports", .none, 200, 200, 403, 403, nil, 401),
            row(.GET, "/api/v1/imports/:bid", "/api/v1/imports/\(b)", .none, 200, 200, 403, 403, nil, 401),
            row(
                .POST, "/api/v1/imports/:bid/rows/:row/decision", "/api/v1/imports/\(b)/rows/2/decision",
                .json(#"{"samePerson":true}"#), 403, 409, 403, 403, nil, 401),
            row(
                .POST, "/api/v1/imports/:bid/undo", "/api/v1/imports/\(missing)/undo", .json(nil), 404, 404, 403, 403,
                nil, 401),
        ]
    }
}

extension RoleRouteMatrixTests {
    /// The people list as a spreadsheet (issue 14, item 6): personal data, so supervisors only.
    static func exportRows(
        _ row: (HTTPMethod, String, String, Body, UInt, UInt, UInt, UInt, UInt?, UInt) -> (Row, String)
    ) -> [(Row, String)] {
        [
            row(.GET, "/people.csv", "/people.csv", .none, 403, 200, 403, 403, nil, 303),
            row(.GET, "/people.xlsx", "/people.xlsx?sex=Feminine", .none, 403, 200, 403, 403, nil, 303),
        ]
    }
}
