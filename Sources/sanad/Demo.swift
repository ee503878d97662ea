import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import SanadWeb

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a database that holds no people with synthetic people and one demo account per role.")

    @Option(help: "How many people to register.") var people = 3000
    @Option(help: "Seed of the synthetic population (the same seed gives the same people).") var seed: UInt64 = 2026

    func run() async throws {
        guard (1...100_000).contains(people) else { throw ValidationError("--people must be from 1 to 100000.") }
        try await Boot.run { app in
            guard try await !OpenServices(db: app.db, context: app.sanad).setup.holdsPeople() else {
                throw ValidationError("This database already holds people; demo data goes only into an empty one.")
            }
            let accounts = OpenServices(db: app.db, context: app.sanad).accounts
            let centreRecords = try await OpenServices(db: app.db, context: app.sanad).centres.all()
            let centres = centreRecords.map(\.code)
            var caseworker: Actor?
            var supervisor: Actor?
            let draft = PartnerDraft(
                name: "Demo Legal Aid Network", type: OrganisationType.legalService.rawValue,
                services: [ServiceType.legalAid.rawValue, ServiceType.mhpss.rawValue],
                states: Array(Set(centreRecords.map(\.statePcode))).sorted())
            let partner = try await StoreServices(db: app.db, actor: Export.operatorActor, context: app.sanad).partners
                .addPartner(draft)
            print("Demo accounts (passwords are shown once):")
            for role in Role.allCases {
                let username = "demo-\(role.rawValue)"
                guard try await accounts.account(username: username) == nil else {
                    print("  \(username) exists already; its password is unchanged.")
                    continue
                }
                let password = Digests.randomToken().prefix(20)
                let user = try await accounts.createUser(
                    username: username, password: String(password), role: role,
                    centres: role == .administrator ? [] : centres, partner: role == .partner ? partner.id : nil,
                    by: nil)
                print("  \(role.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(username)  \(password)")
                if role == .caseworker { caseworker = user.actor }
                if role == .supervisor { supervisor = user.actor }
            }
            guard let caseworker, let supervisor else {
                throw ValidationError("The demo accounts exist already; demo data goes only into an empty database.")
            }
            let population = DemoPopulation.generate(count: people, seed: seed, referenceDate: Date())
            var activity = DemoActivity(
                app: app, caseworker: caseworker, supervisor: supervisor, partner: partner.id, seed: seed)
            let beds = try await activity.beds(centres: centreRecords)
            var registered = 0
            for person in population {
                let (record, day) = try await activity.register(person)
                try await activity.assist(record, from: day, beds: beds[record.centre] ?? [])
                registered += 1
                if registered % 500 == 0 { print("  \(registered) people registered with their cases…") }
            }
            // A surge of Eritrean arrivals last month, as the centres saw in 2023: something for the trends to find.
            let surge = DemoPopulation.generate(count: max(20, people / 10), seed: seed &+ 1, referenceDate: Date())
                .filter { $0.nationality == "ERI" }.prefix(max(10, people / 40))
            for var person in surge {
                let arrival = activity.lastWholeMonthDay()
                person.arrivalDate = arrival.description
                let (record, day) = try await activity.register(
                    person, on: min(arrival.adding(days: 2), CivilDate(Date())))
                try await activity.assist(record, from: day, beds: beds[record.centre] ?? [])
            }
            try await activity.events(centres: centreRecords)
            print("Registered \(registered) synthetic people across \(centres.joined(separator: ", ")).")
        }
    }
}

extension DemoPerson {
    var draft: PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = nameOriginal
        d.nameLatin = nameLatin
        d.sex = sex
        d.birthDate = birthDate
        d.estimatedAge = estimatedAge.map(String.init)
        d.nationality = nationality
        d.languages = languages.filter { ReferenceData.language($0) != nil }
        d.phone = phone
        if let documentType, let documentNumber {
            d.documents = [DocumentDraft(type: documentType, number: documentNumber, issuingCountry: nationality)]
        }
        d.arrivalDate = arrivalDate
        d.route = route
        d.flags = flags.sorted()
        d.consent.interview = true
        d.consent.toldPurpose = true
        d.consent.toldUses = true
        d.centre = centreCode
        return d
    }
}
