import Foundation
import SanadCore
import SanadStore

struct ServiceCataloguePage {
    let catalogue: [ServiceKind]
    var error: String?

    func render(_ c: PageContext) -> String {
        let t = c.t
        return Layout.page(
            c, title: t.t("catalogue.title"),
            [
                Components.errorSummary(error) ?? .empty,
                Components.table(
                    headers: [t.t("cf.code"), t.t("cf.english"), t.t("cf.arabic"), t.t("cf.unit")],
                    rows: catalogue.map {
                        [
                            CaseUI.ltr($0.code), txt($0.english), el("span", [attr("lang", "ar")], text: $0.arabic),
                            txt(t.t("unit.\($0.unit)")),
                        ]
                    }),
                CaseUI.form(
                    c, Site.serviceTypes, id: "service-type-form",
                    [
                        Components.input("code", label: t.t("cf.code"), value: nil, required: true),
                        Components.input("english", label: t.t("cf.english"), value: nil, required: true),
                        Components.input("arabic", label: t.t("cf.arabic"), value: nil, required: true),
                        Components.select(
                            "unit", label: t.t("cf.unit"),
                            choices: ServiceKind.units.map { .init($0, t.t("unit.\($0)")) },
                            selected: "item"),
                        CaseUI.button(t.t("catalogue.add"), id: "add-service-type"),
                    ]),
            ])
    }
}
