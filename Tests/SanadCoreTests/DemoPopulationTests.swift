import Foundation
import Testing

@testable import SanadCore

@Suite("Demo population")
struct DemoPopulationTests {
    static let reference = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15, UTC
    static let people = DemoPopulation.generate(count: 5000, seed: 20_250_615, referenceDate: reference)

    static let utcFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// Parses "YYYY-MM-DD" strictly: the string must come back unchanged when formatted again.
    static func day(_ text: String) -> Date? {
        guard text.count == 10, let date = utcFormatter.date(from: text), utcFormatter.string(from: date) == text
        else { return nil }
        return date
    }

    static func age(born: String, at: String) -> Int {
        let birth = born.split(separator: "-").compactMap { Int($0) }
        let then = at.split(separator: "-").compactMap { Int($0) }
        let hadBirthday = (then[1], then[2]) >= (birth[1], birth[2])
        return then[0] - birth[0] - (hadBirthday ? 0 : 1)
    }

    static func ageAtArrival(_ person: DemoPerson) -> Int {
        if let born = person.birthDate { return age(born: born, at: person.arrivalDate) }
        return person.estimatedAge ?? -1
    }

    static func letters(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.isAlphabetic }
    }

    static func isEthiopic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F: true
        default: false
        }
    }

    static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: true
        default: false
        }
    }

    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: true
        default: false
        }
    }

    static func share(_ people: [DemoPerson], _ predicate: (DemoPerson) -> Bool) -> Double {
        Double(people.filter(predicate).count) / Double(people.count)
    }

    @Test func sameSeedGivesSamePeople() {
        let again = DemoPopulation.generate(count: 5000, seed: 20_250_615, referenceDate: Self.reference)
        #expect(again == Self.people)
    }

    @Test func differentSeedGivesDifferentPeople() {
        let other = DemoPopulation.generate(count: 5000, seed: 20_250_616, referenceDate: Self.reference)
        #expect(other != Self.people)
        let sameNames = zip(other, Self.people).filter { $0.nameLatin == $1.nameLatin }.count
        #expect(sameNames < 500)
    }

    @Test(arguments: [0, 1, 2, 37, 1000])
    func countIsHonoured(count: Int) {
        #expect(DemoPopulation.generate(count: count, seed: 7, referenceDate: Self.reference).count == count)
    }

    @Test func negativeCountGivesNobody() {
        #expect(DemoPopulation.generate(count: -3, seed: 7, referenceDate: Self.reference).isEmpty)
    }

    @Test func nationalitySharesFollowDomain() {
        let expected: [String: Double] = [
            "ETH": 0.40, "ERI": 0.30, "SSD": 0.12, "SOM": 0.04, "NGA": 0.03, "TCD": 0.03, "SDN": 0.05,
        ]
        for (code, target) in expected {
            let actual = Self.share(Self.people) { $0.nationality == code }
            #expect(abs(actual - target) < max(0.025, target * 0.25), "\(code): \(actual)")
        }
        let westAfrica = Self.share(Self.people) { ["NER", "MLI", "CMR"].contains($0.nationality) }
        #expect(abs(westAfrica - 0.03) < 0.012, "NER+MLI+CMR: \(westAfrica)")
        let known = Set(expected.keys).union(["NER", "MLI", "CMR"])
        #expect(Self.people.allSatisfy { known.contains($0.nationality) })
    }

    @Test func hornOfAfricaNamesAreInGeezOrLatin() {
        let horn = Self.people.filter { ["ERI", "ETH"].contains($0.nationality) }
        var geez = 0
        for person in horn {
            let letters = Self.letters(person.nameOriginal)
            let inGeez = letters.allSatisfy(Self.isEthiopic)
            let inLatin = letters.allSatisfy(Self.isLatin)
            #expect(!letters.isEmpty && (inGeez || inLatin), "\(person.nationality): \(person.nameOriginal)")
            if inGeez { geez += 1 }
        }
        // Eritreans all, and Amhara and Tigrayans mostly, write Ge'ez; Oromo write Latin.
        #expect(Double(geez) / Double(horn.count) > 0.6)
        let eritreans = horn.filter { $0.nationality == "ERI" }
        let eritreansInGeez = Self.share(eritreans) { Self.letters($0.nameOriginal).allSatisfy(Self.isEthiopic) }
        #expect(eritreansInGeez > 0.8)
    }

    @Test func sudaneseNamesAreInArabicScript() {
        let sudanese = Self.people.filter { $0.nationality == "SDN" }
        #expect(!sudanese.isEmpty)
        for person in sudanese {
            let letters = Self.letters(person.nameOriginal)
            #expect(!letters.isEmpty && letters.allSatisfy(Self.isArabic), "\(person.nameOriginal)")
            #expect(person.nameOriginal.split(separator: " ").count == 3)
        }
    }

    @Test func latinNamesAreLatin() {
        for person in Self.people {
            let letters = Self.letters(person.nameLatin)
            #expect(!letters.isEmpty && letters.allSatisfy(Self.isLatin), "\(person.nameLatin)")
            if Self.letters(person.nameOriginal).allSatisfy(Self.isLatin) {
                #expect(person.nameOriginal == person.nameLatin)
            }
        }
    }

    @Test func namesCollideAndVaryLikeRealOnes() {
        var counts: [String: Int] = [:]
        for person in Self.people { counts[person.nameLatin, default: 0] += 1 }
        #expect(counts.values.contains { $0 >= 2 }, "some different people share a name")
        let given = Set(Self.people.map { String($0.nameLatin.split(separator: " ")[0]) })
        for spellings in [["Mohamed", "Mohammed"], ["Tesfay", "Tesfaye"]] {
            #expect(spellings.allSatisfy(given.contains), "\(spellings)")
        }
        let latin = Self.people.map(\.nameLatin).joined(separator: " ")
        #expect(latin.contains("G/"), "abbreviated Gebre- names appear")
    }

    @Test func nameListsAreLargeAndInTheirScript() {
        for group in DemoNameGroup.allCases {
            #expect(group.male.count >= 40, "\(group) male")
            #expect(group.female.count >= 40, "\(group) female")
            for name in group.male + group.female {
                #expect(!name.latin.isEmpty)
                let letters = Self.letters(name.native ?? "")
                switch group.script {
                case .ethiopic: #expect(!letters.isEmpty && letters.allSatisfy(Self.isEthiopic), "\(name.latin)")
                case .arabic: #expect(!letters.isEmpty && letters.allSatisfy(Self.isArabic), "\(name.latin)")
                case .latin: #expect(name.native == nil)
                }
            }
        }
    }

    @Test func datesAreWellFormedAndInThePast() throws {
        let today = try #require(Self.day("2025-06-15"))
        let threeYearsAgo = today.addingTimeInterval(-3 * 366 * 86_400)
        for person in Self.people {
            let arrival = try #require(Self.day(person.arrivalDate), "\(person.arrivalDate)")
            #expect(arrival <= today && arrival >= threeYearsAgo, "\(person.arrivalDate)")
            #expect((person.birthDate == nil) != (person.estimatedAge == nil))
            if let birthDate = person.birthDate {
                let born = try #require(Self.day(birthDate), "\(birthDate)")
                #expect(born < arrival)
            }
            #expect((5...70).contains(Self.ageAtArrival(person)), "\(Self.ageAtArrival(person))")
        }
        let withBirthDate = Self.share(Self.people) { $0.birthDate != nil }
        #expect(abs(withBirthDate - 0.6) < 0.05)
    }

    @Test func agesAreMostlyYoungAdultsWithSomeChildren() {
        let ages = Self.people.map(Self.ageAtArrival)
        let children = Double(ages.filter { $0 < 18 }.count) / Double(ages.count)
        #expect(abs(children - 0.15) < 0.03, "\(children)")
        #expect(ages.contains { (5...14).contains($0) })
        let youngAdults = Double(ages.filter { (15...35).contains($0) }.count) / Double(ages.count)
        #expect(youngAdults > 0.6, "\(youngAdults)")
    }

    @Test func flagsAreRareAndConsistent() {
        let known: Set = [
            "unaccompanied-child", "separated-child", "urgent-medical", "pregnancy", "disability",
            "sexual-violence-survivor",
        ]
        for person in Self.people {
            let age = Self.ageAtArrival(person)
            #expect(person.flags.isSubset(of: known))
            if person.flags.contains("pregnancy") {
                #expect(person.sex == "Feminine" && age >= 18, "\(person.sex) \(age)")
            }
            if !person.flags.isDisjoint(with: ["unaccompanied-child", "separated-child"]) {
                #expect(age < 18)
            }
            #expect(!person.flags.isSuperset(of: ["unaccompanied-child", "separated-child"]))
        }
        let flagged = Self.share(Self.people) { !$0.flags.isEmpty }
        #expect(flagged > 0.05 && flagged < 0.3, "\(flagged)")
        for flag in known {
            #expect(Self.people.contains { $0.flags.contains(flag) }, "\(flag)")
        }
    }

    @Test func sexCentresDocumentsAndLanguagesHaveValidValues() {
        let sexes: Set = ["Feminine", "Masculine", "NonSpecifiedUnknown"]
        let documents: Set = ["passport", "national-id", "refugee-id", "laissez-passer"]
        for person in Self.people {
            #expect(sexes.contains(person.sex))
            #expect(["SD01", "SD12", "SD11"].contains(person.centreCode))
            #expect((person.documentType == nil) == (person.documentNumber == nil))
            if let type = person.documentType { #expect(documents.contains(type)) }
            #expect(!person.languages.isEmpty && Set(person.languages).count == person.languages.count)
            #expect(person.languages.allSatisfy { $0.count == 3 && $0.allSatisfy(\.isLowercase) })
            if let phone = person.phone {
                #expect(phone.hasPrefix("+2499") && phone.count == 13 && phone.dropFirst().allSatisfy(\.isNumber))
            }
        }
        let ethiopians = Self.people.filter { $0.nationality == "ETH" }
        #expect(Self.share(ethiopians) { $0.sex == "Feminine" } > 0.5)
        let horn = Self.people.filter { ["ETH", "ERI"].contains($0.nationality) }
        #expect(Self.share(horn) { $0.centreCode != "SD01" } > 0.6)
    }
}
