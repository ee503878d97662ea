import Foundation
import SanadCore
import SanadStore

/// The "at a glance" box at the top of a person's page (issue 20, finding 19): the current case and its stage, the
/// trafficking status, the bed, and the referrals partners still hold, each a link to where the work is done.
struct PersonSummary {
    let overview: PersonOverview
    let traffickingStatus: TraffickingStatus?
    /// The bed of the current stay, when it is in one of the actor's centres.
    let bed: BedView?
    let centreNames: [String: String]

    func render(_ c: PageContext) -> HNode {
        let t = c.t
        var rows: [(String, HNode)] = []
        if let current = overview.currentCase {
            let centre = centreNames[current.centre] ?? current.centre
            rows.append(
                (
                    t.t("person.summary.case"),
                    el(
                        "a", [attr("id", "summary-case"), attr("href", Site.kase(current.id))],
                        text: t.t("person.summary.case-stage", t.t("stage.\(current.stage.rawValue)"), centre))
                ))
        } else {
            let closed = overview.cases.count
            rows.append(
                (
                    t.t("person.summary.case"),
                    el(
                        "span", [attr("id", "summary-case")],
                        text: closed == 0
                            ? t.t("person.summary.no-case") : t.t("person.summary.closed-cases", String(closed)))
                ))
        }
        if let status = traffickingStatus {
            rows.append((t.t("person.trafficking-status"), txt(t.traffickingStatus(status))))
        }
        let stayText: String
        if let stay = overview.stay {
            stayText =
                bed.map { t.t("stay.current.bed", $0.shelter, $0.room, $0.label, stay.checkIn) }
                ?? t.t("stay.current", stay.checkIn)
        } else {
            stayText = t.t("person.summary.no-stay")
        }
        rows.append((t.t("stay.title"), el("span", [attr("id", "summary-stay")], text: stayText)))
        let referrals: HNode =
            overview.openReferrals.isEmpty
            ? el("span", [attr("id", "summary-referrals")], text: t.t("person.summary.no-referrals"))
            : el(
                "ul", [attr("id", "summary-referrals")],
                overview.openReferrals.map { r in
                    el(
                        "li", [],
                        [
                            el(
                                "a", [attr("href", Site.kase(r.caseID) + "#referrals")],
                                text: "\(r.partnerName) — \(t.t("referral.status.\(r.status.rawValue)"))")
                        ])
                })
        rows.append((t.t("person.summary.referrals"), referrals))
        return el(
            "section",
            [attr("id", "person-summary"), attr("class", "summary"), attr("aria-labelledby", "summary-title")],
            [
                el("h2", [attr("id", "summary-title")], text: t.t("person.summary")),
                el("dl", [], rows.map { label, value in .group([el("dt", text: label), el("dd", [], [value])]) }),
            ])
    }
}
