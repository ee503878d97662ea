import Foundation

/// Reading the values of old registers as clerks typed them: dates three ways, Arabic-Indic digits, phones with
/// and without the country code, nationalities as codes, names or adjectives in English and Arabic.
public enum ImportValues {
    /// A date as registers give it: a full date, or only a year.
    public enum DateValue: Equatable, Sendable {
        case date(CivilDate)
        case year(Int)
    }

    /// Words clerks type for "nothing": read as an empty cell, not as a bad value.
    static let nothing: Set<String> = [
        "-", "--", "—", "n/a", "na", "n.a.", "none", "nil", "null", "unknown", "?", "x", "لا يوجد", "لايوجد", "لا",
        "غير معروف", "غير معروفة", "بدون",
    ]

    public static func isNothing(_ text: String) -> Bool {
        let t = text.trimmed
        return t.isEmpty || nothing.contains(t.lowercased())
    }

    /// Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as ASCII; the Arabic date separator and comma too.
    public static func asciiDigits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: out.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x066B, 0x060C: out.append(".")
            case 0x200F, 0x200E, 0x061C: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        let arabic = [
            "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر",
            "ديسمبر",
        ]
        for (index, name) in english.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        for (index, name) in arabic.enumerated() { table[name] = index + 1 }
        table["أبريل"] = 4
        table["أغسطس"] = 8
        table["أكتوبر"] = 10
        return table
    }()

    /// 1990-03-14, 14/03/1990, 14-3-90, 14.03.1990, 14-Mar-1990, 14 March 1990, 1990/03/14, a year alone, or an Excel
    /// serial number. Day before month unless the day cannot be a month (3/14/1990), as Sudanese registers write.
    /// Nil when the text is not a date (or not a real one: 31/02/1990).
    public static func date(_ raw: String) -> DateValue? {
        let text = asciiDigits(raw).trimmed
        if let date = CivilDate(text) { return .date(date) }
        // "1990-03-14 00:00:00" from spreadsheets that kept the time.
        if text.count > 10, let date = CivilDate(String(text.prefix(10))), text.dropFirst(10).first == " " {
            return .date(date)
        }
        let parts = text.split(whereSeparator: { "/-. ,".contains($0) }).map(String.init)
        if parts.count == 1, let number = Int(parts[0]) {
            if parts[0].count == 4 { return (1880...2200).contains(number) ? .year(number) : nil }
            // A date cell that lost its format: days since 1899-12-30 (Excel's 1900 system).
            if (3_000...80_000).contains(number) { return serial(number).map(DateValue.date) }
            return nil
        }
        if parts.count == 1, let number = Double(text), (3_000...80_000).contains(number) {
            return serial(Int(number)).map(DateValue.date)
        }
        guard parts.count == 3 else { return nil }
        let numbers = parts.map { Int($0) }
        var day: Int?
        var month: Int?
        var year: Int?
        if let first = numbers[0], parts[0].count == 4 {
            year = first
            month = numbers[1] ?? months[parts[1].lowercased()]
            day = numbers[2]
        } else if numbers[0] != nil, numbers[1] == nil, let named = months[parts[1].lowercased()] {
            day = numbers[0]
            month = named
            year = numbers[2]
        } else if numbers[0] == nil, let named = months[parts[0].lowercased()] {
            month = named
            day = numbers[1]
            year = numbers[2]
        } else if let a = numbers[0], let b = numbers[1] {
            (day, month) = a > 12 || b <= 12 ? (a, b) : (b, a)
            year = numbers[2]
        }
        guard var y = year, let m = month, let d = day else { return nil }
        if parts[2].count == 2 && parts[0].count != 4 {
            // Two-digit years: a birth in '05 is 2005, in '65 is 1965.
            let thisCentury = CivilDate(Date()).year % 100
            y += y <= thisCentury ? 2000 : 1900
        }
        return CivilDate(year: y, month: m, day: d).map(DateValue.date)
    }

    static func serial(_ days: Int) -> CivilDate? {
        // 1899-12-30 is Excel's day 0 once its fictitious 1900-02-29 is accounted for.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)) else { return nil }
        return CivilDate(start.addingTimeInterval(Double(days) * 86_400))
    }

    /// A whole number of years from "25", "٢٥", "25 years", "25.0" or "about 25"; nil when there is none.
    public static func age(_ raw: String) -> Int? {
        let text = asciiDigits(raw).trimmed.lowercased()
        if let value = Int(text) { return value }
        if let value = Double(text), value == value.rounded(), value < 1000 { return Int(value) }
        let numbers = text.split(whereSeparator: { !($0.isASCII && $0.isNumber) })
        guard numbers.count == 1, let value = Int(numbers[0]) else { return nil }
        // One number among a few words: "25 years", "about 25", "25 سنة".
        return text.filter(\.isLetter).count <= 12 ? value : nil
    }

    /// Gender from M/F, male/female, the HTCDS values or the Arabic words; nil for anything else.
    public static func sex(_ raw: String) -> Gender? {
        let text = raw.trimmed.lowercased()
        switch text {
        case "f", "female", "woman", "girl", "feminine", "أنثى", "انثى", "انثي", "أنثي", "ا", "امرأة", "بنت", "ف":
            return .feminine
        case "m", "male", "man", "boy", "masculine", "ذكر", "ذ", "رجل", "ولد", "م":
            return .masculine
        default: return Gender(rawValue: raw.trimmed) ?? Gender.allCases.first { $0.rawValue.lowercased() == text }
        }
    }

    /// ISO 3166-1 alpha-3 from a code (ERI, ER), a country name (Eritrea, إريتريا) or a nationality (Eritrean,
    /// ارتري); nil when nothing matches.
    public static func nationality(_ raw: String) -> String? {
        let text = raw.trimmed
        if let country = ReferenceData.country(text) { return country.iso3 }
        let key = ReferenceData.searchKey(text)
        if let iso3 = nationalityIndex[key] { return iso3 }
        return NationalitySpellings.shared.nearest(key)
    }

    /// Adjectives for the nationalities a Sudanese centre sees most; country names come from the reference data.
    static let adjectives: [String: [String]] = [
        "ERI": ["eritrean", "ارتري", "إرتري", "اريتري", "إريتري", "ارتيري", "ارترية", "اريترية", "ارتريا"],
        "ETH": ["ethiopian", "اثيوبي", "إثيوبي", "اثيوبية", "إثيوبية", "حبشي", "اثيوبيا"],
        "SDN": ["sudanese", "سوداني", "سودانية"],
        "SSD": [
            "south sudanese", "جنوب سوداني", "جنوب سودانية", "south sudan", "جنوب السودان", "s sudan", "s sudanese",
            "جنوبي", "جنوبية",
        ],
        "SOM": ["somali", "somalian", "صومالي", "صومالية"],
        "TCD": ["chad", "tchad", "chadian", "تشادي", "تشادية"],
        "NGA": ["nigerian", "نيجيري", "نيجيرية"],
        "NER": ["nigerien", "نيجري"],
        "EGY": ["egyptian", "مصري", "مصرية"],
        "YEM": ["yemen", "yemeni", "yamani", "yemenite", "يمني", "يمنية"],
        "SYR": ["syria", "syrian", "سوري", "سورية", "سوريا"],
        "CAF": ["central african", "افريقي اوسطي"],
        "LBY": ["libyan", "ليبي", "ليبية"],
        "DJI": ["djiboutian", "جيبوتي"],
        "KEN": ["kenyan", "كيني"],
        "UGA": ["ugandan", "يوغندي", "أوغندي"],
        "COD": ["congolese", "كونغولي", "dr congo", "drc"],
        "IRN": ["iran", "iranian", "ايراني"],
        "TZA": ["tanzania", "tanzanian", "تنزاني"],
        "MLI": ["malian", "مالي"],
        "CMR": ["cameroonian", "كاميروني"],
        "GHA": ["ghanaian", "غاني"],
        "SEN": ["senegalese", "سنغالي"],
        "GIN": ["guinean", "غيني"],
        "PAK": ["pakistani", "باكستاني"],
        "BGD": ["bangladeshi", "بنغالي"],
        "IND": ["indian", "هندي"],
    ]

    static let nationalityIndex: [String: String] = {
        var index: [String: String] = [:]
        for country in ReferenceData.countries {
            index[ReferenceData.searchKey(country.name.en)] = country.iso3
            index[ReferenceData.searchKey(country.name.ar)] = country.iso3
        }
        for (iso3, words) in adjectives {
            for word in words { index[ReferenceData.searchKey(word)] = iso3 }
        }
        return index
    }()

    /// A phone as the form would keep it; "249912345678" typed without its + is read as international.
    public static func phone(_ raw: String) -> String? {
        let text = asciiDigits(raw).trimmed
        guard let normal = PhoneNumber.normalise(text) else { return nil }
        if normal.hasPrefix("249") && normal.count == 12 { return "+" + normal }
        return normal
    }

    /// The document type from a type column ("Passport", "جواز", "ID") or, without one, from the number's header.
    public static func documentType(_ raw: String) -> DocumentType? {
        let key = ReferenceData.searchKey(raw.lowercased())
        if let type = DocumentType(rawValue: raw.trimmed.lowercased()) { return type }
        if key.contains("passport") || key.contains("جواز") { return .passport }
        if key.contains("refugee") || key.contains("لاجي") || key.contains("لاجئ") { return .refugeeID }
        if key.contains("laissez") || key.contains("مرور") { return .laissezPasser }
        if key.contains("birth") || key.contains("ميلاد") { return .birthCertificate }
        if key.contains("national") || key == "id" || key.contains("هويه") || key.contains("بطاقه")
            || key.contains("رقموطني")
        {
            return .nationalID
        }
        if key.contains("other") || key.contains("اخر") { return .other }
        return nil
    }
}

