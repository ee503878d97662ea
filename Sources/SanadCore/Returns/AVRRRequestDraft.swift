import Foundation

/// A return request as typed: the country and place the person asks to go back to.
public struct AVRRRequestDraft: Sendable, Equatable {
    public var country: String?
    public var place: String?
    public var date: String?

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(country: String? = nil, place: String? = nil, date: String? = nil) {
        (self.country, self.place, self.date) = (country, place, date)
    }

    public struct Valid: Sendable, Equatable {
        public let country: String
        public let place: String
        public let date: CivilDate
    }

    public func validate(today: CivilDate) -> Result<Valid, CaseValidationError> {
        var c = FieldChecks()
        let code = FieldChecks.tidy(country)
        let iso3 = code.flatMap { ReferenceData.country($0)?.iso3 }
        c.check(code != nil, "country", .required)
        c.check(code == nil || iso3 != nil, "country", .unknownValue)
        let place = c.text(place, "place", max: 200, required: true)
        let date = c.date(self.date, "date", notAfter: today)
        return c.result(Valid(country: iso3 ?? "", place: place ?? "", date: date ?? today))
    }
}

/// One step of a return as recorded: when it happened and which documents were noted.
public struct AVRRStepDraft: Sendable, Equatable {
    public var step: String?
    public var date: String?
    public var documents: String?

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(step: String? = nil, date: String? = nil, documents: String? = nil) {
        (self.step, self.date, self.documents) = (step, date, documents)
    }

    public struct Valid: Sendable, Equatable {
        public let step: AVRRStep
        public let date: CivilDate
        public let documents: String?
    }

    /// The step must be allowed from `current` (see `AVRRMachine`), dated no later than today and no earlier than
    /// the step before it: a departure cannot come before the request.
    public func validate(current: AVRRStep, since: CivilDate, today: CivilDate, required: Set<AVRRStep>)
        -> Result<Valid, AVRRStepRefusal>
    {
        var c = FieldChecks()
        let step = FieldChecks.tidy(step).flatMap(AVRRStep.init(rawValue:))
        c.check(step != nil, "step", .required)
        let date = c.date(self.date, "date", notAfter: today)
        if let date { c.check(date >= since, "date", .tooEarly) }
        let documents = c.text(documents, "documents", max: 1000)
        if !c.errors.isEmpty { return .failure(.fields(CaseValidationError(c.errors))) }
        switch AVRRMachine.advance(from: current, to: step!, required: required) {
        case .failure(let error): return .failure(.step(error))
        case .success(let next): return .success(Valid(step: next, date: date!, documents: documents))
        }
    }
}

public enum AVRRStepRefusal: Error, Sendable, Equatable {
    case fields(CaseValidationError)
    case step(AVRRError)
}
