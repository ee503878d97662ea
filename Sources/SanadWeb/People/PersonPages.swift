import Foundation
import SanadCore
import SanadStore

/// Flags that must be seen on every page of a person, before anything else.
func flagBanner(_ c: PageContext, _ flags: Set<PersonFlag>) -> [HNode] {
    guard !flags.isEmpty else { return [] }
    let items = PersonFlag.allCases.filter(flags.contains).map { el("li", text: c.t.flag($0)) }
    return [
        el(
            "div", [attr("class", "flags"), attr("role", "note"), attr("aria-label", c.t.t("person.flags"))],
            [el("ul", [], items)])
    ]
}

public struct PersonViewPage: Sendable {
    public let record: PersonRecord
    public let centreName: String
    public let today: CivilDate
    public var notice: String?
    public var duplicates: [PossibleDuplicate] = []
    public var merges: [UUID] = []
    public var centreNames: [String: String] = [:]
    /// A field of this record was changed in two places while an office was cut off (issue 11, item 4).
    public var syncConflict = false
    /// Case, bed and referrals at a glance, for those who may see cases.
    var summary: PersonSummary?
    /// The person's documents, for those who may see them (issue 15).
    var attachments: AttachmentSection?

    init(record: PersonRecord, centreName: String, today: CivilDate, notice: String?) {
        self.record = record
        self.centreName = centreName
        self.today = today
        self.notice = notice
    }

    func syncBadge(_ c: PageContext) -> HNode? {
        guard syncConflict else { return nil }
        var parts: [HNode] = [txt(c.t.t("sync.badge"))]
        if c.may(.resolveSyncConflicts) {
            parts += [txt(" "), el("a", [attr("href", Site.syncConflicts)], text: c.t.t("nav.conflicts"))]
        }
        return el("p", [attr("class", "badge warning"), attr("id", "sync-conflict"), attr("role", "status")], parts)
    }

    func identitySection(_ c: PageContext) -> [HNode] {
        let t = c.t
        var nodes: [HNode] = []
        if let survivor = record.mergedInto {
            var banner: [HNode] = [
                el(
                    "p", [],
                    [
                        txt(t.t("match.merged-into") + " "),
                        el(
                            "a", [attr("id", "survivor-link"), attr("href", Site.person(survivor))],
                            text: t.t("match.open-survivor")),
                    ])
            ]
            if c.may(.mergePeople) {
                banner.append(
                    postButton(
                        c, Site.person(record.id, .unmerge), id: "unmerge", label: t.t("match.unmerge"),
                        other: nil))
            }
            nodes.append(el("div", [attr("class", "flags"), attr("id", "merged-banner")], banner))
            return nodes
        }
        if !merges.isEmpty {
            nodes.append(
                el(
                    "p", [attr("id", "merged-records")],
                    [txt(t.t("match.includes") + " ")]
                        + merges.map { id in
                            el(
                                "a", [attr("href", Site.person(id)), attr("class", "merged-link")],
                                text: t.t("match.merged-record"))
                        }))
        }
        guard !duplicates.isEmpty else { return nodes }
        let actions: ((PossibleDuplicate) -> HNode)? =
            c.may(.mergePeople)
            ? { d in
                d.visible
                    ? el(
                        "div", [attr("class", "inline-actions")],
                        [
                            postButton(
                                c, Site.person(record.id, .merge), id: nil, label: t.t("match.merge"),
                                other: d.id, version: record.version),
                            postButton(
                                c, Site.person(record.id, .distinct), id: nil, label: t.t("match.distinct"),
                                other: d.id),
                        ]) : txt("—")
            } : nil
        nodes.append(
            el(
                "section", [attr("id", "duplicates")],
                [
                    el("h2", text: t.t("match.title")),
                    el(
                        "p", [attr("class", "hint")],
                        text: c.may(.mergePeople) ? t.t("match.supervisor-hint") : t.t("match.caseworker-hint")),
                    DuplicateViews.table(c, duplicates, centreNames: centreNames, actions: actions),
                ]))
        return nodes
    }

