import Foundation
import SanadCore
import SanadStore
import Vapor

/// A document as the API lists it; the file name and caption are personal data, sent only to those who may see
/// the record.
struct AttachmentOut: Content {
    let id: UUID
    let owner: String
    let ownerId: UUID
    let kind: String
    let contentType: String
    let size: Int
    let name: String
    let caption: String
    let addedBy: UUID
    let addedAt: Date
    let retractedAt: Date?

    init(_ v: AttachmentView) {
        (id, owner, ownerId, kind, contentType, size) =
            (v.id, v.owner.rawValue, v.ownerID, v.kind.rawValue, v.type.rawValue, v.size)
        (name, caption, addedBy, addedAt, retractedAt) = (v.name, v.caption, v.addedBy, v.addedAt, v.retractedAt)
    }
}

/// The same as the Documents sections of the person and case pages (issue 15).
struct AttachmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for (owner, path, param, name) in [
            (AttachmentOwner.person, "/people/{id}/attachments", "id", "Person"),
            (.kase, "/cases/{cid}/attachments", "cid", "Case"),
        ] {
            routes.api(
                .POST, path,
                APIDoc(
                    "add\(name)Attachment",
                    "Attach a document (multipart: `kind`, optional `caption`, then `file`); its type is recognised "
                        + "from the content, photos are stripped of location and camera metadata, all is encrypted.",
                    upload: true)
            ) { req -> Created<AttachmentOut> in
                do {
                    let view = try await AttachmentReceiver.receive(
                        req, owner: owner, id: try req.recordID(param), form: false)
                    return Created(AttachmentOut(view), at: "/api/v1/attachments/\(view.id.uuidString)")
                } catch let problem as AttachmentProblem {
                    throw AttachmentReceiver.apiError(problem)
                }
            }
            routes.api(
                .GET, path,
                APIDoc("list\(name)Attachments", "The record's documents, newest first, retracted ones included.")
            ) { req -> OK<[AttachmentOut]> in
                OK(try await req.attachments.list(owner: owner, id: try req.recordID(param)).map(AttachmentOut.init))
            }
        }
        routes.api(
            .GET, "/attachments/{aid}",
            APIDoc("downloadAttachment", "The document's content, as stored; audited.", file: true)
        ) { req -> FileAnswer in
            FileAnswer(response: try await AttachmentReceiver.download(req, id: try req.recordID("aid")))
        }
        routes.api(
            .POST, "/attachments/{aid}/retract",
            APIDoc("retractAttachment", "Retract a document (supervisors); it stays listed as retracted; audited.")
        ) { req -> NoContent in
            try await req.attachments.retract(try req.recordID("aid"))
            return NoContent()
        }
    }
}

/// 200 with a stored document.
struct FileAnswer: APIOutput {
    let response: Response
    static var status: HTTPStatus { .ok }
    static var body: (any Decodable.Type)? { nil }
    static var location: Bool { false }
    func encodeResponse(for request: Request) async throws -> Response { response }
}
