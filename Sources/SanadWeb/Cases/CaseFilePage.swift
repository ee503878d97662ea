import Foundation
import SanadCore
import SanadStore

/// The whole case on paper (issue 15): what a referral, an audit or a hand-over needs, in the page's language, with
/// no forms or buttons, laid out for A4 by the print stylesheet. Printing it is audited (`case.printed`).
struct CaseFilePage {
    let file: CaseFile
    let person: PersonRecord
    let screenings: [ScreeningView]
    let vulnerability: VulnerabilityView?
    let attachments: [AttachmentView]
    let users: [UUID: String]
    let catalogue: [ServiceKind]
    let centres: [CentreView]
    let printedBy: String
    let printedAt: Date

    func section(_ id: String, _ title: String, _ children: [HNode]) -> HNode {
        el("section", [attr("id", "file-\(id)"), attr("class", "file-section")], [el("h2", text: title)] + children)
    }

    func list(_ c: PageContext, _ rows: [[HNode]], headers: [String]) -> HNode {
        rows.isEmpty
            ? el("p", [attr("class", "hint")], text: c.t.t("file.none"))
            : Components.table(headers: headers, rows: rows)
    }

    func who(_ id: UUID?) -> String { id.flatMap { users[$0] } ?? "—" }

    func render(_ c: PageContext) -> String {
        let t = c.t
        let p = person.personal
        let f = person.facts
        let s = file.summary
        let centre = centres.first { $0.code == s.centre }?.name(for: c.lang) ?? s.centre
        let consent = zip(ConsentAnswers.fieldNames, ConsentAnswers.keys).filter { f.consent[keyPath: $0.1] }
            .map { t.t("consent.\($0.0)") }
        var content: [HNode] = [
            el(
                "p", [attr("class", "hint"), attr("id", "printed")],
                text: t.t("file.printed", printedBy, t.date(printedAt))),
            section(
                "identity", t.t("file.identity"),
                [
                    el(
                        "p", [attr("class", "name"), attr("id", "file-name"), attr("dir", "auto")], text: p.nameOriginal
                    ),
                    el("p", [], [el("span", [attr("dir", "ltr"), attr("lang", "en")], text: p.nameLatin)]),
                    Components.details([
                        (t.t("person.regno"), "\u{2066}\(person.registrationNumber)\u{2069}"),
                        (t.t("person.sex"), t.gender(f.sex)),
                        (t.t("person.birth-date"), p.birthDate),
                        (t.t("person.nationality"), t.country(f.nationality)),
                        (t.t("person.languages"), f.languages.map(t.languageName).joined(separator: t.listSeparator)),
                        (t.t("person.phone"), p.phone),
                        (
                            t.t("person.documents"),
                            p.documents.map { "\(t.document($0.type)) \($0.number)" }.joined(separator: "; ")
                        ),
                        (t.t("person.arrival-date"), f.arrivalDate),
                        (t.t("person.trafficking-status"), person.traffickingStatus.map(t.traffickingStatus)),
                        (
                            t.t("file.flags"),
                            f.flags.isEmpty ? nil : f.flags.map(t.flag).sorted().joined(separator: t.listSeparator)
                        ),
                        (
                            t.t("consent.legend"),
                            consent.isEmpty ? t.t("consent.none") : consent.joined(separator: t.listSeparator)
                        ),
                    ]),
                ]),
            section(
                "case", t.t("case.title"),
                [
                    Components.details([
                        (t.t("case.centre"), centre),
                        (t.t("case.stage"), t.t("stage.\(s.stage.rawValue)")),
                        (t.t("case.htcds-status"), t.t("htcds.\(s.htcdsStatus.rawValue)")),
                        (t.t("case.priority"), t.t("priority.\(s.priority.rawValue)")),
                        (t.t("case.risk"), t.t("risk.\(s.risk.rawValue)")),
                        (t.t("file.caseworker"), who(s.caseworkerID)),
                        (t.t("file.opened"), s.openedOn),
                        (t.t("case.closed-on"), s.closedOn),
                    ])
                ]),
        ]
        content.append(
            section(
                "screenings", t.t("person.screenings"),
                screenings.filter(\.completed).isEmpty
                    ? [el("p", [attr("class", "hint")], text: t.t("file.none"))]
                    : screenings.filter(\.completed).flatMap { sc -> [HNode] in
                        let page = ScreeningResultPage(
                            person: person, screening: sc, interviewer: who(sc.interviewerID))
                        return [
                            el(
                                "h3",
                                text: "\(sc.date) · \(sc.instrument.title.text(for: c.lang)) · "
                                    + t.conclusion(sc.evaluation.conclusion)),
                            page.dimensionTable(c),
                        ]
                    }))
        if let vulnerability, vulnerability.assessedAt != nil {
            content.append(
                VulnerabilityPage(person: person, view: vulnerability, model: .shipped).profileSection(c))
        }
        content.append(
            section(
                "plan", t.t("plan.title"),
                [
                    list(
                        c,
                        file.plan.map {
                            [
                                txt($0.need), txt(CaseUI.serviceLabel(c, $0.service, catalogue)), txt($0.due),
                                txt(t.t("plan.status.\($0.status)")),
                            ]
                        }, headers: [t.t("cf.need"), t.t("cf.service"), t.t("cf.due"), t.t("cf.status")])
                ]))
        content.append(
            section(
                "approvals", t.t("approval.title"),
                [
                    list(
                        c,
                        file.approvals.map {
                            [
                                txt(t.t("approval.kind.\($0.kind.rawValue)")), txt(t.t("approval.\($0.status)")),
                                txt(who($0.requestedBy)), txt(who($0.decidedBy)), txt($0.comment ?? ""),
                            ]
                        },
                        headers: [
                            t.t("cf.kind"), t.t("approval.status"), t.t("file.asked-by"), t.t("file.decided-by"),
                            t.t("cf.comment"),
                        ])
                ]))
        content.append(
            section(
                "services", t.t("service.title"),
                [
                    list(
                        c,
                        file.services.map {
                            [
                                txt($0.date), txt(CaseUI.serviceLabel(c, $0.type, catalogue)),
                                txt(CaseUI.quantity(c, $0.quantity, $0.unit)),
                                txt(t.t("service.status.\($0.status.rawValue)")),
                            ]
                        }, headers: [t.t("cf.date"), t.t("cf.type"), t.t("cf.quantity"), t.t("cf.status")])
                ]))
        content.append(
            section(
                "shelter", t.t("stay.title"),
                [
                    el(
                        "p",
                        text: file.stay.map { t.t("stay.current", $0.checkIn) } ?? t.t("person.summary.no-stay"))
                ]))
        content.append(
            section(
                "referrals", t.t("referral.title"),
                [
                    list(
                        c,
                        file.referrals.map {
                            [
                                txt($0.sentOn), txt($0.partnerName), txt(CaseUI.serviceLabel(c, $0.service, catalogue)),
                                txt(t.t("urgency.\($0.urgency.rawValue)")),
                                txt(t.t("referral.status.\($0.status.rawValue)")),
                            ]
                        },
                        headers: [
                            t.t("cf.date"), t.t("cf.partner"), t.t("cf.service"), t.t("cf.urgency"), t.t("cf.status"),
                        ])
                ]))
        content.append(
            section(
                "avrr", t.t("avrr.title"),
                file.returns.isEmpty
                    ? [el("p", [attr("class", "hint")], text: t.t("file.none"))]
                    : file.returns.map { r in
                        el(
                            "ul", [],
                            r.steps.map { step in el("li", text: "\(step.date) · \(t.t("avrr.\(step.step.rawValue)"))")
                            })
                    }))
        content.append(
            section(
                "notes", t.t("note.title"),
                file.notes.isEmpty
                    ? [el("p", [attr("class", "hint")], text: t.t("file.none"))]
                    : file.notes.map { n in
                        el(
                            "div", [attr("class", "note")],
                            [
                                el("p", [attr("class", "hint")], text: "\(who(n.authorID)) · \(t.date(n.at))"),
                                el("p", [attr("dir", "auto")], text: n.text),
                            ])
                    }))
        content.append(
            section(
                "attachments", t.t("attachment.title"),
                [
                    list(
                        c,
                        attachments.filter { $0.retractedAt == nil }.map {
                            [
                                el("span", [attr("dir", "auto")], text: $0.name),
                                txt(t.t("attachment.kind.\($0.kind.rawValue)")),
                                el("span", [attr("dir", "auto")], text: $0.caption),
                                txt(t.date($0.addedAt)),
                            ]
                        }, headers: [t.t("file.document"), t.t("attachment.kind"), t.t("file.caption"), t.t("cf.date")])
                ]))
        return Layout.page(c, title: t.t("file.title"), banner: flagBanner(c, f.flags), content)
    }
}
