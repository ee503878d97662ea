import Foundation
import Plot
import SanadCore

public enum AccountPages {
    static func signIn(
        _ c: PageContext, username: String = "", error: String? = nil, notice: String? = nil,
        resume: SignInResume? = nil, next: String? = nil
    ) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("signin.title"),
            [
                Components.notice(notice),
                Components.errorSummary(error),
                el(
                    "form", [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.signIn)],
                    [
                        Layout.csrfField(c),
                        Components.input(
                            "username", label: t.t("account.username"), value: username, required: true,
                            extra: [attr("autocomplete", "username"), attr("dir", "ltr")]),
                        Components.input(
                            "password", label: t.t("account.password"), value: nil, type: "password", required: true,
                            extra: [attr("autocomplete", "current-password"), attr("dir", "ltr")]),
                        Components.submit(t.t("signin.submit")),
                    ] + (resume?.hidden ?? []) + [SignInResume.nextHidden(next)].compactMap { $0 }),
            ].compactMap { $0 })
    }

    /// After signing in again: the form kept from before the session ended, sent by the user's own click.
    static func resume(_ c: PageContext, _ resume: SignInResume) -> String {
        let t = c.t
        let filled = resume.fields.filter { !$0.1.trimmingCharacters(in: .whitespaces).isEmpty }.count
        return Layout.page(
            c, title: t.t("signin.resume.title"),
            [
                el("p", text: t.t("signin.resume.intro", String(filled))),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"), attr("action", resume.action),
                        attr("id", "resume-form"),
                    ],
                    [Layout.csrfField(c)]
                        + resume.fields.map { name, value in
                            void("input", [attr("type", "hidden"), attr("name", name), attr("value", value)])
                        }
                        + [
                            el(
                                "div", [attr("class", "actions")],
                                [
                                    el(
                                        "button", [attr("id", "resume-send"), attr("type", "submit")],
                                        text: t.t("signin.resume.send")),
                                    el("a", [attr("href", Site.home)], text: t.t("signin.resume.drop")),
                                ])
                        ]),
            ])
    }

    public static func setup(_ c: PageContext, token: String, username: String = "", errors: [String: String] = [:])
        -> String
    {
        let t = c.t
        return Layout.page(
            c, title: t.t("setup.title"),
            [
                el("p", text: t.t("setup.intro")),
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))),
                el(
                    "form",
                    [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.setup(token))],
                    [
                        Layout.csrfField(c),
                        Components.input(
                            "username", label: t.t("account.username"), value: username, error: errors["username"],
                            hint: t.t("account.username.hint"), required: true, extra: [attr("dir", "ltr")]),
                        Components.input(
                            "password", label: t.t("account.password"), value: nil, type: "password",
                            error: errors["password"], hint: t.t("account.password.hint"), required: true,
                            extra: [attr("autocomplete", "new-password"), attr("dir", "ltr")]),
                        Components.input(
                            "password_confirm", label: t.t("account.password-confirm"), value: nil, type: "password",
                            error: errors["password_confirm"], required: true,
                            extra: [attr("autocomplete", "new-password"), attr("dir", "ltr")]),
                        Components.submit(t.t("setup.submit")),
                    ].compactMap { $0 }),
            ].compactMap { $0 })
    }

    public static func setupInvalid(_ c: PageContext) -> String {
        Layout.page(
            c, title: c.t.t("setup.title"),
            [
                el("p", [attr("id", "setup-invalid"), attr("class", "error-summary")], text: c.t.t("setup.invalid")),
                el("p", [], [el("a", [attr("href", Site.signIn)], text: c.t.t("signin.title"))]),
            ])
    }

    public static func home(_ c: PageContext, centres: [String]) -> String {
        let t = c.t
        var items: [HNode] = []
        if c.may(.listPeople) {
            items.append(el("li", [], [el("a", [attr("href", Site.people)], text: t.t("nav.people"))]))
        }
        if c.may(.registerPerson) {
            items.append(el("li", [], [el("a", [attr("href", Site.newPerson)], text: t.t("nav.register"))]))
        }
        if c.may(.manageUsers) {
            items.append(el("li", [], [el("a", [attr("href", Site.users)], text: t.t("nav.users"))]))
        }
        if c.may(.manageCentres) {
            items.append(el("li", [], [el("a", [attr("href", Site.centres)], text: t.t("nav.centres"))]))
        }
        if c.may(.viewAuditTrail) {
            items.append(el("li", [], [el("a", [attr("href", Site.audit)], text: t.t("nav.audit"))]))
        }
        for (action, href, key) in [
            (Action.viewCases, Site.work, "nav.work"), (.viewReferrals, Site.referrals, "nav.referrals"),
            (.viewAggregates, Site.reports, "nav.reports"), (.viewEvents, Site.events, "nav.events"),
        ] where c.may(action) {
            items.append(el("li", [], [el("a", [attr("href", href)], text: t.t(key))]))
        }
        return Layout.page(
            c, title: t.t("home.title"),
            [
                el("p", text: t.t("home.welcome", c.username ?? "", c.role.map(t.role) ?? "")),
                centres.isEmpty
                    ? .empty : el("p", text: t.t("home.centres", centres.joined(separator: t.listSeparator))),
                el("ul", [attr("class", "menu")], items),
            ])
    }

    public static func account(
        _ c: PageContext, errors: [String: String] = [:], notice: String? = nil, twoFactor: HNode = .empty
    ) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("account.title"),
            [
                Components.notice(notice),
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))),
                el("h2", text: t.t("account.change-password")),
                el(
                    "form",
                    [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.accountPassword)],
                    [
                        Layout.csrfField(c),
                        Components.input(
                            "current_password", label: t.t("account.current-password"), value: nil, type: "password",
                            error: errors["current_password"], required: true,
                            extra: [attr("autocomplete", "current-password"), attr("dir", "ltr")]),
                        Components.input(
                            "password", label: t.t("account.new-password"), value: nil, type: "password",
                            error: errors["password"], hint: t.t("account.password.hint"), required: true,
                            extra: [attr("autocomplete", "new-password"), attr("dir", "ltr")]),
                        Components.input(
                            "password_confirm", label: t.t("account.password-confirm"), value: nil, type: "password",
                            error: errors["password_confirm"], required: true,
                            extra: [attr("autocomplete", "new-password"), attr("dir", "ltr")]),
                        Components.submit(t.t("account.change-password")),
                    ]),
                twoFactor,
            ].compactMap { $0 })
    }

    public static func error(_ c: PageContext, status: Int, message: String) -> String {
        Layout.page(
            c, title: c.t.t("error.title"),
            [
                el(
                    "div", [attr("id", "error-page"), attr("class", "error-summary")],
                    [el("p", text: message), el("p", text: "HTTP \(status)")]),
                el("p", [], [el("a", [attr("href", Site.home)], text: c.t.t("error.home"))]),
            ])
    }
}
