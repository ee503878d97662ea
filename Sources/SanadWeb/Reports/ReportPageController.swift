import SanadCore
import SanadStore
import Vapor

/// The indicators dashboard and its downloads (CSV, HXL, CTDC).
struct ReportPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.reports, use: dashboard)
        routes.page(.GET, Site.reportFigures, use: figuresCSV)
        routes.page(.GET, Site.reportHXL, use: hxl)
        routes.page(.GET, Site.reportCTDC, use: ctdc)
    }

    /// The period asked for; the dashboard defaults to the twelve months up to today.
    static func query(_ req: Request, defaults: Bool) async throws -> ReportQuery {
        let actor = try req.requireActor()
        guard AccessPolicy.roleMay(actor.role, .viewAggregates) else { throw StoreError.forbidden }
        let today = CivilDate(req.context.clock())
        var from = req.query[String.self, at: "from"]
        var to = req.query[String.self, at: "to"]
        if defaults {
            if from?.isEmpty ?? true { from = today.adding(days: -364).description }
            if to?.isEmpty ?? true { to = today.description }
        }
        // Only the centres the actor reports on can be chosen; another centre is an error, not empty figures.
        let known = try await req.centres.codes()
            .filter { actor.role == .administrator || actor.centres.contains($0) }
        switch ReportQuery.make(
            from: from, to: to, centre: req.query[String.self, at: "centre"],
            state: req.query[String.self, at: "state"],
            nationality: req.query[String.self, at: "nationality"], banding: req.query[String.self, at: "bands"],
            knownCentres: known)
        {
        case .success(let q): return q
        case .failure(let e):
            throw APIValidation(
                fields: e.errors.sorted { $0.key < $1.key }.map {
                    .init(field: $0.key, code: $0.value.rawValue, detail: $0.value.englishMessage)
                })
        }
    }

    /// Months (default) or calendar quarters for the trend test.
    static func cadence(_ req: Request) throws -> TrendCadence {
        guard let text = req.query[String.self, at: "cadence"], !text.isEmpty else { return .monthly }
        guard let cadence = TrendCadence(rawValue: text) else {
            throw APIValidation(fields: [
                .init(field: "cadence", code: "unknown-value", detail: "Use monthly or quarterly.")
            ])
        }
        return cadence
    }

    static func queryString(_ q: ReportQuery) -> String {
        var parts = ["from=\(q.from)", "to=\(q.to)"]
        if let c = q.centre { parts.append("centre=\(c)") }
        if let s = q.state { parts.append("state=\(s)") }
        if let n = q.nationality { parts.append("nationality=\(n)") }
        if q.banding != .childrenAdults { parts.append("bands=\(q.banding.rawValue)") }
        return parts.joined(separator: "&")
    }

    func dashboard(req: Request) async throws -> Response {
        let q: ReportQuery
        do {
            q = try await Self.query(req, defaults: true)
        } catch let invalid as APIValidation {
            // The form again with what to fix, rather than a bare error page.
            let t = req.pageContext.t
            let problems = invalid.fields.map {
                "\(t.t("report.field.\($0.field)")): \(ValidationCode(rawValue: $0.code).map(t.error) ?? $0.detail)"
            }
            return req.page(
                Layout.page(
                    req.pageContext, title: t.t("report.title"),
                    [
                        Components.errorSummary(problems.joined(separator: " · ")) ?? .empty,
                        el("p", [], [el("a", [attr("href", Site.reports)], text: t.t("report.reset"))]),
                    ]), status: .unprocessableEntity)
        }
        let actor = try req.requireActor()
        let summary = try await req.reports.summary(q)
        let trends = try await req.trends(TrendTest(cadence: try Self.cadence(req))).trends(q)
        let centres = try await req.centres.all()
            .filter { actor.role == .administrator || actor.centres.contains($0.code) }
        return req.page(
            DashboardPage(
                summary: summary, trends: trends, centres: centres,
                nationalities: try await req.reports.nationalities(),
                catalogue: try await req.serviceTypes.all(),
                query: Self.queryString(q), mayDownloadCases: AccessPolicy.roleMay(actor.role, .viewAggregates)
            ).render(req.pageContext))
    }

    func figuresCSV(req: Request) async throws -> Response {
        let q = try await Self.query(req, defaults: true)
        let summary = try await req.reports.summary(q)
        return SpreadsheetResponse.download(
            DashboardFigures.csv(
                summary, language: req.pageContext.lang, catalogue: try await req.serviceTypes.all()),
            filename: "sanad-figures-\(q.from)-\(q.to).csv"
        )
    }

    func hxl(req: Request) async throws -> Response {
        let q = try await Self.query(req, defaults: true)
        let by: [HXLBreakdown]
        do {
            by = try HXLExport.breakdowns(req.query[String.self, at: "by"])
        } catch {
            throw APIValidation(fields: [.init(field: "by", code: "unknown-value", detail: error.description)])
        }
        let rows = try await req.hxl.table(q, by: by)
        // HXL tools read the first cell's name exactly, so this file has no byte-order mark.
        return SpreadsheetResponse.download(
            SpreadsheetResponse.plainCSV(rows), filename: "sanad-hxl-\(q.from)-\(q.to).csv")
    }

    func ctdc(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let floor = req.application.ctdcMinimumK
        let kText = req.query[String.self, at: "k"] ?? String(floor)
        guard let k = Int(kText) else {
            throw APIValidation(fields: [
                .init(field: "k", code: "invalid-number", detail: "k is a whole number, \(floor) or more.")
            ])
        }
        // Groups of two with exact sex, age band, country and year single people out; the floor is the
        // installation's, never below 5.
        guard k >= floor else {
            throw APIValidation(fields: [
                .init(field: "k", code: "out-of-range", detail: "k must be at least \(floor) on this installation.")
            ])
        }
        let quasi = CTDCFormat.defaultQuasi
        do {
            try CTDCFormat.validate(CTDCTable(header: CTDCFormat.columns2017, rows: []), quasi: quasi, k: k)
        } catch {
            throw APIValidation(fields: [.init(field: "k", code: "out-of-range", detail: error.description)])
        }
        let source = try await req.ctdc.cases(for: actor)
        let (output, _) = try DisclosureControl.anonymise(source.table, quasi: quasi, k: k)
        return SpreadsheetResponse.download(
            Data(output.csv), filename: "sanad-ctdc-k\(k).csv")
    }
}
