import Vapor

/// Headers that make the browser refuse what the pages never need: inline scripts, framing, sniffing, referrers.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Behind a TLS proxy (`SANAD_PUBLIC_URL=https://…`): browsers must never come back over plain http.
    var strictTransport = false

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if strictTransport {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        // Pages, API answers and downloads may carry personal data; shared or back-button caches must not keep
        // them. Only what opts in (the style sheet) is cached, so a new route cannot forget it (issue 19, item 9).
        if !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
