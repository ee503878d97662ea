import Vapor

/// Refuses bodies over the limit with 413 before any handler reads them: by the declared length when there is one,
/// and by what actually arrived otherwise (Vapor's streaming limit does not apply to bodies already collected).
struct BodyLimitMiddleware: AsyncMiddleware {
    let limit: Int
    /// Attachment uploads stream to disk and have their own, larger limit (the file's limit and room for the form).
    var uploadLimit: Int = 0

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        let limit =
            request.method == .POST && path.hasSuffix("/attachments")
            ? max(self.limit, uploadLimit)
            : request.method == .POST && path.hasSuffix("/imports") ? PendingImports.fileLimit + 64 * 1024 : limit
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw Abort(.payloadTooLarge, reason: "The body is larger than \(limit / 1024) KB.")
        }
        if let data = request.body.data, data.readableBytes > limit {
            throw Abort(.payloadTooLarge, reason: "The body is larger than \(limit / 1024) KB.")
        }
        return try await next.respond(to: request)
    }
}
