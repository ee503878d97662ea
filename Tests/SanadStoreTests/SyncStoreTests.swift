import Crypto
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Issue 11 with real stores: an office on SQLite and the centre (SQLite, or PostgreSQL when DATABASE_URL is set)
/// exchange real records through signed bundles, and no edit is silently overwritten.
@Suite(.serialized) struct SyncStoreTests {
    /// The office joins the centre directly (no HTTP): what `sanad sync join` does over the link.
    static func join(
        centre: TestFixture, office: TestFixture, name: String = "office-one", centres: [String] = ["SD01"]
    ) async throws -> SyncTransport {
        let hub = SyncCentreService(db: centre.app.db, context: centre.context)
        let (_, code) = try await SyncNodeService(db: centre.app.db, context: centre.context).add(
            name: name, centres: centres, by: "admin")
        let organisation = centre.context.keys.active.id
        let answer = try await SyncOfficeService(db: office.app.db, context: office.context).join(central: "test") {
            try await hub.join(code: code, publicKey: $0, organisation: organisation)
        }
        #expect(answer.verify(code: code) && answer.node == name)
        return { try await hub.exchange($0).reply }
    }

    @Test func editsMeetAtTheCentreAndAConflictIsHeldForAPerson() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { officeApp, office in
                let link = try await Self.join(centre: centre, office: office)
                let officeSync = SyncOfficeService(db: officeApp.db, context: office.context)
                let hub = SyncCentreService(db: centreApp.db, context: centre.context)
                let atCentre = centre.people(try await centre.actor("centre-cw", .caseworker))
                let atOffice = office.people(try await office.actor("office-cw", .caseworker))

                // Registered at the centre before the office joined: the office's first exchange brings it.
                var draftA = TestFixture.draft("Amina Centre")
                draftA.phone = "+249912345678"
                let amina = try await atCentre.register(draftA)
                let first = try await officeSync.now(transport: link)
                #expect(first.pulled > 0 && first.pushed == 0 && first.conflicts == 0)
                let copy = try await atOffice.find(amina.id)
                #expect(
                    copy.personal.nameOriginal == "Amina Centre" && copy.registrationNumber == amina.registrationNumber)

                // Cut off: both sides change Amina's nationality from the same value; the office also registers
                // someone and changes Amina's languages (a different field: it simply applies).
                var atOfficeDraft = copy.draft
                atOfficeDraft.nationality = "ETH"
                atOfficeDraft.languages = ["ti", "ar"]
                let officeLanguages = try await atOffice.update(
                    amina.id, with: atOfficeDraft, expectedVersion: copy.version
                ).facts.languages
                #expect(officeLanguages.count == 2)
                var atCentreDraft = amina.draft
                atCentreDraft.nationality = "SDN"
                _ = try await atCentre.update(amina.id, with: atCentreDraft, expectedVersion: amina.version)
                var draftB = TestFixture.draft("Biniam Office")
                draftB.phone = "+249911111111"
                let biniam = try await atOffice.register(draftB)

                let second = try await officeSync.now(transport: link)
                #expect(second.conflicts == 1 && second.pushed > 0)
                // The batch is in both audit chains under the same digest.
                let received = try await AuditEntry.query(on: centreApp.db).all().filter { $0.action == "sync.receive" }
                let sent = try await AuditEntry.query(on: officeApp.db).all().filter { $0.action == "sync.exchange" }
                let digests = received.compactMap { $0.detail?.split(separator: " ").first { $0.hasPrefix("sha256:") } }
                #expect(!digests.isEmpty)
                #expect(digests.allSatisfy { d in sent.contains { $0.detail?.contains(d) == true } })
                // The office's registration is at the centre, findable by its phone (blind index rebuilt there).
                let there = try await atCentre.find(biniam.id)
                #expect(there.personal.phone == "+249911111111")
                let indexed = try await PersonIdentifier.query(on: centreApp.db).all().filter {
                    $0.personID == biniam.id
                }
                #expect(indexed.count == 1)
                // The centre kept its own value and holds the office's beside it; the other field applied.
                let held = try await atCentre.find(amina.id)
                #expect(held.facts.nationality == "SDN" && held.facts.languages == officeLanguages)
                let conflicts = try await hub.conflicts(centres: ["SD01"])
                #expect(conflicts.count == 1)
                let conflict = try #require(conflicts.first)
                #expect(conflict.field == "nationality" && conflict.personID == amina.id)
                #expect(conflict.current?.value == "SDN" && conflict.held.map(\.value) == ["ETH"])
                #expect(conflict.held.first?.author == "office-one")
                #expect(try await hub.hasConflict(person: amina.id))
                #expect(try await hub.conflicts(centres: ["SD02"]).isEmpty)

