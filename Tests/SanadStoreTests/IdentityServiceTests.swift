import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

@Suite struct IdentityServiceTests {
    static func tesfay(_ original: String, latin: String?, centre: String = "SD12") -> PersonDraft {
        var d = PersonDraft()
        d.nameOriginal = original
        d.nameLatin = latin
        d.sex = "Masculine"
        d.birthDate = "1994-03-12"
        d.nationality = "ERI"
        d.centre = centre
        return d
    }

    @Test func registrationFindsTheSamePersonAcrossScriptsAndCentres() async throws {
        try await TestApp.with { app, fx in
            let gedaref = try await fx.actor("cw-gdf", .caseworker, centres: ["SD12"])
            let kassala = try await fx.actor("cw-ksl", .caseworker, centres: ["SD11"])
            var first = Self.tesfay("ተስፋይ ገብረማርያም", latin: "Tesfay Gebremariam")
            first.phone = "+249911000111"
            let existing = try await fx.people(gedaref).register(first)
            _ = try await fx.people(gedaref).register(TestFixture.draft("Amina Other", centre: "SD12"))

            var again = Self.tesfay("Tesfaye G/Mariam", latin: nil, centre: "SD12")
            again.birthDate = nil
            again.estimatedAge = "32"
            let here = try await IdentityService(db: app.db, actor: gedaref, context: fx.context).candidates(for: again)
            #expect(here.first?.id == existing.id)
            #expect(here.first?.visible == true)
            #expect(here.first?.record?.registrationNumber == existing.registrationNumber)

            let elsewhere = try await IdentityService(db: app.db, actor: kassala, context: fx.context)
                .candidates(for: Self.tesfay("Tesfay Gebremariam", latin: nil, centre: "SD11"))
            let hit = try #require(elsewhere.first { $0.id == existing.id })
            #expect(!hit.visible && hit.record == nil && hit.centre == "SD12", "only where, never who")
            #expect(hit.result.reasons.isEmpty && hit.result.score == 0, "nor which facts matched")
        }
    }

    @Test func mergeKeepsEverythingAndUndoRestoresBoth() async throws {
        try await TestApp.with { app, fx in
            let cw = try await fx.actor("cw0", .caseworker, centres: ["SD12"])
            let sup = try await fx.actor("sup", .supervisor, centres: ["SD12"])
            var a = Self.tesfay("ተስፋይ ገብረማርያም", latin: "Tesfay Gebremariam")
            a.documents = [DocumentDraft(type: "refugee-id", number: "RF-1001", issuingCountry: "SDN")]
            var b = Self.tesfay("Tesfaye Gebremariam", latin: "Tesfaye G/Mariam")
            b.phone = "+249922000222"
            b.documents = [DocumentDraft(type: "passport", number: "EP-77", issuingCountry: "ERI")]
            b.flags = ["urgent-medical"]
            b.languages = ["tir", "ara"]
            let survivor = try await fx.people(cw).register(a)
            let merged = try await fx.people(cw).register(b)
            _ = try await fx.people(cw).update(
                merged.id,
                with: {
                    var d = merged.draft; d.notes = "seen twice"; return d
                }(), expectedVersion: 1)

            let identity = IdentityService(db: app.db, actor: sup, context: fx.context)
            await #expect(throws: StoreError.forbidden) {
                try await IdentityService(db: app.db, actor: cw, context: fx.context).merge(
                    survivor: survivor.id, merged: merged.id)
            }
            // The survivor as the supervisor saw it (version 1) was edited since: the merge would overwrite it.
            _ = try await fx.people(cw).update(
                survivor.id,
                with: {
                    var d = survivor.draft; d.notes = "edited while the supervisor looked"; return d
                }(), expectedVersion: 1)
            await #expect(throws: StoreError.versionConflict(current: 2)) {
                try await identity.merge(survivor: survivor.id, merged: merged.id, expectedVersion: 1)
            }
            try await identity.merge(survivor: survivor.id, merged: merged.id, expectedVersion: 2)
            #expect(try await fx.people(sup).find(survivor.id).personal.notes == "edited while the supervisor looked")
            let people = fx.people(sup)
            let kept = try await people.find(survivor.id)
            #expect(
                kept.personal.aliases.contains("Tesfaye Gebremariam")
                    && kept.personal.aliases.contains("Tesfaye G/Mariam"))
            #expect(Set(kept.personal.documents.map(\.number)) == ["RF-1001", "EP-77"])
            #expect(kept.personal.otherPhones == ["+249922000222"])
            #expect(kept.facts.flags.contains(.urgentMedical))
            #expect(try await people.find(merged.id).mergedInto == survivor.id)
            #expect(try await people.history(merged.id).count == 1, "the merged record keeps its history")
            let listed = try await people.list(query: nil, centre: nil, page: 1, per: 10).items.map(\.id)
            #expect(listed == [survivor.id], "a merged record leaves the list")
            #expect(
                try await people.list(query: "Tesfaye", centre: nil, page: 1, per: 10).items.map(\.id) == [survivor.id])
            await #expect(throws: IdentityError.alreadyMerged) {
                try await identity.merge(survivor: survivor.id, merged: merged.id)
            }

            // An edit after the merge keeps the merged names.
            var edit = kept.draft
            edit.notes = "after merge"
            #expect(
                try await people.update(survivor.id, with: edit, expectedVersion: kept.version).personal.aliases
                    == kept.personal.aliases)

            try await identity.unmerge(merged.id)
            let back = try await people.find(survivor.id)
            #expect(back.personal.aliases.isEmpty && back.personal.documents.map(\.number) == ["RF-1001"])
            #expect(back.personal.otherPhones.isEmpty && !back.facts.flags.contains(.urgentMedical))
            #expect(back.personal.notes == "after merge", "changes made after the merge survive its undo")
            let restored = try await people.find(merged.id)
            #expect(
                restored.mergedInto == nil && restored.personal.notes == "seen twice"
                    && restored.personal.phone == "+249922000222")
            await #expect(throws: IdentityError.notMerged) { try await identity.unmerge(merged.id) }
            let actions = try await AuditEntry.query(on: app.db).filter(\.$recordID == merged.id.uuidString).all().map(
                \.action)
            #expect(actions.contains("person.merge") && actions.contains("person.unmerge"))
            #expect(
                try await AuditTrail.verify(on: app.db, key: fx.context.keys.audit)
                    == .intact(entries: try await AuditEntry.query(on: app.db).count()))
        }
    }

    @Test func differentPeopleAreNotProposedAgain() async throws {
        try await TestApp.with { app, fx in
            let sup = try await fx.actor("sup", .supervisor, centres: ["SD12"])
            let a = try await fx.people(sup).register(Self.tesfay("Tesfay Gebremariam", latin: nil))
            let b = try await fx.people(sup).register(Self.tesfay("Tesfaye Gebremariam", latin: nil))
            let identity = IdentityService(db: app.db, actor: sup, context: fx.context)
            #expect(try await identity.candidates(forPerson: a.id).map(\.id).contains(b.id))
            try await identity.markDistinct(b.id, a.id)
            #expect(!(try await identity.candidates(forPerson: a.id).map(\.id).contains(b.id)))
            #expect(!(try await identity.candidates(forPerson: b.id).map(\.id).contains(a.id)))
            await #expect(throws: IdentityError.samePerson) { try await identity.markDistinct(a.id, a.id) }
        }
    }
}