/// Misspelt nationalities ("Eritrian", "Ethopia", "Sudaness") read as the nearest name or adjective Sanad knows, when
/// that is near enough and nothing else is as near. Registers repeat a few spellings thousands of times, so each
/// is worked out once.
final class NationalitySpellings: @unchecked Sendable {
    static let shared = NationalitySpellings()

    private let lock = NSLock()
    private var known: [String: String?] = [:]
    private let keys: [(key: [Character], iso3: String)] = ImportValues.nationalityIndex
        .filter { $0.key.count >= 4 }
        .map { (Array($0.key), $0.value) }

    func nearest(_ key: String) -> String? {
        if let found = lock.withLock({ known[key] }) { return found }
        let word = Array(key)
        // One slip in a short word, two in a longer one; never for a word too short to tell apart.
        let allowed = word.count < 5 ? 0 : (word.count < 8 ? 1 : 2)
        var best = allowed + 1
        var found: Set<String> = []
        for (candidate, iso3) in keys where abs(candidate.count - word.count) <= allowed {
            let distance = Self.distance(word, candidate, limit: best)
            if distance < best {
                best = distance
                found = [iso3]
            } else if distance == best {
                found.insert(iso3)
            }
        }
        let answer = best <= allowed && found.count == 1 ? found.first : nil
        lock.withLock { known[key] = answer }
        return answer
    }

    /// Edit distance with adjacent transpositions ("Ethiopain"), stopping early past `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
