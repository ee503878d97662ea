import Foundation
import Testing

@testable import SanadCore

@Suite("Identity match scorer")
struct IdentityMatchScorerTests {
    /// A population in which Mohamed, Ahmed and Ali are as common as they are in Sudan, next to the demo people.
    static let frequencies: NameFrequencies = {
        var records = DemoPopulation.generate(count: 1500, seed: 11, referenceDate: Date(timeIntervalSince1970: 1.75e9))
            .enumerated().map { IdentityRecord(id: "D\($0.offset)", demo: $0.element) }
        let fathers = ["Ahmed", "Ali", "Osman", "Ibrahim", "Hassan", "Abdalla", "Yousif", "Omer"]
        for index in 0..<400 {
            records.append(
                IdentityRecord(id: "M\(index)", names: ["Mohamed \(fathers[index % 8]) \(fathers[(index / 8) % 8])"]))
        }
        return NameFrequencies(records: records)
    }()

    let scorer = MatchScorer(frequencies: Self.frequencies)

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func samePersonAcrossScriptsIsAMatch() {
        let latin = IdentityRecord(
            id: "a", names: ["Tesfaye G/Mariam"], sex: "Masculine", birthDate: Self.date("1994-03-12"),
            nationality: "ERI")
        let geez = IdentityRecord(
            id: "b", names: ["ተስፋይ ገብረማርያም"], sex: "Masculine", birthDate: Self.date("1994-03-12"), nationality: "ERI")
        let result = scorer.compare(latin, geez)
        #expect(result.decision == .match)
        #expect(result.reasons.contains("names agree across scripts"))
        #expect(result.reasons.contains("same date of birth"))
    }

    @Test func differentPeopleWithACommonNameAndDifferentBirthDatesAreNoMatch() {
        let first = IdentityRecord(
            id: "a", names: ["Mohamed Ahmed Ali"], sex: "Masculine", birthDate: Self.date("1990-05-01"),
            nationality: "SDN")
        let second = IdentityRecord(
            id: "b", names: ["محمد أحمد علي"], sex: "Masculine", birthDate: Self.date("1996-02-03"), nationality: "SDN")
        #expect(scorer.compare(first, second).decision == nil)
        // Estimated ages a few years apart leave it open at most.
        var estimated = second
        estimated.birthDate = nil
        estimated.birthYear = 1992
        estimated.birthYearEstimated = true
        #expect(scorer.compare(first, estimated).decision != .match)
    }

    @Test func rareNamesWeighMoreThanCommonOnes() {
        func pair(_ name: String) -> Double {
            let a = IdentityRecord(id: "a", names: [name], sex: "Masculine", birthYear: 1994, birthYearEstimated: true)
            let b = IdentityRecord(id: "b", names: [name], sex: "Masculine", birthYear: 1995, birthYearEstimated: true)
            return scorer.compare(a, b).score
        }
        let common = pair("Mohamed Ahmed")
        let rare = pair("Weldemichael Habtom")
        #expect(rare > common + 5)
        let weak = scorer.compare(
            IdentityRecord(id: "a", names: ["Mohamed Ahmed"]), IdentityRecord(id: "b", names: ["Mohamed Ahmed"]))
        #expect(weak.decision == nil)
        let sharingAPhone = scorer.compare(
            IdentityRecord(id: "a", names: ["Mohamed Ahmed"], phone: "0912345678"),
            IdentityRecord(id: "b", names: ["Mohamed Ahmed"], phone: "0912345678"))
        #expect(sharingAPhone.decision == .possible)
        #expect(sharingAPhone.reasons.contains("common names"))
    }

    @Test func estimatedAgesAreToleratedAndExplainedByYear() {
        // Names that no one else in the population carries.
        let a = IdentityRecord(
            id: "a", names: ["Okbazghi Zerom"], sex: "Masculine", birthYear: 1994, birthYearEstimated: true)
        let b = IdentityRecord(
            id: "b", names: ["OKBAZGI ZEROM"], sex: "Masculine", birthYear: 1995, birthYearEstimated: true)
        let result = scorer.compare(a, b)
        #expect(result.score >= scorer.matchThreshold)
        #expect(result.reasons.contains("estimated birth years 1994 and 1995"))
        var far = b
        far.birthYear = 2010
        #expect(scorer.compare(a, far).score < result.score - 10)
    }

    @Test func exactYearsAreExplained() {
        let a = IdentityRecord(id: "a", names: ["Selam Kidane"], birthDate: Self.date("1994-07-02"))
        let b = IdentityRecord(id: "b", names: ["Selam Kidane"], birthYear: 1995)
        #expect(scorer.compare(a, b).reasons.contains("birth years 1994 and 1995"))
        let swapped = IdentityRecord(id: "c", names: ["Selam Kidane"], birthDate: Self.date("1994-02-07"))
        #expect(scorer.compare(a, swapped).reasons.contains("day and month of birth swapped"))
    }

