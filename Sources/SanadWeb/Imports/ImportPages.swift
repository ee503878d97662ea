import Foundation
import SanadCore
import SanadStore

/// The import wizard's pages (issue 14): upload, columns, preview, and a batch with its held rows and undo.
enum ImportPages {
    static func list(_ c: PageContext, batches: [ImportBatchView], centres: [String], error: String?) -> String {
        let t = c.t
        var body: [HNode] = [el("p", text: t.t("import.intro"))]
        if let summary = Components.errorSummary(error) { body.insert(summary, at: 0) }
        body.append(
            el(
                "form",
                [
                    attr("method", "post"), attr("action", Site.imports), attr("enctype", "multipart/form-data"),
                    attr("id", "import-upload"), attr("class", "stacked"), attr("novalidate", "novalidate"),
                ],
                [
                    Layout.csrfField(c),
                    Components.select(
                        "centre", label: t.t("import.centre"), choices: centres.map { .init($0, $0) },
                        selected: centres.first, id: "import-centre"),
                    el(
                        "p", [],
                        [
                            el("label", [attr("for", "import-file")], text: t.t("import.file")), void("br", []),
                            void(
                                "input",
                                [
                                    attr("type", "file"), attr("name", "file"), attr("id", "import-file"),
                                    attr("accept", ".csv,.txt,.xlsx,text/csv"),
                                ]),
                        ]),
                    Components.input(
                        "sheet", label: t.t("import.sheet"), value: nil, hint: t.t("import.sheet.hint"),
                        id: "import-sheet"),
                    el("p", [attr("class", "hint")], text: t.t("import.file.hint")),
                    CaseUI.button(t.t("import.upload"), id: "import-upload-button"),
                ]))
        body.append(el("h2", text: t.t("import.batches")))
        if batches.isEmpty {
            body.append(el("p", [attr("id", "no-imports")], text: t.t("import.no-batches")))
        } else {
            body.append(
                Components.table(
                    headers: [t.t("import.when"), t.t("import.centre"), t.t("import.rows"), t.t("import.waiting"), ""],
                    rows: batches.map { b in
                        [
                            txt(t.date(b.createdAt)), el("bdi", text: b.centre), txt(String(b.rowCount)),
                            txt(b.undoneAt == nil ? String(b.waiting) : t.t("import.undone")),
                            el("a", [attr("href", Site.importBatch(b.id))], text: t.t("import.open")),
                        ]
                    }))
        }
        return Layout.page(c, title: t.t("import.title"), body)
    }

    static func fieldChoices(_ c: PageContext) -> [Components.Choice] {
        ImportField.allCases.map { .init($0.rawValue, c.t.t("import.field.\($0.rawValue)")) }
            + [.init("notes", c.t.t("import.field.into-notes")), .init("ignore", c.t.t("import.field.ignore"))]
    }

    /// Step 2: each column with its first values and the field it fills.
    static func columns(
        _ c: PageContext, pending: UUID, file: ImportFile, mapping: ImportMapping, error: String?
    ) -> String {
        let t = c.t
        var body: [HNode] = []
        if let summary = Components.errorSummary(error) { body.append(summary) }
        body.append(el("p", text: t.t("import.columns.intro", String(file.rows.count))))
        let choices = fieldChoices(c)
        let rows: [[HNode]] = file.header.indices.map { index in
            let samples = file.rows.prefix(3).map { index < $0.count ? $0[index] : "" }.filter { !$0.isEmpty }
            return [
                el("bdi", [attr("dir", "auto")], text: file.header[index]),
                el("span", [attr("dir", "auto"), attr("class", "hint")], text: samples.joined(separator: " · ")),
                Components.select(
                    "column-\(index)", label: t.t("import.column-field", file.header[index]), choices: choices,
                    selected: mapping.formValue(index), id: "column-\(index)"),
            ]
        }
        body.append(
            CaseUI.form(
                c, Site.importPreview(pending), id: "import-columns",
                [
                    Components.table(
                        headers: [t.t("import.column"), t.t("import.samples"), t.t("import.field")], rows: rows),
                    CaseUI.button(t.t("import.preview"), id: "import-preview-button"),
                ]))
        return Layout.page(c, title: t.t("import.columns.title"), body)
    }

