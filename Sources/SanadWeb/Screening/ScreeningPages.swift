import Foundation
import SanadCore
import SanadStore

extension Catalogue {
    func answer(_ a: IndicatorAnswer) -> String { t("answer.\(a.rawValue)") }
    func dimensionStatus(_ s: DimensionStatus) -> String { t("dimension.\(s.rawValue)") }
    func conclusion(_ c: Conclusion) -> String { t("conclusion.\(c.rawValue)") }
    func strength(_ s: Strength) -> String { t("strength.\(s.rawValue)") }
    func traffickingStatus(_ s: TraffickingStatus) -> String { t("trafficking.\(s.rawValue)") }
    func organisation(_ o: DecisionOrganisation) -> String { t("organisation.\(o.rawValue)") }
}

enum ScreeningViews {
    static func personLine(_ c: PageContext, _ person: PersonRecord) -> HNode {
        el(
            "p", [attr("class", "person-line")],
            [
                el(
                    "a", [attr("href", Site.person(person.id))],
                    [el("span", [attr("dir", "auto")], text: person.personal.nameOriginal)]),
                txt(" · "),
                el("span", [attr("dir", "ltr"), attr("class", "regno")], text: person.registrationNumber),
            ])
    }

    static func provisionalWarning(_ c: PageContext, _ instrument: Instrument) -> HNode? {
        guard instrument.status == .provisional else { return nil }
        return el(
            "div", [attr("class", "flags"), attr("role", "note"), attr("id", "provisional-warning")],
            [el("p", text: c.t.t("screening.provisional"))])
    }

    /// Immediate needs come before any question (docs/screening.md §5).
    static func immediateNeeds(_ c: PageContext) -> HNode {
        el(
            "div", [attr("class", "notice"), attr("id", "immediate-needs")],
            [
                el("p", [], [el("strong", text: c.t.t("screening.immediate.title"))]),
                el("p", text: c.t.t("screening.immediate.text")),
            ])
    }
}

public struct ScreeningListPage: Sendable {
    public let person: PersonRecord
    public let screenings: [ScreeningView]
    public let history: [StatusChangeView]
    public let instruments: [Instrument]
    public var start = ScreeningStart()
    public var errors: [ScreeningStart.Field: ValidationCode] = [:]
    public let today: CivilDate
    public let defaultPlace: String

    public func render(_ c: PageContext) -> String {
        let t = c.t
        func err(_ f: ScreeningStart.Field) -> String? { errors[f].map(t.error) }
        let status = person.traffickingStatus.map(t.traffickingStatus) ?? t.t("trafficking.none")
        var content: [HNode] = [
            ScreeningViews.personLine(c, person),
            el(
                "p", [attr("id", "trafficking-status")],
                [el("strong", text: t.t("trafficking.label") + ": "), txt(status)]),
        ]
        if !history.isEmpty {
            content.append(
                el(
                    "ul", [attr("class", "status-history")],
                    history.map { h in
                        el(
                            "li",
                            text: [
                                t.date(h.at),
                                TraffickingStatus(rawValue: h.status).map(t.traffickingStatus) ?? h.status,
                                h.screeningID == nil ? t.t("trafficking.by-decision") : t.t("trafficking.by-screening"),
                                h.decisionOrganisation.flatMap(DecisionOrganisation.init(rawValue:)).map(t.organisation)
                                    ?? "",
                            ]
                            .filter { !$0.isEmpty }.joined(separator: " · "))
                    }))
        }
        content.append(el("h2", text: t.t("screening.list")))
        if screenings.isEmpty {
            content.append(el("p", text: t.t("screening.none")))
        } else {
            content.append(
                Components.table(
                    headers: [
                        t.t("screening.date"), t.t("screening.instrument"), t.t("screening.state"),
                        t.t("screening.conclusion"),
                    ],
                    rows: screenings.map { s in
                        [
                            el(
                                "a", [attr("class", "screening-link"), attr("href", Site.screening(s.id))],
                                [el("span", [attr("dir", "ltr")], text: s.date)]),
                            txt(s.instrument.title.text(for: c.lang) + " v" + s.instrument.version),
                            txt(s.completed ? t.t("screening.completed") : t.t("screening.in-progress")),
                            txt(s.completed ? t.conclusion(s.evaluation.conclusion) : "—"),
                        ]
                    }))
        }
        if c.may(.screenPerson) {
            content.append(startForm(c, err: err))
        }
        if c.may(.decideTraffickingStatus) {
            content.append(decisionForm(c))
        }
        return Layout.page(c, title: t.t("screening.title"), banner: flagBanner(c, person.facts.flags), content)
    }

