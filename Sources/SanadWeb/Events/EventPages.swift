import Foundation
import SanadCore
import SanadStore

extension Catalogue {
    func eventError(_ code: EventValidationCode) -> String {
        code.validationCode.map(error) ?? t("event.error.\(code.rawValue)")
    }
}

struct EventListPage {
    let events: [EventView]
    let total: Int
    let filter: EventService.Filter
    let query: String

    func render(_ c: PageContext) -> String {
        let t = c.t
        let pageCount = max(1, (total + filter.per - 1) / filter.per)
        var content: [HNode] = []
        if c.may(.recordEvents) {
            content.append(
                el(
                    "p", [],
                    [
                        el(
                            "a", [attr("id", "new-event"), attr("class", "button"), attr("href", Site.newEvent)],
                            text: t.t("event.new"))
                    ]))
        }
        content += [
            el(
                "form", [attr("method", "get"), attr("action", Site.events), attr("class", "filters")],
                [
                    Components.input("from", label: t.t("report.from"), value: filter.from?.description, type: "date"),
                    Components.input("to", label: t.t("report.to"), value: filter.to?.description, type: "date"),
                    Components.select(
                        "state", label: t.t("event.state"),
                        choices: ReferenceData.states.map { .init($0.pcode, $0.name.text(for: c.lang)) },
                        selected: filter.state, blank: t.t("form.any")),
                    Components.select(
                        "type", label: t.t("event.type"),
                        choices: AwarenessEventType.allCases.map {
                            .init($0.rawValue, t.t("event.type.\($0.rawValue)"))
                        },
                        selected: filter.type?.rawValue, blank: t.t("form.any")),
                    el("button", [attr("type", "submit")], text: t.t("list.filter")),
                ]),
            el(
                "p", [],
                [
                    txt(t.t("list.count", String(total)) + " · "),
                    el(
                        "a", [attr("id", "events-csv"), attr("href", Site.eventsCSV + "?\(query)")],
                        text: t.t("export.csv")),
                ]),
            Components.table(
                headers: [
                    t.t("event.date"), t.t("event.title"), t.t("event.type"), t.t("event.state"),
                    t.t("event.participants"),
                ],
                rows: events.map { e in
                    [
                        CaseUI.ltr(e.startDate),
                        el("a", [attr("href", Site.event(e.id)), attr("dir", "auto")], text: e.title),
                        txt(t.t("event.type.\(e.type)")),
                        txt(ReferenceData.state(e.statePcode)?.name.text(for: c.lang) ?? e.statePcode),
                        txt(String(e.totalParticipants)),
                    ]
                }),
            Components.pagination(c, page: filter.page, pageCount: pageCount) { Site.events + "?\(query)&page=\($0)" },
        ]
        return Layout.page(c, title: t.t("event.title-list"), content)
    }
}

struct EventFormPage {
    var draft = AwarenessEventDraft()
    var errors: [EventFieldError] = []
    let centres: [Components.Choice]

    func error(_ c: PageContext, _ field: EventField) -> String? {
        errors.first { $0.field == field }.map { c.t.eventError($0.code) }
    }

