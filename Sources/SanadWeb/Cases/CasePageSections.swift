import Foundation
import SanadCore
import SanadStore

extension CasePage {
    func planSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if file.plan.isEmpty {
            children.append(el("p", [attr("class", "hint")], text: t.t("plan.none")))
        } else {
            children.append(
                Components.table(
                    headers: [
                        t.t("cf.need"), t.t("cf.service"), t.t("cf.partner"), t.t("cf.due"), t.t("cf.status"), "",
                    ],
                    rows: file.plan.map { item in
                        let overdue = item.status == "open" && (CivilDate(item.due).map { $0 < today } ?? false)
                        return [
                            el("span", [attr("dir", "auto")], text: item.need),
                            txt(CaseUI.serviceLabel(c, item.service, catalogue)),
                            txt(
                                item.partnerID.flatMap { id in partners.first { $0.id == id }?.name }
                                    ?? t.t("plan.centre")),
                            el(
                                "span", [attr("class", overdue ? "overdue" : nil)],
                                [
                                    CaseUI.ltr(item.due), overdue ? txt(" · " + t.t("work.overdue")) : .empty,
                                ]),
                            txt(t.t("plan.status.\(item.status)")),
                            item.status == "open" && !closed
                                ? CaseUI.form(
                                    c, Site.kase(s.id, .plan, item.id),
                                    [
                                        CaseUI.button(t.t("plan.done"), name: "status", value: "done"),
                                        CaseUI.confirmed(
                                            t.t("plan.cancel") + "…", id: "cancel-\(item.id.uuidString.prefix(8))",
                                            note: t.t("plan.cancel.note"),
                                            [
                                                CaseUI.dangerButton(
                                                    t.t("plan.cancel"), name: "status", value: "cancelled")
                                            ]),
                                    ]) : .empty,
                        ]
                    }))
        }
        if !closed {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .plan), id: "plan-form",
                    [
                        Components.input("need", label: t.t("cf.need"), value: nil, required: true, id: "plan-need"),
                        Components.select(
                            "service", label: t.t("cf.service"), choices: CaseUI.serviceChoices(c, catalogue),
                            selected: nil, blank: t.t("form.choose"), required: true, id: "plan-service"),
                        Components.select(
                            "partner", label: t.t("cf.partner"),
                            choices: partners.map { .init($0.id.uuidString, $0.name) }, selected: nil,
                            blank: t.t("plan.centre"), id: "plan-partner"),
                        Components.input(
                            "due", label: t.t("cf.due"), value: nil, type: "date", required: true, id: "plan-due"),
                        CaseUI.button(t.t("plan.add"), id: "add-plan-item"),
                    ]))
            if s.stage == .assessed && file.pendingApproval?.kind != .carePlan {
                children.append(
                    CaseUI.form(
                        c, Site.kase(s.id, .approvals),
                        [
                            CaseUI.hidden("kind", ApprovalKind.carePlan.rawValue),
                            CaseUI.button(t.t("plan.submit"), id: "submit-plan"),
                        ]))
            }
        }
        return CaseUI.section("plan", t.t("plan.title"), children)
    }

    func serviceSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if !file.services.isEmpty {
            children.append(
                Components.table(
                    headers: [
                        t.t("cf.date"), t.t("cf.type"), t.t("cf.quantity"), t.t("cf.status"), t.t("cf.partner"),
                        t.t("cf.cost"), t.t("service.recorded-by"), "",
                    ],
                    rows: file.services.map { sv in
                        [
                            CaseUI.ltr(sv.date), txt(CaseUI.serviceLabel(c, sv.type, catalogue)),
                            txt(CaseUI.quantity(c, sv.quantity, sv.unit)),
                            txt(t.t("service.status.\(sv.status.rawValue)")),
                            txt(
                                sv.partnerID.flatMap { id in partners.first { $0.id == id }?.name }
                                    ?? t.t("plan.centre")),
                            CaseUI.ltr(sv.cost.map { "\(CaseUI.number($0)) \(sv.currency ?? "")" } ?? ""),
                            txt(users[sv.recordedBy] ?? "—"),
                            sv.status == .planned && !closed
                                ? CaseUI.form(
                                    c, Site.kase(s.id, .services, sv.id),
                                    [
                                        CaseUI.button(
                                            t.t("service.mark-delivered"), name: "status",
                                            value: ServiceStatus.delivered.rawValue),
                                        CaseUI.confirmed(
                                            t.t("service.mark-cancelled") + "…",
                                            id: "cancel-service-\(sv.id.uuidString.prefix(8))",
                                            note: t.t("service.cancel.note"),
                                            [
                                                CaseUI.dangerButton(
                                                    t.t("service.mark-cancelled"), name: "status",
                                                    value: ServiceStatus.cancelled.rawValue)
                                            ]),
                                    ]) : .empty,
                        ]
                    }))
        }
        if !closed {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .services), id: "service-form",
                    [
                        Components.input(
                            "date", label: t.t("cf.date"), value: today.description, type: "date", id: "svc-date"),
                        Components.select(
                            "type", label: t.t("cf.type"), choices: CaseUI.serviceChoices(c, catalogue), selected: nil,
                            blank: t.t("form.choose"), required: true, id: "svc-type"),
                        Components.input(
                            "quantity", label: t.t("cf.quantity"), value: "1", extra: [attr("inputmode", "decimal")],
                            id: "svc-quantity"),
                        Components.select(
                            "status", label: t.t("cf.status"),
                            choices: ServiceStatus.allCases.map {
                                .init($0.rawValue, t.t("service.status.\($0.rawValue)"))
                            },
                            selected: ServiceStatus.delivered.rawValue, id: "svc-status"),
                        Components.select(
                            "partner", label: t.t("cf.partner"),
                            choices: partners.map { .init($0.id.uuidString, $0.name) }, selected: nil,
                            blank: t.t("plan.centre"), id: "svc-partner"),
                        Components.input(
                            "cost", label: t.t("cf.cost"), value: nil, extra: [attr("inputmode", "decimal")],
                            id: "svc-cost"),
                        Components.input("currency", label: t.t("cf.currency"), value: "SDG", id: "svc-currency"),
                        CaseUI.button(t.t("service.record"), id: "record-service"),
                    ]))
        }
        return CaseUI.section("services", t.t("service.title"), children)
    }

    func shelterSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if let stay = file.stay {
            children.append(
                el(
                    "p", [attr("id", "current-stay")],
                    text: stayBed.map { t.t("stay.current.bed", $0.shelter, $0.room, $0.label, stay.checkIn) }
                        ?? t.t("stay.current", stay.checkIn)))
            // Nothing filled in: right after a check-in, a form dated today invited an accidental check-out.
            children.append(
                CaseUI.confirmed(
                    t.t("stay.check-out") + "…", id: "checkout-details", note: t.t("stay.check-out.note"),
                    [
                        CaseUI.form(
                            c, Site.checkOut(stay.id), id: "checkout-form",
                            [
                                Components.input(
                                    "check_out", label: t.t("cf.check-out"), value: nil, type: "date",
                                    required: true, id: "out-check-out"),
                                CaseUI.button(t.t("stay.check-out"), id: "check-out"),
                            ])
                    ]))
        } else if !closed && c.may(.useShelter) {
            if freeBeds.isEmpty {
                children.append(el("p", [attr("class", "hint")], text: t.t("stay.no-free-bed")))
            } else {
                children.append(
                    CaseUI.form(
                        c, Site.kase(s.id, .stays), id: "checkin-form",
                        [
                            Components.select(
                                "bed", label: t.t("cf.bed"),
                                choices: freeBeds.map {
                                    .init(
                                        $0.id.uuidString,
                                        "\($0.shelter) · \($0.room) · \($0.label) (\(t.t("bed.\($0.restriction.rawValue)")))"
                                    )
                                }, selected: nil, blank: t.t("form.choose"), required: true, id: "in-bed"),
                            Components.input(
                                "check_in", label: t.t("cf.check-in"), value: today.description, type: "date",
                                id: "in-check-in"),
                            CaseUI.button(t.t("stay.check-in"), id: "check-in"),
                        ]))
            }
        }
        children.append(
            el("p", [], [el("a", [attr("href", Site.shelters(s.centre))], text: t.t("stay.occupancy-link"))]))
        return CaseUI.section("shelter", t.t("stay.title"), children)
    }

    func referralSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if !file.referrals.isEmpty {
            children.append(
                Components.table(
                    headers: [
                        t.t("cf.partner"), t.t("cf.service"), t.t("cf.urgency"), t.t("cf.status"), t.t("referral.due"),
                    ],
                    rows: file.referrals.map { r in
                        [
                            el("a", [attr("href", Site.referral(r.id))], text: r.partnerName),
                            txt(CaseUI.serviceLabel(c, r.service, catalogue)),
                            txt(t.t("urgency.\(r.urgency.rawValue)")),
                            txt(
                                t.t("referral.status.\(r.status.rawValue)")
                                    + (r.declineReason.map { " · " + $0 } ?? "")),
                            el(
                                "span", [attr("class", r.isOverdue(today: today) ? "overdue" : nil)],
                                [
                                    CaseUI.ltr(r.answerDue),
                                    r.isOverdue(today: today) ? txt(" · " + t.t("work.overdue")) : .empty,
                                ]),
                        ]
                    }))
        }
        if !partners.isEmpty {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .consent), id: "consent-form",
                    [
                        Components.checkboxes(
                            "partners", legend: t.t("referral.consent"),
                            choices: partners.map { .init($0.id.uuidString, $0.name) },
                            checked: Set(consented.map(\.uuidString)), id: "consent-partners"),
                        CaseUI.button(t.t("referral.consent.save"), id: "save-consent"),
                    ]))
        }
        if !closed && !partners.isEmpty {
            let d = referralDraft
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .referrals), id: "referral-form",
                    [
                        Components.select(
                            "partner", label: t.t("cf.partner"),
                            choices: partners.map { .init($0.id.uuidString, $0.name) }, selected: d?.partner,
                            blank: t.t("form.choose"), required: true, id: "ref-partner"),
                        Components.select(
                            "service", label: t.t("cf.service"), choices: CaseUI.serviceChoices(c, catalogue),
                            selected: d?.service, blank: t.t("form.choose"), required: true, id: "ref-service"),
                        Components.select(
                            "urgency", label: t.t("cf.urgency"),
                            choices: ReferralUrgency.allCases.map { .init($0.rawValue, t.t("urgency.\($0.rawValue)")) },
                            selected: d?.urgency ?? ReferralUrgency.routine.rawValue, id: "ref-urgency"),
                        Components.select(
                            "reason", label: t.t("cf.reason"),
                            choices: ReferralReason.allCases.map {
                                .init($0.rawValue, t.t("referral.reason.\($0.rawValue)"))
                            },
                            selected: d?.reason ?? ReferralReason.additionalServicesRequired.rawValue, id: "ref-reason"),
                        Components.checkboxes(
                            "shared", legend: t.t("cf.shared"),
                            choices: SharedField.allCases.map { .init($0.rawValue, t.t("shared.\($0.rawValue)")) },
                            checked: d.map { Set($0.shared) } ?? ["sex", "age", "needs"], id: "ref-shared"),
                        Components.textarea("note", label: t.t("cf.note"), value: d?.note, id: "ref-note"),
                        shareableDocuments(c, chosen: Set(d?.documents ?? [])),
                        // Consent to share with the chosen partner, recorded with the referral when it is not yet.
                        Components.checkbox(
                            "consent_now", label: t.t("referral.consent-now"), checked: referralConsentNow),
                        CaseUI.button(t.t("referral.send"), id: "send-referral"),
                    ]))
        }
        if partners.isEmpty { children.append(el("p", [attr("class", "hint")], text: t.t("partner.none"))) }
        return CaseUI.section("referrals", t.t("referral.title"), children)
    }

    func returnSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = []
        for r in file.returns {
            children.append(
                el(
                    "div", [attr("class", "return"), attr("id", "return-\(r.id.uuidString.prefix(8))")],
                    [
                        Components.details([
                            (t.t("cf.country"), t.country(r.country) ?? r.country),
                            (t.t("cf.place"), r.place),
                            (t.t("avrr.step"), t.t("avrr.\(r.step.rawValue)")),
                            (
                                t.t("avrr.waiting"),
                                r.step.isTerminal ? nil : t.t("avrr.days", String(r.waitingDays(today: today)))
                            ),
                        ]),
                        el(
                            "ol", [attr("class", "steps")],
                            r.steps.map { step in
                                el(
                                    "li", [],
                                    [
                                        txt(t.t("avrr.\(step.step.rawValue)") + " · "), CaseUI.ltr(step.date),
                                        txt(" · "), el("bdi", text: users[step.byUser] ?? "—"),
                                        step.documents.map { .group([txt(" · "), el("bdi", text: $0)]) } ?? .empty,
                                    ])
                            }),
                        r.step.isTerminal ? .empty : nextStepForm(c, r),
                    ]))
        }
        if !closed && file.returns.allSatisfy({ $0.step.isTerminal }) {
            children.append(
                el(
                    "p", [],
                    [
                        el(
                            "a", [attr("id", "request-return"), attr("href", Site.kase(s.id, .returns))],
                            text: t.t("avrr.request-return"))
                    ]))
        }
        return CaseUI.section("avrr", t.t("avrr.title"), children)
    }

    func nextStepForm(_ c: PageContext, _ r: ReturnView) -> HNode {
        let t = c.t
        let candidates = (AVRRStep.sequence + [.withdrawn, .ineligible]).filter {
            if case .success = AVRRMachine.advance(from: r.step, to: $0) { return true }
            return false
        }
        return CaseUI.form(
            c, Site.returnStep(r.id), id: "step-form",
            [
                CaseUI.hidden("version", String(r.version)),
                Components.select(
                    "step", label: t.t("avrr.next"),
                    choices: candidates.map { .init($0.rawValue, t.t("avrr.\($0.rawValue)")) },
                    selected: candidates.first?.rawValue, id: "step-step"),
                Components.input(
                    "date", label: t.t("cf.date"), value: today.description, type: "date", id: "step-date"),
                Components.input("documents", label: t.t("cf.documents"), value: nil, id: "step-documents"),
                CaseUI.button(t.t("avrr.record-step"), id: "record-step"),
            ])
    }

    func followUpSection(_ c: PageContext, closed: Bool) -> HNode {
        let t = c.t
        var children: [HNode] = file.followUps.map { f in
            el(
                "div", [attr("class", "follow-up")],
                [
                    CaseUI.ltr(f.due), txt(" · "), el("span", [attr("dir", "auto")], text: f.note),
                    f.done
                        ? txt(" · " + t.t("followup.done"))
                        : CaseUI.form(
                            c, Site.kase(s.id, .followUps, f.id), [CaseUI.button(t.t("followup.mark-done"))]),
                ])
        }
        if !closed {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .followUps), id: "follow-up-form",
                    [
                        Components.input(
                            "due", label: t.t("cf.due"), value: nil, type: "date", required: true, id: "fu-due"),
                        Components.input(
                            "follow_note", label: t.t("cf.follow-note"), value: nil, required: true,
                            id: "fu-follow-note"),
                        CaseUI.button(t.t("followup.add"), id: "add-follow-up"),
                    ]))
        }
        return CaseUI.section("follow-ups", t.t("followup.title"), children)
    }

    func noteSection(_ c: PageContext) -> HNode {
        let t = c.t
        return CaseUI.section(
            "notes", t.t("note.title"),
            [
                CaseUI.form(
                    c, Site.kase(s.id, .notes), id: "note-form",
                    [
                        Components.textarea("note", label: t.t("cf.note"), value: nil, id: "note-note"),
                        CaseUI.button(t.t("note.add"), id: "add-note"),
                    ])
            ]
                + file.notes.map { n in
                    el(
                        "div", [attr("class", "note")],
                        [
                            el("p", [attr("class", "hint")], text: "\(users[n.authorID] ?? "—") · \(t.date(n.at))"),
                            el("p", [attr("dir", "auto")], text: n.text),
                        ])
                })
    }

    func transferSection(_ c: PageContext) -> HNode {
        let t = c.t
        var children: [HNode] = []
        if let pending = file.pendingTransfer {
            children.append(
                el(
                    "p", [attr("class", "notice")],
                    text: t.t(
                        "transfer.pending", centreName(c, pending.toCentre),
                        pending.toUser.flatMap { users[$0] } ?? t.t("case.unassigned"))))
            if receivingTransfer {
                children.append(
                    CaseUI.form(
                        c, Site.kase(s.id, .transfers, pending.id), id: "transfer-answer",
                        [
                            Components.input("reason", label: t.t("cf.reason"), value: nil, id: "ta-reason"),
                            CaseUI.button(
                                t.t("transfer.accept"), name: "decision", value: "accept", id: "accept-transfer"),
                            CaseUI.button(
                                t.t("transfer.decline"), name: "decision", value: "decline", id: "decline-transfer"),
                        ]))
            }
        } else if s.stage != .closed {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .transfers), id: "transfer-form",
                    [
                        Components.select(
                            "centre", label: t.t("case.centre"),
                            choices: centres.map { .init($0.code, $0.name(for: c.lang)) }, selected: s.centre,
                            id: "tr-centre"),
                        Components.select(
                            "user", label: t.t("case.caseworker"),
                            choices: caseworkers.map { .init($0.id.uuidString, $0.username) }, selected: nil,
                            blank: t.t("case.unassigned"), id: "tr-user"),
                        CaseUI.button(t.t("transfer.request"), id: "request-transfer"),
                    ]))
        }
        if c.may(.approveCases) && s.stage != .closed {
            children.append(
                CaseUI.form(
                    c, Site.kase(s.id, .assign), id: "assign-form",
                    [
                        Components.select(
                            "user", label: t.t("case.assign-to"),
                            choices: caseworkers.map { .init($0.id.uuidString, $0.username) },
                            selected: s.caseworkerID?.uuidString, blank: t.t("case.unassigned"), id: "as-user"),
                        CaseUI.button(t.t("case.assign"), id: "assign"),
                    ]))
        }
        return CaseUI.section("transfer", t.t("transfer.title"), children)
    }

    /// The live documents of the case and its person, to tick for the partner (issue 15); none ticked by default.
    func shareableDocuments(_ c: PageContext, chosen: Set<String>) -> HNode {
        let live = (attachments + personAttachments).filter { $0.retractedAt == nil }
        guard !live.isEmpty else { return .empty }
        return Components.checkboxes(
            "documents", legend: c.t.t("referral.documents"),
            choices: live.map {
                .init($0.id.uuidString, "\($0.name) (\(c.t.t("attachment.kind.\($0.kind.rawValue)")))")
            },
            checked: chosen, id: "ref-documents")
    }
}
