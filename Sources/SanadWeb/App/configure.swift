import Fluent
import Foundation
import SanadCore
import SanadStore
import Vapor

public enum SanadApp {
    /// Largest request body accepted; larger ones get 413 before any handler runs.
    public static let maxBodySize: ByteCount = "256kb"

    /// Databases, migrations, keys, middleware and routes. `prepare` must run before serving.
    public static func configure(_ app: Application, settings: SanadSettings, keys: KeyRing) throws {
        if let problem = settings.publicURLProblem ?? settings.ctdcMinimumKProblem { throw SettingsError(problem) }
        app.storage[CTDCMinimumKKey.self] = settings.ctdcMinimumK
        app.servedOverHTTPS = settings.servedOverHTTPS
        app.publicOrigin = settings.publicOrigin
        app.metricsToken = settings.metricsToken
        SanadMetrics.installed
        // SQLite runs on this pool, and a connection waiting for the write lock retries on its thread without
        // sleeping: the shared two-thread pool could be filled by waiters while the lock holder waits for a
        // thread. Its own pool with room for every connection keeps the holder moving.
        app.threadPool = NIOThreadPool(numberOfThreads: max(4, 2 * System.coreCount))
        try DatabaseSetup.configure(app, settings: settings)
        // Keys from the key file follow `sanad keys rotate` while serving; the environment's cannot change.
        let keyFile = settings.masterKey?.isEmpty == false ? nil : settings.keyFile
        app.sanad = StoreContext(source: KeySource(ring: keys, keyFile: keyFile))
        app.sanad.attachments = AttachmentSettings(
            root: settings.attachmentsDirectory, limit: settings.attachmentLimitMB * 1024 * 1024)
        app.storage[SignInGateKey.self] = SignInGate(limit: SignInThrottle().concurrentPerAddress)
        app.routes.defaultMaxBodySize = maxBodySize
        app.middleware = .init()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(SecurityHeadersMiddleware(strictTransport: settings.servedOverHTTPS))
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(
            BodyLimitMiddleware(limit: maxBodySize.value, uploadLimit: app.sanad.attachments.limit + 64 * 1024))
        app.middleware.use(SanadSessionMiddleware())
        app.storage[OnceFormsKey.self] = OnceForms()
        app.storage[HeldRegistrationsKey.self] = HeldRegistrations()
        app.middleware.use(SignedOutFormMiddleware(limit: maxBodySize.value))
        try app.register(collection: AuthPageController())
        try app.register(collection: TwoFactorPageController())
        try app.register(collection: PeoplePageController())
        try app.register(collection: AttachmentPageController())
        try app.register(collection: AttachmentAPIController())
        try app.register(collection: ImportPageController())
        try app.register(collection: ImportAPIController())
        try app.register(collection: PeopleExportController())
        try app.register(collection: AdminPageController())
        try app.register(collection: AdminAPIController())
        try app.register(collection: SyncAPIController())
        try app.register(collection: SyncPageController())
        try app.register(collection: IntegrityPageController())
        try app.register(collection: HelpPageController())
        try app.register(collection: IntegrityAPIController())
        try app.register(collection: ServiceTypeAPIController())
        try app.register(collection: PeopleAPIController())
        try app.register(collection: AccountAPIController())
        try app.register(collection: OpenAPIController())
        try app.register(collection: ScreeningPageController())
        try app.register(collection: CasePageController())
        try app.register(collection: ShelterPageController())
        try app.register(collection: ReferralPageController())
        try app.register(collection: WorkPageController())
        try app.register(collection: ServiceCataloguePageController())
        try app.register(collection: CaseAPIController())
        try app.register(collection: ReferralAPIController())
        try app.register(collection: ReturnAPIController())
        try app.register(collection: ShelterAPIController())
        try app.register(collection: EventPageController())
        try app.register(collection: EventAPIController())
        try app.register(collection: ReportPageController())
        try app.register(collection: ReportAPIController())
        try app.register(collection: ScreeningAPIController())
        try app.register(collection: VulnerabilityPageController())
        try app.register(collection: VulnerabilityAPIController())
        try app.register(collection: IdentityAPIController())
        app.routes.page(.GET, Site.health, use: health)
        app.routes.page(.GET, Site.stylesheet, use: stylesheet)
        app.routes.page(.GET, Site.metrics, use: SanadMetrics.serve)
        app.apiDocument = APIDocument.json(app.routes.all)
    }

    /// Migrates, checks the key, and loads the in-memory name index from the decrypted names.
    public static func prepare(_ app: Application) async throws {
        try await DatabaseSetup.prepare(app, source: app.sanad.keySource)
        try await app.sanad.names.refresh(on: app.db, context: app.sanad, foundIn: "start-up")
        // A count only: ids stay in the database, for administrators (issue 16).
        if let damaged = try? await Quarantine.openCount(on: app.db), damaged > 0 {
            app.logger.warning(
                "damaged records set aside; see /admin/integrity or sanad repair list",
                metadata: ["count": "\(damaged)"])
        }
    }

    static func health(req: Request) async throws -> Response {
        let reachable = await req.centres.reachable()
        // A count and nothing else: the caller may be anyone (issue 16).
        let damaged = reachable ? ((try? await req.open.integrity.damagedCount()) ?? 0) : 0
        let body = Health(
            status: reachable && damaged == 0 ? "ok" : "degraded", database: reachable ? "ok" : "unreachable",
            damagedRecords: damaged)
        return try await body.encodeResponse(status: reachable ? .ok : .serviceUnavailable, for: req)
    }

    static let css: String = {
        guard let url = Bundle.module.url(forResource: "sanad", withExtension: "css"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("sanad.css is missing from the bundle") }
        return text
    }()

    static func stylesheet(req: Request) -> Response {
        let response = Response(status: .ok, body: .init(string: css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}

/// Request logs carry method, path template and status only: paths with ids are fine, query strings (which
/// can hold a searched name) are never logged.
struct RouteLoggingMiddleware: AsyncMiddleware {
    let logLevel: Logger.Level

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        request.logger.log(
            level: logLevel, "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                // The route's pattern, not the path: a path can carry a secret (the one-time setup token).
                "route": "\(request.routePattern)",
                "status": "\(response.status.code)",
            ])
        return response
    }
}

/// A setting that cannot be used; start-up stops with its message.
public struct SettingsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

struct ServedOverHTTPSKey: StorageKey { typealias Value = Bool }
struct PublicOriginKey: StorageKey { typealias Value = String }
struct CTDCMinimumKKey: StorageKey { typealias Value = Int }

extension Application {
    /// Set from `SANAD_PUBLIC_URL`: a TLS proxy serves these pages over https.
    var servedOverHTTPS: Bool {
        get { storage[ServedOverHTTPSKey.self] ?? false }
        set { storage[ServedOverHTTPSKey.self] = newValue }
    }

    /// The smallest k a CTDC download may use (`SANAD_CTDC_MIN_K`).
    var ctdcMinimumK: Int { storage[CTDCMinimumKKey.self] ?? DisclosureFloor.defaultK }

    /// `SANAD_PUBLIC_URL`'s origin, which forms must come from.
    var publicOrigin: String? {
        get { storage[PublicOriginKey.self] }
        set { storage[PublicOriginKey.self] = newValue }
    }
}
