import Foundation
import SanadCore
import SanadStore

/// The supervisor's "to review" list (issue 11, item 4): each field changed in two places from the same value,
/// with both values, who changed them and when; keep one or enter another.
enum SyncPages {
    static func conflicts(_ c: PageContext, _ conflicts: [SyncConflict], resolved: Bool, error: String?) -> String {
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
        let items = conflicts.map { conflict(c, $0) }
        return Layout.page(
            c, title: t.t("sync.conflicts.title"), banner: banner,
            [el("p", text: t.t("sync.conflicts.intro"))] + items)
    }

    static func conflict(_ c: PageContext, _ conflict: SyncConflict) -> HNode {
        let t = c.t
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
                                el("bdi", text: side.value), txt(" — "),
                                txt(
                                    t.t(
                                        current ? "sync.current-by" : "sync.held-by", side.author,
                                        when.string(from: side.at))),
                            ]),
                    ]))
        }
        let valueID = "value-\(conflict.id)"
        let link: HNode =
            conflict.personID.map { el("a", [attr("href", Site.person($0))], text: t.t("sync.open-person")) }
            ?? txt("")
        return el(
            "section", [attr("class", "conflict"), attr("id", "conflict-\(conflict.id)")],
            [
                el("h2", [], [txt(t.t("sync.field", conflict.field)), txt(" · "), el("bdi", text: conflict.centre)]),
                el("p", [], [link]),
                el(
                    "form",
                    [attr("method", "post"), attr("action", Site.syncConflict(conflict.id)), attr("class", "stack")],
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
