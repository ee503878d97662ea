import Foundation

/// A labelled test bed for the matcher: synthetic people registered one to four times, each time written down a
/// little differently, plus different people who share names, and the pairwise precision and recall of a matcher's
/// decisions on it.
public enum IdentityEvaluation {
    public struct Registration: Sendable {
        public let record: IdentityRecord
        /// Ground truth: registrations with the same key are the same person.
        public let personKey: Int

        public init(record: IdentityRecord, personKey: Int) {
            self.record = record
            self.personKey = personKey
        }
    }

    /// Pairwise quality of a set of decided pairs against the ground truth.
    public struct Scores: Sendable, CustomStringConvertible {
        public let people: Int
        public let registrations: Int
        /// Pairs of registrations of the same person.
        public let truePairs: Int
        public let matchPairs: Int
        public let matchTruePairs: Int
        /// `match` or `possible`.
        public let anyPairs: Int
        public let anyTruePairs: Int

        public var matchPrecision: Double { ratio(matchTruePairs, matchPairs) }
        public var matchRecall: Double { ratio(matchTruePairs, truePairs) }
        public var anyPrecision: Double { ratio(anyTruePairs, anyPairs) }
        public var anyRecall: Double { ratio(anyTruePairs, truePairs) }

        private func ratio(_ part: Int, _ whole: Int) -> Double {
            whole == 0 ? 1 : Double(part) / Double(whole)
        }

        public var description: String {
            String(
                format: "%d people, %d registrations, %d true pairs; match: precision %.4f recall %.4f (%d pairs); "
                    + "match+possible: precision %.4f recall %.4f (%d pairs)",
                people, registrations, truePairs, matchPrecision, matchRecall, matchPairs, anyPrecision, anyRecall,
                anyPairs)
        }
    }

    public static func score(
        _ registrations: [Registration], pairs: [(a: String, b: String, result: MatchResult)]
    ) -> Scores {
        var personOf: [String: Int] = [:]
        var sizes: [Int: Int] = [:]
        for registration in registrations {
            personOf[registration.record.id] = registration.personKey
            sizes[registration.personKey, default: 0] += 1
        }
        let truePairs = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        var seen = Set<String>()
        var matchPairs = 0
        var matchTrue = 0
        var anyPairs = 0
        var anyTrue = 0
        for pair in pairs where pair.a != pair.b {
            guard let decision = pair.result.decision else { continue }
            let key = pair.a < pair.b ? pair.a + "\u{1F}" + pair.b : pair.b + "\u{1F}" + pair.a
            guard seen.insert(key).inserted else { continue }
            let same = personOf[pair.a] != nil && personOf[pair.a] == personOf[pair.b]
            anyPairs += 1
            if same { anyTrue += 1 }
            if decision == .match {
                matchPairs += 1
                if same { matchTrue += 1 }
            }
        }
        return Scores(
            people: sizes.count, registrations: registrations.count, truePairs: truePairs, matchPairs: matchPairs,
            matchTruePairs: matchTrue, anyPairs: anyPairs, anyTruePairs: anyTrue)
    }

    /// `people` people (the same `seed` gives the same set on every machine), each registered one to four times,
    /// with the variations seen in real registers: another Latin spelling, original script only or Latin only, the
    /// grandfather's name dropped, parts swapped, typos, an estimated age instead of a birth date, day and month
    /// swapped, a new phone, no document. About one person in nine carries exactly the common names of an earlier,
    /// different person (Mohamed Ahmed Ali), and one in thirty is a sibling of an earlier one (same father's and
    /// grandfather's names, often the same phone), on top of the namesakes that popular names make anyway.
    public static func generate(people: Int, seed: UInt64) -> [Registration] {
        guard people > 0 else { return [] }
        var rng = SeededGenerator(seed: seed)
        var generator = Generator(today: DemoDay(year: 2025, month: 6, day: 1))
        var registrations: [Registration] = []
        registrations.reserveCapacity(people * 2)
        for key in 0..<people {
            let person = generator.person(rng: &rng)
            let count = rng.pick([(1, 0.45), (2, 0.3), (3, 0.15), (4, 0.1)])
            var arrival = person.arrival
            for index in 0..<count {
                if index > 0 { arrival = arrival.adding(days: 20 + rng.uniform(700)) }
                let record = generator.register(
                    person, id: "R\(registrations.count)", arrival: arrival, first: index == 0, rng: &rng)
                registrations.append(Registration(record: record, personKey: key))
            }
            generator.remember(person)
        }
        return registrations
    }

    struct Person {
        var profile: DemoProfile
        var culture: DemoCulture
        var sex: String
        var names: [DemoName]
        var writesOwnScript: Bool
        var ownOrthography: Bool
        var born: DemoDay
        var knowsBirthDate: Bool
        var arrival: DemoDay
        var phone: String?
        var document: String?
    }

    struct Generator {
        let today: DemoDay
        var earlier: [Person] = []
        var nameCounts: [String: Int] = [:]
        var namePartCount = 0
        let profiles = DemoProfiles.all.map { ($0, $0.share) }

