import Crypto
import Foundation
import Metrics
import Prometheus
import Vapor

/// `GET /metrics` in Prometheus' text format (issue 12, item 6). Vapor counts every request and times it by
/// method, route pattern (`/people/:id`, never a path with an id or a searched name) and status; the store counts
/// audit appends and sign-in failures. No metric carries a personal value.
enum SanadMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// swift-metrics has one factory per process; the first app to start installs it.
    static let installed: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Readable with the metrics token from anywhere, or without it from this machine when no proxy stands in front
    /// (behind one, every request comes from the proxy's loopback address).
    static func allowed(_ req: Request) -> Bool {
        if let token = req.application.metricsToken, let sent = req.headers.bearerAuthorization?.token {
            return Data(SHA256.hash(data: Data(sent.utf8))) == Data(SHA256.hash(data: Data(token.utf8)))
        }
        guard req.application.publicOrigin == nil, req.headers.first(name: "X-Forwarded-For") == nil,
            let ip = req.remoteAddress?.ipAddress
        else { return false }
        return ip == "127.0.0.1" || ip == "::1"
    }

    static let backupAge = registry.makeGauge(
        name: "sanad_backup_age_seconds", help: "Seconds since the last `sanad backup`; -1 when none was made.")

    static func serve(req: Request) async throws -> Response {
        guard allowed(req) else { throw Abort(.forbidden) }
        let last = try await req.open.backups.lastBackup()
        backupAge.set(last.map { req.context.clock().timeIntervalSince($0) } ?? -1)
        let response = Response(status: .ok, body: .init(string: registry.emitToString()))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }
}

struct MetricsTokenKey: StorageKey { typealias Value = String }

extension Application {
    var metricsToken: String? {
        get { storage[MetricsTokenKey.self] }
        set { storage[MetricsTokenKey.self] = newValue }
    }
}
