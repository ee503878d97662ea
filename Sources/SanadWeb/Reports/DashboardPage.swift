import Foundation
import SanadCore
import SanadStore
import Vapor

extension Breakdown: Content {}
extension MonthFigures: Content {}

/// The dashboard's figures as rows, for the CSV download (and the tables, which show the same numbers), labelled in
/// the language of the page it was downloaded from (issue 20, finding 16): the officer who reads the page in Arabic
/// reads the spreadsheet in Arabic. Numbers stay in Western digits so spreadsheets compute with them.
public enum DashboardFigures {
    static func columns(_ banding: AgeBanding) -> [(ReportSex, AgeGroup)] {
        [ReportSex.female, .male].flatMap { sex in banding.groups.filter { $0 != .unknown }.map { (sex, $0) } }
    }

    /// The figures CSV as downloaded (also timed by `sanad bench dashboard`).
    public static func csv(
        _ s: ReportSummary, language: String = "en", catalogue: [ServiceKind] = ServiceKind.builtIn
    ) -> Data {
        SpreadsheetResponse.csv(rows(s, Catalogue.forLanguage(language), catalogue))
    }

    /// The unit a service type is counted in, from the catalogue: cash is an amount of money, food a number of kits,
    /// so their quantities are never read as one figure.
    static func unit(_ type: String, _ catalogue: [ServiceKind]) -> String {
        catalogue.first { $0.code == type }?.unit ?? "other"
    }

    static func rows(_ s: ReportSummary, _ t: Catalogue, _ catalogue: [ServiceKind]) -> [[String]] {
        let cols = columns(s.query.banding)
        var rows: [[String]] = [
            [t.t("report.indicator"), t.t("report.total")]
                + cols.map { "\(t.t("report.sex.\($0.0.rawValue)")) \(t.t("report.age.\($0.1.rawValue)"))" }
                + [t.t("report.other-unknown")]
        ]
        // Withheld figures are blank, as in the HXL export.
        func cell(_ n: Int?) -> String { n.map(String.init) ?? "" }
        func line(_ name: String, _ b: Breakdown) -> [String] {
            let shown = b.shown(s.query.banding)
            return [name, cell(shown.total)] + shown.columns.map(cell) + [cell(shown.other)]
        }
        rows.append(line(t.t("report.assisted"), s.assisted))
        rows.append(line(t.t("report.registrations"), s.registrations))
        rows.append(line(t.t("report.presumed"), s.presumedVictims))
        rows.append(line(t.t("report.confirmed"), s.confirmedVictims))
        rows.append(line(t.t("report.departures"), s.departures))
        for (conclusion, b) in s.screenings.sorted(by: { $0.key < $1.key }) {
            rows.append(line(t.t("report.screenings", t.t("conclusion.\(conclusion)")), b))
        }
        for (type, f) in s.services.sorted(by: { $0.key < $1.key }) {
            let name = catalogue.first { $0.code == type }?.label(t.language) ?? type
            rows.append(line(t.t("report.csv.service-people", name), f.people))
            rows.append([t.t("report.csv.service-records", name), f.suppressed ? "" : String(f.records)])
            rows.append([
                t.t("report.csv.service-quantity", name, t.t("report.unit.\(unit(type, catalogue))")),
                f.suppressed ? "" : CaseUI.number(f.quantity),
            ])
        }
        for (status, n) in s.referrals.sorted(by: { $0.key < $1.key }) {
            rows.append([t.t("report.csv.referrals", t.t("referral.status.\(status)")), String(n)])
        }
        for status in s.referralsSuppressed {
            rows.append([t.t("report.csv.referrals", t.t("referral.status.\(status)")), ""])
        }
        rows.append([t.t("report.csv.nights"), CaseUI.number(s.shelterNights)])
        rows.append([t.t("report.csv.events"), String(s.events)])
        rows.append([t.t("report.csv.participants"), cell(s.participantsTotal)])
        for group in ParticipantGroup.all {
            guard let n = s.participants[group.key] else { continue }
            let label = t.t("event.cell.\(group.sex.rawValue).\(group.age.hxlAttribute)")
            rows.append([t.t("report.csv.participants-in", label), String(n)])
        }
        rows.append([])
        rows.append([
            t.t("report.csv.month"), t.t("report.assisted"), t.t("report.registrations"), t.t("report.presumed"),
            t.t("report.departures"), t.t("report.csv.participants"),
        ])
        for m in s.months {
            func figure(_ name: String, _ n: Int) -> String { m.suppressed.contains(name) ? "" : String(n) }
            rows.append(
                [
                    m.month, figure("assisted", m.assisted), figure("registrations", m.registrations),
                    figure("presumedVictims", m.presumedVictims), figure("departures", m.departures),
                    figure("participants", m.participants),
                ])
        }
        return rows
    }
}

