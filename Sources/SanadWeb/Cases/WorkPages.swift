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
    let centreScope: Bool
    let catalogue: [ServiceKind]
    let today: CivilDate

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
        content.append(
            el("p", [attr("id", "work-summary")], text: t.t("work.summary", String(total), String(overdue))))
        content.append(
            Components.table(
                headers: [t.t("work.what"), t.t("person.regno"), t.t("cf.due"), t.t("work.detail")],
                rows: items.map { item in
                    let late = item.isOverdue(today: today)
                    return [
                        txt(t.t("work.kind.\(item.kind.rawValue)")),
                        el(
                            "a", [attr("href", Site.kase(item.caseID)), attr("dir", "ltr")],
                            text: caseRegno[item.caseID] ?? "—"),
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
                    link: { Site.work + (centreScope ? "?scope=centre&page=\($0)" : "?page=\($0)") }))
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
