import Foundation
import SanadCore
import SanadStore

/// Likely existing records, shown before a registration is saved and on a person's page.
enum DuplicateViews {
    static func table(
        _ c: PageContext, _ duplicates: [PossibleDuplicate], centreNames: [String: String],
        actions: ((PossibleDuplicate) -> HNode)?
    ) -> HNode {
        let t = c.t
        let rows: [[HNode]] = duplicates.map { d in
            let decision = d.result.decision.map { t.t("match.\($0.rawValue)") } ?? ""
            var cells: [HNode]
            if let r = d.record {
                cells = [
                    el(
                        "a", [attr("class", "duplicate-link"), attr("href", Site.person(d.id))],
                        [el("span", [attr("dir", "auto")], text: r.personal.nameOriginal)]),
                    el("span", [attr("dir", "ltr")], text: r.personal.nameLatin),
                    el("span", [attr("dir", "ltr"), attr("class", "regno")], text: r.registrationNumber),
                ]
            } else {
                cells = [
                    el(
                        "span", [attr("class", "elsewhere")],
                        text: t.t("match.elsewhere", centreNames[d.centre] ?? d.centre)), txt("—"), txt("—"),
                ]
            }
            cells += [
                el("span", [attr("class", "decision-\(d.result.decision?.rawValue ?? "none")")], text: decision),
                el("span", [], text: d.visible ? MatchReasonText.text(d.result.reasons, t) : "—"),
            ]
            if let actions { cells.append(actions(d)) }
            return cells
        }
        var headers = [
            t.t("person.name-original"), t.t("person.name-latin"), t.t("person.registration-number"),
            t.t("match.decision"), t.t("match.reasons"),
        ]
        if actions != nil { headers.append(t.t("match.actions")) }
        return Components.table(headers: headers, rows: rows, rowClass: "duplicate-row")
    }

    /// Shown in place of saving when a registration looks like someone already registered.
    static func registrationPanel(_ c: PageContext, _ duplicates: [PossibleDuplicate], centreNames: [String: String])
        -> HNode
    {
        el(
            "section", [attr("id", "possible-duplicates"), attr("class", "flags"), attr("role", "alert")],
            [
                el("h2", text: c.t.t("match.found")),
                el("p", text: c.t.t("match.found.hint")),
                table(c, duplicates, centreNames: centreNames, actions: nil),
            ])
    }
}
