import Foundation
import SanadCore
import SanadStore

/// Registration and edit form. On a refused submission it shows the submitted values and each error by its field.
public struct PersonFormPage: Sendable {
    public var draft: PersonDraft
    public var errors: [PersonField: ValidationCode] = [:]
    public var centres: [Components.Choice]
    /// Set when editing: the record and the version the edit is based on.
    public var editing: (id: UUID, version: Int, registrationNumber: String)?
    public var conflict = false
    /// Likely existing records found before saving; the form then asks to open one or confirm a new person.
    public var duplicates: [PossibleDuplicate] = []
    public var centreNames: [String: String] = [:]

    /// The common languages, plus any the person already has, so that saving the form never drops one.
    func languageChoices(_ t: Catalogue) -> [Components.Choice] {
        let all = t.languageChoices
        let common = Array(all.prefix(12))
        let extra = all.dropFirst(12).filter { draft.languages.contains($0.value) }
        let unknown = draft.languages.filter { code in !all.contains { $0.value == code } }.map {
            Components.Choice($0, $0)
        }
        return common + extra + unknown
    }

    public func render(_ c: PageContext) -> String {
        let t = c.t
        func err(_ f: PersonField) -> String? { errors[f].map(t.error) }
        let action = editing.map { Site.person($0.id, .edit) } ?? Site.people
        let summary: String? =
            conflict ? t.t("person.conflict") : (errors.isEmpty ? nil : t.t("form.has-errors", String(errors.count)))
        let doc = draft.documents.first
        var fields: [HNode] = [Layout.csrfField(c)]
        if !duplicates.isEmpty {
            fields.append(void("input", [attr("type", "hidden"), attr("name", "confirmed_new"), attr("value", "yes")]))
        }
        if let editing {
            fields.append(
                void(
                    "input", [attr("type", "hidden"), attr("name", "version"), attr("value", String(editing.version))]))
        }
        fields += [
            el(
                "fieldset", [],
                [
                    el("legend", text: t.t("person.section.identity")),
                    Components.input(
                        "name_original", label: t.t("person.name-original"), value: draft.nameOriginal,
                        error: err(.nameOriginal), hint: t.t("person.name-original.hint"), required: true,
                        extra: [attr("dir", "auto"), attr("autocomplete", "off")]),
                    Components.input(
                        "name_latin", label: t.t("person.name-latin"), value: draft.nameLatin, error: err(.nameLatin),
                        hint: t.t("person.name-latin.hint"), extra: [attr("dir", "ltr"), attr("autocomplete", "off")]),
                    Components.select(
                        "sex", label: t.t("person.sex"),
                        choices: Gender.allCases.map { .init($0.rawValue, t.gender($0)) },
                        selected: draft.sex, error: err(.sex), blank: t.t("form.choose"), required: true),
                    Components.input(
                        "birth_date", label: t.t("person.birth-date"), value: draft.birthDate, type: "date",
                        error: err(.birthDate), hint: t.t("person.birth-date.hint")),
                    Components.input(
                        "age_estimate", label: t.t("person.age-estimate"), value: draft.estimatedAge, type: "number",
                        error: err(.estimatedAge), extra: [attr("min", "0"), attr("max", "120")]),
                    Components.select(
                        "nationality", label: t.t("person.nationality"), choices: t.countryChoices,
                        selected: draft.nationality, error: err(.nationality), blank: t.t("form.unknown")),
                    Components.checkboxes(
                        "languages", legend: t.t("person.languages"), choices: languageChoices(t),
                        checked: Set(draft.languages), error: err(.languages)),
                ]),
            el(
                "fieldset", [],
                [
                    el("legend", text: t.t("person.section.contact")),
                    Components.input(
                        "phone", label: t.t("person.phone"), value: draft.phone, type: "tel", error: err(.phone),
                        extra: [attr("dir", "ltr")]),
                    Components.select(
                        "document_type", label: t.t("person.document-type"),
                        choices: DocumentType.allCases.map { .init($0.rawValue, t.document($0)) },
                        selected: doc?.type, error: err(.documentType), blank: t.t("form.none")),
                    Components.input(
                        "document_number", label: t.t("person.document-number"), value: doc?.number,
                        error: err(.documentNumber), extra: [attr("dir", "ltr")]),
                    Components.select(
                        "document_country", label: t.t("person.document-country"),
                        choices: t.documentCountryChoices(including: doc?.issuingCountry),
                        selected: doc?.issuingCountry, error: err(.documentCountry), blank: t.t("form.unknown")),
                ]),
            el(
                "fieldset", [],
                [
                    el("legend", text: t.t("person.section.arrival")),
                    editing == nil
                        ? Components.select(
                            "centre", label: t.t("person.centre"), choices: centres, selected: draft.centre,
                            error: err(.centre), required: true)
                        : el(
                            "p", [],
                            [
                                txt(t.t("person.registration-number") + ": "),
                                el("span", [attr("dir", "ltr")], text: editing?.registrationNumber ?? ""),
                            ]),
                    Components.input(
                        "arrival_date", label: t.t("person.arrival-date"), value: draft.arrivalDate, type: "date",
                        error: err(.arrivalDate)),
                    Components.textarea("route", label: t.t("person.route"), value: draft.route, error: err(.route)),
                ]),
            Components.checkboxes(
                "flags", legend: t.t("person.flags"),
                choices: PersonFlag.allCases.map { .init($0.rawValue, t.flag($0)) },
                checked: Set(draft.flags), error: err(.flags)),
            el(
                "fieldset", [],
                [
                    el("legend", text: t.t("consent.legend")),
                    el("p", [attr("class", "hint")], text: t.t("consent.hint")),
                ]
                    + zip(ConsentAnswers.fieldNames, ConsentAnswers.keys).map { name, key in
                        Components.checkbox(
                            "consent_\(name)", label: t.t("consent.\(name)"), checked: draft.consent[keyPath: key])
                    }),
            Components.textarea("notes", label: t.t("person.notes"), value: draft.notes, error: err(.notes)),
            // New at every rendering: a double click sends the same key twice (`OnceForms`).
            editing == nil
                ? void(
                    "input",
                    [attr("type", "hidden"), attr("name", OnceFormsField.name), attr("value", UUID().uuidString)])
                : .empty,
            Components.submit(
                editing != nil
                    ? t.t("form.save") : (duplicates.isEmpty ? t.t("person.register") : t.t("match.register-anyway"))),
        ]
        let title = editing == nil ? t.t("person.new.title") : t.t("person.edit.title")
        return Layout.page(
            c, title: title,
            [
                errors.isEmpty || conflict
                    ? Components.errorSummary(summary)
                    : Components.errorList(
                        summary ?? "",
                        PersonField.allCases.compactMap { field in
                            errors[field].map { code in
                                let label = t.t("person.\(field.rawValue.replacingOccurrences(of: "_", with: "-"))")
                                return (id: field.rawValue, text: "\(label): \(t.error(code))")
                            }
                        }),
                duplicates.isEmpty ? nil : DuplicateViews.registrationPanel(c, duplicates, centreNames: centreNames),
                el("form", [attr("method", "post"), attr("action", action), attr("novalidate", "novalidate")], fields),
            ].compactMap { $0 })
    }
}
