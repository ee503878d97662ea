import Foundation
import Plot

/// The Help page and the staff quick guides: plain pages that print on one A4 sheet each (`sanad.css`, `@page`).
enum HelpPages {
    static func index(_ c: PageContext) -> String {
        let t = c.t
        let items = StaffGuide.names.compactMap { name in
            StaffGuide.named(name, language: c.lang).map { guide in
                el(
                    "li", [],
                    [el("a", [attr("id", "guide-\(name)"), attr("href", Site.guide(name))], text: guide.title)])
            }
        }
        return Layout.page(
            c, title: t.t("help.title"),
            [el("p", text: t.t("help.intro")), el("ul", [attr("id", "guides")], items)])
    }

    static func guide(_ c: PageContext, name: String, guide: StaffGuide) -> String {
        let sections = guide.sections.map { section in
            el(
                "section", [],
                [el("h2", text: section.heading), el("ul", [], section.points.map { el("li", text: $0) })])
        }
        return Layout.page(
            c, title: guide.title,
            [
                el(
                    "article", [attr("class", "guide"), attr("id", "guide-\(name)")],
                    [el("p", [attr("class", "intro")], text: guide.intro)] + sections),
                el("p", [attr("class", "hint no-print")], text: c.t.t("help.print")),
                el("p", [attr("class", "print-only guide-source")], text: c.t.t("help.source")),
            ])
    }
}
