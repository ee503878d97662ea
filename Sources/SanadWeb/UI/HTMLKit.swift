import Plot

/// Views build Plot nodes through these helpers. Plot escapes text but writes attribute values as given, so every
/// attribute value passes through `escapeAttribute` here; nothing else in the views writes attributes.
public typealias HNode = Node<HTML.BodyContext>

public enum Attr {
    case value(String, String)
    /// A boolean attribute (`checked`, `selected`, `required`) written only when true.
    case flag(String, Bool)
}

public func attr(_ name: String, _ value: String?) -> Attr? {
    value.map { .value(name, $0) }
}

public func el(_ name: String, _ attrs: [Attr?] = [], _ children: [HNode] = []) -> HNode {
    .element(named: name, nodes: attrs.compactMap(render) + children)
}

public func el(_ name: String, _ attrs: [Attr?] = [], text: String) -> HNode {
    el(name, attrs, [txt(text)])
}

/// Text content. Plot escapes `<` and `>` but leaves anything shaped like a character reference (`&amp;`) as it
/// is, so text typed as "A &amp; B" would show as "A & B" and lose its characters on the next save. Escaping
/// `&`, `<` and `>` here first makes every character come back exactly as typed.
public func txt(_ text: String) -> HNode {
    var out = ""
    out.reserveCapacity(text.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(ch)
        }
    }
    return .text(out)
}

/// Void elements (`input`, `meta`, `link`) have no children and no closing tag.
public func void(_ name: String, _ attrs: [Attr?]) -> HNode {
    .selfClosedElement(named: name, attributes: attrs.compactMap(renderAttribute))
}

private func render(_ attr: Attr?) -> HNode? {
    guard let attr else { return nil }
    switch attr {
    // An empty value is still written (`value=""`): an option without one would submit its label instead.
    case .value(let name, let value):
        return .attribute(named: name, value: escapeAttribute(value), ignoreIfValueIsEmpty: false)
    case .flag(let name, let on): return on ? .attribute(named: name) : nil
    }
}

private func renderAttribute(_ attr: Attr?) -> Attribute<HTML.BodyContext>? {
    guard let attr else { return nil }
    switch attr {
    case .value(let name, let value):
        return Attribute(name: name, value: escapeAttribute(value), ignoreIfValueIsEmpty: false)
    case .flag(let name, let on): return on ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : nil
    }
}

func escapeAttribute(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.count)
    for ch in value {
        switch ch {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(ch)
        }
    }
    return out
}

public func document(lang: String, dir: String, head: [HNode], body: [HNode]) -> String {
    let root = el(
        "html", [attr("lang", lang), attr("dir", dir)],
        [el("head", [], head), el("body", [], body)])
    return "<!DOCTYPE html>" + root.render()
}
