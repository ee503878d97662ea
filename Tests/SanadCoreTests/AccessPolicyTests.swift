import Testing

@testable import SanadCore

@Suite struct AccessPolicyTests {
    let centre = "SD01"

    func actor(_ role: Role, _ centres: Set<String> = ["SD01"]) -> Actor {
        Actor(userID: "u", role: role, centres: centres)
    }

    /// Independent statement of domain.md's role table, action by action.
    static let expected: [Role: Set<Action>] = [
        .caseworker: [
            .registerPerson, .listPeople, .viewPerson, .updatePerson, .viewPersonHistory, .screenPerson,
            .viewScreenings,
        ],
        .supervisor: [
            .registerPerson, .listPeople, .viewPerson, .updatePerson, .viewPersonHistory, .viewAggregates,
            .screenPerson,
            .viewScreenings, .decideTraffickingStatus, .mergePeople,
        ],
        .dataOfficer: [.viewAggregates],
        .administrator: [.manageUsers, .manageCentres, .viewAuditTrail, .viewAggregates],
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
}
