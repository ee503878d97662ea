import Foundation
import SanadCore
import SanadStore

/// Small shared pieces for case-management pages.
enum CaseUI {
    static func form(_ c: PageContext, _ action: String, id: String? = nil, _ children: [HNode]) -> HNode {
        el(
            "form",
            [
                attr("method", "post"), attr("novalidate", "novalidate"), attr("action", action), attr("id", id),
                attr("class", "stacked"),
            ],
            [Layout.csrfField(c)] + children)
    }

    static func button(_ label: String, name: String? = nil, value: String? = nil, id: String? = nil) -> HNode {
        el("button", [attr("type", "submit"), attr("name", name), attr("value", value), attr("id", id)], text: label)
    }

    static func hidden(_ name: String, _ value: String) -> HNode {
        void("input", [attr("type", "hidden"), attr("name", name), attr("value", value)])
    }

    static func serviceLabel(_ c: PageContext, _ code: String, _ catalogue: [ServiceKind]) -> String {
        catalogue.first { $0.code == code }?.label(c.lang) ?? code
    }

    static func serviceChoices(_ c: PageContext, _ catalogue: [ServiceKind]) -> [Components.Choice] {
        catalogue.map { .init($0.code, $0.label(c.lang)) }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// "1 kit", "3 nights": one is singular, anything else plural (Arabic counted forms are kept simple).
    static func quantity(_ c: PageContext, _ value: Double, _ unit: String) -> String {
        "\(number(value)) \(c.t.t(value == 1 ? "unit.\(unit).one" : "unit.\(unit)"))"
    }

    /// An action that undoes or ends something, behind a disclosure: two deliberate clicks and a sentence saying what
    /// it does, apart from the everyday buttons, without JavaScript (issue 20, finding 10).
    static func confirmed(_ summary: String, id: String, note: String, _ children: [HNode]) -> HNode {
        el(
            "details", [attr("class", "confirm"), attr("id", id)],
            [el("summary", text: summary), el("p", [attr("class", "hint")], text: note)] + children)
    }

    static func dangerButton(_ label: String, name: String? = nil, value: String? = nil, id: String? = nil) -> HNode {
        el(
            "button",
            [
                attr("type", "submit"), attr("name", name), attr("value", value), attr("id", id),
                attr("class", "danger"),
            ],
            text: label)
    }

    static func section(_ id: String, _ title: String, _ children: [HNode]) -> HNode {
        el("section", [attr("id", id), attr("class", "case-section")], [el("h2", text: title)] + children)
    }

    static func ltr(_ text: String) -> HNode { el("span", [attr("dir", "ltr")], text: text) }
}

/// Everything the case page shows, gathered by the controller.
struct CasePage {
    let file: CaseFile
    let person: PersonRecord
    let catalogue: [ServiceKind]
    let partners: [PartnerView]
    let consented: Set<UUID>
    let freeBeds: [BedView]
    /// The bed of the current stay, when it is one of this centre's (issue 20, finding 18).
    let stayBed: BedView?
    let users: [UUID: String]
    let caseworkers: [AccountView]
    let centres: [CentreView]
    let today: CivilDate
    let receivingTransfer: Bool
    var error: String?
    /// The refused fields and the section whose form they belong to: listed at the top, each a link down to that
    /// form, since the page is long (issue 20, finding 17).
    var refused: (section: String, fields: [String])?
    /// A referral that was refused, shown again as typed (issue 20, finding 7).
    var referralDraft: ReferralDraft?
    var referralConsentNow = false
    /// The case's documents (issue 15).
    var attachments: [AttachmentView] = []
    /// The person's documents, offered with the case's when sending a referral.
    var personAttachments: [AttachmentView] = []
    var attachmentLimitMB = 20

    var s: CaseSummary { file.summary }