    func startForm(_ c: PageContext, err: (ScreeningStart.Field) -> String?) -> HNode {
        let t = c.t
        let languages = t.languageChoices
        return el(
            "section", [attr("id", "start-screening")],
            [
                el("h2", text: t.t("screening.start")),
                ScreeningViews.immediateNeeds(c),
                Components.errorSummary(errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count))) ?? .empty,
                el(
                    "form",
                    [
                        attr("method", "post"), attr("action", Site.person(person.id, .screenings)),
                        attr("novalidate", "novalidate"),
                    ],
                    [
                        Layout.csrfField(c),
                        Components.select(
                            "instrument", label: t.t("screening.instrument"),
                            choices: instruments.map {
                                .init(
                                    $0.id,
                                    $0.title.text(for: c.lang)
                                        + ($0.status == .provisional ? " — " + t.t("screening.provisional-short") : ""))
                            },
                            selected: start.instrument ?? instruments.first?.id, error: err(.instrument), required: true
                        ),
                        Components.select(
                            "language", label: t.t("screening.language"), choices: languages,
                            selected: start.language ?? person.facts.languages.first, error: err(.language),
                            blank: t.t("form.choose"), required: true),
                        Components.input(
                            "interpreter", label: t.t("screening.interpreter"), value: start.interpreter,
                            error: err(.interpreter), hint: t.t("screening.interpreter.hint"),
                            extra: [attr("dir", "auto")]),
                        Components.input(
                            "place", label: t.t("screening.place"), value: start.place ?? defaultPlace,
                            error: err(.place), required: true, extra: [attr("dir", "auto")]),
                        Components.input(
                            "date", label: t.t("screening.date"), value: start.date ?? today.description, type: "date",
                            error: err(.date)),
                        el(
                            "fieldset", [attr("class", errors[.consent] == nil ? "field" : "field invalid")],
                            [
                                el("legend", text: t.t("consent.legend")),
                                el("p", [attr("class", "hint")], text: t.t("screening.consent.hint")),
                            ]
                                + [Components.errorNode("consent", err(.consent))].compactMap { $0 }
                                + zip(ConsentAnswers.fieldNames, ConsentAnswers.keys).map { name, key in
                                    Components.checkbox(
                                        "consent_\(name)", label: t.t("consent.\(name)"),
                                        checked: start.consent[keyPath: key])
                                }),
                        Components.submit(t.t("screening.begin")),
                    ]),
            ])
    }

    func decisionForm(_ c: PageContext) -> HNode {
        let t = c.t
        return el(
            "section", [attr("id", "decide-status")],
            [
                el("h2", text: t.t("trafficking.decide")),
                el("p", [attr("class", "hint")], text: t.t("trafficking.decide.hint")),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.person(person.id, .traffickingStatus)),
                    ],
                    [
                        Layout.csrfField(c),
                        Components.select(
                            "status", label: t.t("trafficking.label"),
                            choices: TraffickingStatusRules.directChoices(from: person.traffickingStatus).map {
                                .init($0.rawValue, t.traffickingStatus($0))
                            },
                            selected: nil, blank: t.t("form.choose"), required: true),
                        el("p", [attr("class", "hint")], text: t.t("trafficking.confirm-by-approval")),
                        Components.select(
                            "organisation", label: t.t("trafficking.organisation"),
                            choices: DecisionOrganisation.allCases.map { .init($0.rawValue, t.organisation($0)) },
                            selected: nil, blank: t.t("form.none")),
                        Components.submit(t.t("trafficking.record")),
                    ]),
            ])
    }
}