                // A supervisor keeps the office's value; the answer travels back to the office.
                let chosen = try #require(conflict.held.first?.operation)
                let resolved = try await hub.resolve(id: conflict.id, choice: chosen, value: nil, by: "supervisor")
                #expect(resolved?.held.isEmpty == true && resolved?.current?.value == "ETH")
                #expect(try await atCentre.find(amina.id).facts.nationality == "ETH")
                #expect(try await !hub.hasConflict(person: amina.id))
                await #expect(throws: SyncConflictError.notFound) {
                    _ = try await hub.resolve(id: conflict.id, choice: chosen, value: nil, by: "supervisor")
                }
                let third = try await officeSync.now(transport: link)
                #expect(third.pulled > 0 && third.conflicts == 0)
                #expect(try await atOffice.find(amina.id).facts.nationality == "ETH")

                // Quiet now: nothing to send either way, and the two copies agree field by field.
                let quiet = try await officeSync.now(transport: link)
                #expect(quiet == SyncRun())
                for id in [amina.id, biniam.id] {
                    let a = try await atCentre.find(id)
                    let b = try await atOffice.find(id)
                    #expect(a.personal == b.personal && a.facts == b.facts && a.centre == b.centre)
                }
            }
        }
    }

    @Test func aRepeatedTamperedOrRevokedRequestChangesNothing() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { officeApp, office in
                let link = try await Self.join(centre: centre, office: office)
                let officeSync = SyncOfficeService(db: officeApp.db, context: office.context)
                let hub = SyncCentreService(db: centreApp.db, context: centre.context)
                let atOffice = office.people(try await office.actor("office-cw", .caseworker))
                _ = try await officeSync.now(transport: link)
                let person = try await atOffice.register(TestFixture.draft("Selam Office"))

                let request = try await officeSync.prepare()
                let (_, counts) = try await hub.exchange(request)
                #expect(counts.taken > 0 && counts.held == 0)
                let count = try await Person.query(on: centreApp.db).count()
                // The same request again (a retry after a lost answer): answered from what was recorded.
                let (reply, again) = try await hub.exchange(request)
                #expect(again.taken == counts.taken)
                #expect(try await Person.query(on: centreApp.db).count() == count)
                _ = try await officeSync.take(reply)

                var cut = request
                cut.removeLast(10)
                await #expect(throws: SyncExchangeError.bundle(.truncated)) { _ = try await hub.exchange(cut) }
                var edited = request
                edited[edited.count - 100] ^= 1
                await #expect(throws: SyncExchangeError.bundle(.badSignature)) { _ = try await hub.exchange(edited) }

                try await SyncNodeService(db: centreApp.db, context: centre.context).revoke("office-one", by: "admin")
                var draft = try await atOffice.find(person.id).draft
                draft.nationality = "SOM"
                _ = try await atOffice.update(person.id, with: draft, expectedVersion: 2)
                await #expect(throws: SyncExchangeError.bundle(.revokedNode("office-one"))) {
                    _ = try await officeSync.now(transport: link)
                }
                #expect(try await Person.find(person.id, on: centreApp.db)?.nationality == "ERI")
            }
        }
    }

    @Test func aBundleCarriedByHandDoesWhatTheLinkDoes() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { officeApp, office in
                let link = try await Self.join(centre: centre, office: office)
                _ = try await SyncOfficeService(db: officeApp.db, context: office.context).now(transport: link)
                let officeSync = SyncOfficeService(db: officeApp.db, context: office.context)
                let hub = SyncCentreService(db: centreApp.db, context: centre.context)
                let atOffice = office.people(try await office.actor("office-cw", .caseworker))
                let atCentre = centre.people(try await centre.actor("centre-cw", .caseworker))
                let person = try await atOffice.register(TestFixture.draft("Hand Carried"))

                // The office's bundle, imported at the centre twice (a second stick with the same file).
                let bundle = try await officeSync.prepare(everything: true)
                let (reply, counts) = try await hub.exchange(bundle, limit: 1_000_000)
                #expect(counts.taken > 0)
                #expect(try await atCentre.find(person.id).personal.nameOriginal == "Hand Carried")
                let (_, again) = try await hub.exchange(bundle, limit: 1_000_000)
                #expect(again.taken == counts.taken)
                #expect(try await Person.query(on: centreApp.db).count() == 1)
                // The answer carried back: nothing waits at the office any more.
                _ = try await officeSync.take(reply)
                #expect(try await officeSync.status()?.pending == 0)

                // The centre's own change, carried to the office in a bundle made for it.
                var draft = try await atCentre.find(person.id).draft
                draft.nationality = "SOM"
                _ = try await atCentre.update(person.id, with: draft, expectedVersion: 2)
                let forOffice = try await hub.export(node: "office-one")
                _ = try await officeSync.take(forOffice)
                #expect(try await atOffice.find(person.id).facts.nationality == "SOM")
                // A bundle meant for the centre is not one an office takes, and a stranger's is refused by name.
                await #expect(throws: SyncExchangeError.bundle(.unknownNode("office-one"))) {
                    _ = try await officeSync.take(bundle)
                }
                let stranger = try SyncBundle.seal(
                    body: Data("{}".utf8), node: "office-one", kind: "request",
                    organisation: "another", key: SymmetricKey(size: .bits256),
                    signer: Curve25519.Signing.PrivateKey())
                await #expect(throws: SyncExchangeError.bundle(.otherOrganisation("another"))) {
                    _ = try await hub.exchange(stranger)
                }
            }
        }
    }

    @Test func onePersonRegisteredAtTwoOfficesIsOfferedForMergeAtTheCentre() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { _, first in
                try await TestApp.office(keys: centre.context.keys) { _, second in
                    let linkOne = try await Self.join(centre: centre, office: first, name: "office-one")
                    let linkTwo = try await Self.join(centre: centre, office: second, name: "office-two")
                    let syncOne = SyncOfficeService(db: first.app.db, context: first.context)
                    let syncTwo = SyncOfficeService(db: second.app.db, context: second.context)
                    var draft = TestFixture.draft("Selam Tesfay")
                    draft.phone = "+249912000111"
                    let one = try await first.people(try await first.actor("cw-one", .caseworker)).register(draft)
                    let two = try await second.people(try await second.actor("cw-two", .caseworker)).register(draft)
                    #expect(one.registrationNumber != two.registrationNumber, "each office numbers in its own block")
                    _ = try await syncOne.now(transport: linkOne)
                    _ = try await syncTwo.now(transport: linkTwo)

                    let supervisor = try await centre.actor("sup", .supervisor)
                    let identity = StoreServices(db: centreApp.db, actor: supervisor, context: centre.context).identity
                    let candidates = try await identity.candidates(forPerson: one.id)
                    #expect(candidates.map(\.id).contains(two.id))
                    try await identity.merge(survivor: one.id, merged: two.id)

                    // The merge travels: office two's copy of its own registration now points at the survivor.
                    _ = try await syncTwo.now(transport: linkTwo)
                    let atTwo = try await Person.find(two.id, on: second.app.db)
                    #expect(atTwo?.mergedInto == one.id)
                    _ = try await syncOne.now(transport: linkOne)
                    #expect(try await Person.find(two.id, on: first.app.db)?.mergedInto == one.id)
                }
            }
        }
    }

    /// After a laptop is stolen the organisation's key is rotated at the centre; offices not yet given the new key
    /// keep exchanging under the previous one until theirs is replaced, and a key the centre never had is refused.
    @Test func officesKeepExchangingWhileTheKeyIsRotated() async throws {
        let old = SymmetricKey(size: .bits256)
        try await TestApp.office(keys: KeyRing(master: old)) { centreApp, centre in
            try await TestApp.office(keys: KeyRing(master: old)) { officeApp, office in
                _ = try await Self.join(centre: centre, office: office)
                let rotated = StoreContext(keys: KeyRing(master: SymmetricKey(size: .bits256), previous: [old]))
                let hub = SyncCentreService(db: centreApp.db, context: rotated)
                let person = try await office.people(try await office.actor("office-cw", .caseworker)).register(
                    TestFixture.draft("Still Under The Old Key"))
                let run = try await SyncOfficeService(db: officeApp.db, context: office.context).now {
                    try await hub.exchange($0).reply
                }
                #expect(run.pushed > 0)
                #expect(try await Person.find(person.id, on: centreApp.db) != nil)

                let foreign = StoreContext(keys: KeyRing(master: SymmetricKey(size: .bits256)))
                let refused = SyncCentreService(db: centreApp.db, context: foreign)
                let bundle = try await SyncOfficeService(db: officeApp.db, context: office.context).prepare()
                await #expect(throws: SyncExchangeError.bundle(.otherOrganisation(KeyRing(master: old).active.id))) {
                    _ = try await refused.exchange(bundle)
                }
            }
        }
    }

    /// A case worked at the office — notes (sealed), a follow-up, a service — arrives whole, and a note written at
    /// the centre reaches the office; the sealed note reads the same on both sides.
    @Test func aCaseWorkedAtTheOfficeArrivesWithItsNotesAndFollowUps() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { officeApp, office in
                let link = try await Self.join(centre: centre, office: office)
                let officeSync = SyncOfficeService(db: officeApp.db, context: office.context)
                let worker = try await office.actor("office-cw", .caseworker)
                let store = StoreServices(db: officeApp.db, actor: worker, context: office.context)
                let person = try await store.people.register(TestFixture.draft("Case Worked Offline"))
                let kase = try await store.cases.open(
                    personID: person.id, priority: "normal", risk: "medium", caseworker: nil)
                try await store.cases.addNote(kase.id, text: "Met at the bus station; needs a doctor.")
                try await store.cases.addFollowUp(kase.id, due: "2026-12-20", note: "Check the clinic visit")
                _ = try await store.cases.recordService(
                    kase.id, ServiceDraft(date: "2026-12-07", type: "medical", quantity: "1", status: "delivered"))
                _ = try await officeSync.now(transport: link)

                let atCentre = StoreServices(
                    db: centreApp.db, actor: try await centre.actor("centre-cw", .caseworker), context: centre.context)
                let file = try await atCentre.cases.file(kase.id)
                #expect(file.notes.map(\.text) == ["Met at the bus station; needs a doctor."])
                #expect(file.followUps.count == 1 && file.services.count == 1)

                try await atCentre.cases.addNote(kase.id, text: "Referred to the clinic by the centre.")
                _ = try await officeSync.now(transport: link)
                #expect(try await store.cases.file(kase.id).notes.count == 2)
            }
        }
    }

    /// Pages so small that every record arrives in pieces: a row is written only once all its fields are there, so
    /// the office never sends back an empty field it never had (found at 3,000 people, where pages split records).
    @Test func recordsSplitAcrossPagesAreNotSentBack() async throws {
        try await TestApp.with { centreApp, centre in
            try await TestApp.office(keys: centre.context.keys) { officeApp, office in
                let link = try await Self.join(centre: centre, office: office)
                let atCentre = centre.people(try await centre.actor("centre-cw", .caseworker))
                for name in ["One Person", "Two Person", "Three Person"] {
                    _ = try await atCentre.register(TestFixture.draft(name))
                }
                let officeSync = SyncOfficeService(db: officeApp.db, context: office.context)
                let first = try await officeSync.now(transport: link, pageLimit: 2)
                #expect(first.pushed == 0 && first.conflicts == 0 && first.pulled > 0)
                #expect(try await Person.query(on: officeApp.db).count() == 3)
                #expect(try await officeSync.now(transport: link) == SyncRun())
                #expect(
                    try await SyncCentreService(db: centreApp.db, context: centre.context).conflicts(centres: nil)
                        .isEmpty)
            }
        }
    }
}
