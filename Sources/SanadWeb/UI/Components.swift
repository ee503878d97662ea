import Plot

/// Reusable pieces of forms and lists. A field shows its error beside it and points to it with aria-describedby.
public enum Components {
    public struct Choice: Sendable {
        public let value: String
        public let label: String

        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    static func errorNode(_ name: String, _ error: String?) -> HNode? {
        error.map { el("p", [attr("class", "field-error"), attr("id", "\(name)-error")], text: $0) }
    }

    static func wrap(_ name: String, label: String, hint: String?, error: String?, control: HNode) -> HNode {
        var children: [HNode] = [el("label", [attr("for", name)], text: label)]
        if let hint { children.append(el("p", [attr("class", "hint"), attr("id", "\(name)-hint")], text: hint)) }
        if let node = errorNode(name, error) { children.append(node) }
        children.append(control)
        return el("div", [attr("class", error == nil ? "field" : "field invalid")], children)
    }

    static func describedBy(_ name: String, hint: String?, error: String?) -> Attr? {
        let ids = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        return ids.isEmpty ? nil : .value("aria-describedby", ids.joined(separator: " "))
    }

    public static func input(
        _ name: String, label: String, value: String?, type: String = "text", error: String? = nil,
        hint: String? = nil, required: Bool = false, extra: [Attr?] = [], id: String? = nil
    ) -> HNode {
        let key = id ?? name
        let control = void(
            "input",
            [
                attr("type", type), attr("id", key), attr("name", name), attr("value", value ?? ""),
                .flag("required", required), error == nil ? nil : .value("aria-invalid", "true"),
                describedBy(key, hint: hint, error: error),
            ] + extra)
        return wrap(key, label: label, hint: hint, error: error, control: control)
    }

    public static func textarea(
        _ name: String, label: String, value: String?, error: String? = nil, id: String? = nil
    ) -> HNode {
        let key = id ?? name
        let control = el(
            "textarea",
            [attr("id", key), attr("name", name), attr("rows", "4"), describedBy(key, hint: nil, error: error)],
            text: value ?? "")
        return wrap(key, label: label, hint: nil, error: error, control: control)
    }

    public static func select(
        _ name: String, label: String, choices: [Choice], selected: String?, error: String? = nil,
        blank: String? = nil, required: Bool = false, id: String? = nil
    ) -> HNode {
        let key = id ?? name
        var options: [HNode] = []
        if let blank { options.append(el("option", [attr("value", "")], text: blank)) }
        for choice in choices {
            options.append(
                el(
                    "option", [attr("value", choice.value), .flag("selected", choice.value == selected)],
                    text: choice.label))
        }
        let control = el(
            "select",
            [
                attr("id", key), attr("name", name), .flag("required", required),
                describedBy(key, hint: nil, error: error),
            ],
            options)
        return wrap(key, label: label, hint: nil, error: error, control: control)
    }

    /// Checkboxes sharing one name; the form posts every checked value.
    public static func checkboxes(
        _ name: String, legend: String, choices: [Choice], checked: Set<String>, error: String? = nil,
        id: String? = nil
    ) -> HNode {
        let key = id ?? name
        var children: [HNode] = [el("legend", text: legend)]
        if let node = errorNode(key, error) { children.append(node) }
        for (i, choice) in choices.enumerated() {
            let id = "\(key)-\(i)"
            children.append(
                el(
                    "div", [attr("class", "check")],
                    [
                        void(
                            "input",
                            [
                                attr("type", "checkbox"), attr("id", id), attr("name", name),
                                attr("value", choice.value), .flag("checked", checked.contains(choice.value)),
                            ]),
                        el("label", [attr("for", id)], text: choice.label),
                    ]))
        }
        return el("fieldset", [attr("class", error == nil ? "field" : "field invalid")], children)
    }

    public static func checkbox(_ name: String, label: String, checked: Bool) -> HNode {
        el(
            "div", [attr("class", "check")],
            [
                void(
                    "input",
                    [
                        attr("type", "checkbox"), attr("id", name), attr("name", name), attr("value", "yes"),
                        .flag("checked", checked),
                    ]),
                el("label", [attr("for", name)], text: label),
            ])
    }

    public static func submit(_ label: String) -> HNode {
        el(
            "div", [attr("class", "actions")],
            [el("button", [attr("id", "submit"), attr("type", "submit")], text: label)])
    }

    /// Shown above a form that was refused, so a screen reader hears that something needs fixing.
    public static func errorSummary(_ message: String?) -> HNode? {
        message.map { el("div", [attr("class", "error-summary"), attr("role", "alert")], [el("p", text: $0)]) }
    }

    /// A refused form's summary that says which fields, each a link to its field (issue 20, finding 17).
    public static func errorList(_ message: String, _ items: [(id: String, text: String)]) -> HNode {
        el(
            "div", [attr("class", "error-summary"), attr("role", "alert"), attr("id", "error-summary")],
            [
                el("p", text: message),
                el("ul", [], items.map { el("li", [], [el("a", [attr("href", "#\($0.id)")], text: $0.text)]) }),
            ])
    }

    public static func notice(_ message: String?) -> HNode? {
        message.map { el("div", [attr("class", "notice"), attr("role", "status")], [el("p", text: $0)]) }
    }

    public static func pagination(_ c: PageContext, page: Int, pageCount: Int, link: (Int) -> String) -> HNode {
        var items: [HNode] = []
        if page > 1 {
            items.append(el("a", [attr("rel", "prev"), attr("href", link(page - 1))], text: c.t.t("list.previous")))
        }
        items.append(el("span", text: c.t.t("list.page", String(page), String(pageCount))))
        if page < pageCount {
            items.append(el("a", [attr("rel", "next"), attr("href", link(page + 1))], text: c.t.t("list.next")))
        }
        return el("nav", [attr("class", "pagination"), attr("aria-label", c.t.t("list.pages"))], items)
    }

    public static func table(headers: [String], rows: [[HNode]], rowClass: String? = nil) -> HNode {
        el(
            "table", [],
            [
                el("thead", [], [el("tr", [], headers.map { el("th", [attr("scope", "col")], text: $0) })]),
                el(
                    "tbody", [],
                    rows.map { cells in el("tr", [attr("class", rowClass)], cells.map { el("td", [], [$0]) }) }),
            ])
    }

    public static func details(_ pairs: [(String, String?)]) -> HNode {
        el(
            "dl", [],
            pairs.compactMap { label, value -> HNode? in
                guard let value, !value.isEmpty else { return nil }
                return .group([el("dt", text: label), el("dd", text: value)])
            })
    }
}
