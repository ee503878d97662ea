import Foundation
import Plot
import SanadCore

/// The frame of every page: header with navigation, language switch and sign-out, then the page's content.
public enum Layout {
    public static func page(_ c: PageContext, title: String, banner: [HNode] = [], _ content: [HNode]) -> String {
        document(
            lang: c.lang, dir: c.dir,
            head: [
                void("meta", [attr("charset", "utf-8")]),
                void("meta", [attr("name", "viewport"), attr("content", "width=device-width, initial-scale=1")]),
                el("title", text: "\(title) · \(c.t.t("app.name"))"),
                void("link", [attr("rel", "stylesheet"), attr("href", Site.stylesheet)]),
            ],
            body: [
                header(c),
                el("main", [attr("id", "main")], banner + [el("h1", text: title)] + content),
                el(
                    "footer", [],
                    [
                        el("p", text: c.t.t("app.footer")),
                        c.signedIn ? el("p", [attr("class", "hint")], text: c.t.t("session.note")) : .empty,
                    ]),
                c.signedIn ? sessionWarnings(c) : .empty,
            ])
    }

    /// Warnings that appear by themselves, without JavaScript, five minutes before a page left open idles the
    /// session out and again when it has (issue 20, finding 1): `sanad.css` reveals them with delayed animations
    /// timed from when the page arrived, which is when the session was last used.
    static func sessionWarnings(_ c: PageContext) -> HNode {
        .group([
            el(
                "p", [attr("class", "session-warning soon"), attr("id", "session-warning"), attr("role", "status")],
                text: c.t.t("session.warning")),
            el(
                "p", [attr("class", "session-warning ended"), attr("id", "session-ended"), attr("role", "status")],
                text: c.t.t("session.ended-here")),
        ])
    }

    static func header(_ c: PageContext) -> HNode {
        var nav: [HNode] = []
        func link(_ id: String, _ href: String, _ key: String) {
            let current = c.path == href ? Attr.value("aria-current", "page") : nil
            nav.append(el("a", [attr("id", id), attr("href", href), current], text: c.t.t(key)))
        }
        if c.may(.listPeople) { link("nav-people", Site.people, "nav.people") }
        if c.may(.registerPerson) { link("new-person", Site.newPerson, "nav.register") }
        if c.may(.viewCases) { link("nav-work", Site.work, "nav.work") }
        if c.may(.viewCases) { link("nav-cases", Site.cases, "nav.cases") }
        if c.may(.viewReferrals) { link("nav-referrals", Site.referrals, "nav.referrals") }
        if c.may(.viewPartners) { link("nav-partners", Site.partners, "nav.partners") }
        if c.may(.viewAggregates) { link("nav-reports", Site.reports, "nav.reports") }
        if c.may(.viewEvents) { link("nav-events", Site.events, "nav.events") }
        if c.may(.importPeople) { link("nav-imports", Site.imports, "nav.imports") }
        if c.may(.manageServiceCatalogue) { link("nav-services", Site.serviceTypes, "nav.services") }
        if c.may(.manageUsers) { link("nav-users", Site.users, "nav.users") }
        if c.may(.manageCentres) { link("nav-centres", Site.centres, "nav.centres") }
        if c.may(.viewAuditTrail) { link("nav-audit", Site.audit, "nav.audit") }
        if c.may(.repairRecords) { link("nav-integrity", Site.integrity, "nav.integrity") }
        if c.may(.resolveSyncConflicts) && c.syncCentre { link("nav-conflicts", Site.syncConflicts, "nav.conflicts") }
        if c.signedIn { link("nav-account", Site.account, "nav.account") }
        link("nav-help", Site.help, "nav.help")
        var tools: [HNode] = [languageSwitch(c)]
        if c.signedIn {
            tools.append(
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.signOut),
                        attr("class", "inline"),
                    ],
                    [
                        csrfField(c),
                        el(
                            "button", [attr("id", "signout"), attr("type", "submit"), attr("class", "link")],
                            text: c.t.t("nav.signout")),
                    ]))
        }
        var parts: [HNode] = [
            el("a", [attr("class", "brand"), attr("href", Site.home)], text: c.t.t("app.name")),
            el("nav", [attr("aria-label", c.t.t("nav.label"))], nav),
            el("div", [attr("class", "tools")], tools),
        ]
        if c.signedIn, let sync = c.syncOffice {
            var line =
                sync.lastSync.map { c.t.t("sync.last", isolated(DateFormatter.sanadMinute.string(from: $0))) }
                ?? c.t.t("sync.never")
            if sync.pending > 0 { line += " · " + c.t.t("sync.waiting", String(sync.pending)) }
            parts.append(el("p", [attr("class", "sync-status"), attr("id", "sync-status")], text: line))
        }
        return el("header", [attr("class", "site")], parts)
    }

    /// A form, not links, so that switching language is a POST (it changes a remembered preference).
    static func languageSwitch(_ c: PageContext) -> HNode {
        el(
            "form",
            [
                attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.locale),
                attr("class", "inline lang-switch"),
            ],
            [
                csrfField(c),
                void("input", [attr("type", "hidden"), attr("name", "next"), attr("value", c.path)]),
                el(
                    "button",
                    [
                        attr("id", "lang-en"), attr("name", "lang"), attr("value", "en"), attr("lang", "en"),
                        attr("type", "submit"), .flag("disabled", c.lang == "en"),
                    ], text: "English"),
                el(
                    "button",
                    [
                        attr("id", "lang-ar"), attr("name", "lang"), attr("value", "ar"), attr("lang", "ar"),
                        attr("type", "submit"), .flag("disabled", c.lang == "ar"),
                    ], text: "العربية"),
            ])
    }

    public static func csrfField(_ c: PageContext) -> HNode {
        void("input", [attr("type", "hidden"), attr("name", "_csrf"), attr("value", c.csrf)])
    }
}