    func postButton(
        _ c: PageContext, _ action: String, id: String?, label: String, other: UUID?, version: Int? = nil
    ) -> HNode {
        el(
            "form",
            [
                attr("method", "post"), attr("novalidate", "novalidate"), attr("action", action),
                attr("class", "inline"),
            ],
            [
                Layout.csrfField(c),
                other.map {
                    void("input", [attr("type", "hidden"), attr("name", "other"), attr("value", $0.uuidString)])
                } ?? .empty,
                // The survivor as the supervisor saw it: a merge over someone's newer edit is refused.
                version.map {
                    void("input", [attr("type", "hidden"), attr("name", "version"), attr("value", String($0))])
                } ?? .empty,
                el("button", [attr("type", "submit"), attr("id", id), attr("class", "small")], text: label),
            ])
    }

    /// Registered without consent to the interview: said at the top, to whoever can record it.
    func consentWarning(_ c: PageContext) -> HNode? {
        guard !record.facts.consent.interview, record.personal.erasure == nil, c.may(.updatePerson) else { return nil }
        return el(
            "div", [attr("class", "warning"), attr("id", "consent-missing"), attr("role", "status")],
            [
                el("p", text: c.t.t("consent.missing")),
                el("p", [], [el("a", [attr("href", Site.person(record.id, .edit))], text: c.t.t("consent.record"))]),
            ])
    }

    public func render(_ c: PageContext) -> String {
        let t = c.t
        let p = record.personal
        let f = record.facts
        let consentGiven = zip(ConsentAnswers.fieldNames, ConsentAnswers.keys).filter { f.consent[keyPath: $0.1] }
            .map { t.t("consent.\($0.0)") }
        let heading = el(
            "div", [attr("class", "person-heading")],
            [
                el(
                    "p", [attr("id", "person-name"), attr("class", "name"), attr("dir", "auto")],
                    text: p.erasure.map { t.t("person.erased", "\u{2066}\($0.on)\u{2069}") } ?? p.nameOriginal),
                // Latin text sits in an isolated span so the paragraph keeps the page's direction and alignment.
                el(
                    "p", [attr("class", "name-latin")],
                    [el("span", [attr("dir", "ltr"), attr("lang", "en")], text: p.nameLatin)]),
                el(
                    "p", [attr("class", "regno")],
                    [
                        el(
                            "span", [attr("id", "registration-number"), attr("dir", "ltr")],
                            text: record.registrationNumber)
                    ]),
            ])
        let details = Components.details([
            (t.t("person.sex"), t.gender(f.sex)),
            (t.t("person.birth-date"), p.birthDate),
            (
                t.t("person.age"),
                t.age(birthDate: p.birthDate, estimatedAge: f.estimatedAge, birthYear: f.birthYear, today: today)
            ),
            (t.t("person.nationality"), t.country(f.nationality)),
            (t.t("person.languages"), f.languages.map(t.languageName).joined(separator: t.listSeparator)),
            // Spellings and numbers from merged or imported records: found by search, so shown where they are.
            (t.t("person.aliases"), p.aliases.isEmpty ? nil : p.aliases.joined(separator: t.listSeparator)),
            (t.t("person.phone"), p.phone),
            (
                t.t("person.other-phones"),
                p.otherPhones.isEmpty ? nil : p.otherPhones.joined(separator: t.listSeparator)
            ),
            (
                t.t("person.documents"),
                p.documents.map { "\(t.document($0.type)) \($0.number) \(t.country($0.issuingCountry) ?? "")" }.joined(
                    separator: "; ")
            ),
            (t.t("person.centre"), centreName),
            (t.t("person.arrival-date"), f.arrivalDate),
            (t.t("person.route"), p.route),
            (t.t("person.trafficking-status"), record.traffickingStatus.map(t.traffickingStatus)),
            (
                t.t("consent.legend"),
                consentGiven.isEmpty ? t.t("consent.none") : consentGiven.joined(separator: t.listSeparator)
            ),
            // A time only beside what was agreed: "recorded" next to "none" read as a contradiction (issue 20, 8).
            (t.t("consent.recorded-at"), consentGiven.isEmpty ? nil : record.consentRecordedAt.map(t.date)),
            (t.t("person.notes"), p.notes),
        ])
        var actions: [HNode] = []
        if c.may(.updatePerson) {
            actions.append(
                el(
                    "a",
                    [
                        attr("id", "edit-person"), attr("class", "button"),
                        attr("href", Site.person(record.id, .edit)),
                    ], text: t.t("person.edit")))
        }
        if c.may(.viewScreenings) {
            actions.append(
                el(
                    "a", [attr("id", "person-screenings"), attr("href", Site.person(record.id, .screenings))],
                    text: t.t("person.screenings")))
        }
        if c.may(.viewScreenings) {
            actions.append(
                el(
                    "a",
                    [
                        attr("id", "person-vulnerability"),
                        attr("href", Site.person(record.id, .vulnerability)),
                    ], text: t.t("domv.title")))
        }
        if c.may(.viewCases) {
            actions.append(
                el(
                    "a", [attr("id", "person-cases"), attr("href", Site.person(record.id, .cases))],
                    text: t.t("person.cases")))
        }
        if c.may(.viewPersonHistory) {
            actions.append(
                el(
                    "a", [attr("id", "person-history"), attr("href", Site.person(record.id, .history))],
                    text: t.t("person.history")))
        }
        return Layout.page(
            c, title: t.t("person.view.title"), banner: flagBanner(c, f.flags),
            [Components.notice(notice), consentWarning(c), syncBadge(c), heading, summary?.render(c)].compactMap { $0 }
                + identitySection(c) + [
                    details, el("div", [attr("class", "actions")], actions), attachments?.render(c) ?? .empty,
                ])
    }
}