public struct InterviewPage: Sendable {
    public let person: PersonRecord
    public let screening: ScreeningView
    public let dimension: String
    public var error: String?

    public func render(_ c: PageContext) -> String {
        let t = c.t
        let instrument = screening.instrument
        // The dimension tabs are buttons of the answers' form: moving to another dimension saves what was ticked
        // (issue 20, finding 2), without JavaScript.
        let tabs = el(
            "nav", [attr("class", "tabs"), attr("aria-label", t.t("screening.dimensions"))],
            instrument.dimensions.map { d in
                let answered = instrument.indicators(in: d.id).filter { screening.answers[$0.id] != nil }.count
                let total = instrument.indicators(in: d.id).count
                return el(
                    "button",
                    [
                        attr("type", "submit"), attr("name", "action"), attr("value", "next:\(d.id)"),
                        attr("id", "tab-\(d.id)"), attr("class", "tab"),
                        d.id == dimension ? .value("aria-current", "step") : nil,
                    ],
                    text: "\(d.id) · \(d.title.text(for: c.lang)) (\(answered)/\(total))")
            })
        let current = instrument.dimensions.first { $0.id == dimension } ?? instrument.dimensions[0]
        let questions: [HNode] = instrument.indicators(in: current.id).map { ind in
            let chosen = screening.answers[ind.id]
            let name = "a:\(ind.id)"
            let options: [IndicatorAnswer] = [.yes, .no, .notAsked, .declined]
            return el(
                "fieldset", [attr("class", "indicator")],
                [
                    el("legend", text: ind.text.text(for: c.lang)),
                    ind.question.map { el("p", [attr("class", "hint")], text: $0.text(for: c.lang)) } ?? .empty,
                    el(
                        "div", [attr("class", "answers")],
                        options.enumerated().map { i, option in
                            let id = "\(ind.id)-\(i)"
                            return el(
                                "span", [attr("class", "check")],
                                [
                                    void(
                                        "input",
                                        [
                                            attr("type", "radio"), attr("id", id), attr("name", name),
                                            attr("value", option.rawValue), .flag("checked", chosen == option),
                                        ]),
                                    el("label", [attr("for", id)], text: t.answer(option)),
                                ])
                        }),
                ])
        }
        let index = instrument.dimensions.firstIndex { $0.id == current.id } ?? 0
        let next = index + 1 < instrument.dimensions.count ? instrument.dimensions[index + 1].id : nil
        var buttons: [HNode] = [
            el(
                "button", [attr("type", "submit"), attr("name", "action"), attr("value", "save"), attr("id", "save")],
                text: t.t("screening.save"))
        ]
        if let next {
            buttons.append(
                el(
                    "button",
                    [
                        attr("type", "submit"), attr("name", "action"), attr("value", "next:\(next)"),
                        attr("id", "next"),
                    ], text: t.t("screening.next", next)))
        }
        let unanswered = instrument.indicators.filter { screening.answers[$0.id] == nil }.count
        // Finishing is apart from saving and asks first: it shows what is unanswered before anything is final.
        let finish = el(
            "div", [attr("class", "finish")],
            [
                el("p", [attr("class", "hint")], text: t.t("screening.finish.hint", String(unanswered))),
                el(
                    "button",
                    [
                        attr("type", "submit"), attr("name", "action"), attr("value", "finish"),
                        attr("id", "complete"), attr("class", "secondary"),
                    ],
                    text: t.t("screening.finish")),
            ])
        return Layout.page(
            c, title: t.t("screening.interview"), banner: flagBanner(c, person.facts.flags),
            [
                ScreeningViews.personLine(c, person),
                ScreeningViews.provisionalWarning(c, instrument),
                ScreeningViews.immediateNeeds(c),
                Components.errorSummary(error),
                el("p", [attr("class", "hint")], text: t.t("screening.interview.hint")),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.screening(screening.id) + "?d=\(current.id)"),
                    ],
                    [
                        Layout.csrfField(c),
                        void(
                            "input",
                            [attr("type", "hidden"), attr("name", "version"), attr("value", String(screening.version))]),
                        // Enter submits a form with its first button: let that be Save, not the first tab.
                        el(
                            "button",
                            [
                                attr("type", "submit"), attr("name", "action"), attr("value", "save"),
                                attr("class", "visually-hidden"), attr("tabindex", "-1"), attr("aria-hidden", "true"),
                            ], text: t.t("screening.save")),
                        tabs,
                        el("h2", text: "\(current.id) · \(current.title.text(for: c.lang))"),
                    ] + questions + [el("div", [attr("class", "actions")], buttons), finish]),
            ].compactMap { $0 })
    }
}

