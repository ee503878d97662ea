import Foundation
import SanadCore
import SanadStore
import Vapor

/// Field offices and the centre (issue 11). `join` and `exchange` are answered to nodes, not to people: a one-time
/// code or the office's signature stands for the token. Conflicts are for supervisors of the record's centre.
struct SyncAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/sync/join",
            APIDoc(
                "joinCentre", "An office joins with its one-time code and public key (`sanad sync join`).",
                problems: [403: "The code is wrong, used already, or its office was revoked."], signedIn: false),
            body: JoinBody.self, use: join)
        routes.api(
            .POST, "/sync/exchange",
            APIDoc(
                "exchange",
                "An office's signed request bundle in, the centre's signed reply bundle out (`sanad sync now`).",
                problems: [
                    400: "Not a bundle, cut short, changed after signing, or unreadable.",
                    403: "From an office that is unknown, revoked or of another organisation.",
                    409: "This server is a field office, not a centre.",
                ], signedIn: false, bundle: true), use: exchange)
        routes.api(
            .GET, "/sync/conflicts",
            APIDoc(
                "listSyncConflicts",
                "Fields changed in two places from the same value, held for a supervisor of the record's centre."),
            use: conflicts)
        routes.api(
            .POST, "/sync/conflicts/{id}/resolve",
            APIDoc(
                "resolveSyncConflict",
                "Keep one of the values (`choice`: its operation) or enter a new one (`value`); the answer travels."),
            body: ResolveBody.self, use: resolve)
    }

    func join(req: Request, body: JoinBody) async throws -> OK<JoinAnswer> {
        guard let code = body.code, !code.isEmpty, let key = body.publicKey.flatMap({ Data(base64Encoded: $0) }),
            let organisation = body.organisation
        else {
            throw APIValidation(fields: [
                .init(
                    field: "code", code: "required", detail: "The code, the public key (base64) and the organisation.")
            ])
        }
        let answer = try await req.open.syncCentre.join(code: code, publicKey: key, organisation: organisation)
        return OK(JoinAnswer(answer))
    }

    func exchange(req: Request) async throws -> SyncBundleBody {
        guard let buffer = req.body.data else { throw SyncExchangeError.bundle(.notABundle) }
        return SyncBundleBody(data: try await req.open.syncCentre.exchange(Data(buffer: buffer)).reply)
    }

    func supervisor(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, .resolveSyncConflicts) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func conflicts(req: Request) async throws -> OK<[SyncConflict]> {
        let actor = try supervisor(req)
        return OK(try await req.open.syncCentre.conflicts(centres: actor.centres))
    }

    func resolve(req: Request, body: ResolveBody) async throws -> OK<SyncConflict> {
        let actor = try supervisor(req)
        let id = req.parameters.get("id") ?? ""
        // Someone else's centre's conflict is not found, as records of other centres are.
        guard try await req.open.syncCentre.conflicts(centres: actor.centres).contains(where: { $0.id == id }) else {
            throw SyncConflictError.notFound
        }
        guard
            let resolved = try await req.open.syncCentre.resolve(
                id: id, choice: body.choice, value: body.value, by: actor.userID)
        else { throw SyncConflictError.notFound }
        return OK(resolved)
    }
}

struct JoinBody: Content {
    var code: String?
    /// The office's Ed25519 public key, base64.
    var publicKey: String?
    /// The id of the organisation key the office holds, so a wrongly keyed office is refused before its code is spent.
    var organisation: String?
}

/// The centre's answer; keys and proof in base64, as `SyncJoinAnswer` decodes them.
struct JoinAnswer: Content {
    let node: String
    let centres: [String]
    let centreKey: String
    let series: Int
    let proof: String

    init(_ answer: SyncJoinAnswer) {
        (node, centres, series) = (answer.node, answer.centres, answer.series)
        centreKey = answer.centreKey.base64EncodedString()
        proof = answer.proof.base64EncodedString()
    }
}

struct ResolveBody: Content {
    /// The operation of the value kept, as listed (`current.operation` or one of `held[].operation`).
    var choice: String?
    /// A new value instead of those listed.
    var value: String?
}

extension SyncConflict: Content {}
extension SyncConflictSide: Content {}

/// A signed bundle as the body of an answer.
struct SyncBundleBody: APIOutput {
    let data: Data

    static var status: HTTPStatus { .ok }
    static var body: (any Decodable.Type)? { nil }
    static var location: Bool { false }

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .binary
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
