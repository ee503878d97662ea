/// Kinds of awareness-raising activity partners report on.
public enum AwarenessEventType: String, CaseIterable, Codable, Sendable {
    case panelDiscussion = "panel-discussion"
    case sports
    case communityTheatre = "community-theatre"
    case informationMaterial = "information-material"
    case radio
    case trainingOfOfficials = "training-of-officials"
    case other
}

/// One cell of the participant count: a sex and children or adults.
public struct ParticipantGroup: Sendable, Hashable, CustomStringConvertible {
    public let sex: ReportSex
    public let age: AgeGroup

    /// Nil unless `age` is children or adults: events are counted at the door, where only that
    /// split can be told by eye.
    public init?(sex: ReportSex, age: AgeGroup) {
        guard age == .children || age == .adults else { return nil }
        self.sex = sex
        self.age = age
    }

    /// Every cell, sexes in `ReportSex` order, children before adults.
    public static let all: [ParticipantGroup] = ReportSex.allCases.flatMap { sex in
        [AgeGroup.children, .adults].map { ParticipantGroup(sex: sex, age: $0)! }
    }

    /// The column and report key, e.g. "f_children" ("u" for an unrecorded sex).
    public var key: String { "\(sex == .unknown ? "u" : sex.rawValue)_\(age.hxlAttribute)" }

    /// The form name, e.g. "participants_f_children", matching the HXL measure key.
    public var description: String { "participants_\(sex.hxlAttribute)_\(age.hxlAttribute)" }
}

/// An awareness-raising event as submitted by a form, before validation: every value as text.
/// It holds no personal data: participants are counts, partners are organisations.
public struct AwarenessEventDraft: Sendable, Equatable {
    public var type: String?
    public var title: String?
    public var startDate: String?
    public var endDate: String?
    public var statePcode: String?
    public var localityPcode: String?
    public var centre: String?
    public var partners: [String] = []
    /// Count by cell; a missing or empty cell is zero.
    public var participants: [ParticipantGroup: String] = [:]
    /// The nationality or community reached, as free text ("Eritrean community in Kassala").
    public var community: String?
    public var materials: [MaterialDraft] = []
    public var notes: String?

    public init() {}
}

public struct MaterialDraft: Sendable, Equatable {
    public var kind: String?
    public var count: String?

    public init(kind: String?, count: String?) {
        self.kind = kind
        self.count = count
    }
}

/// The fields an event validation error can name; raw values are the HTML form names.
public enum EventField: String, CaseIterable, Sendable {
    case type
    case title
    case startDate = "start_date"
    case endDate = "end_date"
    case state
    case locality
    case centre
    case partners
    case participants
    case community
    case materialKind = "material_kind"
    case materialCount = "material_count"
    case notes
}

/// Why an event value was refused. Codes shared with people keep `ValidationCode`'s raw values,
/// so the UI message catalogue (`error.<raw>`) serves both; the rest are specific to events.
/// (`FieldError` itself names only `PersonField`s, so events have their own pair of types.)
public enum EventValidationCode: String, CaseIterable, Sendable {
    case required
    case tooLong = "too-long"
    case invalidDate = "invalid-date"
    case implausibleDate = "implausible-date"
    case invalidNumber = "invalid-number"
    case outOfRange = "out-of-range"
    case unknownValue = "unknown-value"
    case tooEarly = "too-early"
    case localityNotInState = "locality-not-in-state"
    case countedBeforeEvent = "counted-before-event"
    case duplicate

    /// The same code for people's forms, where there is one.
    public var validationCode: ValidationCode? { ValidationCode(rawValue: rawValue) }

    /// English text for API problem details, which are not localised.
    public var englishMessage: String {
        if let shared = validationCode { return shared.englishMessage }
        switch self {
        case .tooEarly: return "The end date is before the start date."
        case .localityNotInState: return "This locality is not in the chosen state."
        case .countedBeforeEvent: return "Participants and materials can only be counted once the event has started."
        case .duplicate: return "This value is given twice."
        default: return "This value is not valid."
        }
    }
}

