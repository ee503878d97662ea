import Foundation
import SanadCore
import SanadStore

/// What an administrator sees of damaged records: the last `sanad check`, each damaged value with its
/// registration number, and the way out for each (rebuild a look-up, retire with a reason; a backup restores
/// from the server's command line, where the backups are).
enum IntegrityPages {
    static func page(
        _ c: PageContext, records: [DamagedRecordView], last: IntegrityReport?, done: Bool, error: String?
    ) -> String {
        let t = c.t
        let when = DateFormatter.sanadMinute
        var banner: [HNode] = []
        if done {
            banner.append(el("p", [attr("class", "notice"), attr("role", "status")], text: t.t("integrity.done")))
        }
        if let error { banner.append(el("p", [attr("class", "error"), attr("role", "alert")], text: error)) }
        var body: [HNode] = [el("p", text: t.t("integrity.intro"))]
        body.append(el("h2", text: t.t("integrity.last-check")))
        if let last {
            body.append(
                el(
                    "p", [attr("id", "last-check")],
                    text: t.t(
                        last.clean ? "integrity.check-clean" : "integrity.check-problems",
                        isolated(when.string(from: last.checkedAt)), String(last.findings.count))))
            body.append(summary(c, last))
        } else {
            body.append(el("p", [attr("id", "last-check")], text: t.t("integrity.no-check")))
        }
        body.append(el("h2", text: t.t("integrity.damaged")))
        let waiting = records.filter { $0.status == .damaged }
        if records.isEmpty {
            body.append(el("p", text: t.t("integrity.none")))
        } else {
            body.append(
                Components.table(
                    headers: [
                        t.t("integrity.found"), t.t("integrity.record"), t.t("integrity.kind"), t.t("integrity.where"),
                        t.t("integrity.status"), t.t("integrity.action"),
                    ],
                    rows: records.map { row(c, $0) }))
        }
        if !waiting.isEmpty { body.append(el("p", text: t.t("integrity.restore-hint"))) }
        return Layout.page(c, title: t.t("integrity.title"), banner: banner, body)
    }

    /// The last check in the page's language: one line per thing checked, then each finding by its record.
    static func summary(_ c: PageContext, _ r: IntegrityReport) -> HNode {
        let t = c.t
        let brokenAt = r.findings.first { $0.kind == "audit" }?.record
        let sections: [(String, String)] = [
            ("integrity.section.storage", r.storage == "ok" ? t.t("integrity.sound") : r.storage),
            ("integrity.section.sealed", t.t("integrity.sealed-count", String(r.sealedValues), String(r.unreadable))),
            (
                "integrity.section.indexes",
                t.t("integrity.index-count", String(r.peopleIndexed), String(r.mismatchedIndexes))
            ),
            (
                "integrity.section.audit",
                brokenAt.map { t.t("integrity.audit-broken", String(r.auditEntries), $0) }
                    ?? t.t("integrity.audit-intact", String(r.auditEntries))
            ),
            (
                "integrity.section.references",
                t.t("integrity.reference-count", String(r.referencesChecked), String(r.orphans))
            ),
        ]
        let list = el(
            "dl", [attr("class", "facts")],
            sections.flatMap { key, value in [el("dt", text: t.t(key)), el("dd", text: value)] })
        let findings = r.findings.map { f in
            el(
                "li", [],
                [
                    txt(t.t("integrity.kind.\(f.kind)") + " — "),
                    el(
                        "bdi", [attr("dir", "ltr")],
                        text: f.registrationNumber ?? [f.table, f.record].compactMap { $0 }.joined(separator: " ")),
                ])
        }
        return el("div", [attr("id", "check-report")], [list] + (findings.isEmpty ? [] : [el("ul", [], findings)]))
    }

    static func row(_ c: PageContext, _ r: DamagedRecordView) -> [HNode] {
        let t = c.t
        let record = r.registrationNumber.map { "\($0) · \(r.table)" } ?? "\(r.table) \(r.recordID.uuidString)"
        var action: [HNode] = []
        if r.status == .damaged && r.kind == .blindIndex {
            action.append(
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.rebuildDamaged(r.id)),
                    ],
                    [Layout.csrfField(c), el("button", [attr("type", "submit")], text: t.t("integrity.rebuild"))]))
        } else if r.status == .damaged {
            let field = "reason-\(r.id.uuidString)"
            action.append(
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.retireDamaged(r.id)), attr("class", "stack"),
                    ],
                    [
                        Layout.csrfField(c),
                        el("label", [attr("for", field)], text: t.t("integrity.reason")),
                        void(
                            "input",
                            [
                                attr("type", "text"), attr("name", "reason"), attr("id", field),
                                .flag("required", true),
                                attr("maxlength", "500"),
                            ]),
                        el("button", [attr("type", "submit")], text: t.t("integrity.retire")),
                    ]))
        } else if let resolution = r.resolution {
            action.append(el("bdi", text: resolution))
        }
        return [
            el("span", [], text: isolated(DateFormatter.sanadMinute.string(from: r.foundAt))),
            el("bdi", [attr("dir", "ltr")], text: record),
            el("span", text: t.t("integrity.kind.\(r.kind.rawValue)")),
            el("bdi", [attr("dir", "ltr")], text: "\(r.column) · \(r.foundIn)"),
            el("span", text: t.t("integrity.status.\(r.status.rawValue)")),
            el("div", [], action),
        ]
    }
}
