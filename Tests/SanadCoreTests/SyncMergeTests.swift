import Testing

@testable import SanadCore

/// The centre's merge rules one at a time (issue 11); `SyncSimulationTests` runs them all under faults.
@Suite struct SyncMergeTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A centre and offices a and b, enrolled for these centres.
    private func offices(a: Set<String>, b: Set<String>) -> (SyncCentre, SyncOffice, SyncOffice) {
        var centre = SyncCentre()
        centre.enrol("a", centres: a)
        centre.enrol("b", centres: b)
        return (centre, SyncOffice(node: "a", centres: a), SyncOffice(node: "b", centres: b))
    }

    /// Two offices serving SD11, and a person whose phone both copies hold.
    private func world() -> (SyncCentre, SyncOffice, SyncOffice) {
        var (centre, a, b) = offices(a: ["SD11"], b: ["SD11"])
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0911"), author: "amal", at: 0)
        a.receive(centre.receive(a.push()!))
        b.receive(centre.pull(office: "b", after: 0))
        return (centre, a, b)
    }

    @Test func sameFieldEditedOnTwoOfficesIsHeldNotOverwritten() {
        var (centre, a, b) = world()
        let key = SyncFieldKey(record: "p1", field: "phone")
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0922"), author: "amal", at: 10)
        // b's clock is a day ahead: it changes nothing.
        b.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0933"), author: "omer", at: 86_400)
        let first = centre.receive(b.push()!)
        let second = centre.receive(a.push()!)
        #expect(first.outcomes.values.first == .applied)
        #expect(second.outcomes.values.first == .held)
        #expect(centre.fields[key]?.value == bytes("0933"))
        #expect(centre.fields[key]?.held.map(\.value) == [bytes("0922")])
        #expect(centre.fields[key]?.held.first?.author == "amal")

        // A supervisor chooses; the choice is an edit that closes both values and travels.
        let state = centre.fields[key]!
        let (_, outcome) = centre.make(
            record: "p1", centre: "SD11", field: "phone",
            kind: .resolve(value: bytes("0922"), supersedes: [state.head!] + state.held.map(\.id)), author: "sup",
            at: 20)
        #expect(outcome == .applied)
        #expect(centre.fields[key]?.inConflict == false && centre.fields[key]?.value == bytes("0922"))
        a.receive(centre.pull(office: "a", after: a.cursor))
        #expect(a.value(key) == bytes("0922") && a.fields[key] == centre.fields[key])
    }

    @Test func differentFieldsOfOneRecordBothApply() {
        var (centre, a, b) = world()
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0922"), author: "amal", at: 10)
        b.edit(record: "p1", centre: "SD11", field: "nationality", value: bytes("ERI"), author: "omer", at: 10)
        #expect(centre.receive(b.push()!).outcomes.values.allSatisfy { $0 == .applied })
        #expect(centre.receive(a.push()!).outcomes.values.allSatisfy { $0 == .applied })
        #expect(centre.fields.values.allSatisfy { !$0.inConflict })
    }

    @Test func anOfficeEditingTwiceWhileCutOffBuildsOnItsOwnEdit() {
        var (centre, a, _) = world()
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0922"), author: "amal", at: 10)
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0944"), author: "amal", at: 11)
        let reply = centre.receive(a.push()!)
        #expect(reply.outcomes.count == 2 && reply.outcomes.values.allSatisfy { $0 == .applied })
        // And again right after the push was answered, before any pull.
        a.receive(reply)
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0955"), author: "amal", at: 12)
        #expect(centre.receive(a.push()!).outcomes.values.first == .applied)
    }

    @Test func repeatedSkippedAndTamperedPagesChangeNothing() {
        var (centre, a, _) = world()
        for n in 0..<3 {
            a.addFact(record: "p1", centre: "SD11", kind: "service", content: bytes("food \(n)"), author: "amal", at: 1)
        }
        let page = a.push()!
        // The last operation alone: it skips two, so nothing is taken and the office is told where to resume.
        let ahead = centre.receive(SyncPush(node: "a", operations: [page.operations[2]]))
        #expect(ahead.outcomes.isEmpty && ahead.acknowledged == 1)
        let reply = centre.receive(page)
        let before = centre
        #expect(centre.receive(page) == reply)
        #expect(centre == before)
        // The same id with other content: an alarm, never an overwrite.
        let original = page.operations[0]
        let forged = SyncOperation(
            id: original.id, record: "p1", centre: "SD11", field: "service", kind: .fact(content: bytes("cash")),
            author: "amal", at: 1)
        #expect(centre.receive(SyncPush(node: "a", operations: [forged])).outcomes[original.id] == .refused(.integrity))
        #expect(centre.facts[original.id] == original && centre.alarms == [forged])
    }

    @Test func aTransitionWhoseRuleNoLongerHoldsComesBackForReview() {
        var (centre, a, b) = world()
        a.edit(record: "p1", centre: "SD11", field: "stage", value: bytes("open"), author: "amal", at: 1)
        a.receive(centre.receive(a.push()!))
        b.receive(centre.pull(office: "b", after: b.cursor))
        a.transition(record: "p1", centre: "SD11", field: "stage", to: bytes("closed"), author: "amal", at: 2)
        b.transition(record: "p1", centre: "SD11", field: "stage", to: bytes("referred"), author: "omer", at: 2)
        #expect(centre.receive(a.push()!).outcomes.values.first == .applied)
        let late = centre.receive(b.push()!)
        #expect(late.outcomes.values.first == .refused(.needsReview(found: bytes("closed"))))
        b.receive(late)
        #expect(b.outcomes.values.contains(.refused(.needsReview(found: bytes("closed")))))
    }

    @Test func anOfficeNeitherSendsNorReceivesOtherCentresRecords() {
        var (centre, a, b) = offices(a: ["SD11"], b: ["SD12"])
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0911"), author: "amal", at: 0)
        a.edit(record: "p2", centre: "SD12", field: "phone", value: bytes("0922"), author: "amal", at: 0)
        let reply = centre.receive(a.push()!)
        #expect(reply.outcomes[SyncOpID(node: "a", sequence: 2)] == .refused(.outOfScope))
        b.receive(centre.pull(office: "b", after: 0))
        #expect(b.fields.isEmpty)
        a.receive(reply)
        a.receive(centre.pull(office: "a", after: 0))
        #expect(a.fields.keys.map(\.record) == ["p1"])
    }

    /// A record transferred from SD11 to SD12 leaves the office that serves only SD11 and reaches the one that
    /// serves SD12, fields and facts; an edit still made at the old office is refused as out of scope, visibly.
    @Test func aTransferredRecordMovesBetweenOffices() {
        var (centre, a, b) = offices(a: ["SD11"], b: ["SD12"])
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0911"), author: "amal", at: 0)
        a.addFact(record: "p1", centre: "SD11", kind: "service", content: bytes("food"), author: "amal", at: 0)
        a.receive(centre.receive(a.push()!))
        centre.make(record: "p1", centre: "SD11", field: "centre", kind: .transfer(to: "SD12"), author: "sup", at: 1)
        let late = a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0922"), author: "amal", at: 2)
        a.receive(centre.receive(a.push()!))
        #expect(a.outcomes[late.id] == .refused(.outOfScope))
        a.receive(centre.pull(office: "a", after: a.cursor))
        b.receive(centre.pull(office: "b", after: b.cursor))
        #expect(a.fields.isEmpty && a.facts.isEmpty)
        #expect(b.fields[SyncFieldKey(record: "p1", field: "phone")]?.value == bytes("0911"))
        #expect(b.facts.values.map(\.kind) == [.fact(content: bytes("food"))])
        #expect(centre.recordCentre["p1"] == "SD12")
    }

    @Test func aLatePullReplyNeverTakesAFieldBack() {
        var (centre, a, b) = world()
        let key = SyncFieldKey(record: "p1", field: "phone")
        let old = centre.pull(office: "b", after: 0)
        a.edit(record: "p1", centre: "SD11", field: "phone", value: bytes("0922"), author: "amal", at: 10)
        _ = centre.receive(a.push()!)
        b.receive(centre.pull(office: "b", after: b.cursor))
        #expect(b.value(key) == bytes("0922"))
        b.receive(old)
        #expect(b.value(key) == bytes("0922"))
    }
}