    /// Step 3: what the import would do, row by row for the first rows, and the counts for all.
    static func preview(
        _ c: PageContext, pending: UUID, file: ImportFile, mapping: ImportMapping, report: ImportReport,
        error: String?
    ) -> String {
        let t = c.t
        var body: [HNode] = []
        if let summary = Components.errorSummary(error) { body.append(summary) }
        if report.alreadyImported, let batch = report.batchID {
            body.append(
                el(
                    "p", [attr("class", "notice"), attr("id", "already-imported")],
                    [
                        txt(t.t("import.already") + " "),
                        el("a", [attr("href", Site.importBatch(batch))], text: t.t("import.open")),
                    ]))
        }
        body.append(counts(c, report))
        if !report.unmappedColumns.isEmpty {
            body.append(
                el(
                    "p", [attr("id", "unmapped")],
                    text: t.t(
                        "import.unmapped", report.unmappedColumns.map(isolated).joined(separator: t.listSeparator))))
        }
        body.append(el("h2", text: t.t("import.first-rows")))
        body.append(rowsTable(c, Array(report.rows.prefix(20))))
        var hidden: [HNode] = file.header.indices.map {
            void("input", [attr("type", "hidden"), attr("name", "column-\($0)"), attr("value", mapping.formValue($0))])
        }
        if !report.alreadyImported {
            if report.count(.rejected) > 0 {
                hidden.append(Components.checkbox("import_good_rows", label: t.t("import.good-rows"), checked: false))
            }
            hidden.append(CaseUI.button(t.t("import.run", String(file.rows.count)), id: "import-run-button"))
            body.append(CaseUI.form(c, Site.importRun(pending), id: "import-run", hidden))
        }
        body.append(el("p", [], [el("a", [attr("href", Site.importPending(pending))], text: t.t("import.change"))]))
        return Layout.page(c, title: t.t("import.preview.title"), body)
    }

    static func counts(_ c: PageContext, _ report: ImportReport) -> HNode {
        el(
            "dl", [attr("class", "facts"), attr("id", "import-counts")],
            report.counts.flatMap { outcome, count in
                [el("dt", text: c.t.t("import.outcome.\(outcome.rawValue)")), el("dd", text: String(count))]
            })
    }

    static func rowsTable(_ c: PageContext, _ rows: [ImportReportRow], batch: UUID? = nil) -> HNode {
        let t = c.t
        let table = Components.table(
            headers: [t.t("import.row"), t.t("import.outcome"), t.t("import.reason")],
            rows: rows.map { row in
                var outcome: [HNode] = [txt(t.t("import.outcome.\(row.outcome.rawValue)"))]
                if let batch, row.outcome == .heldForReview, !row.decided {
                    outcome.append(txt(" · "))
                    outcome.append(
                        el("a", [attr("href", Site.importRow(batch, row.row))], text: t.t("import.review")))
                } else if let person = row.personID, row.outcome != .rejected, batch != nil {
                    outcome.append(txt(" · "))
                    outcome.append(el("a", [attr("href", Site.person(person))], text: t.t("import.person")))
                }
                return [
                    txt(String(row.row)), el("span", [], outcome),
                    el("span", [attr("class", "hint")], text: ImportReasonText.text(row, t)),
                ]
            })
        return el("div", [attr("class", "import-rows")], [table])
    }

