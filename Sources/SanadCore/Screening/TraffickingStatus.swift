/// HTCDS `vic_TraffickingStatus`.
public enum TraffickingStatus: String, Codable, Sendable, CaseIterable {
    case possible = "PossibleVictimOfTrafficking"
    case actual = "ActualVictimOfTrafficking"
    case notAVictim = "NotAVictimOfTrafficking"
}

/// HTCDS `vic_TraffickingStatusDecisionMakingOrg`.
public enum DecisionOrganisation: String, Codable, Sendable, CaseIterable {
    case police = "Police"
    case ngo = "NGO"
    case courtOrProsecution = "CourtOrProsecution"
    case nonPoliceGovernment = "NonPoliceGovernmentalOrganization"
    case other = "Other"
}

public enum TraffickingStatusRules {
    /// The status a completed screening leads to, if any. A screening only ever presumes: it never confirms,
    /// never clears, and never lowers a status a supervisor decided.
    public static func afterScreening(current: TraffickingStatus?, conclusion: Conclusion) -> TraffickingStatus? {
        guard conclusion == .presumedVictim, current == nil || current == .notAVictim else { return nil }
        return .possible
    }

    /// Whether a supervisor may record this change directly. Confirming a victim, or undoing a confirmation,
    /// always goes through a second supervisor's approval on the case (docs/domain.md, "Approvals").
    public static func directChangeAllowed(from current: TraffickingStatus?, to next: TraffickingStatus) -> Bool {
        next != .actual && current != .actual
    }

    /// The statuses a supervisor may pick directly, given the current one.
    public static func directChoices(from current: TraffickingStatus?) -> [TraffickingStatus] {
        TraffickingStatus.allCases.filter { directChangeAllowed(from: current, to: $0) }
    }
}

/// What the start of a screening needs, as submitted.
public struct ScreeningStart: Sendable, Equatable {
    public var instrument: String?
    public var language: String?
    public var interpreter: String?
    public var place: String?
    public var date: String?
    public var consent = ConsentAnswers()

    public init() {}

    public enum Field: String, Sendable, CaseIterable {
        case instrument, language, interpreter, place, date, consent
    }

    public struct Valid: Sendable, Equatable {
        public let instrument: Instrument
        public let language: String
        public let interpreter: String?
        public let place: String
        public let date: CivilDate
        public let consent: ConsentAnswers
    }

    public func validate(today: CivilDate, catalogue: InstrumentCatalogue) -> Result<Valid, ScreeningStartFailure> {
        var errors: [Field: ValidationCode] = [:]
        let instrument = PersonDraft.tidy(self.instrument).flatMap { try? catalogue.instrument($0) }
        if PersonDraft.tidy(self.instrument) == nil {
            errors[.instrument] = .required
        } else if instrument == nil {
            errors[.instrument] = .unknownValue
        }
        let language = PersonDraft.tidy(self.language).flatMap { ReferenceData.language($0)?.code }
        if PersonDraft.tidy(self.language) == nil {
            errors[.language] = .required
        } else if language == nil {
            errors[.language] = .unknownValue
        }
        let interpreter = PersonDraft.tidy(self.interpreter)
        if (interpreter?.count ?? 0) > 200 { errors[.interpreter] = .tooLong }
        let place = PersonDraft.tidy(self.place)
        if place == nil { errors[.place] = .required } else if place!.count > 200 { errors[.place] = .tooLong }
        var date = today
        if let text = PersonDraft.tidy(self.date) {
            if let parsed = CivilDate(text) {
                date = parsed
                if parsed > today { errors[.date] = .futureDate }
            } else {
                errors[.date] = .invalidDate
            }
        }
        // An interview without the person's consent (or a child's assent) does not happen.
        if !consent.interview { errors[.consent] = .required }
        guard errors.isEmpty, let instrument, let language, let place else {
            return .failure(ScreeningStartFailure(errors: errors))
        }
        return .success(
            Valid(
                instrument: instrument, language: language, interpreter: interpreter, place: place, date: date,
                consent: consent))
    }
}

public struct ScreeningStartFailure: Error, Sendable, Equatable {
    public let errors: [ScreeningStart.Field: ValidationCode]
}

extension Instrument {
    /// Answers whose keys are this instrument's indicators; anything else is refused by name.
    public func checkAnswers(_ raw: [String: String]) -> Result<[String: IndicatorAnswer], AnswerProblem> {
        let known = Set(indicators.map(\.id))
        var answers: [String: IndicatorAnswer] = [:]
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard known.contains(key) else { return .failure(.unknownIndicator(key)) }
            guard let answer = IndicatorAnswer(rawValue: value) else { return .failure(.badAnswer(key)) }
            answers[key] = answer
        }
        return .success(answers)
    }
}

public enum AnswerProblem: Error, Sendable, Equatable {
    case unknownIndicator(String)
    case badAnswer(String)
}
