/// HTCDS organisation types (`org_Type`).
public enum OrganisationType: String, Sendable, Codable, CaseIterable, Hashable {
    case ngo = "NGO"
    case lawEnforcement = "LawEnforcement"
    case healthService = "HealthServiceOrganisation"
    case centralGovernment = "CentralGovernmentOrganisation"
    case localGovernment = "LocalGovernmentOrganisation"
    case immigrationService = "ImmigrationService"
    case legalService = "LegalService"
    case corporateBusiness = "CorporateBusiness"
    case schoolOrCollege = "SchoolOrCollege"
}

/// HTCDS reasons for an outgoing referral (`cas_ReasonForOutgoingReferral`).
public enum ReferralReason: String, Sendable, Codable, CaseIterable, Hashable {
    case additionalServicesRequired = "AdditionalServicesRequired"
    case migrationOrChangeOfLocation = "MigrationOrChangeOfLocation"
    case other = "Other"
}

/// How fast a partner is expected to answer.
public enum ReferralUrgency: String, Sendable, Codable, CaseIterable, Hashable {
    case emergency, urgent, routine

    /// Days the partner has to accept or decline before the referral shows as overdue.
    public var answerWithinDays: Int {
        switch self {
        case .emergency: return 1
        case .urgent: return 3
        case .routine: return 10
        }
    }
}

/// What of the person's record a referral shares with the partner. Nothing else is ever shown to them.
public enum SharedField: String, Sendable, Codable, CaseIterable, Hashable {
    case name, sex, age, nationality, phone, languages, needs
}

/// A new partner organisation, checked before it is saved.
public struct PartnerDraft: Sendable, Equatable {
    public var name: String?
    public var type: String?
    public var services: [String] = []
    public var states: [String] = []
    public var focalPoint: String?
    public var contact: String?

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(
        name: String? = nil, type: String? = nil, services: [String] = [], states: [String] = [],
        focalPoint: String? = nil, contact: String? = nil
    ) {
        (self.name, self.type, self.services, self.states) = (name, type, services, states)
        (self.focalPoint, self.contact) = (focalPoint, contact)
    }

    public struct Valid: Sendable, Equatable {
        public let name: String
        public let type: OrganisationType
        public let services: [String]
        public let states: [String]
        public let focalPoint: String?
        public let contact: String?
    }

    public func validate(knownServices: Set<String>) -> Result<Valid, CaseValidationError> {
        var c = FieldChecks()
        let name = c.text(name, "name", max: 200, required: true)
        let type = FieldChecks.tidy(type).flatMap(OrganisationType.init(rawValue:))
        c.check(FieldChecks.tidy(self.type) != nil, "type", .required)
        c.check(FieldChecks.tidy(self.type) == nil || type != nil, "type", .unknownValue)
        c.check(services.allSatisfy(knownServices.contains), "services", .unknownValue)
        c.check(states.allSatisfy { ReferenceData.state($0) != nil }, "states", .unknownValue)
        let focal = c.text(focalPoint, "focal_point", max: 200)
        let contact = c.text(contact, "contact", max: 200)
        return c.result(
            Valid(
                name: name ?? "", type: type ?? .ngo, services: services.sorted(), states: states.sorted(),
                focalPoint: focal, contact: contact))
    }
}

/// A referral about to be sent, checked before consent and the partner are looked at.
public struct ReferralDraft: Sendable, Equatable {
    public var partner: String?
    public var service: String?
    public var urgency: String?
    public var reason: String?
    public var shared: [String] = []
    public var note: String?
    /// Ids of the case's or person's documents the partner may download (issue 15), checked when sending.
    public var documents: [String] = []

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(
        partner: String? = nil, service: String? = nil, urgency: String? = nil, reason: String? = nil,
        shared: [String] = [], note: String? = nil
    ) {
        (self.partner, self.service, self.urgency, self.reason) = (partner, service, urgency, reason)
        (self.shared, self.note) = (shared, note)
    }

    public struct Valid: Sendable, Equatable {
        public let partner: String
        public let service: String
        public let urgency: ReferralUrgency
        public let reason: ReferralReason
        public let shared: [SharedField]
        public let note: String?
    }

    public func validate(knownServices: Set<String>) -> Result<Valid, CaseValidationError> {
        var c = FieldChecks()
        let partner = FieldChecks.tidy(partner)
        c.check(partner != nil, "partner", .required)
        let service = FieldChecks.tidy(service)
        c.check(service != nil, "service", .required)
        c.check(service == nil || knownServices.contains(service!), "service", .unknownValue)
        let urgency = FieldChecks.tidy(urgency).flatMap(ReferralUrgency.init(rawValue:))
        c.check(urgency != nil, "urgency", .required)
        let reason = FieldChecks.tidy(reason).flatMap(ReferralReason.init(rawValue:))
        c.check(reason != nil, "reason", .required)
        let shared = shared.map(SharedField.init(rawValue:))
        c.check(!shared.contains(nil), "shared", .unknownValue)
        let note = c.text(note, "note", max: 2000)
        return c.result(
            Valid(
                partner: partner ?? "", service: service ?? "", urgency: urgency ?? .routine,
                reason: reason ?? .other, shared: shared.compactMap { $0 }, note: note))
    }
}
