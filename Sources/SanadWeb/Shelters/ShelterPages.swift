import Foundation
import SanadCore
import SanadStore

struct SheltersPage {
    let centre: CentreView
    let date: CivilDate
    let beds: [BedView]
    let shelters: [ShelterView]
    let registration: [UUID: String]
    var error: String?

    func render(_ c: PageContext) -> String {
        let t = c.t
        let occupied = beds.filter(\.occupied).count
        var content: [HNode] = [
            Components.errorSummary(error) ?? .empty,
            el(
                "form", [attr("method", "get"), attr("action", Site.shelters(centre.code)), attr("class", "filters")],
                [
                    Components.input("date", label: t.t("stay.date"), value: date.description, type: "date"),
                    el("button", [attr("type", "submit")], text: t.t("list.filter")),
                ]),
            el("p", [attr("id", "occupancy")], text: t.t("stay.occupancy", String(occupied), String(beds.count))),
            Components.table(
                headers: [
                    t.t("stay.shelter"), t.t("cf.room"), t.t("cf.bed"), t.t("cf.restriction"), t.t("stay.occupant"),
                ],
                rows: beds.map { b in
                    [
                        txt(b.shelter), txt(b.room), txt(b.label), txt(t.t("bed.\(b.restriction.rawValue)")),
                        b.stay.map { s in
                            el(
                                "a", [attr("href", Site.kase(s.caseID)), attr("dir", "ltr")],
                                text: "\(registration[s.personID] ?? "—") · \(s.checkIn)")
                        } ?? txt(b.occupied ? t.t("stay.taken") : t.t("stay.free")),
                    ]
                }),
        ]
        if c.may(.configureShelters) {
            content.append(
                CaseUI.form(
                    c, Site.shelters(centre.code), id: "shelter-form",
                    [
                        Components.input("name", label: t.t("stay.shelter-name"), value: nil, required: true),
                        CaseUI.button(t.t("stay.add-shelter"), id: "add-shelter"),
                    ]))
            if !shelters.isEmpty {
                content.append(
                    CaseUI.form(
                        c, Site.shelterBeds(centre.code), id: "beds-form",
                        [
                            Components.select(
                                "shelter", label: t.t("stay.shelter"),
                                choices: shelters.map { .init($0.id.uuidString, $0.name) }, selected: nil),
                            Components.input("room", label: t.t("cf.room"), value: nil, required: true),
                            Components.input(
                                "labels", label: t.t("cf.labels"), value: nil, hint: t.t("stay.labels-hint"),
                                required: true),
                            Components.select(
                                "restriction", label: t.t("cf.restriction"),
                                choices: BedRestriction.allCases.map { .init($0.rawValue, t.t("bed.\($0.rawValue)")) },
                                selected: BedRestriction.none.rawValue),
                            CaseUI.button(t.t("stay.add-beds"), id: "add-beds"),
                        ]))
            }
        }
        return Layout.page(c, title: t.t("stay.page-title", centre.name(for: c.lang)), content)
    }
}