    /// Held rows are shown a page at a time from `from` (a register can hold thousands for review).
    static func batch(
        _ c: PageContext, view: ImportBatchView, report: ImportReport, notice: String?, error: String?, from: Int = 0
    ) -> String {
        let t = c.t
        var body: [HNode] = []
        if let summary = Components.errorSummary(error) { body.append(summary) }
        if let notice = Components.notice(notice) { body.append(notice) }
        body.append(
            el(
                "p", [attr("id", "batch-facts")],
                text: t.t(
                    "import.batch.facts", isolated(t.date(view.createdAt)), isolated(view.centre),
                    isolated(String(view.rowCount)))))
        if let undone = view.undoneAt {
            body.append(
                el(
                    "p", [attr("class", "notice"), attr("id", "batch-undone")],
                    text: t.t("import.undone-at", t.date(undone))))
        }
        body.append(counts(c, report))
        body.append(
            el(
                "p", [],
                [
                    el(
                        "a", [attr("href", Site.importReport(view.id)), attr("id", "import-report")],
                        text: t.t("import.report"))
                ]))
        // A register of 15,000 rows must not make a page of 15,000 rows: the first of each kind that needs a person,
        // the rest in the report.
        let shown = 100
        let held = report.rows.filter { $0.outcome == .heldForReview && !$0.decided }
        if !held.isEmpty {
            let start = min(max(from, 0), (held.count - 1) / shown * shown)
            let end = min(start + shown, held.count)
            body.append(el("h2", [attr("id", "held")], text: t.t("import.held", String(held.count))))
            body.append(rowsTable(c, Array(held[start..<end]), batch: view.id))
            if held.count > shown {
                var links: [HNode] = [
                    .text(t.t("import.held.showing", String(start + 1), String(end), String(held.count)) + " ")
                ]
                if start > 0 {
                    let href = Site.importBatch(view.id) + "?from=\(start - shown)#held"
                    links.append(
                        el("a", [attr("href", href), attr("id", "held-previous")], text: t.t("import.held.previous")))
                    links.append(.text(" "))
                }
                if end < held.count {
                    let href = Site.importBatch(view.id) + "?from=\(end)#held"
                    links.append(el("a", [attr("href", href), attr("id", "held-next")], text: t.t("import.held.next")))
                }
                body.append(el("p", [attr("class", "hint")], links))
            }
        }
        let rejected = report.rows.filter { $0.outcome == .rejected }
        if !rejected.isEmpty {
            body.append(el("h2", [attr("id", "rejected")], text: t.t("import.rejected", String(rejected.count))))
            body.append(rowsTable(c, Array(rejected.prefix(shown)), batch: view.id))
            if rejected.count > shown {
                body.append(el("p", [attr("class", "hint")], text: t.t("import.more", String(shown))))
            }
        }
        if view.undoneAt == nil {
            body.append(
                CaseUI.confirmed(
                    t.t("import.undo"), id: "import-undo", note: t.t("import.undo.note"),
                    [
                        CaseUI.form(
                            c, Site.importUndo(view.id), id: nil,
                            [CaseUI.dangerButton(t.t("import.undo.do"), id: "import-undo-button")])
                    ]))
        }
        return Layout.page(c, title: t.t("import.batch.title"), body)
    }

    /// A held row beside the person it may be: a supervisor decides.
    static func review(
        _ c: PageContext, batch: UUID, row: ImportReportRow, held: ValidPerson, candidate: PersonRecord?
    ) -> String {
        let t = c.t
        func facts(_ personal: PersonalData, _ facts: PersonFacts, number: String?) -> HNode {
            Components.details(
                [
                    (t.t("import.registration-number"), number),
                    (t.t("field.name_original"), personal.nameOriginal),
                    (t.t("field.name_latin"), personal.nameLatin),
                    (
                        t.t("import.other-names"),
                        personal.aliases.isEmpty ? nil : personal.aliases.joined(separator: t.listSeparator)
                    ),
                    (t.t("field.sex"), t.t("sex.\(facts.sex.rawValue)")),
                    (t.t("field.birth_date"), personal.birthDate ?? facts.birthYear.map { String($0) }),
                    (t.t("field.nationality"), facts.nationality.map { t.country($0) ?? $0 }),
                    (t.t("field.phone"), personal.phone),
                    (t.t("field.documents"), personal.documents.map(\.number).joined(separator: t.listSeparator)),
                ])
        }
        var body: [HNode] = [el("p", [attr("class", "hint")], text: ImportReasonText.text(row, t))]
        var sides: [HNode] = [
            el(
                "section", [attr("id", "held-row")],
                [
                    el("h2", text: t.t("import.review.row", String(row.row))),
                    facts(held.personal, held.facts, number: nil),
                ])
        ]
        if let candidate {
            sides.append(
                el(
                    "section", [attr("id", "candidate")],
                    [
                        el("h2", text: t.t("import.review.candidate")),
                        facts(candidate.personal, candidate.facts, number: candidate.registrationNumber),
                    ]))
        }
        body.append(el("div", [attr("class", "compare")], sides))
        body.append(
            CaseUI.form(
                c, Site.importRow(batch, row.row), id: "import-decide",
                [
                    CaseUI.button(t.t("import.review.same"), name: "decision", value: "same", id: "decide-same"),
                    CaseUI.button(
                        t.t("import.review.different"), name: "decision", value: "different", id: "decide-different"),
                ]))
        return Layout.page(c, title: t.t("import.review.title"), body)
    }
}
