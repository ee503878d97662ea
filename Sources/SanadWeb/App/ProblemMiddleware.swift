import Foundation
import SanadCore
import SanadStore
import Vapor

/// RFC 9457 problem details. `type` is stable per kind of problem; `errors` names each bad field.
struct Problem: Content {
    struct FieldProblem: Content {
        let field: String
        let code: String
        let detail: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldProblem]?
    var currentVersion: Int?

    static func type(_ slug: String) -> String { "/api/v1/problems/\(slug)" }

    /// A short word for why a request was refused, for the audit trail.
    static func slug(status: HTTPResponseStatus) -> String {
        switch status.code {
        case 401: return "unauthenticated"
        case 403: return "forbidden"
        case 404: return "not-found"
        default: return "too-many-requests"
        }
    }
}

/// Turns every error into a problem document (API) or a page in the user's language, and never lets an internal
/// error's text reach the client. Logs name the error's type and the request id only.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // A value that no longer opens is one damaged record, not a broken server: it is noted for the
            // administrator and the reader gets a notice (issue 16).
            if case CipherError.cannotOpen(let context) = error {
                await request.open.integrity.note(
                    context: context, foundIn: "\(request.method.rawValue) \(request.routePattern)")
            }
            let response = Self.response(for: error, request: request)
            await Self.auditRefusal(error, response: response, request: request)
            // The session middleware sets a new form-token cookie on the way out, which a thrown error skips: an
            // error page's language switch would then post a token no cookie matches (issue 20, finding 14).
            if request.state.newCSRFCookie && !request.isAPI {
                response.cookies[SanadSessionMiddleware.csrfCookie] = SanadSessionMiddleware.cookie(
                    request.state.csrf, request: request, maxAge: nil)
            }
            return response
        }
    }

    /// Statuses that refuse access, as opposed to refusing bad input: each is audited with the route pattern and
    /// the record asked for (issue 19, finding 4). A page asking an anonymous visitor to sign in is not one.
    static let refusals: Set<UInt> = [401, 403, 404, 429]

    static func auditRefusal(_ error: any Error, response: Response, request: Request) async {
        guard refusals.contains(response.status.code), let route = request.route else { return }
        let recordID = route.path.compactMap { component -> String? in
            guard case .parameter(let name) = component else { return nil }
            return request.parameters.get(name).flatMap(UUID.init(uuidString:))?.uuidString
        }.first
        let reason =
            (error as? FormRefused)?.cause
            ?? Problem.slug(status: response.status)
        await request.open.refusals.record(
            actorID: request.state.user?.id.uuidString, status: Int(response.status.code),
            method: request.method.rawValue, route: request.routePattern, recordID: recordID, reason: reason,
            clientAddress: request.state.user == nil ? request.clientAddress : nil)
    }

    static func response(for error: any Error, request: Request) -> Response {
        if let refused = error as? CaseError {
            let r = CaseRefusal(refused, request.pageContext.t)
            if request.isAPI {
                return problem(
                    Problem(
                        type: Problem.type(r.slug), title: r.status.reasonPhrase, status: Int(r.status.code),
                        detail: r.english, errors: r.fields.isEmpty ? nil : r.fields, currentVersion: nil))
            }
            return request.page(
                AccountPages.error(request.pageContext, status: Int(r.status.code), message: r.localized),
                status: r.status)
        }
        let (status, slug, message, fields, version) = classify(error, request: request)
        if status == .internalServerError {
            request.logger.error("unhandled error", metadata: ["type": "\(String(reflecting: Swift.type(of: error)))"])
        }
        if status == .serviceUnavailable {
            request.logger.warning("busy: no database connection in time")
            let response = busyResponse(message: message, request: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: "5")
            return response
        }
        if request.isAPI {
            let response = problem(
                Problem(
                    type: Problem.type(slug), title: status.reasonPhrase, status: Int(status.code), detail: message.en,
                    errors: fields.isEmpty ? nil : fields, currentVersion: version))
            // When to try again, for refusals that say so (sign-in back-off).
            if let retry = (error as? any AbortError)?.headers.first(name: .retryAfter) {
                response.headers.replaceOrAdd(name: .retryAfter, value: retry)
            }
            return response
        }
        if error is AuthRequired {
            // Back to the page asked for after signing in; its path only, since a query can hold a typed name.
            let path = request.url.path
            guard request.method == .GET, path != Site.home, LocalPath.isSafe(path) else {
                return request.redirect(to: Site.signIn)
            }
            var components = URLComponents()
            components.path = Site.signIn
            components.queryItems = [URLQueryItem(name: SignInResume.nextField, value: path)]
            return request.redirect(to: components.string ?? Site.signIn)
        }
        let c = request.pageContext
        return request.page(
            AccountPages.error(c, status: Int(status.code), message: c.t.t(message.key)), status: status)
    }

    static func busyResponse(message: Message, request: Request) -> Response {
        if request.isAPI {
            return problem(
                Problem(
                    type: Problem.type("busy"), title: HTTPStatus.serviceUnavailable.reasonPhrase, status: 503,
                    detail: message.en, errors: nil, currentVersion: nil))
        }
        let c = request.pageContext
        return request.page(
            AccountPages.error(c, status: 503, message: c.t.t(message.key)), status: .serviceUnavailable)
    }

    static func problem(_ problem: Problem) -> Response {
        let status = HTTPStatus(statusCode: problem.status)
        let response = Response(status: status)
        if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        response.body = .init(data: (try? encoder.encode(problem)) ?? Data())
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return response
    }

    typealias Message = (key: String, en: String)

    static func classify(
        _ error: any Error, request: Request
    ) -> (HTTPStatus, String, Message, [Problem.FieldProblem], Int?) {
        switch error {
        case is AuthRequired:
            return (
                .unauthorized, "unauthenticated", ("error.unauthenticated", "Sign in or send a valid bearer token."),
                [], nil
            )
        case is CipherError:
            return (
                .conflict, "damaged-record",
                (
                    "error.damaged-record",
                    "This record is damaged and cannot be shown. Ask an administrator: it has been reported to them."
                ), [], nil
            )
        case let store as StoreError:
            switch store {
            case .forbidden:
                return (.forbidden, "forbidden", ("error.forbidden", "Your role may not do this."), [], nil)
            case .notFound:
                return (.notFound, "not-found", ("error.not-found", "No such record."), [], nil)
            case .invalid(let errors):
                let fields = errors.map {
                    Problem.FieldProblem(
                        field: $0.field.jsonName, code: $0.code.rawValue, detail: $0.code.englishMessage)
                }
                return (
                    .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), fields, nil
                )
            case .versionConflict(let current):
                return (
                    .conflict, "version-conflict",
                    ("person.conflict", "Someone else changed this record; reload it and apply your change again."), [],
                    current
                )
            case .duplicate(let field):
                return (.conflict, "duplicate", ("error.duplicate", "\(field) is already in use."), [], nil)
            }
        case let screening as ScreeningError:
            switch screening {
            case .invalidStart(let errors):
                let fields = errors.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                    Problem.FieldProblem(
                        field: $0.key.rawValue, code: $0.value.rawValue, detail: $0.value.englishMessage)
                }
                return (
                    .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), fields, nil
                )
            case .invalidAnswers(.unknownIndicator(let id)):
                let field = Problem.FieldProblem(
                    field: "answers.\(id)", code: "unknown-indicator", detail: "No such indicator in this instrument.")
                return (
                    .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), [field], nil
                )
            case .invalidAnswers(.badAnswer(let id)):
                let field = Problem.FieldProblem(
                    field: "answers.\(id)", code: "unknown-value",
                    detail: "Answer yes, no, unknown, not-asked or declined.")
                return (
                    .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), [field], nil
                )
            case .alreadyCompleted:
                return (
                    .conflict, "screening-completed",
                    ("screening.immutable", "A completed screening cannot change; start a new one to supersede it."),
                    [], nil
                )
            case .notCompleted:
                return (
                    .conflict, "screening-not-completed",
                    ("screening.reopen.not-completed", "Only a completed screening can be reopened."), [], nil
                )
            case .alreadyReopened:
                return (
                    .conflict, "screening-reopened",
                    (
                        "screening.reopen.already",
                        "This screening is reopened already; finish the interview in progress."
                    ),
                    [], nil
                )
            case .approvalRequired:
                return (
                    .conflict, "approval-required",
                    (
                        "trafficking.approval-required",
                        "Confirming a victim of trafficking, or undoing a confirmation, needs a second supervisor: ask for approval on the case."
                    ), [], nil
                )
            }
        case VulnerabilityError.invalidAnswers(let problem):
            let (id, code) =
                switch problem {
                case .unknownIndicator(let id): (id, "unknown-factor")
                case .badAnswer(let id): (id, "unknown-value")
                }
            let field = Problem.FieldProblem(
                field: "answers.\(id)", code: code, detail: "Use a factor of this level and present, absent or unknown."
            )
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), [field], nil
            )
        case let repair as RepairError:
            switch repair {
            case .needsReason:
                let field = Problem.FieldProblem(field: "reason", code: "required", detail: repair.description)
                return (
                    .unprocessableEntity, "validation", ("integrity.needs-reason", repair.description), [field], nil
                )
            case .needsRebuild:
                return (.conflict, "needs-rebuild", ("integrity.needs-rebuild", repair.description), [], nil)
            case .notDamaged, .postgresBackup:
                return (.conflict, "not-damaged", ("integrity.not-damaged", repair.description), [], nil)
            }
        case let failed as ImportError:
            let detail = failed.description
            switch failed {
            case .unknownCentre:
                let field = Problem.FieldProblem(field: "centre", code: "unknown-value", detail: detail)
                return (.unprocessableEntity, "validation", ("import.error.centre", detail), [field], nil)
            case .mapping:
                let field = Problem.FieldProblem(field: "mapping", code: "invalid", detail: detail)
                return (.unprocessableEntity, "validation", ("import.error.no-name", detail), [field], nil)
            case .noRows, .tooManyRows:
                let field = Problem.FieldProblem(field: "file", code: "invalid", detail: detail)
                return (.unprocessableEntity, "validation", ("import.error.empty", detail), [field], nil)
            case .notFound: return (.notFound, "not-found", ("error.not-found", "Not found."), [], nil)
            case .undoBlocked: return (.conflict, "undo-blocked", ("import.error.undo-blocked", detail), [], nil)
            case .alreadyUndone: return (.conflict, "already-undone", ("import.undone", detail), [], nil)
            case .notHeld: return (.conflict, "not-held", ("import.error.not-held", detail), [], nil)
            }
        case let problem as SpreadsheetReader.Problem:
            let field = Problem.FieldProblem(field: "file", code: "invalid", detail: problem.description)
            return (.unprocessableEntity, "validation", ("import.error.malformed", problem.description), [field], nil)
        case let identity as IdentityError:
            switch identity {
            case .samePerson:
                return (
                    .unprocessableEntity, "same-person",
                    ("match.same-person", "A record cannot be merged with itself."), [], nil
                )
            case .alreadyMerged:
                return (
                    .conflict, "already-merged", ("match.already-merged", "One of the records is already merged."), [],
                    nil
                )
            case .notMerged:
                return (
                    .conflict, "not-merged", ("match.not-merged", "This record is not merged into another."), [], nil
                )
            case .tooManyChecks:
                return (
                    .tooManyRequests, "too-many-checks",
                    ("match.too-many-checks", "Too many duplicate checks in a short time; try again in a few minutes."),
                    [], nil
                )
            }
        case let twoFactor as TwoFactorError:
            switch twoFactor {
            case .wrongCode:
                return (
                    .unprocessableEntity, "validation", ("two-factor.code.wrong", "The code is wrong or expired."),
                    [.init(field: "code", code: "wrong", detail: "The code is wrong or expired.")], nil
                )
            case .notStarted, .alreadyOn:
                return (
                    .conflict, "two-factor-state",
                    ("error.forbidden", "Set up the second factor from the account page first, once."), [], nil
                )
            }
        case is SecondFactorEnrolmentRequired:
            return (
                .forbidden, "second-factor-required",
                (
                    "two-factor.status.required",
                    "Your role must sign in with a second factor: set it up on the account page first."
                ), [], nil
            )
        case AccountError.tooManyAttempts:
            return (
                .tooManyRequests, "too-many-attempts",
                ("signin.locked", "Too many wrong passwords from this address; try again later."), [], nil
            )
        case let account as AccountError:
            let (field, code, detail): (String, String, String) =
                switch account {
                case .invalidUsername: ("username", "invalid", "3 to 32 letters, digits, dots, dashes or underscores.")
                case .weakPassword:
                    ("password", "too-short", "At least \(AccountRules.minPasswordLength) characters.")
                case .usernameTaken: ("username", "taken", "This username is already in use.")
                case .unknownCentre: ("centres", "unknown-value", "No such centre.")
                case .noCentre: ("centres", "required", "This role needs at least one centre.")
                case .wrongPassword: ("currentPassword", "wrong", "The current password is wrong.")
                case .tooManyAttempts: ("currentPassword", "too-many-attempts", "Try again later.")
                case .unknownPartner: ("partner", "unknown-value", "No such partner.")
                }
            if account == .usernameTaken {
                return (.conflict, "duplicate", ("account.username.taken", detail), [], nil)
            }
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."),
                [.init(field: field, code: code, detail: detail)], nil
            )
        case let centre as CentreError:
            let (field, code, detail): (String, String, String) =
                switch centre {
                case .invalidCode: ("code", "invalid", "2 to 12 letters or digits.")
                case .invalidPrefix: ("prefix", "invalid", "Three letters.")
                case .missingName: ("nameEn", "required", "An English and an Arabic name, up to 100 characters.")
                case .unknownState: ("state", "unknown-value", "No such state P-code.")
                case .duplicate: ("code", "taken", "A centre with this code or prefix exists.")
                }
            if centre == .duplicate { return (.conflict, "duplicate", ("centres.duplicate", detail), [], nil) }
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."),
                [.init(field: field, code: code, detail: detail)], nil
            )
        case let invalid as APIValidation:
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."), invalid.fields,
                nil
            )
        case let sync as SyncExchangeError:
            switch sync {
            case .bundle(.unknownNode), .bundle(.revokedNode), .bundle(.otherOrganisation):
                return (.forbidden, "sync-refused", ("error.forbidden", sync.description), [], nil)
            case .bundle:
                return (.badRequest, "bad-bundle", ("error.malformed", sync.description), [], nil)
            case .notAnOffice, .notEnrolled:
                return (.conflict, "sync-role", ("error.malformed", sync.description), [], nil)
            case .badRequest(let why):
                return (
                    .unprocessableEntity, "validation", ("error.validation", why),
                    [.init(field: "organisation", code: "invalid", detail: why)], nil
                )
            case .centreUnreachable, .refusedByCentre:
                return (.badGateway, "centre-unreachable", ("error.internal", sync.description), [], nil)
            }
        case let node as SyncNodeError:
            if node == .invalidCode {
                return (.forbidden, "sync-refused", ("error.forbidden", node.description), [], nil)
            }
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."),
                [
                    .init(
                        field: node == .invalidPublicKey ? "publicKey" : "name", code: "invalid",
                        detail: node.description)
                ],
                nil
            )
        case let conflict as SyncConflictError:
            if conflict == .notFound {
                return (.notFound, "not-found", ("error.not-found", conflict.description), [], nil)
            }
            return (
                .unprocessableEntity, "validation", ("error.validation", "Some fields are not valid."),
                [
                    .init(
                        field: conflict == .invalidValue ? "value" : "choice", code: "invalid",
                        detail: conflict.description)
                ], nil
            )
        case is DecodingError:
            return (
                .badRequest, "malformed-body",
                ("error.malformed", "The request body is not valid JSON of the expected shape."), [], nil
            )
        case let abort as any AbortError:
            let status = abort.status
            let slug: String
            let key: String
            switch status {
            case .notFound: (slug, key) = ("not-found", "error.not-found")
            case .unauthorized: (slug, key) = ("unauthenticated", "error.unauthenticated")
            case .forbidden: (slug, key) = ("forbidden", "error.forbidden")
            case .payloadTooLarge: (slug, key) = ("too-large", "error.too-large")
            case .unsupportedMediaType: (slug, key) = ("unsupported-media-type", "error.malformed")
            case .tooManyRequests: (slug, key) = ("too-many-requests", "error.locked")
            case .methodNotAllowed: (slug, key) = ("method-not-allowed", "error.not-found")
            default:
                (slug, key) = (
                    status.code >= 500 ? "internal" : "bad-request",
                    status.code >= 500 ? "error.internal" : "error.malformed"
                )
            }
            // Vapor's own reasons are safe to show; ours never carry personal data.
            let reason = status.code >= 500 ? "Something went wrong on the server." : abort.reason
            return (status, slug, (key, reason), [], nil)
        case _ where isPoolExhausted(error):
            return (
                .serviceUnavailable, "busy",
                ("error.busy", "The server is busy; try again in a few seconds."), [], nil
            )
        default:
            return (
                .internalServerError, "internal", ("error.internal", "Something went wrong on the server."), [], nil
            )
        }
    }

    /// A request that waited too long for a database connection (AsyncKit's pool; SQLite has one per event loop)
    /// was never run: busy, not broken. Matched by name because the pool's module is only a dependency of Fluent's.
    static func isPoolExhausted(_ error: any Error) -> Bool {
        ["AsyncKit.ConnectionPoolError", "AsyncKit.ConnectionPoolTimeoutError"].contains(
            String(reflecting: Swift.type(of: error)))
    }
}

/// Validation problems found before the domain (wrong JSON types, unknown members), reported like domain ones.
struct APIValidation: Error {
    let fields: [Problem.FieldProblem]
}