public struct ScreeningResultPage: Sendable {
    public let person: PersonRecord
    public let screening: ScreeningView
    public let interviewer: String

    /// Each dimension with its state, every yes answer and, where undecided, what to ask next; also printed in the
    /// case file (issue 15).
    func dimensionTable(_ c: PageContext) -> HNode {
        let t = c.t
        let instrument = screening.instrument
        let evaluation = screening.evaluation
        // Every yes answer, whatever its dimension's state (a strong one under an insufficient dimension showed "—"),
        // and for an insufficient dimension the unanswered questions that could still decide it (issue 20, 5).
        func strongestFirst(_ a: Instrument.Indicator, _ b: Instrument.Indicator) -> Bool {
            a.strength.rank > b.strength.rank
        }
        let rows: [[HNode]] = instrument.dimensions.map { d in
            let status = evaluation.dimensions[d.id] ?? .negative
            let indicators = instrument.indicators(in: d.id)
            let yes = indicators.filter { (screening.answers[$0.id] ?? .unknown).isYes }.sorted(by: strongestFirst)
            let open = indicators.filter {
                let answer = screening.answers[$0.id] ?? .unknown
                return answer.couldBeYes && !answer.isYes
            }.sorted(by: strongestFirst)
            var cell: [HNode] = [
                yes.isEmpty
                    ? txt("—")
                    : el(
                        "ul", [],
                        yes.map { el("li", text: "\($0.text.text(for: c.lang)) (\(t.strength($0.strength)))") })
            ]
            if status == .insufficient && !open.isEmpty {
                cell.append(el("p", [attr("class", "hint")], text: t.t("screening.ask-next")))
                cell.append(
                    el(
                        "ul", [attr("class", "ask-next")],
                        open.prefix(5).map {
                            el("li", text: "\($0.text.text(for: c.lang)) (\(t.strength($0.strength)))")
                        }
                    ))
            }
            return [
                txt("\(d.id) · \(d.title.text(for: c.lang))"),
                el("span", [attr("class", "status-\(status.rawValue)")], text: t.dimensionStatus(status)),
                el("div", [], cell),
            ]
        }
        return Components.table(
            headers: [t.t("screening.dimension"), t.t("screening.state"), t.t("screening.indicators")], rows: rows)
    }