    func render(_ c: PageContext) -> String {
        let t = c.t
        let localities = ReferenceData.states.flatMap { ReferenceData.localities(inState: $0.pcode) }
        var participantFields: [HNode] = []
        for group in ParticipantGroup.all {
            participantFields.append(
                Components.input(
                    group.description, label: t.t("event.cell.\(group.sex.rawValue).\(group.age.hxlAttribute)"),
                    value: draft.participants[group] ?? "0", type: "number", extra: [attr("min", "0")]))
        }
        var materialFields: [HNode] = []
        for i in 0..<3 {
            let m = i < draft.materials.count ? draft.materials[i] : MaterialDraft(kind: nil, count: nil)
            materialFields.append(
                el(
                    "div", [attr("class", "pair")],
                    [
                        Components.input(
                            "material_kind", label: t.t("event.material-kind"), value: m.kind, id: "material-kind-\(i)"),
                        Components.input(
                            "material_count", label: t.t("event.material-count"), value: m.count, type: "number",
                            extra: [attr("min", "0")], id: "material-count-\(i)"),
                    ]))
        }
        return Layout.page(
            c, title: t.t("event.new"),
            [
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))) ?? .empty,
                el("p", [attr("class", "hint")], text: t.t("event.no-personal-data")),
                CaseUI.form(
                    c, Site.events, id: "event-form",
                    [
                        Components.select(
                            "type", label: t.t("event.type"),
                            choices: AwarenessEventType.allCases.map {
                                .init($0.rawValue, t.t("event.type.\($0.rawValue)"))
                            },
                            selected: draft.type, error: error(c, .type), blank: t.t("form.choose"), required: true),
                        Components.input(
                            "title", label: t.t("event.title"), value: draft.title, error: error(c, .title),
                            required: true),
                        Components.input(
                            "start_date", label: t.t("event.start"), value: draft.startDate, type: "date",
                            error: error(c, .startDate), required: true),
                        Components.input(
                            "end_date", label: t.t("event.end"), value: draft.endDate, type: "date",
                            error: error(c, .endDate)),
                        Components.select(
                            "centre", label: t.t("case.centre"), choices: centres, selected: draft.centre,
                            error: error(c, .centre), required: true),
                        Components.select(
                            "state", label: t.t("event.state"),
                            choices: ReferenceData.states.map { .init($0.pcode, $0.name.text(for: c.lang)) },
                            selected: draft.statePcode, error: error(c, .state), blank: t.t("form.choose"),
                            required: true),
                        Components.select(
                            "locality", label: t.t("event.locality"),
                            choices: localities.map { .init($0.pcode, $0.name.text(for: c.lang)) },
                            selected: draft.localityPcode, error: error(c, .locality), blank: t.t("form.none")),
                        Components.input(
                            "partners", label: t.t("event.partners"), value: draft.partners.joined(separator: ", "),
                            error: error(c, .partners), hint: t.t("event.partners-hint")),
                        el(
                            "fieldset", [attr("class", "participants")],
                            [el("legend", text: t.t("event.participants"))]
                                + (error(c, .participants).map { [el("p", [attr("class", "field-error")], text: $0)] }
                                    ?? [])
                                + participantFields),
                        Components.input(
                            "community", label: t.t("event.community"), value: draft.community,
                            error: error(c, .community)),
                        el(
                            "fieldset", [],
                            [el("legend", text: t.t("event.materials"))]
                                + ((error(c, .materialKind) ?? error(c, .materialCount)).map {
                                    [el("p", [attr("class", "field-error")], text: $0)]
                                } ?? []) + materialFields),
                        Components.textarea(
                            "notes", label: t.t("event.notes"), value: draft.notes, error: error(c, .notes)),
                        CaseUI.button(t.t("event.save"), id: "save-event"),
                    ]),
            ])
    }
}

struct EventPage {
    let event: EventView

    func render(_ c: PageContext) -> String {
        let t = c.t
        let e = event
        return Layout.page(
            c, title: e.title,
            [
                Components.details([
                    (t.t("event.type"), t.t("event.type.\(e.type)")),
                    (t.t("event.start"), e.startDate), (t.t("event.end"), e.endDate),
                    (t.t("event.state"), ReferenceData.state(e.statePcode)?.name.text(for: c.lang) ?? e.statePcode),
                    (
                        t.t("event.locality"),
                        e.localityPcode.flatMap { code in
                            ReferenceData.localities.first { $0.pcode == code }?.name.text(for: c.lang)
                        }
                    ),
                    (t.t("case.centre"), e.centreCode),
                    (t.t("event.partners"), e.partners.joined(separator: t.listSeparator)),
                    (t.t("event.community"), e.community), (t.t("event.participants"), String(e.totalParticipants)),
                ]),
                Components.table(
                    headers: [t.t("event.group"), t.t("event.count")],
                    rows: ParticipantGroup.all.map { g in
                        [
                            txt(t.t("event.cell.\(g.sex.rawValue).\(g.age.hxlAttribute)")),
                            txt(String(e.participants[g] ?? 0)),
                        ]
                    }),
                e.materialCounts.isEmpty
                    ? .empty
                    : Components.table(
                        headers: [t.t("event.material-kind"), t.t("event.material-count")],
                        rows: e.materialCounts.map {
                            [el("span", [attr("dir", "auto")], text: $0.kind), txt(String($0.count))]
                        }),
                e.notes.map { el("p", [attr("dir", "auto")], text: $0) } ?? .empty,
            ])
    }
}
