import Foundation
import SanadCore
import SanadStore

struct CaseListPage {
    let cases: [CaseSummary]
    let total: Int
    let filter: CaseService.Filter
    let scope: String
    let users: [UUID: String]
    let registration: [UUID: String]

    func render(_ c: PageContext) -> String {
        let t = c.t
        let pageCount = max(1, (total + 49) / 50)
        func link(_ page: Int) -> String {
            Site.cases + "?scope=\(scope)&stage=\(filter.stage?.rawValue ?? "")&page=\(page)"
        }
        return Layout.page(
            c, title: t.t("case.list.title"),
            [
                el(
                    "form", [attr("method", "get"), attr("action", Site.cases), attr("class", "filters")],
                    [
                        Components.select(
                            "scope", label: t.t("case.list.scope"),
                            choices: ["all", "mine", "unassigned"].map { .init($0, t.t("case.scope.\($0)")) },
                            selected: scope),
                        Components.select(
                            "stage", label: t.t("case.stage"),
                            choices: CaseStage.allCases.map { .init($0.rawValue, t.t("stage.\($0.rawValue)")) },
                            selected: filter.stage?.rawValue, blank: t.t("form.any")),
                        el("button", [attr("type", "submit")], text: t.t("list.filter")),
                    ]),
                el(
                    "p", [],
                    [
                        txt(t.t("list.count", String(total)) + " · "),
                        el(
                            "a",
                            [
                                attr("id", "cases-csv"),
                                attr("href", Site.casesCSV + "?scope=\(scope)&stage=\(filter.stage?.rawValue ?? "")"),
                            ], text: t.t("export.csv")),
                    ]),
                Components.table(
                    headers: [
                        t.t("person.regno"), t.t("case.stage"), t.t("case.priority"), t.t("case.risk"),
                        t.t("case.caseworker"), t.t("case.opened"),
                    ],
                    rows: cases.map { k in
                        [
                            el(
                                "a", [attr("href", Site.kase(k.id)), attr("dir", "ltr")],
                                text: registration[k.personID] ?? "—"),
                            txt(t.t("stage.\(k.stage.rawValue)")), txt(t.t("priority.\(k.priority.rawValue)")),
                            txt(t.t("risk.\(k.risk.rawValue)")),
                            txt(k.caseworkerID.flatMap { users[$0] } ?? t.t("case.unassigned")), CaseUI.ltr(k.openedOn),
                        ]
                    }),
                Components.pagination(c, page: filter.page, pageCount: pageCount, link: link),
            ])
    }
}

struct PersonCasesPage {
    let person: PersonRecord
    let cases: [CaseSummary]
    /// Centres by name in the page's language, not by code (issue 20, finding 19).
    var centreNames: [String: String] = [:]
    var error: String?

    func render(_ c: PageContext) -> String {
        let t = c.t
        var content: [HNode] = [
            ScreeningViews.personLine(c, person),
            Components.errorSummary(error) ?? .empty,
            cases.isEmpty
                ? el("p", [attr("class", "hint")], text: t.t("case.none"))
                : Components.table(
                    headers: [t.t("case.opened"), t.t("case.stage"), t.t("case.htcds-status"), t.t("case.centre")],
                    rows: cases.map { k in
                        [
                            el("a", [attr("href", Site.kase(k.id)), attr("dir", "ltr")], text: k.openedOn),
                            txt(t.t("stage.\(k.stage.rawValue)")), txt(t.t("htcds.\(k.htcdsStatus.rawValue)")),
                            txt(centreNames[k.centre] ?? k.centre),
                        ]
                    }),
        ]
        if c.may(.manageCases) && !cases.contains(where: { $0.stage != .closed }) {
            content.append(
                CaseUI.form(
                    c, Site.person(person.id, .cases), id: "open-case-form",
                    [
                        Components.select(
                            "priority", label: t.t("case.priority"),
                            choices: CasePriority.allCases.map { .init($0.rawValue, t.t("priority.\($0.rawValue)")) },
                            selected: CasePriority.normal.rawValue),
                        Components.select(
                            "risk", label: t.t("case.risk"),
                            choices: CaseRisk.allCases.map { .init($0.rawValue, t.t("risk.\($0.rawValue)")) },
                            selected: CaseRisk.medium.rawValue),
                        CaseUI.button(t.t("case.open"), id: "open-case"),
                    ]))
        }
        return Layout.page(c, title: t.t("case.person-title"), content)
    }
}

struct ReturnRequestPage {
    let caseID: UUID
    let person: PersonRecord
    let today: CivilDate

    func render(_ c: PageContext) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("avrr.request-return"),
            [
                ScreeningViews.personLine(c, person),
                el("p", [attr("class", "hint")], text: t.t("avrr.voluntary")),
                CaseUI.form(
                    c, Site.kase(caseID, .returns), id: "return-form",
                    [
                        Components.select(
                            "country", label: t.t("cf.country"),
                            choices: ReferenceData.countries.map { .init($0.iso3, $0.name.text(for: c.lang)) },
                            selected: person.facts.nationality, blank: t.t("form.choose"), required: true),
                        Components.input("place", label: t.t("cf.place"), value: nil, required: true),
                        Components.input("date", label: t.t("cf.date"), value: today.description, type: "date"),
                        CaseUI.button(t.t("avrr.request-return"), id: "submit-return"),
                    ]),
            ])
    }
}