    public func render(_ c: PageContext) -> String {
        let t = c.t
        let instrument = screening.instrument
        let evaluation = screening.evaluation
        // Neutral whatever the result: a presumption is neither good news nor an alarm.
        let conclusionClass = "result"
        return Layout.page(
            c, title: t.t("screening.result"), banner: flagBanner(c, person.facts.flags),
            [
                ScreeningViews.personLine(c, person),
                ScreeningViews.provisionalWarning(c, instrument),
                el(
                    "div", [attr("class", conclusionClass), attr("id", "conclusion")],
                    [
                        el("p", [], [el("strong", text: t.conclusion(evaluation.conclusion))]),
                        el("p", text: t.t("screening.presumption-note")),
                        // One stage, two words: the screening's "presumed" and the status's "possible" (finding 21).
                        evaluation.conclusion == .presumedVictim
                            ? el("p", [attr("class", "hint")], text: t.t("screening.status-note")) : .empty,
                    ]),
                dimensionTable(c),
                Components.details([
                    (t.t("screening.rule.dimension"), instrument.rules.dimension.description?.text(for: c.lang)),
                    (t.t("screening.rule.conclusion"), instrument.rules.conclusion.description?.text(for: c.lang)),
                    (t.t("screening.instrument"), "\(instrument.title.text(for: c.lang)) v\(instrument.version)"),
                    (t.t("screening.date"), screening.date),
                    (t.t("screening.interviewer"), interviewer),
                    (t.t("screening.interpreter"), screening.interpreter),
                    (t.t("screening.place"), screening.place),
                    (t.t("screening.language"), t.languageName(screening.language)),
                    (
                        t.t("screening.state"),
                        screening.completed ? t.t("screening.completed") : t.t("screening.in-progress")
                    ),
                ]),
                reopen(c),
                el(
                    "p", [],
                    [el("a", [attr("href", Site.person(person.id, .screenings))], text: t.t("screening.back"))]
                ),
            ].compactMap { $0 })
    }

    /// Supervisors may reopen a completed screening; the result above stays in the history as it is.
    func reopen(_ c: PageContext) -> HNode? {
        guard screening.completed, c.may(.decideTraffickingStatus) else { return nil }
        return el(
            "form",
            [
                attr("method", "post"), attr("novalidate", "novalidate"),
                attr("action", Site.screeningReopen(screening.id)), attr("id", "reopen-form"),
            ],
            [
                Layout.csrfField(c),
                el("p", [attr("class", "hint")], text: c.t.t("screening.reopen.hint")),
                el(
                    "button", [attr("type", "submit"), attr("id", "reopen"), attr("class", "secondary")],
                    text: c.t.t("screening.reopen")),
            ])
    }
}

/// Before a screening becomes final: how much is unanswered, by dimension, and a deliberate confirmation.
struct ScreeningCompletePage {
    let person: PersonRecord
    let screening: ScreeningView

    func render(_ c: PageContext) -> String {
        let t = c.t
        let instrument = screening.instrument
        let unanswered = instrument.indicators.filter { screening.answers[$0.id] == nil }.count
        let rows: [[HNode]] = instrument.dimensions.map { d in
            let all = instrument.indicators(in: d.id)
            let open = all.filter { screening.answers[$0.id] == nil }.count
            return [
                el(
                    "a", [attr("href", Site.screening(screening.id) + "?d=\(d.id)")],
                    text: "\(d.id) · \(d.title.text(for: c.lang))"),
                txt("\(all.count - open)/\(all.count)"),
            ]
        }
        return Layout.page(
            c, title: t.t("screening.finish.title"),
            [
                ScreeningViews.personLine(c, person),
                el(
                    "div", [attr("class", unanswered > 0 ? "warning" : "notice"), attr("id", "unanswered")],
                    [
                        el(
                            "p",
                            text: unanswered > 0
                                ? t.t(
                                    "screening.finish.unanswered", String(unanswered),
                                    String(instrument.indicators.count))
                                : t.t("screening.finish.all-answered")),
                        el("p", text: t.t("screening.finish.final")),
                    ]),
                Components.table(headers: [t.t("screening.dimension"), t.t("screening.finish.answered")], rows: rows),
                el(
                    "form",
                    [
                        attr("method", "post"), attr("novalidate", "novalidate"),
                        attr("action", Site.screeningComplete(screening.id)),
                    ],
                    [
                        Layout.csrfField(c),
                        void(
                            "input",
                            [attr("type", "hidden"), attr("name", "version"), attr("value", String(screening.version))]),
                        el(
                            "div", [attr("class", "actions")],
                            [
                                el(
                                    "button", [attr("type", "submit"), attr("id", "confirm-complete")],
                                    text: t.t("screening.complete")),
                                el(
                                    "a", [attr("href", Site.screening(screening.id)), attr("id", "back-to-questions")],
                                    text: t.t("screening.finish.back")),
                            ]),
                    ]),
            ])
    }
}
