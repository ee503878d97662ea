import Testing

@testable import SanadCore

@Suite struct AccessPolicyTests {
    let centre = "SD01"

    func actor(_ role: Role, _ centres: Set<String> = ["SD01"]) -> Actor {
        Actor(userID: "u", role: role, centres: centres)
    }

    /// Independent statement of the role table in docs/domain.md, action by action.
    static let expected: [Role: Set<Action>] = [
        .caseworker: [
            .registerPerson, .listPeople, .viewPerson, .updatePerson, .viewPersonHistory, .screenPerson,
            .viewScreenings, .viewCases, .manageCases, .useShelter, .viewPartners, .sendReferrals, .viewReferrals,
            .viewEvents, .recordEvents,
        ],
        .supervisor: [
            .registerPerson, .listPeople, .viewPerson, .updatePerson, .viewPersonHistory, .viewAggregates,
            .screenPerson,
            .viewScreenings, .decideTraffickingStatus, .mergePeople, .viewCases, .manageCases, .approveCases,
            .useShelter, .configureShelters, .viewPartners, .sendReferrals, .viewReferrals, .viewEvents, .recordEvents,
            .resolveSyncConflicts, .importPeople, .exportPeople,
        ],
        .dataOfficer: [.viewAggregates, .viewEvents],
        .administrator: [
            .manageUsers, .manageCentres, .viewAuditTrail, .viewAggregates, .configureShelters, .viewPartners,
            .managePartners, .manageServiceCatalogue, .viewEvents, .repairRecords, .erasePeople, .importPeople,
        ],
        .partner: [.viewReferrals, .answerReferrals],
    ]

    @Test(arguments: Role.allCases)
    func everyRoleAgainstEveryAction(role: Role) {
        for action in Action.allCases {
            let allowed = Self.expected[role]!.contains(action)
            #expect(AccessPolicy.roleMay(role, action) == allowed, "\(role) \(action)")
            let decision = AccessPolicy.decide(actor(role), action, .none)
            #expect(decision == (allowed ? .allow : .forbidden), "\(role) \(action)")
        }
    }

    @Test func caseworkersSeeOnlyTheirCentresPeople() {
        let cw = actor(.caseworker)
        #expect(AccessPolicy.decide(cw, .viewPerson, .person(centre: "SD01")) == .allow)
        #expect(AccessPolicy.decide(cw, .viewPerson, .person(centre: "SD12")) == .notInScope)
        #expect(AccessPolicy.decide(cw, .updatePerson, .person(centre: "SD11")) == .notInScope)
    }

    @Test func sharedRecordsAreVisibleToTheCentreTheyWereSharedWith() {
        let cw = actor(.caseworker, ["SD12"])
        #expect(AccessPolicy.decide(cw, .viewPerson, .person(centre: "SD01", sharedWith: ["SD12"])) == .allow)
        #expect(AccessPolicy.decide(cw, .viewPerson, .person(centre: "SD01", sharedWith: ["SD11"])) == .notInScope)
    }

    @Test func registrationOnlyAtOwnCentres() {
        let sup = actor(.supervisor, ["SD01", "SD12"])
        #expect(AccessPolicy.decide(sup, .registerPerson, .newPerson(centre: "SD12")) == .allow)
        #expect(AccessPolicy.decide(sup, .registerPerson, .newPerson(centre: "SD11")) == .notInScope)
    }

    @Test func dataOfficersAndAdministratorsNeverSeePersonalFields() {
        #expect(!AccessPolicy.seesPersonalFields(.dataOfficer))
        #expect(!AccessPolicy.seesPersonalFields(.administrator))
        #expect(AccessPolicy.seesPersonalFields(.caseworker))
        let admin = actor(.administrator, ["SD01"])
        #expect(AccessPolicy.decide(admin, .viewPerson, .person(centre: "SD01")) == .forbidden)
        let officer = actor(.dataOfficer, ["SD01"])
        #expect(AccessPolicy.decide(officer, .listPeople, .none) == .forbidden)
    }

    @Test func partnersSeeOnlyReferralsAddressedToThem() {
        let focal = Actor(userID: "p", role: .partner, centres: [], partner: "org-1")
        #expect(AccessPolicy.decide(focal, .viewReferrals, .referral(centre: "SD01", partner: "org-1")) == .allow)
        #expect(
            AccessPolicy.decide(focal, .answerReferrals, .referral(centre: "SD01", partner: "org-2")) == .notInScope)
        #expect(AccessPolicy.decide(focal, .viewPerson, .person(centre: "SD01")) == .forbidden)
        #expect(AccessPolicy.decide(focal, .viewCases, .person(centre: "SD01")) == .forbidden)
        let noOrganisation = Actor(userID: "q", role: .partner, centres: [])
        #expect(
            AccessPolicy.decide(noOrganisation, .viewReferrals, .referral(centre: "SD01", partner: "org-1"))
                == .notInScope)
        let cw = actor(.caseworker)
        #expect(AccessPolicy.decide(cw, .viewReferrals, .referral(centre: "SD01", partner: "org-1")) == .allow)
        #expect(AccessPolicy.decide(cw, .viewReferrals, .referral(centre: "SD12", partner: "org-1")) == .notInScope)
        #expect(AccessPolicy.decide(cw, .answerReferrals, .referral(centre: "SD01", partner: "org-1")) == .forbidden)
    }
}