struct DashboardPage {
    let summary: ReportSummary
    let trends: TrendReport
    let centres: [CentreView]
    /// Those of the people registered (`ReportService.nationalities`), not every country.
    var nationalities: [String] = []
    let catalogue: [ServiceKind]
    let query: String
    let mayDownloadCases: Bool

    func render(_ c: PageContext) -> String {
        let t = c.t
        let s = summary
        let q = s.query
        let cols = DashboardFigures.columns(q.banding)
        func sexLabel(_ sex: ReportSex) -> String { t.t("report.sex.\(sex.rawValue)") }
        func figure(_ n: Int?) -> HNode {
            n.map { el("td", [], text: String($0)) }
                ?? el("td", [attr("class", "suppressed"), attr("title", t.t("report.suppressed"))], text: "—")
        }
        func row(_ label: String, _ b: Breakdown) -> [HNode] {
            let shown = b.shown(q.banding)
            return [el("th", [attr("scope", "row")], text: label), figure(shown.total)] + shown.columns.map(figure)
                + [figure(shown.other)]
        }
        let headers =
            [t.t("report.indicator"), t.t("report.total")]
            + cols.map { "\(sexLabel($0.0)) \(t.t("report.age.\($0.1.rawValue)"))" } + [t.t("report.other-unknown")]
        func table(_ id: String, _ rows: [[HNode]]) -> HNode {
            el(
                "table", [attr("id", id)],
                [
                    el("thead", [], [el("tr", [], headers.map { el("th", [attr("scope", "col")], text: $0) })]),
                    el("tbody", [], rows.map { el("tr", [], $0) }),
                ])
        }
        let monthLabels = s.months.map(\.month)
        let rtl = c.dir == "rtl"
        let chartTitles = ["report.chart.people", "report.chart.protection", "report.chart.events"].map { t.t($0) }
        let chartNodes: [HNode] = [
            TrendChart(
                title: t.t("report.chart.people"), periods: monthLabels,
                series: [
                    .init(name: t.t("report.assisted"), values: s.months.map(\.assisted)),
                    .init(name: t.t("report.registrations"), values: s.months.map(\.registrations)),
                ], rightToLeft: rtl, emptyText: t.t("report.no-data")
            ).render(),
            TrendChart(
                title: t.t("report.chart.protection"), periods: monthLabels,
                series: [
                    .init(name: t.t("report.presumed"), values: s.months.map(\.presumedVictims)),
                    .init(name: t.t("report.departures"), values: s.months.map(\.departures)),
                ], rightToLeft: rtl, emptyText: t.t("report.no-data")
            ).render(),
            TrendChart(
                title: t.t("report.chart.events"), periods: monthLabels,
                series: [.init(name: t.t("report.participants"), values: s.months.map(\.participants))],
                rightToLeft: rtl, emptyText: t.t("report.no-data")
            ).render(),
        ]
        let charts: [HNode] = zip(chartTitles, chartNodes).map { title, chart in
            el("figure", [attr("class", "chart")], [el("figcaption", text: title), chart])
        }
        let content: [HNode] = [
            filterForm(c),
            el(
                "p", [attr("class", "downloads")],
                [
                    el(
                        "a", [attr("id", "download-figures"), attr("href", Site.reportFigures + "?\(query)")],
                        text: t.t("report.download.figures")),
                    txt(" · "),
                    el(
                        "a", [attr("id", "download-hxl"), attr("href", Site.reportHXL + "?\(query)&by=centre")],
                        text: t.t("report.download.hxl")),
                    txt(" · "),
                    el(
                        "a",
                        [
                            attr("id", "download-hxl-nationality"),
                            attr("href", Site.reportHXL + "?\(query)&by=centre,nationality"),
                        ],
                        text: t.t("report.download.hxl-nationality")),
                    mayDownloadCases ? txt(" · ") : .empty,
                    mayDownloadCases
                        ? el(
                            "a", [attr("id", "download-ctdc"), attr("href", Site.reportCTDC + "?k=11")],
                            text: t.t("report.download.ctdc"))
                        : .empty,
                ]),
            el("p", [attr("class", "hint")], text: t.t("report.intro", ltr(q.from.description), ltr(q.to.description))),
            table(
                "headline",
                [
                    row(t.t("report.assisted"), s.assisted), row(t.t("report.registrations"), s.registrations),
                    row(t.t("report.presumed"), s.presumedVictims), row(t.t("report.confirmed"), s.confirmedVictims),
                    row(t.t("report.departures"), s.departures),
                ]
                    + s.screenings.sorted { $0.key < $1.key }.map {
                        row(t.t("report.screenings", t.t("conclusion.\($0.key)")), $0.value)
                    }),
            el("h2", text: t.t("report.trends")),
            el("div", [attr("class", "charts")], charts),
            s.months.contains { !$0.suppressed.isEmpty } || s.assisted.suppressed.count > 0
                ? el("p", [attr("class", "hint"), attr("id", "suppression-note")], text: t.t("report.suppressed-note"))
                : .empty,
            trendSection(c),
            el("h2", text: t.t("report.services")),
            Components.table(
                headers: [
                    t.t("cf.type"), t.t("report.records"), t.t("cf.quantity"), t.t("report.unit"),
                    t.t("report.people"),
                ],
                rows: s.services.sorted { $0.key < $1.key }.map { type, f in
                    [
                        txt(CaseUI.serviceLabel(c, type, catalogue)), txt(f.suppressed ? "—" : String(f.records)),
                        txt(f.suppressed ? "—" : CaseUI.number(f.quantity)),
                        txt(t.t("report.unit.\(DashboardFigures.unit(type, catalogue))")),
                        txt(f.people.shown(q.banding).total.map(String.init) ?? "—"),
                    ]
                }),
            el(
                "p", [attr("id", "shelter-nights")],
                text: t.t("report.nights", CaseUI.number(s.shelterNights))),
            el("h2", text: t.t("referral.title")),
            Components.table(
                headers: [t.t("cf.status"), t.t("report.total")],
                rows: ReferralStatus.allCases.map {
                    [
                        txt(t.t("referral.status.\($0.rawValue)")),
                        txt(
                            s.referralsSuppressed.contains($0.rawValue)
                                ? "—" : String(s.referrals[$0.rawValue] ?? 0)),
                    ]
                }),
            el("h2", text: t.t("event.title-list")),
            el(
                "p", [attr("id", "events-summary")],
                [
                    txt(t.t("report.events", String(s.events), s.participantsTotal.map(String.init) ?? "—") + " "),
                    el(
                        "a", [attr("href", Site.events + "?from=\(q.from)&to=\(q.to)")], text: t.t("report.events-link")
                    ),
                ]),
        ]
        return Layout.page(c, title: t.t("report.title"), content)
    }