        init(today: DemoDay) {
            self.today = today
        }

        mutating func remember(_ person: Person) {
            // Enough to draw namesakes and siblings from without growing without bound.
            if earlier.count < 5_000 { earlier.append(person) }
            for name in person.names { nameCounts[name.latin[0], default: 0] += 1 }
            namePartCount += person.names.count
        }

        func person(rng: inout SeededGenerator) -> Person {
            let roll = rng.unit()
            if !earlier.isEmpty, roll < 0.11 {
                // A different person with the same common names (Mohamed Ahmed Ali, Tesfay Gebremariam): same culture
                // and sex, their own birth, phone and papers.
                var model = rng.element(earlier)
                for _ in 0..<50 where !hasCommonNames(model) { model = rng.element(earlier) }
                var person = fresh(profile: model.profile, culture: model.culture, sex: model.sex, rng: &rng)
                person.names = model.names
                return person
            }
            if !earlier.isEmpty, roll < 0.14 {
                // A sibling: same father's and grandfather's names, often the same phone, born some years apart.
                let model = rng.element(earlier)
                let sex = rng.chance(0.5) ? "Feminine" : "Masculine"
                var person = fresh(profile: model.profile, culture: model.culture, sex: sex, rng: &rng)
                let group = model.culture.names
                var given = rng.popular(sex == "Feminine" ? group.female : group.male, steep: false)
                if given.latin == model.names[0].latin {
                    given = rng.popular(sex == "Feminine" ? group.female : group.male, steep: false)
                }
                person.names = [given] + model.names.dropFirst()
                let gap = (1 + rng.uniform(10)) * (rng.chance(0.5) ? 1 : -1)
                person.born = model.born.adding(days: gap * 365 + rng.uniform(200) - 100)
                if rng.chance(0.5) { person.phone = model.phone }
                person.arrival = model.arrival.adding(days: rng.uniform(30))
                return person
            }
            let profile = rng.pick(profiles)
            let culture = rng.pick(profile.cultures)
            let sexRoll = rng.unit()
            let sex =
                sexRoll < 0.003
                ? "NonSpecifiedUnknown" : sexRoll < 0.003 + profile.femaleShare ? "Feminine" : "Masculine"
            return fresh(profile: profile, culture: culture, sex: sex, rng: &rng)
        }

        /// Every name part is common in the population so far: at least one part in 300 is that name.
        func hasCommonNames(_ person: Person) -> Bool {
            person.names.allSatisfy { name in
                Double(nameCounts[name.latin[0], default: 0]) >= Double(namePartCount) / 300
            }
        }

        func fresh(profile: DemoProfile, culture: DemoCulture, sex: String, rng: inout SeededGenerator) -> Person {
            let group = culture.names
            let isFemale = sex == "Feminine" || (sex != "Masculine" && rng.chance(0.5))
            let count = group.nameParts.lowerBound + rng.uniform(group.nameParts.count)
            let steep = group == .arabic || group == .somali
            var names = [rng.popular(isFemale ? group.female : group.male, steep: steep)]
            for _ in 1..<count {
                var forebear = rng.popular(group.forebears, steep: false)
                if group != .arabic, forebear.latin == names[names.count - 1].latin {
                    forebear = rng.popular(group.forebears, steep: false)
                }
                names.append(forebear)
            }
            let arrival = today.adding(days: -rng.uniform(3 * 365))
            let age = DemoPopulation.ageAtArrival(childShare: profile.childShare, rng: &rng)
            let born = arrival.adding(days: -(age * 365 + age / 4) - rng.uniform(365))
            let document = DemoPopulation.document(
                profile, centre: rng.pick(profile.centres), age: age, arrival: arrival, rng: &rng)
            return Person(
                profile: profile, culture: culture, sex: sex, names: names,
                writesOwnScript: group.script != .latin && rng.chance(culture.ownScriptShare),
                ownOrthography: rng.chance(0.35), born: born, knowsBirthDate: rng.chance(0.6), arrival: arrival,
                phone: rng.chance(age < 15 ? 0.2 : 0.7) ? DemoPopulation.phone(rng: &rng) : nil,
                document: document?.number)
        }

