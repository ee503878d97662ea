import Foundation
import SanadStore
import Vapor

/// An office's link to the centre over HTTP(S): the same bundles as on a USB stick, posted to
/// `/api/v1/sync/exchange` (issue 11, item 2).
public enum SyncHTTP {
    public static func transport(_ app: Application, central: String) -> SyncTransport {
        let url = URI(string: central.trimmingSuffix("/") + "/api/v1/sync/exchange")
        let client = app.client
        return { bundle in
            let response = try await client.post(url) { request in
                request.headers.contentType = .binary
                request.body = ByteBuffer(data: bundle)
            }
            guard response.status == .ok, let body = response.body else {
                throw SyncExchangeError.refusedByCentre(problem(response))
            }
            return Data(buffer: body)
        }
    }

    /// `sanad sync join`: registers the office's key with its code and checks the centre's answer.
    public static func join(_ app: Application, central: String, code: String) async throws -> SyncJoinAnswer {
        let url = URI(string: central.trimmingSuffix("/") + "/api/v1/sync/join")
        let organisation = app.sanad.keys.active.id
        let client = app.client
        return try await OpenServices(db: app.db, context: app.sanad).syncOffice.join(central: central) { key in
            let response: ClientResponse
            do {
                response = try await client.post(url) { request in
                    try request.content.encode(
                        JoinBody(code: code, publicKey: key.base64EncodedString(), organisation: organisation))
                }
            } catch {
                throw SyncExchangeError.centreUnreachable(String(describing: type(of: error)))
            }
            guard response.status == .ok else { throw SyncExchangeError.refusedByCentre(problem(response)) }
            let answer = try response.content.decode(SyncJoinAnswer.self)
            guard answer.verify(code: code) else {
                throw SyncExchangeError.refusedByCentre(
                    "the answer does not match the code; is this the centre's address?")
            }
            return answer
        }
    }

    static func problem(_ response: ClientResponse) -> String {
        struct Detail: Decodable { var detail: String? }
        let detail = response.body.flatMap { try? JSONDecoder().decode(Detail.self, from: Data(buffer: $0)) }?.detail
        return detail ?? "HTTP \(response.status.code)"
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
