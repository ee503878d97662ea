import Foundation

/// One entirely fictional person for `sanad demo`.
///
/// Ages, flags and documents are as they stood when the person arrived and was registered, which is
/// also when the flags were raised: someone registered as an unaccompanied 16-year-old two years ago
/// keeps that flag although they are 18 by the reference date.
public struct DemoPerson: Sendable, Equatable {
    /// The name as the person writes it: Arabic script for Sudanese (and some Chadians), Ge'ez script
    /// for most Eritreans and Ethiopians, Latin letters for everyone else.
    public var nameOriginal: String
    /// The conventional Latin spelling, one of the several in use (Mohamed / Mohammed / Muhammad).
    public var nameLatin: String
    /// HTCDS `prs_Gender`: "Feminine", "Masculine" or, rarely, "NonSpecifiedUnknown".
    public var sex: String
    /// "YYYY-MM-DD" when known; exactly one of `birthDate` and `estimatedAge` is set.
    public var birthDate: String?
    /// Age in whole years at arrival, as estimated at registration.
    public var estimatedAge: Int?
    /// ISO 3166-1 alpha-3.
    public var nationality: String
    /// ISO 639-2 codes, first language first (Nuer, absent from ISO 639-2, as ISO 639-3 `nus`).
    public var languages: [String]
    public var phone: String?
    /// "passport", "national-id", "refugee-id" or "laissez-passer".
    public var documentType: String?
    public var documentNumber: String?
    /// "SD01" Khartoum, "SD12" Gedaref or "SD11" Kassala.
    public var centreCode: String
    /// "YYYY-MM-DD", within the three years up to the reference date.
    public var arrivalDate: String
    public var route: String?
    /// Some of "unaccompanied-child", "separated-child", "urgent-medical", "pregnancy", "disability",
    /// "sexual-violence-survivor".
    public var flags: Set<String>
}

public enum DemoPopulation {
    static let arrivalWindowDays = 3 * 365
    static let knownBirthDateShare = 0.6

    /// The same `count`, `seed` and reference day always give the same people, on any machine.
    public static func generate(count: Int, seed: UInt64, referenceDate: Date) -> [DemoPerson] {
        guard count > 0 else { return [] }
        var rng = SeededGenerator(seed: seed)
        let today = DemoDay(referenceDate)
        let nationalities = DemoProfiles.all.map { ($0, $0.share) }
        var people: [DemoPerson] = []
        people.reserveCapacity(count)
        for _ in 0..<count {
            people.append(person(rng.pick(nationalities), today: today, rng: &rng))
        }
        return people
    }

    static func person(_ profile: DemoProfile, today: DemoDay, rng: inout SeededGenerator) -> DemoPerson {
        let culture = rng.pick(profile.cultures)
        let sexRoll = rng.unit()
        let sex =
            sexRoll < 0.003 ? "NonSpecifiedUnknown" : sexRoll < 0.003 + profile.femaleShare ? "Feminine" : "Masculine"
        let name = DemoNaming.name(culture: culture, sex: sex, rng: &rng)
        let arrival = today.adding(days: -rng.uniform(arrivalWindowDays))
        let (birthDate, estimatedAge, age) = birth(childShare: profile.childShare, arrival: arrival, rng: &rng)
        let centreOdds = sex == "Feminine" ? profile.femaleCentres ?? profile.centres : profile.centres
        let centre = rng.pick(centreOdds)
        let routes = profile.routes[centre] ?? []
        let route = routes.isEmpty || rng.chance(0.15) ? nil : rng.element(routes)
        let document = self.document(profile, centre: centre, age: age, arrival: arrival, rng: &rng)
        return DemoPerson(
            nameOriginal: name.original,
            nameLatin: name.latin,
            sex: sex,
            birthDate: birthDate?.iso,
            estimatedAge: estimatedAge,
            nationality: profile.nationality,
            languages: languages(culture, rng: &rng),
            phone: rng.chance(age < 15 ? 0.2 : 0.7) ? phone(rng: &rng) : nil,
            documentType: document?.type,
            documentNumber: document?.number,
            centreCode: centre,
            arrivalDate: arrival.iso,
            route: route,
            flags: flags(profile, sex: sex, age: age, rng: &rng)
        )
    }

    /// Mostly 15–35, about 15% children overall (some aged 5–14), a tail up to 65.
    static func ageAtArrival(childShare: Double, rng: inout SeededGenerator) -> Int {
        if rng.chance(childShare) {
            return rng.chance(0.4) ? 5 + rng.uniform(10) : 15 + rng.uniform(3)
        }
        let band = rng.unit()
        if band < 0.8 {
            // Two dice make the adults cluster in their twenties rather than spread evenly.
            return 18 + rng.uniform(9) + rng.uniform(10)
        }
        return band < 0.95 ? 36 + rng.uniform(15) : 51 + rng.uniform(15)
    }

