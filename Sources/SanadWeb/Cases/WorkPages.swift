import Foundation
import SanadCore
import SanadStore

/// One page of a work list; `total` and `overdue` count the whole list (overdue items come first).
struct WorkPage {
    let items: [WorkItem]
    let total: Int
    let overdue: Int
    let page: Int
    let pageCount: Int
    let transfers: [TransferView]
    let caseRegno: [UUID: String]
    /// Names for those who may see them; empty otherwise.
    let names: [UUID: String]
    let screenings: [ResumableScreening]
    let centreScope: Bool
    /// The kind of item shown (nil: all), and how many of each kind the whole list holds.
    var kind: WorkItem.Kind? = nil
    var kinds: [WorkItem.Kind: Int] = [:]
    let catalogue: [ServiceKind]
    let today: CivilDate

    func link(kind: WorkItem.Kind?, page: Int) -> String {
        var query: [String] = []
        if centreScope { query.append("scope=centre") }
        if let kind { query.append("kind=\(kind.rawValue)") }
        if page > 1 { query.append("page=\(page)") }
        return Site.work + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    func render(_ c: PageContext) -> String {
        let t = c.t
        func detail(_ item: WorkItem) -> String {
            switch item.kind {
            case .planItem: return CaseUI.serviceLabel(c, item.detail, catalogue)
            case .referralAnswer: return t.t("urgency.\(item.detail)")
            case .avrrStep: return t.t("avrr.\(item.detail)")
            case .approval: return t.t("approval.kind.\(item.detail)")
            case .unassigned: return t.t("priority.\(item.detail)")
            case .followUp, .transfer: return ""
            }
        }
        var content: [HNode] = []
        if c.may(.approveCases) {
            content.append(
                el(
                    "p", [],
                    [
                        el("a", [attr("href", Site.work), attr("id", "scope-mine")], text: t.t("work.mine")),
                        txt(" · "),
                        el(
                            "a", [attr("href", Site.work + "?scope=centre"), attr("id", "scope-centre")],
                            text: t.t("work.centre")),
                    ]))
        }
        if !screenings.isEmpty {
            content.append(
                el(
                    "section", [attr("id", "resume-screenings")],
                    [
                        el("h2", text: t.t("work.screenings")),
                        el(
                            "ul", [],
                            screenings.map { s in
                                el(
                                    "li", [],
                                    [
                                        el(
                                            "a", [attr("href", Site.screening(s.id))],
                                            text: t.t("work.resume-screening")),
                                        txt(" · "),
                                        el(
                                            "span", [attr("dir", "ltr"), attr("class", "regno")],
                                            text: s.registrationNumber),
                                        txt(
                                            " · " + t.t("work.screening-progress", String(s.answered), String(s.total))),
                                        txt(" · "),
                                        el("span", [attr("dir", "ltr")], text: s.date),
                                    ])
                            }),
                    ]))
        }
        content.append(
            el("p", [attr("id", "work-summary")], text: t.t("work.summary", String(total), String(overdue))))
        if kinds.count > 1 || kind != nil {
            var filters: [HNode] = [
                el(
                    "a", [attr("href", link(kind: nil, page: 1)), kind == nil ? .value("aria-current", "page") : nil],
                    text: t.t("work.kind.all"))
            ]
            for k in WorkItem.Kind.allCases {
                guard let count = kinds[k], count > 0 else { continue }
                filters.append(
                    el(
                        "a",
                        [
                            attr("href", link(kind: k, page: 1)), attr("id", "work-kind-\(k.rawValue)"),
                            k == kind ? .value("aria-current", "page") : nil,
                        ], text: "\(t.t("work.kind.\(k.rawValue)")) (\(count))"))
            }
            content.append(el("nav", [attr("class", "tabs"), attr("aria-label", t.t("work.what"))], filters))
        }
        content.append(
            Components.table(
                headers: [t.t("work.what"), t.t("person.regno"), t.t("cf.due"), t.t("work.detail")],
                rows: items.map { item in
                    let late = item.isOverdue(today: today)
                    return [
                        txt(t.t("work.kind.\(item.kind.rawValue)")),
                        el(
                            "span", [],
                            [
                                el(
                                    "a", [attr("href", Site.kase(item.caseID)), attr("dir", "ltr")],
                                    text: caseRegno[item.caseID] ?? "—"),
                                names[item.caseID].map { name in
                                    el("span", [], [txt(" · "), el("span", [attr("dir", "auto")], text: name)])
                                } ?? .empty,
                            ]),
                        el(
                            "span", [attr("class", late ? "overdue" : nil)],
                            [
                                CaseUI.ltr(item.due?.description ?? "—"),
                                late ? txt(" · " + t.t("work.overdue")) : .empty,
                            ]),
                        txt(detail(item)),
                    ]
                }))
        if pageCount > 1 {
            content.append(
                Components.pagination(
                    c, page: page, pageCount: pageCount,
                    link: { link(kind: kind, page: $0) }))
        }
        if !transfers.isEmpty {
            content.append(el("h2", text: t.t("work.transfers")))
            content.append(
                el(
                    "ul", [],
                    transfers.map { tr in
                        el(
                            "li", [],
                            [
                                el(
                                    "a", [attr("href", Site.kase(tr.caseID) + "#transfer"), attr("dir", "ltr")],
                                    text: "\(caseRegno[tr.caseID] ?? "—") · \(tr.fromCentre) → \(tr.toCentre)")
                            ])
                    }))
        }
        return Layout.page(c, title: centreScope ? t.t("work.centre") : t.t("work.mine"), content)
    }
}
