/// Everything an actor can ask to do. Each API route and page maps to exactly one action.
public enum Action: String, CaseIterable, Sendable {
    case registerPerson
    case listPeople
    case viewPerson
    case updatePerson
    case viewPersonHistory
    case viewAggregates
    case manageUsers
    case manageCentres
    case viewAuditTrail
    case screenPerson
    case viewScreenings
    case decideTraffickingStatus
    case mergePeople
    case viewCases
    case manageCases
    case approveCases
    case useShelter
    case configureShelters
    case viewPartners
    case managePartners
    case manageServiceCatalogue
    case sendReferrals
    case viewReferrals
    case answerReferrals
    case viewEvents
    case recordEvents
    /// Choose between values changed in two places while a field office was cut off (issue 11).
    case resolveSyncConflicts
    /// See damaged records and the last integrity check; restore, rebuild or retire damaged records (issue 16).
    case repairRecords
    /// Destroy a person's personal data where law or the person's request requires it (issue 18).
    case erasePeople
    /// Bring people in from an old register, review what it held back and undo a batch (issue 14).
    case importPeople
    /// Take the people one may see out as a spreadsheet, personal fields included (issue 14).
    case exportPeople
}

/// The record an action concerns, reduced to the facts that decide access.
public enum Resource: Sendable, Equatable {
    /// No particular record (lists, settings, reports).
    case none
    /// A person registered at a centre; `sharedWith` holds centres it was referred or transferred to.
    case person(centre: String, sharedWith: Set<String> = [])
    /// A new registration at a centre.
    case newPerson(centre: String)
    /// A referral from a centre to a partner organisation.
    case referral(centre: String, partner: String)
}

public enum Decision: Sendable, Equatable {
    case allow
    /// The actor's role never does this.
    case forbidden
    /// The role may do this, but not to this record: callers answer 404 where existence is sensitive.
    case notInScope
}

/// The single access policy: every repository and route asks it before touching a record.
public enum AccessPolicy {
    public static func decide(_ actor: Actor, _ action: Action, _ resource: Resource = .none) -> Decision {
        guard roleMay(actor.role, action) else { return .forbidden }
        switch resource {
        case .none:
            return .allow
        case .newPerson(let centre):
            return actor.centres.contains(centre) ? .allow : .notInScope
        case .person(let centre, let shared):
            if actor.centres.contains(centre) || !actor.centres.isDisjoint(with: shared) { return .allow }
            return .notInScope
        case .referral(let centre, let partner):
            if actor.role == .partner { return actor.partner == partner ? .allow : .notInScope }
            return actor.centres.contains(centre) ? .allow : .notInScope
        }
    }

    /// What each role does at all, before looking at any record (docs/domain.md, "Who uses Sanad").
    public static func roleMay(_ role: Role, _ action: Action) -> Bool {
        switch (role, action) {
        case (.caseworker, .registerPerson), (.caseworker, .listPeople), (.caseworker, .viewPerson),
            (.caseworker, .updatePerson), (.caseworker, .viewPersonHistory), (.caseworker, .screenPerson),
            (.caseworker, .viewScreenings), (.caseworker, .viewCases), (.caseworker, .manageCases),
            (.caseworker, .useShelter), (.caseworker, .viewPartners), (.caseworker, .sendReferrals),
            (.caseworker, .viewReferrals), (.caseworker, .viewEvents), (.caseworker, .recordEvents):
            return true
        case (.supervisor, .registerPerson), (.supervisor, .listPeople), (.supervisor, .viewPerson),
            (.supervisor, .updatePerson), (.supervisor, .viewPersonHistory), (.supervisor, .viewAggregates),
            (.supervisor, .screenPerson), (.supervisor, .viewScreenings), (.supervisor, .decideTraffickingStatus),
            (.supervisor, .mergePeople), (.supervisor, .viewCases), (.supervisor, .manageCases),
            (.supervisor, .approveCases), (.supervisor, .useShelter), (.supervisor, .configureShelters),
            (.supervisor, .viewPartners), (.supervisor, .sendReferrals), (.supervisor, .viewReferrals),
            (.supervisor, .viewEvents), (.supervisor, .recordEvents), (.supervisor, .resolveSyncConflicts),
            (.supervisor, .importPeople), (.supervisor, .exportPeople):
            return true
        case (.dataOfficer, .viewAggregates), (.dataOfficer, .viewEvents), (.administrator, .viewEvents):
            return true
        case (.administrator, .manageUsers), (.administrator, .manageCentres), (.administrator, .viewAuditTrail),
            (.administrator, .viewAggregates), (.administrator, .configureShelters),
            (.administrator, .viewPartners), (.administrator, .managePartners),
            (.administrator, .manageServiceCatalogue), (.administrator, .repairRecords),
            (.administrator, .erasePeople), (.administrator, .importPeople):
            return true
        case (.partner, .viewReferrals), (.partner, .answerReferrals):
            return true
        default:
            return false
        }
    }

    /// Personal fields (names, contacts, documents, notes) are never shown to these roles.
    public static func seesPersonalFields(_ role: Role) -> Bool {
        role == .caseworker || role == .supervisor
    }
}
