import Foundation
import SanadCore
import SanadStore

struct PartnersPage {
    let partners: [PartnerView]
    let catalogue: [ServiceKind]
    var error: String?
    var draft = PartnerDraft()

    func render(_ c: PageContext) -> String {
        let t = c.t
        var content: [HNode] = [
            Components.errorSummary(error) ?? .empty,
            partners.isEmpty
                ? el("p", [attr("class", "hint")], text: t.t("partner.none"))
                : Components.table(
                    headers: [
                        t.t("cf.name"), t.t("cf.type"), t.t("cf.services"), t.t("cf.states"), t.t("cf.focal-point"),
                    ],
                    rows: partners.map { p in
                        [
                            el("span", [attr("dir", "auto")], text: p.name), txt(t.t("org.\(p.orgType)")),
                            txt(
                                p.services.map { CaseUI.serviceLabel(c, $0, catalogue) }.joined(
                                    separator: t.listSeparator)),
                            txt(
                                p.states.map { ReferenceData.state($0)?.name.text(for: c.lang) ?? $0 }.joined(
                                    separator: t.listSeparator)),
                            el(
                                "span", [attr("dir", "auto")],
                                text: [p.focalPoint, p.contact].compactMap { $0 }.joined(separator: " · ")),
                        ]
                    }),
        ]
        if c.may(.managePartners) {
            content.append(
                CaseUI.form(
                    c, Site.partners, id: "partner-form",
                    [
                        el("h2", text: t.t("partner.add")),
                        Components.input("name", label: t.t("cf.name"), value: draft.name, required: true),
                        Components.select(
                            "type", label: t.t("cf.type"),
                            choices: OrganisationType.allCases.map { .init($0.rawValue, t.t("org.\($0.rawValue)")) },
                            selected: draft.type, blank: t.t("form.choose"), required: true),
                        Components.checkboxes(
                            "services", legend: t.t("cf.services"), choices: CaseUI.serviceChoices(c, catalogue),
                            checked: Set(draft.services)),
                        Components.checkboxes(
                            "states", legend: t.t("cf.states"),
                            choices: ReferenceData.states.map { .init($0.pcode, $0.name.text(for: c.lang)) },
                            checked: Set(draft.states)),
                        Components.input("focal_point", label: t.t("cf.focal-point"), value: draft.focalPoint),
                        Components.input("contact", label: t.t("cf.contact"), value: draft.contact),
                        CaseUI.button(t.t("partner.save"), id: "save-partner"),
                    ]))
        }
        return Layout.page(c, title: t.t("partner.title"), content)
    }
}

struct ReferralInboxPage {
    let referrals: [ReferralView]
    let total: Int
    let status: ReferralStatus?
    let page: Int
    let catalogue: [ServiceKind]
    let today: CivilDate

    func render(_ c: PageContext) -> String {
        let t = c.t
        let pageCount = max(1, (total + 49) / 50)
        return Layout.page(
            c, title: t.t("referral.inbox"),
            [
                el(
                    "form", [attr("method", "get"), attr("action", Site.referrals), attr("class", "filters")],
                    [
                        Components.select(
                            "status", label: t.t("cf.status"),
                            choices: ReferralStatus.allCases.map {
                                .init($0.rawValue, t.t("referral.status.\($0.rawValue)"))
                            },
                            selected: status?.rawValue, blank: t.t("form.any")),
                        el("button", [attr("type", "submit")], text: t.t("list.filter")),
                    ]),
                el(
                    "p", [],
                    [
                        txt(t.t("list.count", String(total)) + " · "),
                        el(
                            "a",
                            [
                                attr("id", "referrals-csv"),
                                attr("href", Site.referralsCSV + "?status=\(status?.rawValue ?? "")"),
                            ],
                            text: t.t("export.csv")),
                    ]),
                Components.table(
                    headers: [
                        t.t("referral.sent"), t.t("cf.partner"), t.t("cf.service"), t.t("cf.urgency"), t.t("cf.status"),
                        t.t("referral.due"),
                    ],
                    rows: referrals.map { r in
                        [
                            el(
                                "a", [attr("href", Site.referral(r.id)), attr("dir", "ltr")], text: r.sentOn
                            ),
                            el("span", [attr("dir", "auto")], text: r.partnerName),
                            txt(CaseUI.serviceLabel(c, r.service, catalogue)),
                            txt(t.t("urgency.\(r.urgency.rawValue)")),
                            txt(t.t("referral.status.\(r.status.rawValue)")),
                            el(
                                "span", [attr("class", r.isOverdue(today: today) ? "overdue" : nil)],
                                [
                                    CaseUI.ltr(r.answerDue),
                                    r.isOverdue(today: today) ? txt(" · " + t.t("work.overdue")) : .empty,
                                ]),
                        ]
                    }),
                Components.pagination(c, page: page, pageCount: pageCount) {
                    Site.referrals + "?status=\(status?.rawValue ?? "")&page=\($0)"
                },
            ])
    }
}