    @Test func samePhoneAndDocumentAreStrongEvidence() {
        let a = IdentityRecord(
            id: "a", names: ["Mohamed Ahmed"], sex: "Masculine", phone: "+249912345678", documentNumber: "P 0123-456")
        let b = IdentityRecord(
            id: "b", names: ["Muhammad Ahmad"], sex: "Masculine", phone: "0912345678", documentNumber: "p0123456")
        let result = scorer.compare(a, b)
        #expect(result.decision == .match)
        #expect(result.reasons.contains("same phone"))
        #expect(result.reasons.contains("same document number"))
    }

    @Test func reasonsNeverCarryNamesOrContacts() {
        let a = IdentityRecord(
            id: "a", names: ["Weldemichael Habtom Kidane"], sex: "Masculine", birthDate: Self.date("1994-03-12"),
            nationality: "ERI", phone: "+249912345678", documentNumber: "EP1234567")
        let b = IdentityRecord(
            id: "b", names: ["ወልደሚካኤል ሃብቶም"], sex: "Feminine", birthYear: 1995, birthYearEstimated: true,
            nationality: "ETH", phone: "+249912345678", documentNumber: "EP1234568")
        let result = scorer.compare(a, b)
        #expect(!result.reasons.isEmpty)
        for reason in result.reasons {
            #expect(!reason.lowercased().contains("weldemichael"))
            #expect(!reason.contains("ሃብቶም"))
            #expect(!reason.contains("912345678"))
            #expect(!reason.contains("1234567"))
            #expect(!reason.contains("ERI") && !reason.contains("ETH"))
        }
        #expect(result.reasons.contains("different sex"))
        #expect(result.reasons.contains("different nationality"))
        #expect(result.reasons.contains("document numbers differ by one character"))
        #expect(result.reasons.contains("grandfather's name missing in one record"))
    }

    @Test func missingGrandfatherAndSwappedPartsAreTolerated() {
        let full = IdentityRecord(
            id: "a", names: ["Hashim Abdalla Elamin"], sex: "Masculine", birthDate: Self.date("1988-09-30"))
        let short = IdentityRecord(
            id: "b", names: ["Hashim Abdalla"], sex: "Masculine", birthDate: Self.date("1988-09-30"))
        let swapped = IdentityRecord(
            id: "c", names: ["Abdalla Hashim Elamin"], sex: "Masculine", birthDate: Self.date("1988-09-30"))
        let shortResult = scorer.compare(full, short)
        #expect(shortResult.decision == .match)
        #expect(shortResult.reasons.contains("grandfather's name missing in one record"))
        // Found, but a person decides: in patronymic names a reordering is as often father and son.
        let swappedResult = scorer.compare(full, swapped)
        #expect(swappedResult.score >= scorer.matchThreshold)
        #expect(swappedResult.decision == .possible)
        #expect(swappedResult.reasons.contains("name parts in a different order"))
        var documented = (full, swapped)
        documented.0.documentNumber = "P1234567"
        documented.1.documentNumber = "P1234567"
        #expect(scorer.compare(documented.0, documented.1).decision == .match)
    }

    @Test func namesAndAnAgeAloneAreNeverSure() {
        // Rare names, the same estimated age: a match by score, which only a phone, a document or a birth date can
        // confirm, because families and namesakes share names.
        let a = IdentityRecord(
            id: "a", names: ["Okbazghi Zerom Tewolde"], sex: "Masculine", birthYear: 1994, birthYearEstimated: true)
        let b = IdentityRecord(
            id: "b", names: ["OKBAZGI ZEROM TEWOLDE"], sex: "Masculine", birthYear: 1994, birthYearEstimated: true)
        let alone = scorer.compare(a, b)
        #expect(alone.score >= scorer.matchThreshold)
        #expect(alone.decision == .possible)
        #expect(alone.reasons.contains("no phone, document or birth date confirms it"))
        var withPhone = (a, b)
        withPhone.0.phone = "0912345678"
        withPhone.1.phone = "+249912345678"
        #expect(scorer.compare(withPhone.0, withPhone.1).decision == .match)
        func born(_ first: String, _ second: String) -> MatchResult {
            var pair = (a, b)
            pair.0.birthYearEstimated = false
            pair.1.birthYearEstimated = false
            pair.0.birthDate = Self.date(first)
            pair.1.birthDate = Self.date(second)
            return scorer.compare(pair.0, pair.1)
        }
        #expect(born("1994-03-12", "1994-12-03").reasons.contains("day and month of birth swapped"))
        #expect(born("1994-03-12", "1994-12-03").decision == .match)
        #expect(born("1994-03-12", "1994-03-12").decision == .match)
        // A 1 January stand-in for an unknown date is a year, not a date.
        #expect(born("1994-01-01", "1994-01-01").decision == .possible)
    }

