import Foundation
import SanadCore

/// The second factor's pages: set-up (QR code and the secret as text), the recovery codes shown once, the code
/// asked for at sign-in, and the account page's section. All without JavaScript.
enum TwoFactorPages {
    /// The QR code as inline SVG: one path of dark squares, a quiet zone of four modules, crisp at any size.
    static func qr(_ text: String, label: String) -> HNode {
        guard let code = QRCode.encode(text) else { return .empty }
        var path = ""
        for (y, row) in code.modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        let side = code.size + 8
        return el(
            "svg",
            [
                attr("id", "two-factor-qr"), attr("xmlns", "http://www.w3.org/2000/svg"),
                attr("viewBox", "0 0 \(side) \(side)"), attr("width", "240"), attr("height", "240"),
                attr("role", "img"), attr("aria-label", label), attr("shape-rendering", "crispEdges"),
            ],
            [
                void("rect", [attr("width", String(side)), attr("height", String(side)), attr("fill", "#fff")]),
                void("path", [attr("d", path), attr("fill", "#000")]),
            ])
    }

    /// The secret in groups of four, for typing into an app by hand.
    static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map {
            let start = secret.index(secret.startIndex, offsetBy: $0)
            return String(secret[start..<secret.index(start, offsetBy: min(4, secret.count - $0))])
        }.joined(separator: " ")
    }

    static func codeInput(_ c: PageContext, error: String?, recovery: Bool) -> HNode {
        Components.input(
            "code", label: c.t.t("two-factor.code"), value: nil, error: error,
            hint: c.t.t(recovery ? "two-factor.code.hint-recovery" : "two-factor.code.hint"), required: true,
            extra: [
                attr("autocomplete", "one-time-code"), attr("dir", "ltr"), attr("inputmode", "text"),
                attr("maxlength", "12"),
            ])
    }

    static func setup(_ c: PageContext, secret: String, uri: String, error: String? = nil) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("two-factor.setup.title"),
            [
                Components.errorSummary(error),
                el("p", text: t.t("two-factor.setup.intro")),
                el("div", [attr("class", "qr")], [qr(uri, label: t.t("two-factor.qr"))]),
                el("p", text: t.t("two-factor.setup.by-hand")),
                el(
                    "p", [], [el("code", [attr("id", "two-factor-secret"), attr("dir", "ltr")], text: grouped(secret))]),
                el(
                    "form",
                    [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.twoFactorConfirm)],
                    [
                        Layout.csrfField(c), codeInput(c, error: error, recovery: false),
                        Components.submit(t.t("two-factor.setup.confirm")),
                    ]),
            ].compactMap { $0 })
    }

    static func recoveryCodes(_ c: PageContext, codes: [String]) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("two-factor.recovery.title"),
            [
                Components.notice(t.t("two-factor.on")),
                el("p", text: t.t("two-factor.recovery.intro")),
                el(
                    "ol", [attr("id", "recovery-codes"), attr("dir", "ltr")],
                    codes.map { el("li", [], [el("code", text: $0)]) }),
                el("p", [], [el("a", [attr("href", Site.account)], text: t.t("two-factor.recovery.done"))]),
            ].compactMap { $0 })
    }

    static func signInCode(
        _ c: PageContext, error: String? = nil, resume: SignInResume? = nil, next: String? = nil
    ) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("two-factor.signin.title"),
            [
                Components.errorSummary(error),
                el(
                    "form",
                    [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.signInCode)],
                    [
                        Layout.csrfField(c), codeInput(c, error: error, recovery: true),
                        Components.submit(t.t("signin.submit")),
                    ] + (resume?.hidden ?? []) + [SignInResume.nextHidden(next)].compactMap { $0 }),
            ].compactMap { $0 })
    }

    /// The account page's section: on (with recovery codes left), or a button to set it up.
    static func section(_ c: PageContext, on: Bool, required: Bool, recoveryLeft: Int) -> HNode {
        let t = c.t
        return el(
            "section", [attr("id", "two-factor")],
            [
                el("h2", text: t.t("two-factor.title")),
                on
                    ? el("p", text: t.t("two-factor.status.on", String(recoveryLeft)))
                    : el(
                        "p", [attr("class", required ? "warning" : "hint")],
                        text: t.t(required ? "two-factor.status.required" : "two-factor.status.off")),
                on
                    ? .empty
                    : el(
                        "form",
                        [attr("method", "post"), attr("novalidate", "novalidate"), attr("action", Site.twoFactor)],
                        [
                            Layout.csrfField(c),
                            el(
                                "div", [attr("class", "actions")],
                                [
                                    el(
                                        "button", [attr("id", "two-factor-start"), attr("type", "submit")],
                                        text: t.t("two-factor.setup.start"))
                                ]),
                        ]),
            ])
    }
}
