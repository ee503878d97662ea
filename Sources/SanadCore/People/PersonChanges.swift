/// A field's value before and after a change, as text for the history view.
public struct FieldChange: Codable, Sendable, Equatable {
    public let field: String
    public let old: String?
    public let new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

public enum PersonChanges {
    /// Every field as text, keyed by its form name, so that two versions compare field by field.
    public static func flatten(_ personal: PersonalData, _ facts: PersonFacts) -> [String: String] {
        var out: [String: String] = [
            PersonField.nameOriginal.rawValue: personal.nameOriginal,
            PersonField.nameLatin.rawValue: personal.nameLatin,
            PersonField.sex.rawValue: facts.sex.rawValue,
            PersonField.languages.rawValue: facts.languages.joined(separator: ", "),
            PersonField.flags.rawValue: facts.flags.map(\.rawValue).sorted().joined(separator: ", "),
            "consent": zip(ConsentAnswers.fieldNames, ConsentAnswers.keys)
                .filter { facts.consent[keyPath: $0.1] }.map(\.0).joined(separator: ", "),
            "documents": personal.documents.map { "\($0.type.rawValue) \($0.number) \($0.issuingCountry ?? "")" }
                .joined(separator: "; "),
        ]
        out[PersonField.birthDate.rawValue] = personal.birthDate
        out[PersonField.estimatedAge.rawValue] = facts.estimatedAge.map(String.init)
        out[PersonField.nationality.rawValue] = facts.nationality
        out[PersonField.phone.rawValue] = personal.phone
        out[PersonField.arrivalDate.rawValue] = facts.arrivalDate
        out[PersonField.route.rawValue] = personal.route
        out[PersonField.notes.rawValue] = personal.notes
        return out.filter { !$0.value.isEmpty }
    }

    public static func diff(
        old: (PersonalData, PersonFacts), new: (PersonalData, PersonFacts)
    ) -> [FieldChange] {
        let a = flatten(old.0, old.1)
        let b = flatten(new.0, new.1)
        return Set(a.keys).union(b.keys).sorted().compactMap { key in
            a[key] == b[key] ? nil : FieldChange(field: key, old: a[key], new: b[key])
        }
    }
}
