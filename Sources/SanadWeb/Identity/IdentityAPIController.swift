import Foundation
import SanadCore
import SanadStore
import Vapor

struct MatchOut: Content {
    /// Present only for records the caller may open.
    let id: UUID?
    let centre: String
    let registrationNumber: String?
    /// Only for records the caller may open.
    let score: Double?
    let decision: String
    let reasons: [String]
}

extension MatchOut {
    init(_ d: PossibleDuplicate) {
        self.init(
            id: d.visible ? d.id : nil, centre: d.centre, registrationNumber: d.record?.registrationNumber,
            score: d.visible ? (d.result.score * 100).rounded() / 100 : nil,
            decision: d.result.decision?.rawValue ?? "none", reasons: d.result.reasons)
    }
}

struct OtherBody: Content {
    var other: UUID?
    /// For a merge: the survivor's version as the caller saw it; a newer edit makes the merge a 409.
    var version: Int?
}

struct IdentityAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/people/matches",
            APIDoc(
                "checkDuplicates",
                "The registration check: people who may be the one described (nothing is saved). Records at other centres are compared on names only and show only that they exist there.",
                problems: [429: "Too many checks by this account in ten minutes."]), body: PersonBody.self, use: matches
        )
        routes.api(
            .GET, "/people/{id}/duplicates", APIDoc("listDuplicates", "Possible duplicates of a registered person."),
            use: duplicates)
        routes.api(
            .POST, "/people/{id}/merge",
            APIDoc(
                "mergePerson", "A supervisor merges `other` into this person (undoable).",
                problems: [409: "Already merged, the same person, or the survivor changed since `version`."]),
            body: OtherBody.self, use: merge)
        routes.api(
            .POST, "/people/{id}/unmerge",
            APIDoc("unmergePerson", "Undo the merge of this record.", problems: [409: "This record is not merged."]),
            use: unmerge)
        routes.api(
            .POST, "/people/{id}/distinct",
            APIDoc(
                "markDistinct", "Record that `other` is a different person; the pair is not proposed again.",
                problems: [409: "The same person."]), body: OtherBody.self, use: distinct)
    }

    func other(_ body: OtherBody) throws -> UUID {
        guard let other = body.other else {
            throw APIValidation(fields: [.init(field: "other", code: "required", detail: "Send the other person's id.")]
            )
        }
        return other
    }

    /// The registration check: the same body as a registration, nothing saved.
    func matches(req: Request, body: PersonBody) async throws -> OK<[MatchOut]> {
        let draft = body.applied(to: PersonDraft())
        if case .failure(let failure) = draft.validate(today: CivilDate(req.context.clock())) {
            throw StoreError.invalid(failure.errors)
        }
        return OK(try await req.identity.candidates(for: draft).map(MatchOut.init))
    }

    func duplicates(req: Request) async throws -> OK<[MatchOut]> {
        OK(try await req.identity.candidates(forPerson: try req.recordID()).map(MatchOut.init))
    }

    func merge(req: Request, body: OtherBody) async throws -> NoContent {
        try await req.identity.merge(
            survivor: try req.recordID(), merged: try other(body), expectedVersion: body.version)
        return NoContent()
    }

    func unmerge(req: Request) async throws -> NoContent {
        try await req.identity.unmerge(try req.recordID())
        return NoContent()
    }

    func distinct(req: Request, body: OtherBody) async throws -> NoContent {
        try await req.identity.markDistinct(try req.recordID(), try other(body))
        return NoContent()
    }
}