    func render(_ c: PageContext) -> String {
        let t = c.t
        let closed = s.stage == .closed
        let content: [HNode] = [
            ScreeningViews.personLine(c, person),
            index(c, closed: closed),
            refused.map { r in Components.errorList(t.t("error.validation"), r.fields.map { (r.section, $0) }) }
                ?? Components.errorSummary(error) ?? .empty,
            Components.details([
                (t.t("case.stage"), t.t("stage.\(s.stage.rawValue)")),
                (t.t("case.htcds-status"), t.t("htcds.\(s.htcdsStatus.rawValue)")),
                (t.t("case.priority"), t.t("priority.\(s.priority.rawValue)")),
                (t.t("case.risk"), t.t("risk.\(s.risk.rawValue)")),
                (t.t("case.caseworker"), s.caseworkerID.flatMap { users[$0] } ?? t.t("case.unassigned")),
                (t.t("case.centre"), centreName(c, s.centre)),
                (t.t("case.opened"), s.openedOn),
                (t.t("case.closed-on"), s.closedOn),
                (t.t("case.closure-reason"), s.closureReason.map { t.t("closure.\($0.rawValue)") }),
            ]),
            stageSection(c),
            approvalSection(c),
            planSection(c, closed: closed),
            serviceSection(c, closed: closed),
            shelterSection(c, closed: closed),
            referralSection(c, closed: closed),
            returnSection(c, closed: closed),
            closed && file.followUps.isEmpty ? .empty : followUpSection(c, closed: closed),
            noteSection(c),
            AttachmentSection(
                owner: .kase, ownerID: s.id, items: attachments, users: users, limitMB: attachmentLimitMB,
                mayAdd: !closed && c.may(.manageCases),
                targets: file.services.map {
                    .init(
                        "service:\($0.id.uuidString)",
                        t.t("attachment.about.service", CaseUI.serviceLabel(c, $0.type, catalogue), $0.date))
                }
                    + file.returns.map {
                        .init("avrr:\($0.id.uuidString)", t.t("attachment.about.avrr", t.t("avrr.\($0.step.rawValue)")))
                    }
            ).render(c),
            closed ? .empty : transferSection(c),
        ]
        return Layout.page(c, title: t.t("case.title"), content)
    }

    /// Where each section is: the page is long, and a reader without JavaScript jumps by anchor.
    func index(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var sections: [(String, String)] = [
            ("stage", t.t("case.stage-actions")), ("approvals", t.t("approval.title")), ("plan", t.t("plan.title")),
            ("services", t.t("service.title")), ("shelter", t.t("stay.title")), ("referrals", t.t("referral.title")),
            ("avrr", t.t("avrr.title")),
        ]
        if !(closed && file.followUps.isEmpty) { sections.append(("follow-ups", t.t("followup.title"))) }
        sections.append(("notes", t.t("note.title")))
        sections.append(("attachments", t.t("attachment.title")))
        if !closed { sections.append(("transfer", t.t("transfer.title"))) }
        return el(
            "nav", [attr("class", "toc"), attr("id", "case-index"), attr("aria-label", t.t("case.index"))],
            [
                el(
                    "ul", [],
                    sections.map { id, title in el("li", [], [el("a", [attr("href", "#\(id)")], text: title)]) }),
                el(
                    "p", [],
                    [el("a", [attr("id", "case-file"), attr("href", Site.kase(s.id, .file))], text: t.t("file.print"))]),
            ]
        )
    }

    func centreName(_ c: PageContext, _ code: String) -> String {
        centres.first { $0.code == code }?.name(for: c.lang) ?? code
    }

