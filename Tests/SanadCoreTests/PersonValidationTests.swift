import Testing

@testable import SanadCore

@Suite struct PersonValidationTests {
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    func base() -> PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = "  سلمى   عثمان "
        d.sex = "Feminine"
        d.centre = "SD12"
        return d
    }

    func errors(_ d: PersonDraft) -> [FieldError] {
        if case .failure(let f) = d.validate(today: today) { return f.errors }
        return []
    }

    @Test func minimalDraftIsValidAndTidied() throws {
        let valid = try base().validate(today: today).get()
        #expect(valid.personal.nameOriginal == "سلمى عثمان")
        #expect(!valid.personal.nameLatin.isEmpty, "a Latin form is suggested")
        #expect(valid.facts.sex == .feminine)
        #expect(valid.centre == "SD12")
    }

    @Test func everyProblemIsReportedAtOnce() {
        var d = PersonDraft()
        d.sex = "Female"
        d.birthDate = "2026-02-30"
        d.estimatedAge = "abc"
        d.nationality = "XXX"
        d.phone = "call me"
        let found = errors(d)
        #expect(found.contains(FieldError(.nameOriginal, .required)))
        #expect(found.contains(FieldError(.sex, .unknownValue)))
        #expect(found.contains(FieldError(.birthDate, .invalidDate)))
        #expect(found.contains(FieldError(.estimatedAge, .invalidNumber)))
        #expect(found.contains(FieldError(.nationality, .unknownValue)))
        #expect(found.contains(FieldError(.phone, .invalidPhone)))
        #expect(found.contains(FieldError(.centre, .required)))
    }

    @Test func datesMustBeRealPastAndPlausible() {
        var d = base()
        d.birthDate = "2026-11-30"
        #expect(errors(d) == [FieldError(.birthDate, .futureDate)])
        d.birthDate = "1890-01-01"
        #expect(errors(d) == [FieldError(.birthDate, .implausibleDate)])
        d.birthDate = "2024-02-29"
        #expect(errors(d).isEmpty)
        d.birthDate = "29/02/2024"
        #expect(errors(d) == [FieldError(.birthDate, .invalidDate)])
    }

    @Test func birthDateOrEstimatedAgeNotBoth() throws {
        var d = base()
        d.birthDate = "1999-05-01"
        d.estimatedAge = "25"
        #expect(errors(d) == [FieldError(.estimatedAge, .birthDateAndAge)])
        d.birthDate = nil
        let valid = try d.validate(today: today).get()
        #expect(valid.facts.birthYear == 2001)
        #expect(valid.facts.estimatedAge == 25)
        d.estimatedAge = "121"
        #expect(errors(d) == [FieldError(.estimatedAge, .outOfRange)])
    }

    @Test func codesAreNormalised() throws {
        var d = base()
        d.nationality = "er"
        d.languages = ["ti", "ara", "ara"]
        d.phone = "00249 912-345-678"
        d.flags = ["pregnancy"]
        let valid = try d.validate(today: today).get()
        #expect(valid.facts.nationality == "ERI")
        #expect(valid.facts.languages == ["tir", "ara"])
        #expect(valid.personal.phone == "+249912345678")
        #expect(valid.facts.flags == [.pregnancy])
    }

    @Test func unknownFlagsAndLanguagesAreRefused() {
        var d = base()
        d.flags = ["vip"]
        d.languages = ["klingon"]
        #expect(Set(errors(d).map(\.field)) == [.flags, .languages])
    }

    @Test func documentsNeedTypeAndNumber() throws {
        var d = base()
        d.documents = [DocumentDraft(type: "passport", number: nil, issuingCountry: "ETH")]
        #expect(errors(d) == [FieldError(.documentNumber, .required)])
        d.documents = [DocumentDraft(type: "", number: "", issuingCountry: "")]
        let valid = try d.validate(today: today).get()
        #expect(valid.personal.documents.isEmpty, "an empty document row is no document")
        d.documents = [DocumentDraft(type: "passport", number: "EP123", issuingCountry: "et")]
        #expect(try d.validate(today: today).get().personal.documents.first?.issuingCountry == "ETH")
    }

    @Test func lengthsAreLimited() {
        var d = base()
        d.nameOriginal = String(repeating: "ا", count: 201)
        d.notes = String(repeating: "x", count: 5001)
        #expect(Set(errors(d)) == [FieldError(.nameOriginal, .tooLong), FieldError(.notes, .tooLong)])
    }
}

extension FieldError: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(field.rawValue)
        hasher.combine(code.rawValue)
    }
}