    /// Either a birth date or an estimated age, and the age at arrival that the flags must agree with.
    static func birth(
        childShare: Double, arrival: DemoDay, rng: inout SeededGenerator
    ) -> (DemoDay?, Int?, Int) {
        let age = ageAtArrival(childShare: childShare, rng: &rng)
        guard rng.chance(knownBirthDateShare) else {
            // Staff estimating an adult's age tend to say 20, 25, 30: reproduce that heaping. Ages
            // under 20 stay exact so that rounding never moves anyone across the age of majority.
            let heaped = age >= 20 && rng.chance(0.4) ? (age + 2) / 5 * 5 : age
            return (nil, heaped, heaped)
        }
        let (year, month, day) = arrival.civil
        let latest = DemoDay(year: year - age, month: month, day: day)
        let earliest = DemoDay(year: year - age - 1, month: month, day: day).adding(days: 1)
        var born = earliest.adding(days: rng.uniform(latest.daysSinceEpoch - earliest.daysSinceEpoch + 1))
        if rng.chance(0.2) {
            // Papers issued to people who do not know their birthday say 1 January.
            born = DemoDay(year: born.civil.year, month: 1, day: 1)
        }
        return (born, nil, born.age(at: arrival))
    }

    static func languages(_ culture: DemoCulture, rng: inout SeededGenerator) -> [String] {
        var spoken = [rng.pick(culture.firstLanguage)]
        for (code, probability) in culture.otherLanguages where !spoken.contains(code) {
            if rng.chance(probability) { spoken.append(code) }
        }
        return spoken
    }

    /// Sudanese mobile numbers (+249 9x…), random digits; the demo database is marked as fictional.
    static func phone(rng: inout SeededGenerator) -> String {
        "+2499" + rng.element(["0", "1", "2", "6", "9"]) + rng.digits(7)
    }

    static func document(
        _ profile: DemoProfile, centre: String, age: Int, arrival: DemoDay, rng: inout SeededGenerator
    ) -> (type: String, number: String)? {
        guard let type = rng.pick(profile.documents) else { return nil }
        // Young children seldom carry papers of their own; they travel on a parent's or none.
        if age < 12, type != "refugee-id", rng.chance(0.7) { return nil }
        switch type {
        case "passport":
            return (type, profile.passportPrefix + rng.digits(7))
        case "national-id":
            return (type, rng.digits(profile.nationalIDDigits))
        case "refugee-id":
            let sites = ["SD11": ["SHG", "KSL"], "SD12": ["UMR", "TNB", "GDF"]][centre] ?? ["KRT"]
            let year = String(arrival.civil.year % 100)
            return (type, "\(rng.element(sites))-\(year)C\(rng.digits(5))")
        default:
            return (type, "LP" + rng.digits(6))
        }
    }

    static func flags(_ profile: DemoProfile, sex: String, age: Int, rng: inout SeededGenerator) -> Set<String> {
        var flags = Set<String>()
        if age < 18 {
            let alone = rng.unit()
            if alone < 0.22 {
                flags.insert("unaccompanied-child")
            } else if alone < 0.32 {
                flags.insert("separated-child")
            }
        }
        if rng.chance(0.04) { flags.insert("urgent-medical") }
        if sex == "Feminine", (18...45).contains(age), rng.chance(0.07) { flags.insert("pregnancy") }
        if rng.chance(0.03) { flags.insert("disability") }
        if age >= 12 {
            let odds = sex == "Feminine" ? profile.sexualViolenceAmongWomen : 0.01
            if rng.chance(odds) { flags.insert("sexual-violence-survivor") }
        }
        return flags
    }
}

extension SeededGenerator {
    /// One of `options`, chosen in proportion to its weight.
    mutating func pick<T>(_ options: [(T, Double)]) -> T {
        let total = options.reduce(0) { $0 + $1.1 }
        var remaining = unit() * total
        for (value, weight) in options {
            if remaining < weight { return value }
            remaining -= weight
        }
        return options[options.count - 1].0
    }

    mutating func element<T>(_ items: [T]) -> T {
        items[uniform(items.count)]
    }

    /// Favours the front of `items`, so that lists ordered by popularity yield as many Mohameds and
    /// Tesfays as real registers do. Index 0 comes up √(1/n) of the time when `steep`, (1/n)^⅔
    /// otherwise; both need no `pow`, whose last bit may differ between C libraries.
    mutating func popular<T>(_ items: [T], steep: Bool) -> T {
        let u = unit()
        let position = steep ? u * u : u * u.squareRoot()
        return items[min(Int(Double(items.count) * position), items.count - 1)]
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(uniform(10))) })
    }
}
