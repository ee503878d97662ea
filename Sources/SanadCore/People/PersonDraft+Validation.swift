/// A draft that passed validation, split into what is encrypted and what stays in clear.
public struct ValidPerson: Sendable, Equatable {
    public var personal: PersonalData
    public var facts: PersonFacts
    public var centre: String

    public init(personal: PersonalData, facts: PersonFacts, centre: String) {
        self.personal = personal
        self.facts = facts
        self.centre = centre
    }
}

/// Every field that was refused, in form order.
public struct ValidationFailure: Error, Equatable, Sendable {
    public let errors: [FieldError]
}

extension PersonDraft {
    static let maxNameLength = 200
    static let maxRouteLength = 500
    static let maxNotesLength = 5000
    static let maxAge = 120

    /// Checks every field and reports every problem at once, so a form can show them all beside their fields.
    public func validate(today: CivilDate) -> Result<ValidPerson, ValidationFailure> {
        var errors: [FieldError] = []
        func check(_ condition: Bool, _ field: PersonField, _ code: ValidationCode) {
            if !condition { errors.append(FieldError(field, code)) }
        }

        let original = PersonDraft.tidy(nameOriginal)
        check(original != nil, .nameOriginal, .required)
        check((original?.count ?? 0) <= PersonDraft.maxNameLength, .nameOriginal, .tooLong)
        var latin = PersonDraft.tidy(nameLatin)
        check((latin?.count ?? 0) <= PersonDraft.maxNameLength, .nameLatin, .tooLong)
        if latin == nil, let original { latin = Transliteration.suggestLatin(original) }

        let gender = PersonDraft.tidy(sex).flatMap(Gender.init(rawValue:))
        check(PersonDraft.tidy(sex) != nil, .sex, .required)
        check(PersonDraft.tidy(sex) == nil || gender != nil, .sex, .unknownValue)

        let birth = validateDate(birthDate, .birthDate, today: today, errors: &errors)
        var age: Int?
        if let text = PersonDraft.tidy(estimatedAge) {
            if let value = Int(text) {
                age = value
                check((0...PersonDraft.maxAge).contains(value), .estimatedAge, .outOfRange)
            } else {
                errors.append(FieldError(.estimatedAge, .invalidNumber))
            }
        }
        check(birth == nil || age == nil, .estimatedAge, .birthDateAndAge)

        let country = PersonDraft.tidy(nationality).map { ReferenceData.country($0)?.iso3 }
        check(country == nil || country! != nil, .nationality, .unknownValue)
        let languageCodes = languages.compactMap(PersonDraft.tidy).map { ReferenceData.language($0)?.code }
        check(!languageCodes.contains(nil), .languages, .unknownValue)

        let phoneNumber = PersonDraft.tidy(phone).map(PhoneNumber.normalise)
        check(phoneNumber == nil || phoneNumber! != nil, .phone, .invalidPhone)

        let docs = validateDocuments(&errors)
        let arrival = validateDate(arrivalDate, .arrivalDate, today: today, errors: &errors)
        let routeText = PersonDraft.tidy(route)
        check((routeText?.count ?? 0) <= PersonDraft.maxRouteLength, .route, .tooLong)
        let notesText = PersonDraft.tidy(notes)
        check((notesText?.count ?? 0) <= PersonDraft.maxNotesLength, .notes, .tooLong)
        let flagValues = flags.compactMap(PersonDraft.tidy).map(PersonFlag.init(rawValue:))
        check(!flagValues.contains(nil), .flags, .unknownValue)
        let centreCode = PersonDraft.tidy(centre)
        check(centreCode != nil, .centre, .required)

        guard errors.isEmpty, let original, let latin, let gender, let centreCode else {
            return .failure(ValidationFailure(errors: errors))
        }
        let birthYear = birth?.year ?? age.map { today.year - $0 }
        let personal = PersonalData(
            nameOriginal: original, nameLatin: latin, birthDate: birth?.description, phone: phoneNumber ?? nil,
            documents: docs, route: routeText, notes: notesText)
        let facts = PersonFacts(
            sex: gender, birthYear: birthYear, estimatedAge: age, nationality: country ?? nil,
            languages: PersonDraft.unique(languageCodes.compactMap { $0 }), arrivalDate: arrival?.description,
            flags: Set(flagValues.compactMap { $0 }), consent: consent)
        return .success(ValidPerson(personal: personal, facts: facts, centre: centreCode))
    }

    private func validateDate(
        _ text: String?, _ field: PersonField, today: CivilDate, errors: inout [FieldError]
    ) -> CivilDate? {
        guard let text = PersonDraft.tidy(text) else { return nil }
        guard let date = CivilDate(text) else {
            errors.append(FieldError(field, .invalidDate))
            return nil
        }
        if date > today {
            errors.append(FieldError(field, .futureDate))
        } else if date.years(until: today) > PersonDraft.maxAge {
            errors.append(FieldError(field, .implausibleDate))
        }
        return date
    }

    private func validateDocuments(_ errors: inout [FieldError]) -> [IdentityDocument] {
        var result: [IdentityDocument] = []
        for draft in documents {
            let type = PersonDraft.tidy(draft.type)
            let number = PersonDraft.tidy(draft.number)
            let country = PersonDraft.tidy(draft.issuingCountry)
            if type == nil && number == nil && country == nil { continue }
            let docType = type.flatMap(DocumentType.init(rawValue:))
            if type == nil { errors.append(FieldError(.documentType, .required)) }
            if type != nil && docType == nil { errors.append(FieldError(.documentType, .unknownValue)) }
            if number == nil { errors.append(FieldError(.documentNumber, .required)) }
            if (number?.count ?? 0) > 64 { errors.append(FieldError(.documentNumber, .tooLong)) }
            let iso3 = country.flatMap { ReferenceData.country($0)?.iso3 }
            if country != nil && iso3 == nil { errors.append(FieldError(.documentCountry, .unknownValue)) }
            if let docType, let number {
                result.append(IdentityDocument(type: docType, number: number, issuingCountry: iso3))
            }
        }
        return result
    }

    /// Trims whitespace; an empty value counts as not given.
    static func tidy(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return trimmed.isEmpty ? nil : trimmed
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