struct ReferralPage {
    let referral: ReferralView
    let catalogue: [ServiceKind]
    let today: CivilDate
    var error: String?
    /// The documents sent with the referral (issue 15): the partner downloads them from here.
    var documents: [AttachmentView] = []

    func render(_ c: PageContext) -> String {
        let t = c.t
        let r = referral
        var content: [HNode] = [
            Components.errorSummary(error) ?? .empty,
            Components.details([
                (t.t("cf.partner"), r.partnerName),
                (t.t("cf.service"), CaseUI.serviceLabel(c, r.service, catalogue)),
                (t.t("cf.urgency"), t.t("urgency.\(r.urgency.rawValue)")),
                (t.t("cf.reason"), t.t("referral.reason.\(r.reason.rawValue)")),
                (t.t("cf.status"), t.t("referral.status.\(r.status.rawValue)")),
                (t.t("referral.decline-reason"), r.declineReason),
                (t.t("referral.sent"), r.sentOn),
                (t.t("referral.due"), r.answerDue + (r.isOverdue(today: today) ? " · " + t.t("work.overdue") : "")),
            ]),
            el("h2", text: t.t("referral.shared")),
            r.consentWithdrawn
                ? el(
                    "p", [attr("id", "consent-withdrawn"), attr("class", "hint")],
                    text: t.t("referral.consent-withdrawn"))
                : .empty,
            r.shared.isEmpty
                ? el("p", [attr("class", "hint")], text: t.t("referral.nothing-shared"))
                : el(
                    "dl", [attr("id", "shared")],
                    SharedField.allCases.compactMap { f -> HNode? in
                        guard let value = r.shared[f], !value.isEmpty else { return nil }
                        return .group([
                            el("dt", text: t.t("shared.\(f.rawValue)")),
                            el(
                                "dd", [attr("dir", "auto")],
                                text: f == .sex ? (Gender(rawValue: value).map(t.gender) ?? value) : value),
                        ])
                    }),
            documents.isEmpty
                ? .empty
                : el(
                    "ul", [attr("id", "referral-documents"), attr("class", "attachments")],
                    documents.map { d in
                        el(
                            "li", [],
                            [
                                el("a", [attr("href", Site.attachment(d.id)), attr("dir", "auto")], text: d.name),
                                txt(
                                    " — \(AttachmentSection.kindAndSize(c, d))"
                                ),
                            ])
                    }),
        ]
        var buttons: [HNode] = []
        for (decision, event) in [("accept", ReferralEvent.Kind.accept), ("complete", .complete)] {
            if c.may(.answerReferrals), ReferralMachine.transitions[r.status]?[event] != nil {
                buttons.append(
                    CaseUI.button(t.t("referral.do.\(decision)"), name: "decision", value: decision, id: decision))
            }
        }
        if c.may(.answerReferrals), ReferralMachine.transitions[r.status]?[.decline] != nil {
            buttons.append(Components.input("reason", label: t.t("referral.decline-reason"), value: nil))
            buttons.append(CaseUI.button(t.t("referral.do.decline"), name: "decision", value: "decline", id: "decline"))
        }
        if c.may(.sendReferrals), ReferralMachine.transitions[r.status]?[.withdraw] != nil {
            buttons.append(
                CaseUI.button(t.t("referral.do.withdraw"), name: "decision", value: "withdraw", id: "withdraw"))
        }
        if !buttons.isEmpty {
            content.append(
                CaseUI.form(
                    c, Site.referral(r.id), id: "answer-form",
                    [CaseUI.hidden("version", String(r.version))] + buttons))
        }
        if c.may(.viewCases) {
            content.append(
                el("p", [], [el("a", [attr("href", Site.kase(r.caseID))], text: t.t("referral.case"))]))
        }
        return Layout.page(c, title: t.t("referral.page-title"), content)
    }
}
