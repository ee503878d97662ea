import Foundation
import Logging
import NIOConcurrencyHelpers
import SanadCore
import SanadTestSupport
import Testing
import Vapor
import VaporTesting

@testable import SanadStore
@testable import SanadWeb

/// Issue 12, item 6: Prometheus metrics by route pattern and status, behind a token, with no personal value; and
/// logs as JSON lines.
@Suite struct MetricsAndLogsTests {
    static let token = "metrics-token-for-the-tests-0123456789"

    @Test func metricsCountRequestsByRoutePatternAndCarryNoPersonalValue() async throws {
        try await TestApp.with(environment: ["SANAD_METRICS_TOKEN": Self.token]) { app, fx in
            let setup = try await RoleSetup.make(fx)
            let client = setup.clients[.caseworker]!
            _ = try await client.get("/people/\(setup.personID)")
            _ = try await client.get("/people?q=Rahel")
            _ = try await fx.accounts.signIn(
                username: "nobody", password: "wrong", clientAddress: "10.0.0.1", kind: .browser)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: Self.token)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = metrics.body.getString(at: 0, length: metrics.body.readableBytes) ?? ""
            #expect(
                text.contains(#"http_requests_total{method="GET",path="/people/:id",status="200"}"#),
                "\(text.prefix(800))")
            #expect(text.contains("http_request_duration_seconds_bucket"))
            #expect(text.contains("sanad_audit_appends_total"))
            #expect(text.contains(#"sanad_signin_failures_total{known_account="no"}"#))
            #expect(!text.contains(setup.personID.uuidString) && !text.contains("Rahel"), "no ids, no names")
        }
    }

    @Test func metricsNeedTheTokenOrTheMachineItself() async throws {
        try await TestApp.with(environment: ["SANAD_METRICS_TOKEN": Self.token]) { app, fx in
            let admin = try await fx.user("root", .administrator)
            let signedIn = WebClient(app: app, session: try await fx.browserSession(for: admin))
            #expect(try await signedIn.get("/metrics").status == .forbidden, "an administrator's session is not enough")
            var wrong = HTTPHeaders()
            wrong.bearerAuthorization = BearerAuthorization(token: "not-the-metrics-token-at-all")
            #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: wrong).status == .forbidden)
            let apiToken = try await fx.apiToken(for: admin)
            var api = HTTPHeaders()
            api.bearerAuthorization = BearerAuthorization(token: apiToken)
            #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: api).status == .forbidden)
        }
    }

    @Test func administratorsAndMetricsSeeTheLastBackup() async throws {
        try await TestApp.with(environment: ["SANAD_METRICS_TOKEN": Self.token]) { app, fx in
            let admin = try await fx.user("root", .administrator)
            let page = WebClient(app: app, session: try await fx.browserSession(for: admin))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: Self.token)
            #expect(try await page.get("/admin/users").text.contains("No backup has been made yet"))
            let none = try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
            #expect(
                none.body.getString(at: 0, length: none.body.readableBytes)?.contains("sanad_backup_age_seconds -1")
                    == true)
            try FileManager.default.createDirectory(at: fx.directory, withIntermediateDirectories: true)
            var environment = ProcessInfo.processInfo.environment
            environment["SANAD_DATA_DIR"] = fx.directory.path
            _ = try await BackupService.backup(
                to: fx.directory.appendingPathComponent("b.sanad"), settings: SanadSettings(environment: environment),
                db: app.db, context: fx.context)
            let shown = try await page.get("/admin/users").text
            #expect(shown.contains(#"id="last-backup""#) && shown.contains("0 days ago"))
            let after = try await app.testing().sendRequest(.GET, "/metrics", headers: headers)
            let text = after.body.getString(at: 0, length: after.body.readableBytes) ?? ""
            #expect(text.contains("sanad_backup_age_seconds") && !text.contains("sanad_backup_age_seconds -1"))
        }
    }

    @Test func jsonLogLinesCarryLevelMessageAndMetadata() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "sanad.test") { label in
            JSONLogHandler(label: label) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "abc"
        logger.info("request", metadata: ["route": "/people/:id", "status": "200"])
        let line = try #require(lines.withLockedValue { $0.first })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "info" && object["message"] == "request" && object["label"] == "sanad.test")
        #expect(object["route"] == "/people/:id" && object["status"] == "200" && object["request-id"] == "abc")
        #expect(object["ts"]?.hasSuffix("Z") == true)
        #expect(!line.contains("\n"), "one object per line")
    }
}
