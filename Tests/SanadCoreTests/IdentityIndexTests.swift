import Foundation
import Testing

@testable import SanadCore

@Suite("Identity index")
struct IdentityIndexTests {
    static let distractors: [IdentityRecord] = DemoPopulation.generate(
        count: 4000, seed: 21, referenceDate: Date(timeIntervalSince1970: 1.75e9)
    ).enumerated().map { IdentityRecord(id: "D\($0.offset)", demo: $0.element) }

    static let registered = IdentityRecord(
        id: "first", names: ["ተስፋይ ገብረማርያም", "Tesfay Gebremariam"], sex: "Masculine",
        birthDate: CivilDate("1994-03-12"),
        nationality: "ERI", phone: "+249912345678")
    static let returning = IdentityRecord(
        id: "second", names: ["Tesfaye G/Mariam"], sex: "Masculine", birthYear: 1995, birthYearEstimated: true,
        nationality: "ERI")

    @Test func findsTheDuplicateAmongManyDistractors() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors)
        index.insert(Self.registered)
        #expect(index.count == Self.distractors.count + 1)
        let found = index.matches(for: Self.returning)
        #expect(found.first?.id == "first")
        #expect(found.first.map { $0.result.decision != nil } == true)
        #expect(found.first?.result.reasons.contains("names agree across scripts") == true)
        // The phone number alone makes the record a candidate, however differently the name is written; the scorer
        // then decides (here with thresholds low enough to show every candidate).
        let everything = IdentityIndex(thresholds: (match: 1000, possible: -1000))
        everything.insert(contentsOf: Self.distractors)
        everything.insert(Self.registered)
        let byPhone = IdentityRecord(id: "third", names: ["T. Gebre"], sex: "Masculine", phone: "0912345678")
        #expect(everything.matches(for: byPhone, limit: 400).contains { $0.id == "first" })
    }

    @Test func neverReturnsTheQueryItself() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors.prefix(500))
        index.insert(Self.registered)
        index.insert(Self.returning)
        for record in [Self.registered, Self.returning] + Self.distractors.prefix(50) {
            #expect(!index.matches(for: record).contains { $0.id == record.id })
        }
        #expect(index.matches(for: Self.registered).map(\.id) == ["second"])
    }

    @Test func resultsAreScoredBestFirstAndLimited() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors.prefix(1000))
        for number in 0..<30 {
            index.insert(
                IdentityRecord(
                    id: "r\(number)", names: ["Okbazghi Zerom"], sex: "Masculine",
                    birthYear: 1990 + number % 5, birthYearEstimated: true))
        }
        let found = index.matches(for: IdentityRecord(id: "q", names: ["Okbazghi Zerom"], birthYear: 1992), limit: 7)
        #expect(found.count == 7)
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.result.score >= $1.result.score })
    }

    @Test func insertReplacesAndRemoveForgets() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors.prefix(200))
        index.insert(Self.registered)
        var renamed = Self.registered
        renamed.names = ["Weldemichael Habtom"]
        renamed.phone = nil
        index.insert(renamed)
        #expect(index.count == 201)
        #expect(!index.matches(for: Self.returning).contains { $0.id == "first" })
        index.remove(id: "first")
        index.remove(id: "nobody")
        #expect(index.count == 200)
        #expect(index.frequencies.population == 200)
        index.insert(Self.registered)
        #expect(index.matches(for: Self.returning).first?.id == "first")
    }

    @Test func allPairsFindsDuplicatesWithoutSelfPairs() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors.prefix(1000))
        index.insert(Self.registered)
        index.insert(Self.returning)
        let pairs = index.allPairs()
        #expect(pairs.contains { $0.a == "first" && $0.b == "second" })
        #expect(pairs.allSatisfy { $0.a < $0.b && $0.result.decision != nil })
        #expect(Set(pairs.map { $0.a + "|" + $0.b }).count == pairs.count)
        let matches = index.allPairs(minimum: .match)
        #expect(matches.allSatisfy { $0.result.decision == .match })
        #expect(matches.count <= pairs.count)
    }

    @Test func concurrentInsertsAndQueriesAreSafe() {
        let index = IdentityIndex()
        index.insert(contentsOf: Self.distractors.prefix(500))
        let records = Array(Self.distractors[500..<1000])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for (offset, record) in records.enumerated() where offset % 8 == worker {
                index.insert(record)
                _ = index.matches(for: record, limit: 3)
                if offset % 5 == 0 { index.remove(id: record.id) }
            }
        }
        #expect(index.count == 1000 - records.indices.filter { $0 % 5 == 0 }.count)
    }

    @Test func candidateHeapKeepsTheBest() {
        var heap = IdentityIndex.CandidateHeap(capacity: 3)
        for (slot, rank) in [(1, 5.0), (2, 1.0), (3, 9.0), (4, 7.0), (5, 0.5), (6, 7.0)] as [(Int32, Float)] {
            heap.offer(slot, rank)
        }
        #expect(Set(heap.slots) == [3, 4, 6])
    }
}
