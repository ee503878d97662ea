import Foundation
import SanadCore
import SanadStore

public enum AdminPages {
    public static func users(
        _ c: PageContext, users: [AccountView], centreNames: [String: String], partnerNames: [UUID: String] = [:],
        notice: String? = nil, privilegeChanges: [PrivilegeChange] = [],
        signInAlerts: [(at: Date, account: String)] = [], lastBackup: Date? = nil, now: Date = Date(),
        twoFactorRoles: Set<Role> = [], nodes: [SyncNodeView] = []
    ) -> String {
        let backupDays = lastBackup.map { Int(now.timeIntervalSince($0) / 86400) }
        let t = c.t
        let rows: [[HNode]] = users.map { u in
            [
                el("span", [attr("dir", "ltr"), attr("class", "username")], text: u.username),
                txt(u.role.map(t.role) ?? "—"),
                txt(
                    u.partnerID.map { partnerNames[$0] ?? "" }
                        ?? u.centres.map { centreNames[$0] ?? $0 }.joined(separator: c.t.listSeparator)),
                txt(u.disabled ? t.t("users.disabled") : t.t("users.active")),
                u.role == .supervisor
                    ? el(
                        "form",
                        [
                            attr("method", "post"), attr("novalidate", "novalidate"),
                            attr("action", Site.selfApproval(u.id)),
                            attr("class", "inline"),
                        ],
                        [
                            Layout.csrfField(c),
                            void(
                                "input",
                                [
                                    attr("type", "hidden"), attr("name", "granted"),
                                    attr("value", u.selfApproval == true ? "no" : "yes"),
                                ]),
                            el(
                                "button", [attr("type", "submit")],
                                text: u.selfApproval == true
                                    ? t.t("users.self-approval.revoke") : t.t("users.self-approval.grant")),
                        ]) : .empty,
                u.twoFactor
                    ? el(
                        "form",
                        [
                            attr("method", "post"), attr("novalidate", "novalidate"),
                            attr("action", Site.twoFactorReset(u.id)),
                            attr("class", "inline"),
                        ],
                        [
                            Layout.csrfField(c),
                            el(
                                "button", [attr("type", "submit"), attr("class", "small")],
                                text: t.t("users.two-factor.reset")),
                        ]) : txt(t.t("users.two-factor.off")),
            ]
        }
        return Layout.page(
            c, title: t.t("users.title"),
            [
                Components.notice(notice),
                el(
                    "p", [attr("id", "last-backup"), attr("class", (backupDays ?? 99) > 7 ? "warning" : "hint")],
                    text: lastBackup.map {
                        c.t.t("users.last-backup", Self.minute($0), String(backupDays ?? 0))
                    } ?? c.t.t("users.no-backup")),
                signInAlerts.isEmpty
                    ? .empty
                    : el(
                        "div", [attr("id", "signin-alerts"), attr("class", "warning"), attr("role", "alert")],
                        [
                            el("p", text: t.t("users.signin-alerts"))
                        ]
                            + signInAlerts.map {
                                el(
                                    "p", [],
                                    [
                                        el("span", [attr("dir", "ltr"), attr("class", "username")], text: $0.account),
                                        txt(" · "), el("span", [attr("dir", "ltr")], text: Self.minute($0.at)),
                                    ])
                            }),
                el(
                    "p", [],
                    [
                        el(
                            "a", [attr("id", "new-user"), attr("class", "button"), attr("href", Site.newUser)],
                            text: t.t("users.new"))
                    ]),
                Components.table(
                    headers: [
                        t.t("account.username"), t.t("users.role"), t.t("users.centres"), t.t("users.status"),
                        t.t("users.self-approval"), t.t("two-factor.title"),
                    ],
                    rows: rows),
                el("h2", text: t.t("users.two-factor.policy")),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.twoFactorPolicy),
                        attr("id", "two-factor-policy"),
                    ],
                    [
                        Layout.csrfField(c),
                        el("p", [attr("class", "hint")], text: t.t("users.two-factor.policy.hint")),
                    ]
                        + Role.allCases.map { role in
                            el(
                                "label", [],
                                [
                                    void(
                                        "input",
                                        [
                                            attr("type", "checkbox"), attr("name", "roles"),
                                            attr("value", role.rawValue),
                                            twoFactorRoles.contains(role) ? attr("checked", "checked") : nil,
                                        ]), txt(" " + t.role(role)),
                                ])
                        } + [Components.submit(t.t("users.two-factor.policy.save"))]),
                el("h2", text: t.t("users.privilege-changes")),
                el("p", [attr("class", "hint")], text: t.t("users.privilege-changes.hint")),
                privilegeChanges.isEmpty
                    ? el("p", [attr("class", "hint")], text: t.t("users.privilege-changes.none"))
                    : el(
                        "div", [attr("id", "privilege-changes")],
                        [
                            Components.table(
                                headers: [
                                    t.t("audit.at"), t.t("users.privilege-changes.by"),
                                    t.t("users.privilege-changes.account"), t.t("users.privilege-changes.what"),
                                ],
                                rows: privilegeChanges.map { change in
                                    [
                                        el("span", [attr("dir", "ltr")], text: Self.minute(change.at)),
                                        change.by.map {
                                            el("span", [attr("dir", "ltr"), attr("class", "username")], text: $0)
                                        } ?? txt(t.t("users.privilege-changes.cli")),
                                        el(
                                            "span", [attr("dir", "ltr"), attr("class", "username")],
                                            text: change.account),
                                        txt(
                                            change.grant == .selfApproval
                                                ? t.t("users.privilege-changes.self-approval")
                                                : t.t(
                                                    "users.privilege-changes.personal-data",
                                                    change.role.map(t.role) ?? "—",
                                                    change.centres.map { centreNames[$0] ?? $0 }.joined(
                                                        separator: c.t.listSeparator))),
                                    ]
                                })
                        ]),
                el("h2", text: t.t("users.nodes")),
                Self.nodes(c, nodes, centreNames: centreNames),
            ].compactMap { $0 })
    }

    /// Field offices enrolled with `sanad nodes add` and their last contact (issue 11).
    static func nodes(_ c: PageContext, _ nodes: [SyncNodeView], centreNames: [String: String]) -> HNode {
        let t = c.t
        guard !nodes.isEmpty else { return el("p", [attr("class", "hint")], text: t.t("users.nodes.none")) }
        return el(
            "div", [attr("id", "field-offices")],
            [
                Components.table(
                    headers: [
                        t.t("users.nodes.name"), t.t("users.centres"), t.t("users.status"),
                        t.t("users.nodes.last-contact"),
                    ],
                    rows: nodes.map { node in
                        [
                            el("span", [attr("dir", "ltr"), attr("class", "username")], text: node.name),
                            txt(
                                node.centres.map { centreNames[$0] ?? $0 }.joined(
                                    separator: c.t.listSeparator)),
                            txt(Self.label(node.state, t)),
                            node.lastContact.map { el("span", [attr("dir", "ltr")], text: Self.minute($0)) }
                                ?? txt(t.t("users.nodes.never")),
                        ]
                    })
            ])
    }

    static func label(_ state: SyncNodeState, _ t: Catalogue) -> String {
        switch state {
        case .waiting: t.t("node.state.waiting")
        case .joined: t.t("node.state.joined")
        case .revoked: t.t("node.state.revoked")
        }
    }

    /// `2026-12-06 16:18` (UTC), as the audit page writes times.
    static func minute(_ date: Date) -> String {
        String(Date.ISO8601FormatStyle().format(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    public static func newUser(
        _ c: PageContext, centres: [Components.Choice], partners: [Components.Choice] = [], username: String = "",
        role: String? = nil,
        checked: Set<String> = [], errors: [String: String] = [:]
    ) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("users.new"),
            [
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))),
                el(
                    "form", [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.users)],
                    [
                        Layout.csrfField(c),
                        Components.input(
                            "username", label: t.t("account.username"), value: username, error: errors["username"],
                            hint: t.t("account.username.hint"), required: true, extra: [attr("dir", "ltr")]),
                        Components.input(
                            "password", label: t.t("account.password"), value: nil, type: "password",
                            error: errors["password"], hint: t.t("account.password.hint"), required: true,
                            extra: [attr("autocomplete", "new-password"), attr("dir", "ltr")]),
                        Components.select(
                            "role", label: t.t("users.role"),
                            choices: Role.allCases.map { .init($0.rawValue, t.role($0)) }, selected: role,
                            error: errors["role"], blank: t.t("form.choose"), required: true),
                        Components.checkboxes(
                            "centres", legend: t.t("users.centres"), choices: centres, checked: checked,
                            error: errors["centres"]),
                        Components.select(
                            "partner", label: t.t("users.partner"), choices: partners, selected: nil,
                            error: errors["partner"], blank: t.t("form.none")),
                        Components.submit(t.t("users.create")),
                    ]),
            ].compactMap { $0 })
    }

    public static func centres(_ c: PageContext, centres: [CentreView], notice: String? = nil) -> String {
        let t = c.t
        let rows: [[HNode]] = centres.map { ce in
            [
                el("span", [attr("dir", "ltr")], text: ce.code), el("span", [attr("dir", "ltr")], text: ce.prefix),
                txt(ce.name(for: c.lang)),
                txt(ReferenceData.state(ce.statePcode)?.name.text(for: c.lang) ?? ce.statePcode),
                el("a", [attr("href", Site.shelters(ce.code))], text: t.t("stay.occupancy-link")),
            ]
        }
        return Layout.page(
            c, title: t.t("centres.title"),
            [
                Components.notice(notice),
                el(
                    "p", [],
                    [
                        el(
                            "a",
                            [attr("id", "new-centre"), attr("class", "button"), attr("href", Site.newCentre)],
                            text: t.t("centres.new"))
                    ]),
                Components.table(
                    headers: [
                        t.t("centres.code"), t.t("centres.prefix"), t.t("centres.name"), t.t("centres.state"),
                        t.t("stay.title"),
                    ],
                    rows: rows),
            ].compactMap { $0 })
    }

    public static func newCentre(_ c: PageContext, values: [String: String] = [:], errors: [String: String] = [:])
        -> String
    {
        let t = c.t
        let states = ReferenceData.states.map { Components.Choice($0.pcode, $0.name.text(for: c.lang)) }
        return Layout.page(
            c, title: t.t("centres.new"),
            [
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))),
                el(
                    "form", [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.centres)],
                    [
                        Layout.csrfField(c),
                        Components.input(
                            "code", label: t.t("centres.code"), value: values["code"], error: errors["code"],
                            hint: t.t("centres.code.hint"), required: true, extra: [attr("dir", "ltr")]),
                        Components.input(
                            "prefix", label: t.t("centres.prefix"), value: values["prefix"], error: errors["prefix"],
                            hint: t.t("centres.prefix.hint"), required: true, extra: [attr("dir", "ltr")]),
                        Components.input(
                            "name_en", label: t.t("centres.name-en"), value: values["name_en"],
                            error: errors["name_en"], required: true, extra: [attr("dir", "ltr"), attr("lang", "en")]),
                        Components.input(
                            "name_ar", label: t.t("centres.name-ar"), value: values["name_ar"],
                            error: errors["name_ar"], required: true, extra: [attr("dir", "rtl"), attr("lang", "ar")]),
                        Components.select(
                            "state", label: t.t("centres.state"), choices: states, selected: values["state"],
                            error: errors["state"], blank: t.t("form.choose"), required: true),
                        Components.submit(t.t("centres.create")),
                    ]),
            ].compactMap { $0 })
    }

    public static func audit(
        _ c: PageContext, entries: [AuditRecord], page: Int, pageCount: Int, usernames: [String: String]
    ) -> String {
        let t = c.t
        let rows: [[HNode]] = entries.map { e in
            [
                el("span", [attr("dir", "ltr")], text: String(e.seq)), el("span", [attr("dir", "ltr")], text: e.at),
                el("span", [attr("dir", "ltr")], text: e.actorID.flatMap { usernames[$0] } ?? e.actorID ?? "—"),
                // A privilege change names both accounts: the actor beside it and the account it was given to.
                el(
                    e.action == "user.privilege" ? "strong" : "span",
                    [attr("dir", "ltr"), attr("class", e.action == "user.privilege" ? "privilege" : "action")],
                    text: e.action),
                el(
                    "span", [attr("dir", "ltr")],
                    text: e.recordType == "user"
                        ? e.recordID.flatMap { usernames[$0] }.map { "user \($0)" }
                            ?? [e.recordType, e.recordID].compactMap { $0 }.joined(separator: " ")
                        : [e.recordType, e.recordID].compactMap { $0 }.joined(separator: " ")),
                // A list's ids can run to 200; the page shows the start, the trail keeps all of it.
                el(
                    "span", [attr("dir", "ltr"), attr("class", "detail")],
                    text: (e.detail ?? "").count > 160 ? String((e.detail ?? "").prefix(160)) + "…" : e.detail ?? ""),
                el("code", [attr("dir", "ltr"), attr("title", e.hash)], text: String(e.hash.prefix(12))),
            ]
        }
        return Layout.page(
            c, title: t.t("audit.title"),
            [
                el("p", text: t.t("audit.intro")),
                Components.table(
                    headers: [
                        t.t("audit.seq"), t.t("audit.at"), t.t("audit.actor"), t.t("audit.action"), t.t("audit.record"),
                        t.t("audit.detail"), t.t("audit.hash"),
                    ], rows: rows),
                Components.pagination(c, page: page, pageCount: pageCount) { Site.audit + "?page=\($0)" },
            ])
    }
}