        func register(
            _ person: Person, id: String, arrival: DemoDay, first: Bool, rng: inout SeededGenerator
        ) -> IdentityRecord {
            let group = person.culture.names
            var names = person.names
            if names.count >= 3, rng.chance(0.2) { names.removeLast() }
            if names.count >= 2, rng.chance(0.03) { names.swapAt(0, 1) }

            // Oromo and Somali: their own orthography or the English one, and a caseworker may use the other.
            var own = person.ownOrthography
            if rng.chance(0.25) { own.toggle() }
            let orthography: DemoNaming.Orthography =
                group == .oromo || group == .somali ? (own ? .own : .english) : .any
            var latinParts = names.enumerated().map { position, name in
                DemoNaming.spelling(
                    name, french: person.culture.frenchSpelling, orthography: orthography, isGiven: position == 0,
                    rng: &rng)
            }
            if rng.chance(0.08) {
                let position = rng.uniform(latinParts.count)
                latinParts[position] = typo(latinParts[position], rng: &rng)
            }
            var latin = latinParts.joined(separator: " ")
            if rng.chance(0.1) { latin = latin.uppercased() }
            if rng.chance(0.05) { latin = "  " + latin.replacingOccurrences(of: " ", with: "  ") }

            var forms: [String] = []
            if person.writesOwnScript, names.allSatisfy({ $0.native != nil }) {
                var native: [String] = []
                for (position, name) in names.enumerated() {
                    var written = name.native ?? ""
                    if position > 0, group.script == .ethiopic, rng.chance(0.15) {
                        for (full, short) in DemoNaming.ethiopicAbbreviations where written.hasPrefix(full) {
                            written = short + written.dropFirst(full.count)
                        }
                    }
                    native.append(written)
                }
                let roll = rng.unit()
                let script = native.joined(separator: " ")
                forms = roll < 0.6 ? [script, latin] : roll < 0.85 ? [script] : [latin]
            } else {
                forms = [latin]
            }

            var sex: String? = person.sex
            if rng.chance(0.003) { sex = person.sex == "Feminine" ? "Masculine" : "Feminine" }
            if rng.chance(0.02) { sex = nil }

            var nationality = person.profile.nationality
            if rng.chance(0.015) {
                nationality =
                    ["ETH": "ERI", "ERI": "ETH", "SSD": "SDN", "SDN": "SSD", "TCD": "SDN"][nationality] ?? "SDN"
            }

            var record = IdentityRecord(id: id, names: forms, sex: sex, nationality: nationality)
            birth(person, arrival: arrival, into: &record, rng: &rng)
            record.phone = phone(person, first: first, rng: &rng)
            record.documentNumber = document(person, rng: &rng)
            return record
        }

        func birth(_ person: Person, arrival: DemoDay, into record: inout IdentityRecord, rng: inout SeededGenerator) {
            let (year, month, day) = person.born.civil
            let trueAge = person.born.age(at: arrival)
            func estimate() {
                var age = max(1, trueAge + rng.uniform(5) - 2)
                if age >= 20, rng.chance(0.4) { age = (age + 2) / 5 * 5 }
                record.birthYear = arrival.civil.year - age
                record.birthYearEstimated = true
            }
            guard person.knowsBirthDate || rng.chance(0.08) else {
                estimate()
                return
            }
            // Papers issued to people who do not know their birthday say 1 January.
            let documented = person.knowsBirthDate ? (year, month, day) : (year, 1, 1)
            let roll = rng.unit()
            switch roll {
            case ..<0.72:
                record.birthDate = CivilDate(year: documented.0, month: documented.1, day: documented.2)
            case ..<0.8:
                record.birthYear = documented.0
            case ..<0.9:
                estimate()
            case ..<0.93 where documented.2 <= 12:
                record.birthDate = CivilDate(year: documented.0, month: documented.2, day: documented.1)
            case ..<0.96:
                let off = rng.chance(0.5) ? 1 : -1
                record.birthDate = CivilDate(year: documented.0 + off, month: documented.1, day: min(documented.2, 28))
            default:
                record.birthDate = CivilDate(year: documented.0, month: 1, day: 1)
            }
        }

        func phone(_ person: Person, first: Bool, rng: inout SeededGenerator) -> String? {
            let roll = rng.unit()
            guard let phone = person.phone else {
                return roll < 0.2 ? DemoPopulation.phone(rng: &rng) : nil
            }
            if first || roll < 0.55 {
                // Written internationally or the local way.
                return rng.chance(0.3) ? "0" + phone.dropFirst(4) : phone
            }
            return roll < 0.8 ? nil : DemoPopulation.phone(rng: &rng)
        }

        func document(_ person: Person, rng: inout SeededGenerator) -> String? {
            let roll = rng.unit()
            guard let number = person.document else {
                return roll < 0.08 ? "SHG-25C" + rng.digits(5) : nil
            }
            switch roll {
            case ..<0.45: return number
            case ..<0.55: return number.lowercased().replacingOccurrences(of: "-", with: " ")
            case ..<0.6:
                var characters = Array(number)
                let position = characters.count - 1 - rng.uniform(min(5, characters.count))
                characters[position] = Character(String(rng.uniform(10)))
                return String(characters)
            default: return nil
            }
        }

        /// One slip of the keyboard: a letter doubled, dropped, swapped with the next, or replaced.
        func typo(_ word: String, rng: inout SeededGenerator) -> String {
            var letters = Array(word)
            guard letters.count >= 4 else { return word }
            let position = 1 + rng.uniform(letters.count - 2)
            switch rng.uniform(4) {
            case 0: letters.insert(letters[position], at: position)
            case 1: letters.remove(at: position)
            case 2: letters.swapAt(position, position + 1)
            default: letters[position] = Character(String(rng.element(Array("abdeghiklmnorstuy"))))
            }
            return String(letters)
        }
    }
}
