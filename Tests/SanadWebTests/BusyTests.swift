import AsyncKit
import Foundation
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadWeb

/// A request that waited too long for a database connection is answered 503 with when to try again, not 500
/// (the 10-minute load run of issue 12 ended 61 requests that way).
@Suite struct BusyTests {
    @Test func anExhaustedConnectionPoolIsBusyNotBroken() async throws {
        try await TestApp.with { app, _ in
            app.get("api", "v1", "busy-probe") { _ -> String in
                throw ConnectionPoolTimeoutError.connectionRequestTimeout
            }
            app.get("busy-probe") { _ -> String in throw ConnectionPoolError.shutdown }
            let api = try await app.testing().sendRequest(.GET, "/api/v1/busy-probe")
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers.first(name: .retryAfter) == "5")
            #expect(api.headers.contentType?.subType == "problem+json")
            let problem = try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any]
            #expect(problem?["type"] as? String == "/api/v1/problems/busy")
            let page = try await app.testing().sendRequest(
                .GET, "/busy-probe", headers: ["Accept-Language": "ar"])
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers.first(name: .retryAfter) == "5")
            #expect(page.body.string.contains("الخادم مشغول"))
        }
    }
}
