import Foundation
import SanadCore
import SanadStore

/// The supervisor's "to review" list (issue 11, item 4): each field changed in two places from the same value,
/// with both values, who changed them and when; keep one or enter another.
enum SyncPages {
    /// What the page shows of each record besides the conflict: the person's name and number, the centre's name.
    struct Labels {
        var people: [UUID: String] = [:]
        var centres: [String: String] = [:]
    }

    /// Catalogue keys of the fields that travel, by table and field.
    static let fieldKeys: [String: String] = [
        "people.nationality": "field.nationality", "people.sex": "field.sex", "people.languages": "field.languages",
        "people.flags": "field.flags", "people.arrivalDate": "field.arrival_date",
        "people.estimatedAge": "field.age_estimate", "people.consent": "field.consent",
        "people.sealed": "sync.field.personal", "cases.priority": "case.priority", "cases.stage": "case.stage",
    ]

    static func conflicts(
        _ c: PageContext, _ conflicts: [SyncConflict], labels: Labels = Labels(), resolved: Bool, error: String?
    ) -> String {
        let t = c.t
        var banner: [HNode] = []
        if resolved {
            banner.append(el("p", [attr("class", "notice"), attr("role", "status")], text: t.t("sync.resolved")))
        }
        if let error { banner.append(el("p", [attr("class", "error"), attr("role", "alert")], text: error)) }
        guard !conflicts.isEmpty else {
            return Layout.page(
                c, title: t.t("sync.conflicts.title"), banner: banner, [el("p", text: t.t("sync.conflicts.none"))])
        }
        let items = conflicts.map { conflict(c, $0, labels) }
        return Layout.page(
            c, title: t.t("sync.conflicts.title"), banner: banner,
            [el("p", text: t.t("sync.conflicts.intro"))] + items)
    }

    static func conflict(_ c: PageContext, _ conflict: SyncConflict, _ labels: Labels) -> HNode {
        let t = c.t
        let field = fieldKeys["\(conflict.table).\(conflict.field)"].map { t.t($0) } ?? conflict.field
        func shown(_ value: String) -> String {
            guard conflict.field == "nationality", let country = ReferenceData.country(value) else { return value }
            return "\(country.name.text(for: c.lang)) (\(value))"
        }
        func author(_ name: String) -> String { name == "centre" ? t.t("sync.author.centre") : name }
        let when = DateFormatter.sanadMinute
        var choices: [HNode] = []
        let sides = [conflict.current].compactMap { $0 }.map { ($0, true) } + conflict.held.map { ($0, false) }
        for (index, (side, current)) in sides.enumerated() {
            let id = "choice-\(conflict.id)-\(index)"
            choices.append(
                el(
                    "div", [attr("class", "choice")],
                    [
                        void(
                            "input",
                            [
                                attr("type", "radio"), attr("name", "choice"), attr("id", id),
                                attr("value", side.operation), .flag("checked", index == 0),
                            ]),
                        el(
                            "label", [attr("for", id)],
                            [
                                el("bdi", text: shown(side.value)), txt(" — "),
                                txt(
                                    t.t(
                                        current ? "sync.current-by" : "sync.held-by", author(side.author),
                                        isolated(when.string(from: side.at)))),
                            ]),
                    ]))
        }
        let valueID = "value-\(conflict.id)"
        let link: HNode =
            conflict.personID.map {
                el("a", [attr("href", Site.person($0))], text: labels.people[$0] ?? t.t("sync.open-person"))
            } ?? txt("")
        return el(
            "section", [attr("class", "conflict"), attr("id", "conflict-\(conflict.id)")],
            [
                el(
                    "h2", [],
                    [
                        txt(t.t("sync.field", field)), txt(" · "),
                        el("bdi", text: labels.centres[conflict.centre] ?? conflict.centre),
                    ]),
                el("p", [], [link]),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.syncConflict(conflict.id)), attr("class", "stack"),
                    ],
                    [Layout.csrfField(c)] + choices
                        + (conflict.acceptsNewValue
                            ? [
                                el("label", [attr("for", valueID)], text: t.t("sync.new-value")),
                                void("input", [attr("type", "text"), attr("name", "value"), attr("id", valueID)]),
                            ] : [])
                        + [el("button", [attr("type", "submit")], text: t.t("sync.resolve"))]),
            ])
    }
}

/// Wraps left-to-right text (a time, a code) so that an Arabic sentence around it does not reorder its parts
/// (Unicode first-strong isolate … pop directional isolate).
func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

extension DateFormatter {
    /// Times shown to people who resolve conflicts and see when the office last synchronised: UTC to the minute.
    static var sanadMinute: DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f
    }
}