public struct PeopleListPage {
    let result: PeopleSearchResult
    let query: PeopleSearchQuery
    let centres: [Components.Choice]
    let centreNames: [String: String]
    public let today: CivilDate

    var page: Page<PersonRecord> { result.page }

    /// The search box, and the narrowing fields folded away until wanted (the page stays light on a poor link).
    func form(_ c: PageContext) -> HNode {
        let t = c.t
        let f = query.search.filter
        let problems = Dictionary(query.problems.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
        func problem(_ field: String) -> String? {
            problems[field].map {
                $0.code == "invalid-date"
                    ? t.t("error.invalid-date")
                    : $0.code == "out-of-range" ? t.t("people.age-range") : t.t("error.unknown-value")
            }
        }
        let narrowing: [HNode] = [
            Components.select(
                "sex", label: t.t("person.sex"), choices: Gender.allCases.map { .init($0.rawValue, t.gender($0)) },
                selected: f.sex, error: problem("sex"), blank: t.t("people.any")),
            Components.input(
                "ageFrom", label: t.t("people.age-from"), value: f.ageFrom.map(String.init), type: "number",
                error: problem("ageFrom"), extra: [attr("min", "0"), attr("max", "120")]),
            Components.input(
                "ageTo", label: t.t("people.age-to"), value: f.ageTo.map(String.init), type: "number",
                error: problem("ageTo"), extra: [attr("min", "0"), attr("max", "120")]),
            Components.select(
                "nationality", label: t.t("person.nationality"),
                choices: t.documentCountryChoices(including: f.nationality), selected: f.nationality,
                error: problem("nationality"), blank: t.t("people.any")),
            Components.input(
                "registeredFrom", label: t.t("people.registered-from"), value: f.registeredFrom?.description,
                type: "date", error: problem("registeredFrom")),
            Components.input(
                "registeredTo", label: t.t("people.registered-to"), value: f.registeredTo?.description, type: "date",
                error: problem("registeredTo")),
        ]
        return el(
            "form",
            [attr("id", "search-form"), attr("method", "get"), attr("action", Site.people), attr("role", "search")],
            [
                Components.input(
                    "q", label: t.t("people.search"), value: query.search.text, type: "search",
                    hint: t.t("people.search.hint"), extra: [attr("dir", "auto")]),
                centres.count > 1
                    ? Components.select(
                        "centre", label: t.t("person.centre"), choices: centres, selected: query.search.centre,
                        blank: t.t("people.all-centres"))
                    : .empty,
                el(
                    "details",
                    [attr("id", "narrow"), .flag("open", !f.isEmpty || !query.problems.isEmpty)],
                    [el("summary", text: t.t("people.narrow"))] + narrowing),
                el(
                    "div", [attr("class", "actions")],
                    [el("button", [attr("type", "submit")], text: t.t("people.search.submit"))]),
            ])
    }

    /// Why a person came up, in the reader's language: "Same name, other spelling · Ge'ez form".
    static func why(_ c: PageContext, _ hit: PersonHit) -> String {
        hit.reasons.map { reason in
            reason == .someParts
                ? c.t.t("search.reason.some-parts", String(hit.matchedParts), String(hit.queryParts))
                : c.t.t("search.reason.\(reason.rawValue)")
        }.joined(separator: " · ")
    }

    public func render(_ c: PageContext) -> String {
        let t = c.t
        let searching = !(query.search.text ?? "").isEmpty
        let rows: [[HNode]] = page.items.map { r in
            var row: [HNode] = [
                el(
                    "a", [attr("class", "person-link"), attr("href", Site.person(r.id))],
                    [
                        el("span", [attr("dir", "auto")], text: r.personal.nameOriginal)
                    ]),
                el("span", [attr("dir", "ltr")], text: r.personal.nameLatin),
                el("span", [attr("dir", "ltr"), attr("class", "regno")], text: r.registrationNumber),
                txt(t.gender(r.facts.sex)),
                txt(
                    t.age(
                        birthDate: r.personal.birthDate, estimatedAge: r.facts.estimatedAge,
                        birthYear: r.facts.birthYear, today: today) ?? ""),
                txt(t.country(r.facts.nationality) ?? ""),
                txt(PersonFlag.allCases.filter(r.facts.flags.contains).map(t.flag).joined(separator: t.listSeparator)),
            ]
            if searching {
                row.append(el("span", [attr("class", "why")], text: result.hits[r.id].map { Self.why(c, $0) } ?? ""))
            }
            return row
        }
        let summary = el(
            "p", [attr("class", "count"), attr("role", "status")], text: t.t("people.count", String(page.total)))
        var headers = [
            t.t("person.name-original"), t.t("person.name-latin"), t.t("person.registration-number"),
            t.t("person.sex"), t.t("person.age"), t.t("person.nationality"), t.t("person.flags"),
        ]
        if searching { headers.append(t.t("people.why")) }
        let table =
            page.items.isEmpty
            ? el("p", [attr("class", "empty")], text: t.t("people.none"))
            : Components.table(headers: headers, rows: rows, rowClass: "person-row")
        var notes: [HNode] = []
        if !result.elsewhere.isEmpty {
            let places = result.elsewhere.sorted { $0.key < $1.key }.map { centre, count in
                "\(centreNames[centre] ?? centre) (\(count))"
            }
            notes.append(
                el(
                    "p", [attr("id", "elsewhere"), attr("class", "hint")],
                    text: t.t("people.elsewhere", places.joined(separator: t.listSeparator))))
        }
        let pager = Components.pagination(c, page: page.page, pageCount: page.pageCount) { n in
            var comps = URLComponents()
            comps.path = Site.people
            comps.queryItems = [URLQueryItem(name: "page", value: String(n))] + query.items
            return comps.string ?? Site.people
        }
        var exports: [HNode] = []
        if c.may(.exportPeople) {
            func link(_ path: String, _ key: String, _ id: String) -> HNode {
                var comps = URLComponents()
                comps.path = path
                comps.queryItems = query.items.isEmpty ? nil : query.items
                return el("a", [attr("href", comps.string ?? path), attr("id", id)], text: t.t(key))
            }
            exports = [
                el(
                    "p", [attr("class", "exports")],
                    [
                        link(Site.peopleCSV, "people.export-csv", "export-csv"), txt(" · "),
                        link(Site.peopleXLSX, "people.export-xlsx", "export-xlsx"),
                    ])
            ]
        }
        return Layout.page(c, title: t.t("people.title"), [form(c), summary] + notes + [table, pager] + exports)
    }
}

public struct PersonHistoryPage: Sendable {
    public let record: PersonRecord
    public let revisions: [PersonRevisionRecord]
    public let usernames: [UUID: String]

    public func render(_ c: PageContext) -> String {
        let t = c.t
        let items: [HNode] = revisions.map { r in
            el(
                "section", [attr("class", "revision")],
                [
                    el(
                        "h2", text: t.t("history.version", String(r.version), t.date(r.at), usernames[r.actorID] ?? "—")
                    ),
                    Components.table(
                        headers: [t.t("history.field"), t.t("history.old"), t.t("history.new")],
                        rows: r.changes.map { ch in
                            [txt(t.t("field.\(ch.field)")), txt(ch.old ?? "—"), txt(ch.new ?? "—")]
                        }),
                ])
        }
        return Layout.page(
            c, title: t.t("history.title"), banner: flagBanner(c, record.facts.flags),
            [
                el(
                    "p", [],
                    [
                        el(
                            "a", [attr("href", Site.person(record.id))],
                            [el("span", [attr("dir", "auto")], text: record.personal.nameOriginal)]),
                        txt(" · "),
                        el("span", [attr("dir", "ltr"), attr("class", "regno")], text: record.registrationNumber),
                    ]),
                items.isEmpty ? el("p", text: t.t("history.none")) : .group(items),
            ])
    }
}
