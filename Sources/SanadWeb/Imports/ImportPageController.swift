import SanadCore
import SanadStore
import Vapor

/// The import wizard for supervisors and administrators (issue 14): upload a register, check the columns, see what
/// would happen, import; then review the held rows, download the report, or undo. No JavaScript needed.
struct ImportPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.imports, use: list)
        routes.on(
            .POST, Site.imports.pathComponents, body: .collect(maxSize: ByteCount(value: PendingImports.fileLimit)),
            use: upload)
        routes.page(.GET, Site.importPending(Param.pid), use: columns)
        routes.page(.POST, Site.importPreview(Param.pid), use: preview)
        routes.page(.POST, Site.importRun(Param.pid), use: run)
        routes.page(.GET, Site.importBatch(Param.bid), use: batch)
        routes.page(.GET, Site.importReport(Param.bid), use: report)
        routes.page(.POST, Site.importUndo(Param.bid), use: undo)
        routes.page(.GET, Site.importRow(Param.bid, Param.row), use: review)
        routes.page(.POST, Site.importRow(Param.bid, Param.row), use: decide)
    }

    func importer(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard AccessPolicy.decide(actor, .importPeople) == .allow else { throw StoreError.forbidden }
        return actor
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, error: nil, status: .ok)
    }

    func listPage(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let actor = try importer(req)
        let batches = try await req.imports.batches()
        return req.page(
            ImportPages.list(
                req.pageContext, batches: batches, centres: try await Self.centres(req, actor), error: error),
            status: status)
    }

    func upload(req: Request) async throws -> Response {
        let actor = try importer(req)
        guard SameOrigin.allows(req) else { throw FormRefused(cause: "origin") }
        let form: ImportUploadForm
        do { form = try req.content.decode(ImportUploadForm.self) } catch {
            return try await listPage(
                req, error: req.pageContext.t.t("import.error.no-file"), status: .unprocessableEntity)
        }
        guard let sent = form.csrf, !req.state.csrf.isEmpty, !req.state.newCSRFCookie, sent == req.state.csrf else {
            throw FormRefused(cause: "csrf")
        }
        let t = req.pageContext.t
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await listPage(req, error: t.t("import.error.no-file"), status: .unprocessableEntity)
        }
        let centre = form.centre ?? ""
        guard try await Self.centres(req, actor).contains(centre) else {
            return try await listPage(req, error: t.t("import.error.centre"), status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        let sheet = form.sheet.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        do {
            _ = try SpreadsheetReader.read(data, name: file.filename, sheet: sheet)
        } catch {
            return try await listPage(req, error: Self.message(t, error), status: .unprocessableEntity)
        }
        guard
            let id = await req.application.pendingImports.put(
                .init(owner: actor.userID, name: file.filename, data: data, sheet: sheet, centre: centre, at: Date()))
        else {
            return try await listPage(req, error: t.t("import.error.busy"), status: .serviceUnavailable)
        }
        return req.redirect(to: Site.importPending(id))
    }

    /// The centres the actor may import into: their own, or every centre for an administrator.
    static func centres(_ req: Request, _ actor: Actor) async throws -> [String] {
        guard actor.role == .administrator else { return actor.centres.sorted() }
        return try await OpenServices(db: req.db, context: req.context).centres.codes().sorted()
    }

    /// The file's problem in the page's language; the English detail (never a value from the file) after it.
    static func message(_ t: Catalogue, _ error: SpreadsheetReader.Problem) -> String {
        let key =
            switch error {
            case .notAWorkbook: "import.error.not-workbook"
            case .unknownEncoding: "import.error.encoding"
            case .empty: "import.error.empty"
            case .malformed: "import.error.malformed"
            case .tooManyRows: "import.error.too-many"
            case .noSuchSheet: "import.error.sheet"
            }
        return t.t(key) + " (" + error.description + ")"
    }

    func pending(_ req: Request) async throws -> (UUID, PendingImports.Entry, ImportFile) {
        let actor = try importer(req)
        let id = try req.recordID("pid")
        guard let entry = await req.application.pendingImports.get(id, owner: actor.userID) else {
            throw StoreError.notFound
        }
        let file = try SpreadsheetReader.read(entry.data, name: entry.name, sheet: entry.sheet)
        return (id, entry, file)
    }

    func columns(req: Request) async throws -> Response {
        let (id, _, file) = try await pending(req)
        return req.page(
            ImportPages.columns(
                req.pageContext, pending: id, file: file, mapping: .recognised(header: file.header), error: nil))
    }

    func mapping(_ req: Request, _ form: FormData, _ file: ImportFile) -> (ImportMapping, String?) {
        let mapping = ImportMapping.fromForm({ form[$0] }, header: file.header)
        let t = req.pageContext.t
        do {
            try mapping.check()
            return (mapping, nil)
        } catch ImportMapping.Problem.fieldTwice(let field) {
            return (mapping, t.t("import.error.twice", t.t("import.field.\(field.rawValue)")))
        } catch {
            return (mapping, t.t("import.error.no-name"))
        }
    }

    func preview(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let (id, entry, file) = try await pending(req)
        let (mapping, problem) = mapping(req, form, file)
        if let problem {
            return req.page(
                ImportPages.columns(req.pageContext, pending: id, file: file, mapping: mapping, error: problem),
                status: .unprocessableEntity)
        }
        let report = try await req.imports.run(
            file, mapping: mapping, centre: entry.centre, options: ImportOptions(dryRun: true))
        return req.page(
            ImportPages.preview(req.pageContext, pending: id, file: file, mapping: mapping, report: report, error: nil))
    }

    func run(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        let (id, entry, file) = try await pending(req)
        let (mapping, problem) = mapping(req, form, file)
        if let problem {
            return req.page(
                ImportPages.columns(req.pageContext, pending: id, file: file, mapping: mapping, error: problem),
                status: .unprocessableEntity)
        }
        let report = try await req.imports.run(
            file, mapping: mapping, centre: entry.centre,
            options: ImportOptions(importGoodRows: form["import_good_rows"] == "yes"))
        if report.refused {
            return req.page(
                ImportPages.preview(
                    req.pageContext, pending: id, file: file, mapping: mapping, report: report,
                    error: req.pageContext.t.t("import.error.refused", String(report.count(.rejected)))),
                status: .unprocessableEntity)
        }
        await req.application.pendingImports.remove(id)
        guard let batch = report.batchID else { throw StoreError.notFound }
        return req.redirect(to: Site.importBatch(batch) + (report.alreadyImported ? "?already=1" : "?done=1"))
    }

    func batch(req: Request) async throws -> Response {
        try await batchPage(req, error: nil, status: .ok)
    }

    func batchPage(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        _ = try importer(req)
        let (view, report) = try await req.imports.batch(try req.recordID("bid"))
        let t = req.pageContext.t
        let notice: String? =
            switch req.query[String.self, at: "done"] ?? req.query[String.self, at: "already"].map({ "already-" + $0 })
            {
            case "1": t.t("import.done")
            case "already-1": t.t("import.already")
            case "undone": t.t("import.undone")
            case "decided": t.t("import.decided")
            default: nil
            }
        return req.page(
            ImportPages.batch(
                req.pageContext, view: view, report: report, notice: notice, error: error,
                from: req.query[Int.self, at: "from"] ?? 0), status: status)
    }

    func report(req: Request) async throws -> Response {
        _ = try importer(req)
        let (_, report) = try await req.imports.batch(try req.recordID("bid"))
        return SpreadsheetResponse.download(
            SpreadsheetResponse.csv([ImportReport.header] + report.table), filename: "import-report.csv")
    }

    func undo(req: Request) async throws -> Response {
        _ = try FormData.verified(req)
        let id = try req.recordID("bid")
        do {
            try await req.imports.undo(id)
        } catch ImportError.undoBlocked(let reasons) {
            let t = req.pageContext.t
            return try await batchPage(
                req, error: t.t("import.error.undo-blocked", reasons.joined(separator: "; ")), status: .conflict)
        }
        return req.redirect(to: Site.importBatch(id) + "?done=undone")
    }

    func heldRow(_ req: Request) async throws -> (UUID, ImportReportRow) {
        let id = try req.recordID("bid")
        guard let number = req.parameters.get("row").flatMap(Int.init) else { throw StoreError.notFound }
        guard let row = try await req.imports.row(batch: id, row: number), row.outcome == .heldForReview, !row.decided
        else { throw StoreError.notFound }
        return (id, row)
    }

    func review(req: Request) async throws -> Response {
        _ = try importer(req)
        let (id, row) = try await heldRow(req)
        let held = try await req.imports.heldRegistration(batch: id, row: row.row)
        var candidateID = row.candidateID
        if candidateID == nil, let earlier = row.earlierRow {
            candidateID = try await req.imports.row(batch: id, row: earlier)?.personID
        }
        let candidate = try await candidateID.asyncMap { try await req.people.find($0) }
        return req.page(ImportPages.review(req.pageContext, batch: id, row: row, held: held, candidate: candidate))
    }

    func decide(req: Request) async throws -> Response {
        let form = try FormData.verified(req)
        _ = try importer(req)
        let (id, row) = try await heldRow(req)
        guard let decision = form["decision"], ["same", "different"].contains(decision) else {
            throw Abort(.unprocessableEntity, reason: "Choose same or different.")
        }
        _ = try await req.imports.decide(batch: id, row: row.row, samePerson: decision == "same")
        return req.redirect(to: Site.importBatch(id) + "?done=decided")
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