    @Test func aParentAndAChildAreNeverOnePerson() {
        // The child's name is their given name before the father's whole name; one phone, one family.
        let father = IdentityRecord(
            id: "a", names: ["Peter Makuei Majok"], sex: "Masculine", birthDate: Self.date("1976-05-02"),
            phone: "+249910533712")
        let son = IdentityRecord(
            id: "b", names: ["Malwal Peter Makuei Majok"], sex: "Masculine", birthDate: Self.date("2007-09-27"),
            phone: "0910533712")
        let result = scorer.compare(father, son)
        #expect(result.decision == nil)
        var guessed = (father, son)
        guessed.0.birthDate = nil
        guessed.1.birthDate = nil
        let shifted = scorer.compare(guessed.0, guessed.1)
        // Without birth dates the names and phone score as a match; the shift leaves it to a person.
        #expect(shifted.score >= scorer.matchThreshold)
        #expect(shifted.decision == .possible)
        #expect(shifted.reasons.contains("one record's given name is the other's second name"))
        // 1 January stands for an unknown day: two such dates years apart are two guesses, not two dates.
        var placeholders = (father, father)
        placeholders.0.birthDate = Self.date("1973-01-01")
        placeholders.1.birthDate = Self.date("1976-01-01")
        #expect(scorer.compare(placeholders.0, placeholders.1).reasons.contains("estimated birth years 1973 and 1976"))
    }

    @Test func siblingsWithTheSameBirthDateAndPhoneAreHeldNotMatched() {
        // Twins: one phone, one birth date, one father and grandfather; only the given names differ.
        let brother = IdentityRecord(
            id: "a", names: ["Haile Girma Dawit"], sex: "Masculine", birthDate: Self.date("2007-03-19"),
            phone: "+249911364292")
        let twin = IdentityRecord(
            id: "b", names: ["Solomon Girma Dawit"], sex: "Masculine", birthDate: Self.date("2007-03-19"),
            phone: "0911364292")
        let result = scorer.compare(brother, twin)
        #expect(result.decision == .possible)
        #expect(result.reasons.contains("given names differ"))
    }

    @Test func siblingsSharingAPhoneAreNoMatch() {
        let brother = IdentityRecord(
            id: "a", names: ["Yonas Tekle Habte"], sex: "Masculine", birthDate: Self.date("1996-04-10"),
            phone: "+249912000111")
        let sister = IdentityRecord(
            id: "b", names: ["Selam Tekle Habte"], sex: "Feminine", birthDate: Self.date("1999-11-02"),
            phone: "+249912000111")
        let result = scorer.compare(brother, sister)
        #expect(result.decision != .match)
    }

    @Test func aTypoStillCountsForSomething() {
        let a = IdentityRecord(id: "a", names: ["Weldemichael Habtom"], birthDate: Self.date("1994-03-12"))
        let typo = IdentityRecord(id: "b", names: ["Weldemichael Hagtom"], birthDate: Self.date("1994-03-12"))
        let result = scorer.compare(a, typo)
        #expect(result.decision == .match)
        #expect(result.reasons.contains("names agree except for spelling"))
    }

    @Test func thresholdsDecide() {
        let a = IdentityRecord(id: "a", names: ["Weldemichael Habtom"], birthDate: Self.date("1994-03-12"))
        let strict = MatchScorer(frequencies: Self.frequencies, thresholds: (match: 1000, possible: 999))
        #expect(strict.compare(a, a).decision == nil)
        #expect(strict.compare(a, a).reasons.isEmpty)
        let lenient = MatchScorer(frequencies: Self.frequencies, thresholds: (match: 1, possible: 0))
        #expect(lenient.compare(a, a).decision == .match)
    }

    @Test func defaultMatchThresholdRisesWithThePopulation() {
        let base = MatchScorer.defaultThresholds.match
        #expect(MatchScorer.defaultMatchThreshold(population: 0) == base)
        #expect(MatchScorer.defaultMatchThreshold(population: MatchScorer.referencePopulation) == base)
        #expect(MatchScorer.defaultMatchThreshold(population: 4 * MatchScorer.referencePopulation) == base + 2)
        #expect(MatchScorer(frequencies: Self.frequencies).matchThreshold == base)
        let explicit = MatchScorer(frequencies: Self.frequencies, thresholds: (match: 20, possible: 5))
        #expect(explicit.matchThreshold == 20 && explicit.possibleThreshold == 5)
    }

    @Test func recordsWithoutNamesCompareOnTheRest() {
        let a = IdentityRecord(id: "a", names: [""], phone: "+249912345678", documentNumber: "EP1234567")
        let b = IdentityRecord(id: "b", names: [], phone: "+249912345678", documentNumber: "EP1234567")
        let result = scorer.compare(a, b)
        #expect(result.score == MatchScorer.Weights.samePhone + MatchScorer.Weights.sameDocument)
    }

    @Test func frequenciesCountRecordsAndPullRareKeysTowardsThePrior() {
        var frequencies = NameFrequencies.empty
        #expect(frequencies.share(of: "mhmt") == NameFrequencies.priorShare)
        let record = IdentityRecord(id: "a", names: ["Mohamed Ahmed", "محمد أحمد"])
        frequencies.add(record)
        #expect(frequencies.population == 1)
        #expect(frequencies.count(of: "mhmt") == 1)
        frequencies.remove(record)
        #expect(frequencies.count(of: "mhmt") == 0)
        #expect(Self.frequencies.share(of: "mhmt") > 10 * Self.frequencies.share(of: "hbtm"))
    }
}