    func stageSection(_ c: PageContext) -> HNode {
        let t = c.t
        var forms: [HNode] = []
        let allowed = CaseStateMachine.transitions[s.stage] ?? [:]
        if allowed[.assess] != nil {
            forms.append(
                CaseUI.form(
                    c, Site.kase(s.id, .events), id: "assess-form",
                    [
                        CaseUI.hidden("event", "assess"), CaseUI.hidden("version", String(s.version)),
                        Components.select(
                            "priority", label: t.t("case.priority"),
                            choices: CasePriority.allCases.map { .init($0.rawValue, t.t("priority.\($0.rawValue)")) },
                            selected: s.priority.rawValue, id: "assess-priority"),
                        Components.select(
                            "risk", label: t.t("case.risk"),
                            choices: CaseRisk.allCases.map { .init($0.rawValue, t.t("risk.\($0.rawValue)")) },
                            selected: s.risk.rawValue, id: "assess-risk"),
                        CaseUI.button(t.t("case.do.assess"), id: "assess"),
                    ]))
        }
        for event in [CaseEvent.Kind.startAssistance, .startFollowUp, .reopen] where allowed[event] != nil {
            forms.append(
                CaseUI.form(
                    c, Site.kase(s.id, .events),
                    [
                        CaseUI.hidden("event", event.rawValue), CaseUI.hidden("version", String(s.version)),
                        CaseUI.button(t.t("case.do.\(event.rawValue)"), id: event.rawValue),
                    ]))
        }
        var ending: [HNode] = []
        if allowed[.close] != nil {
            // No reason chosen in advance: closing is asked for on purpose, apart from the assessment.
            ending.append(
                CaseUI.confirmed(
                    t.t("case.do.request-closure") + "…", id: "closure-details", note: t.t("case.closure.note"),
                    [
                        CaseUI.form(
                            c, Site.kase(s.id, .approvals), id: "closure-form",
                            [
                                CaseUI.hidden("kind", ApprovalKind.closure.rawValue),
                                Components.select(
                                    "subject", label: t.t("case.closure-reason"),
                                    choices: ClosureReason.allCases.map {
                                        .init($0.rawValue, t.t("closure.\($0.rawValue)"))
                                    },
                                    selected: nil, blank: t.t("form.choose"), required: true, id: "close-subject"),
                                CaseUI.dangerButton(t.t("case.do.request-closure"), id: "request-closure"),
                            ])
                    ]))
        }
        if s.stage != .closed {
            forms.append(
                CaseUI.form(
                    c, Site.kase(s.id, .approvals), id: "confirmation-form",
                    [
                        CaseUI.hidden("kind", ApprovalKind.traffickingConfirmation.rawValue),
                        Components.select(
                            "subject", label: t.t("case.trafficking-status"),
                            choices: TraffickingStatus.allCases.map {
                                .init($0.rawValue, t.traffickingStatus($0))
                            }, selected: nil, id: "confirm-subject"),
                        CaseUI.button(t.t("case.do.request-confirmation"), id: "request-confirmation"),
                    ]))
        }
        return CaseUI.section(
            "stage", t.t("case.stage-actions"), [el("div", [attr("class", "action-row")], forms)] + ending)
    }

    func approvalSection(_ c: PageContext) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if let pending = file.pendingApproval {
            children.append(
                el(
                    "p", [attr("id", "pending-approval"), attr("class", "notice")],
                    text: t.t(
                        "approval.waiting", t.t("approval.kind.\(pending.kind.rawValue)"),
                        subjectLabel(c, pending) ?? "")))
            if c.may(.approveCases) {
                children.append(
                    CaseUI.form(
                        c, Site.kase(s.id, .approvals, pending.id), id: "decide-form",
                        [
                            Components.textarea(
                                "comment", label: t.t("approval.comment"), value: nil, id: "decide-comment"),
                            CaseUI.button(t.t("approval.approve"), name: "decision", value: "approved", id: "approve"),
                            CaseUI.confirmed(
                                t.t("approval.reject") + "…", id: "reject-details", note: t.t("approval.reject.note"),
                                [
                                    CaseUI.dangerButton(
                                        t.t("approval.reject"), name: "decision", value: "rejected", id: "reject")
                                ]),
                        ]))
            }
        }
        let decided = file.approvals.filter { $0.status != "pending" }
        if !decided.isEmpty {
            children.append(
                Components.table(
                    headers: [
                        t.t("approval.kind"), t.t("approval.status"), t.t("approval.by"), t.t("approval.comment"),
                    ],
                    rows: decided.map { a in
                        [
                            txt(
                                t.t("approval.kind.\(a.kind.rawValue)") + (subjectLabel(c, a).map { " · " + $0 } ?? "")),
                            txt(t.t("approval.\(a.status)")),
                            txt(a.decidedBy.flatMap { users[$0] } ?? "—"), txt(a.comment ?? ""),
                        ]
                    }))
        }
        if children.isEmpty { children.append(el("p", [attr("class", "hint")], text: t.t("approval.none"))) }
        return CaseUI.section("approvals", t.t("approval.title"), children)
    }

    func subjectLabel(_ c: PageContext, _ a: ApprovalView) -> String? {
        guard let subject = a.subject else { return nil }
        switch a.kind {
        case .closure: return c.t.t("closure.\(subject)")
        case .traffickingConfirmation: return TraffickingStatus(rawValue: subject).map(c.t.traffickingStatus)
        case .carePlan: return nil
        }
    }
}