public struct EventFieldError: Sendable, Equatable {
    public let field: EventField
    public let code: EventValidationCode

    public init(_ field: EventField, _ code: EventValidationCode) {
        self.field = field
        self.code = code
    }
}

/// Every event field that was refused, in form order.
public struct EventValidationFailure: Error, Equatable, Sendable {
    public let errors: [EventFieldError]

    public init(errors: [EventFieldError]) {
        self.errors = errors
    }
}

/// A validated awareness-raising event.
public struct AwarenessEvent: Sendable, Equatable {
    public var type: AwarenessEventType
    public var title: String
    public var startDate: CivilDate
    public var endDate: CivilDate?
    public var statePcode: String
    public var localityPcode: String?
    public var centre: String
    public var partners: [String]
    /// Every cell of ``ParticipantGroup/all``, zero where none were counted.
    public var participants: [ParticipantGroup: Int]
    public var community: String?
    /// In the order given, one entry per kind.
    public var materials: [DistributedMaterial]
    public var notes: String?

    public var totalParticipants: Int { participants.values.reduce(0, +) }
}

public struct DistributedMaterial: Sendable, Hashable {
    public var kind: String
    public var count: Int

    public init(kind: String, count: Int) {
        self.kind = kind
        self.count = count
    }
}

extension AwarenessEventDraft {
    static let maxTitleLength = 200
    static let maxPartnerLength = 200
    static let maxCommunityLength = 200
    static let maxMaterialKindLength = 100
    static let maxNotesLength = 5000
    static let maxCount = 1_000_000
    /// Events are recorded from 2000 on; an earlier year is a typing error.
    static let earliestYear = 2000
    /// How far ahead an event can be planned, in days.
    static let planningHorizon = 366

    /// Checks every field and reports every problem at once.
    ///
    /// Dates: events can be entered ahead, up to a year, so that planned events show on the
    /// calendar. Participants and materials are counts of what happened, so they must be zero
    /// until the start date has come (`counted-before-event`); a start before 2000 or beyond the
    /// planning year is `implausible-date`. The locality is optional (a radio programme covers a
    /// state), but when given it must be one of the chosen state's.
    public func validate(today: CivilDate) -> Result<AwarenessEvent, EventValidationFailure> {
        var errors: [EventFieldError] = []
        func check(_ condition: Bool, _ field: EventField, _ code: EventValidationCode) {
            if !condition { errors.append(EventFieldError(field, code)) }
        }
        let tidy = PersonDraft.tidy

        let typeText = tidy(type)
        let eventType = typeText.flatMap(AwarenessEventType.init(rawValue:))
        check(typeText != nil, .type, .required)
        check(typeText == nil || eventType != nil, .type, .unknownValue)

        let titleText = tidy(title)
        check(titleText != nil, .title, .required)
        check((titleText?.count ?? 0) <= Self.maxTitleLength, .title, .tooLong)

        let start = parseDate(startDate, .startDate, today: today, errors: &errors)
        check(tidy(startDate) != nil, .startDate, .required)
        let end = parseDate(endDate, .endDate, today: today, errors: &errors)
        if let start, let end { check(end >= start, .endDate, .tooEarly) }

        let (state, locality) = validatePlace(&errors)
        let centreCode = tidy(centre)
        check(centreCode != nil, .centre, .required)

        var partnerNames: [String] = []
        for name in partners.compactMap(tidy) {
            check(name.count <= Self.maxPartnerLength, .partners, .tooLong)
            if !partnerNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                partnerNames.append(name)
            }
        }

        let counts = validateParticipants(&errors)
        let communityText = tidy(community)
        check((communityText?.count ?? 0) <= Self.maxCommunityLength, .community, .tooLong)
        let materialCounts = validateMaterials(&errors)
        let notesText = tidy(notes)
        check((notesText?.count ?? 0) <= Self.maxNotesLength, .notes, .tooLong)

        if let start, start > today {
            check(counts.values.allSatisfy { $0 == 0 }, .participants, .countedBeforeEvent)
            check(materialCounts.allSatisfy { $0.count == 0 }, .materialCount, .countedBeforeEvent)
        }

