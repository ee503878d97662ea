import Foundation
import SanadCore
import SanadStore

/// The "Documents" section of a person's or a case's page: the list, the upload form and, for supervisors,
/// retraction behind a confirmation (issue 15).
struct AttachmentSection {
    let owner: AttachmentOwner
    let ownerID: UUID
    let items: [AttachmentView]
    let users: [UUID: String]
    let limitMB: Int
    let mayAdd: Bool
    /// What a new document may be about besides the record itself (its services and returns, or screenings).
    var targets: [Components.Choice] = []

    /// Isolated left to right, so "48 KB" does not read "KB 48" in an Arabic line.
    static func size(_ bytes: Int) -> String {
        let text =
            bytes < 1024 * 1024
            ? "\(max(1, bytes / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
        return "\u{2066}\(text)\u{2069}"
    }

    /// "Identity document, 48 KB" with the list comma of the page's language.
    static func kindAndSize(_ c: PageContext, _ a: AttachmentView) -> String {
        c.t.t("attachment.kind.\(a.kind.rawValue)") + c.t.listSeparator + size(a.size)
    }

    func render(_ c: PageContext) -> HNode {
        let t = c.t
        var children: [HNode] = [el("h2", text: t.t("attachment.title"))]
        if items.isEmpty {
            children.append(
                el("p", [attr("class", "hint"), attr("id", "no-attachments")], text: t.t("attachment.none")))
        } else {
            children.append(
                el(
                    "ul", [attr("class", "attachments"), attr("id", "attachment-list")],
                    items.map { item(c, $0) }))
        }
        if mayAdd { children.append(form(c)) }
        return el("section", [attr("id", "attachments"), attr("class", "case-section")], children)
    }

    func item(_ c: PageContext, _ a: AttachmentView) -> HNode {
        let t = c.t
        let who = users[a.addedBy] ?? "—"
        var parts: [HNode] = []
        if a.retractedAt == nil {
            parts.append(el("a", [attr("href", Site.attachment(a.id)), attr("dir", "auto")], text: a.name))
        } else {
            parts.append(el("del", [attr("dir", "auto")], text: a.name))
        }
        parts.append(txt(" — \(Self.kindAndSize(c, a))"))
        if a.owner != owner {
            parts.append(
                el("span", [attr("class", "hint")], text: " · " + t.t("attachment.concerns.\(a.owner.rawValue)")))
        }
        if !a.caption.isEmpty {
            parts.append(el("span", [attr("class", "caption"), attr("dir", "auto")], text: " · \(a.caption)"))
        }
        parts.append(void("br", []))
        parts.append(el("span", [attr("class", "hint")], text: t.t("attachment.added", who, t.date(a.addedAt))))
        if let retracted = a.retractedAt {
            parts.append(
                el("span", [attr("class", "hint")], text: " · " + t.t("attachment.retracted", t.date(retracted))))
        } else if c.may(.approveCases) {
            parts.append(
                CaseUI.confirmed(
                    t.t("attachment.retract"), id: "retract-\(a.id.uuidString.prefix(8))",
                    note: t.t("attachment.retract.note"),
                    [
                        CaseUI.form(
                            c, Site.retractAttachment(a.id), id: nil,
                            [CaseUI.dangerButton(t.t("attachment.retract.do"))])
                    ]))
        }
        return el("li", [], parts)
    }

    func form(_ c: PageContext) -> HNode {
        let t = c.t
        let action =
            owner == .person ? Site.person(ownerID, .attachments) : Site.kase(ownerID, .attachments)
        return el(
            "form",
            [
                attr("method", "post"), attr("action", action), attr("enctype", "multipart/form-data"),
                attr("novalidate", "novalidate"), attr("id", "attachment-form"), attr("class", "stacked"),
            ],
            [
                // The token first: the upload is read as it streams, and the form's fields arrive in this order.
                Layout.csrfField(c),
                Components.select(
                    "kind", label: t.t("attachment.kind"),
                    choices: AttachmentKind.allCases.map { .init($0.rawValue, t.t("attachment.kind.\($0.rawValue)")) },
                    selected: nil, blank: t.t("form.choose"), id: "attachment-kind"),
                targets.isEmpty
                    ? .empty
                    : Components.select(
                        "attach_to", label: t.t("attachment.about"), choices: targets, selected: nil,
                        blank: t.t("attachment.about.\(owner.rawValue)"), id: "attachment-about"),
                Components.input("caption", label: t.t("attachment.caption"), value: nil, id: "attachment-caption"),
                el(
                    "p", [],
                    [
                        el("label", [attr("for", "attachment-file")], text: t.t("attachment.file")),
                        void("br", []),
                        void(
                            "input",
                            [
                                attr("type", "file"), attr("name", "file"), attr("id", "attachment-file"),
                                attr("accept", "application/pdf,image/jpeg,image/png,text/plain"),
                            ]),
                    ]),
                el("p", [attr("class", "hint")], text: t.t("attachment.hint", String(limitMB))),
                CaseUI.button(t.t("attachment.add"), id: "attach"),
            ])
    }
}