    func filterForm(_ c: PageContext) -> HNode {
        let t = c.t
        let q = summary.query
        return el(
            "form", [attr("method", "get"), attr("action", Site.reports), attr("class", "filters")],
            [
                Components.input("from", label: t.t("report.from"), value: q.from.description, type: "date"),
                Components.input("to", label: t.t("report.to"), value: q.to.description, type: "date"),
                Components.select(
                    "centre", label: t.t("case.centre"), choices: centres.map { .init($0.code, $0.name(for: c.lang)) },
                    selected: q.centre, blank: t.t("form.any")),
                Components.select(
                    "state", label: t.t("event.state"),
                    choices: ReferenceData.states.filter { s in centres.contains { $0.statePcode == s.pcode } }
                        .map { .init($0.pcode, $0.name.text(for: c.lang)) },
                    selected: q.state, blank: t.t("form.any")),
                Components.select(
                    "nationality", label: t.t("report.field.nationality"),
                    choices: Set(nationalities + [q.nationality].compactMap { $0 })
                        .map { Components.Choice($0, t.country($0) ?? $0) }
                        .sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending },
                    selected: q.nationality, blank: t.t("form.any")),
                Components.select(
                    "bands", label: t.t("report.bands"),
                    choices: AgeBanding.allCases.map { .init($0.rawValue, t.t("report.bands.\($0.rawValue)")) },
                    selected: q.banding.rawValue),
                el("button", [attr("type", "submit"), attr("id", "show-report")], text: t.t("report.show")),
            ])
    }

    func trendSection(_ c: PageContext) -> HNode {
        let t = c.t
        var children: [HNode] = [
            el("h2", text: t.t("report.changes", ltr(trends.month))),
            el("p", [attr("class", "hint")], text: t.t("report.method", t.t("report.test"))),
            el(
                "p", [],
                [
                    el(
                        "a", [attr("id", "trends-monthly"), attr("href", Site.reports + "?\(query)#trend-flags")],
                        text: t.t("report.by-month")),
                    txt(" · "),
                    el(
                        "a",
                        [
                            attr("id", "trends-quarterly"),
                            attr("href", Site.reports + "?\(query)&cadence=quarterly#trend-flags"),
                        ],
                        text: t.t("report.by-quarter")),
                ]),
        ]
        if trends.findings.isEmpty {
            children.append(el("p", [attr("id", "no-flags")], text: t.t("report.no-flags")))
        } else {
            children.append(
                Components.table(
                    headers: [
                        t.t("report.dimension"), t.t("report.category"), t.t("report.direction"),
                        t.t("report.observed"),
                        t.t("report.expected"), t.t("report.ratio"), t.t("report.p-value"),
                    ],
                    rows: trends.findings.map { f in
                        [
                            txt(t.t("report.dimension.\(f.dimension.rawValue)")), txt(category(c, f)),
                            el(
                                "strong", [attr("class", "trend-\(f.flag.direction.rawValue)")],
                                text: t.t("report.direction.\(f.flag.direction.rawValue)")),
                            txt(String(f.flag.observed)), txt(String(format: "%.1f", f.flag.expected)),
                            txt(String(format: "%.2f", f.flag.ratio)),
                            CaseUI.ltr(String(format: "%.2g", f.flag.pValue)),
                        ]
                    }))
        }
        if trends.skipped > 0 {
            children.append(el("p", [attr("class", "hint")], text: t.t("report.skipped", String(trends.skipped))))
        }
        return el("section", [attr("id", "trend-flags")], children)
    }

    /// A date inside a translated sentence, isolated so that right-to-left text does not reorder its parts.
    func ltr(_ text: String) -> String { "\u{2066}\(text)\u{2069}" }

    func category(_ c: PageContext, _ f: TrendFinding) -> String {
        switch f.dimension {
        case .nationality: return c.t.country(f.flag.category) ?? f.flag.category
        case .centre: return centres.first { $0.code == f.flag.category }?.name(for: c.lang) ?? f.flag.category
        case .exploitation: return c.t.t("report.exploitation.\(f.flag.category)")
        }
    }
}