        guard errors.isEmpty, let eventType, let titleText, let start, let state, let centreCode else {
            return .failure(EventValidationFailure(errors: Self.unique(errors)))
        }
        return .success(
            AwarenessEvent(
                type: eventType, title: titleText, startDate: start, endDate: end, statePcode: state,
                localityPcode: locality, centre: centreCode, partners: partnerNames, participants: counts,
                community: communityText, materials: materialCounts, notes: notesText))
    }

    private func parseDate(
        _ text: String?, _ field: EventField, today: CivilDate, errors: inout [EventFieldError]
    ) -> CivilDate? {
        guard let text = PersonDraft.tidy(text) else { return nil }
        guard let date = CivilDate(text) else {
            errors.append(EventFieldError(field, .invalidDate))
            return nil
        }
        if date.year < Self.earliestYear || today.days(until: date) > Self.planningHorizon {
            errors.append(EventFieldError(field, .implausibleDate))
        }
        return date
    }

    /// Both by P-code only: names are ambiguous across states, and the form offers a list.
    private func validatePlace(_ errors: inout [EventFieldError]) -> (state: String?, locality: String?) {
        let stateCode = PersonDraft.tidy(statePcode)?.uppercased()
        let state = stateCode.flatMap { code in ReferenceData.states.first { $0.pcode == code } }
        if stateCode == nil { errors.append(EventFieldError(.state, .required)) }
        if stateCode != nil && state == nil { errors.append(EventFieldError(.state, .unknownValue)) }

        guard let localityCode = PersonDraft.tidy(localityPcode)?.uppercased() else { return (state?.pcode, nil) }
        guard let locality = ReferenceData.localities.first(where: { $0.pcode == localityCode }) else {
            errors.append(EventFieldError(.locality, .unknownValue))
            return (state?.pcode, nil)
        }
        if let state, locality.statePcode != state.pcode {
            errors.append(EventFieldError(.locality, .localityNotInState))
        }
        return (state?.pcode, locality.pcode)
    }

    private func validateParticipants(_ errors: inout [EventFieldError]) -> [ParticipantGroup: Int] {
        var counts: [ParticipantGroup: Int] = [:]
        for group in ParticipantGroup.all {
            counts[group] = parseCount(participants[group], .participants, &errors) ?? 0
        }
        return counts
    }

    private func validateMaterials(_ errors: inout [EventFieldError]) -> [DistributedMaterial] {
        var result: [DistributedMaterial] = []
        for draft in materials {
            let kind = PersonDraft.tidy(draft.kind)
            let countText = PersonDraft.tidy(draft.count)
            if kind == nil && countText == nil { continue }
            if kind == nil { errors.append(EventFieldError(.materialKind, .required)) }
            if countText == nil { errors.append(EventFieldError(.materialCount, .required)) }
            if (kind?.count ?? 0) > Self.maxMaterialKindLength {
                errors.append(EventFieldError(.materialKind, .tooLong))
            }
            let count = parseCount(countText, .materialCount, &errors)
            guard let kind, let count else { continue }
            if result.contains(where: { $0.kind.caseInsensitiveCompare(kind) == .orderedSame }) {
                errors.append(EventFieldError(.materialKind, .duplicate))
            } else {
                result.append(DistributedMaterial(kind: kind, count: count))
            }
        }
        return result
    }

    /// A whole number from 0 to `maxCount`; nil when not given or refused.
    private func parseCount(_ text: String?, _ field: EventField, _ errors: inout [EventFieldError]) -> Int? {
        guard let text = PersonDraft.tidy(text) else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let value = Int(text) else {
            errors.append(EventFieldError(field, .invalidNumber))
            return nil
        }
        guard (0...Self.maxCount).contains(value) else {
            errors.append(EventFieldError(field, .outOfRange))
            return nil
        }
        return value
    }

    /// The same error reported for several cells of one field shows once beside the field.
    static func unique(_ errors: [EventFieldError]) -> [EventFieldError] {
        var seen: [EventFieldError] = []
        for error in errors where !seen.contains(error) { seen.append(error) }
        return seen
    }
}
