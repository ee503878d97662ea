import Foundation
import SanadCore
import Vapor

extension RoleRouteMatrixTests {
    /// Documents (issue 15): those who work a record add to it, those who see cases read, supervisors retract. The
    /// reads come before the retractions, which run last.
    static func attachmentRows(
        _ ids: Ids,
        _ row: (HTTPMethod, String, String, Body, UInt, UInt, UInt, UInt, UInt?, UInt) -> (Row, String)
    ) -> [(Row, String)] {
        let p = ids.person.uuidString
        let c = ids.kase.uuidString
        let a = ids.attachment.uuidString
        let upload = Body.upload([("kind", "other"), ("caption", "matrix")])
        // Signed out, an upload goes to sign-in (303) instead of the 401 page that keeps a typed form: a file of up
        // to the limit is not held in memory for later, and the record's page says to attach it again.
        return [
            row(.POST, "/people/:id/attachments", "/people/\(p)/attachments", upload, 403, 303, 303, 403, nil, 303),
            row(.POST, "/cases/:cid/attachments", "/cases/\(c)/attachments", upload, 403, 303, 303, 403, nil, 303),
            row(.GET, "/cases/:cid/file", "/cases/\(c)/file", .none, 403, 200, 200, 403, nil, 303),
            row(.GET, "/attachments/:aid", "/attachments/\(a)", .none, 403, 200, 200, 403, nil, 303),
            row(
                .POST, "/api/v1/people/:id/attachments", "/api/v1/people/\(p)/attachments", upload, 403, 201, 201, 403,
                nil, 401),
            row(
                .POST, "/api/v1/cases/:cid/attachments", "/api/v1/cases/\(c)/attachments", upload, 403, 201, 201, 403,
                nil, 401),
            row(
                .GET, "/api/v1/people/:id/attachments", "/api/v1/people/\(p)/attachments", .none, 403, 200, 200, 403,
                nil, 401),
            row(
                .GET, "/api/v1/cases/:cid/attachments", "/api/v1/cases/\(c)/attachments", .none, 403, 200, 200, 403,
                nil, 401),
            row(.GET, "/api/v1/attachments/:aid", "/api/v1/attachments/\(a)", .none, 403, 200, 200, 403, nil, 401),
            row(
                .POST, "/attachments/:aid/retract", "/attachments/\(a)/retract", .form([]), 403, 303, 403, 403, nil, 401
            ),
            row(
                .POST, "/api/v1/attachments/:aid/retract", "/api/v1/attachments/\(a)/retract", .json(nil), 403, 204,
                403,
                403, nil, 401),
        ]
    }
}
