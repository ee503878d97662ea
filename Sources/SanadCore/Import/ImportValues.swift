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
        table["إبريل"] = 4
        table["أغسطس"] = 8
        table["أكتوبر"] = 10
        table["يونيه"] = 6
        table["يونية"] = 6
        table["يوليه"] = 7
        // The Levantine (Syriac) month names Syrian and Iraqi staff write; the two-word ones are in `levantine`.
        for (name, month) in [
            ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5), ("حزيران", 6),
            ("تموز", 7), ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9),
        ] {
            table[name] = month
        }
        return table
    }()

    /// Month names of two words ("كانون الثاني" is January), read before the date is cut into its parts.
    static let levantine: [(name: String, month: Int)] = [
        ("كانون الثاني", 1), ("تشرين الأول", 10), ("تشرين الاول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
        ("كانون الاول", 12),
    ]

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
        var named = text
        for (name, month) in levantine where named.contains(name) {
            named = named.replacingOccurrences(of: name, with: "/\(month)/")
        }
        let parts = named.split(whereSeparator: { "/-. ,".contains($0) }).map(String.init)
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

    /// The year of a date, or of a month or year written without one.
    public static func year(of raw: String) -> Int? {
        if case .date(let date) = date(raw) { return date.year }
        return monthOrYear(raw)?.year
    }

    /// A month or a year without a day — "2020", "Jan 2020", "فبراير 2024", "09/2021" — as registers write an
    /// arrival nobody remembers to the day. Nil for a full date or anything else.
    public static func monthOrYear(_ raw: String) -> (year: Int, month: Int?)? {
        let text = asciiDigits(raw).trimmed
        if case .year(let year) = date(text) { return (year, nil) }
        var named = text
        for (name, month) in levantine where named.contains(name) {
            named = named.replacingOccurrences(of: name, with: "/\(month)/")
        }
        var parts = named.split(whereSeparator: { "/-. ,".contains($0) }).map(String.init)
        // "2020-10", year first as ISO writes it.
        if parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil { parts.reverse() }
        guard parts.count == 2, parts[1].count == 4, let year = Int(parts[1]), (1880...2200).contains(year),
            let month = Int(parts[0]) ?? months[parts[0].lowercased()], (1...12).contains(month)
        else { return nil }
        return (year, month)
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
        // "Yemen, Rep.", "Syrian Arab Rep." as statistical tables abbreviate them.
        if key.contains("rep") {
            let long = ReferenceData.searchKey(text.lowercased().replacingOccurrences(of: "rep.", with: "republic"))
            if let iso3 = nationalityIndex[long] { return iso3 }
            for suffix in ["rep", "republic", "republicof"] where key.hasSuffix(suffix) {
                if let iso3 = nationalityIndex[String(key.dropLast(suffix.count))] { return iso3 }
            }
        }
        return NearestSpelling.nationalities.nearest(key)
    }

    /// Adjectives for the nationalities a Sudanese centre sees most; country names come from the reference data.
    static let adjectives: [String: [String]] = [
        "ERI": ["eritrean", "ارتري", "إرتري", "اريتري", "إريتري", "ارتيري", "ارترية", "اريترية", "ارتريا"],
        "ETH": ["ethiopian", "اثيوبي", "إثيوبي", "اثيوبية", "إثيوبية", "حبشي", "اثيوبيا"],
        "SDN": ["sudanese", "سوداني", "سودانية", "soudan", "soudanais"],
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
        "CAF": ["central african", "افريقي اوسطي", "car", "c a r", "centrafrique", "افريقيا الوسطى"],
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

    /// Language codes from a cell as registers write it: codes (tir, ti), names in English or Arabic (Tigrinya,
    /// التغرينية, تغريني), a language's own name (ትግርኛ, Amharigna, Afaan Oromo) or a near misspelling, several joined
    /// by commas, slashes, "&", "+", "and" or "و". `unread` says whether some part was not a language Sanad knows.
    public static func languages(_ raw: String) -> (codes: [String], unread: Bool) {
        var codes: [String] = []
        var unread = false
        let spaced = " " + raw.trimmed + " "
        let joined = spaced.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " و ", with: ",")
        for part in joined.split(whereSeparator: { ",;/،&+".contains($0) }) {
            let text = String(part).trimmed
            guard !text.isEmpty else { continue }
            let key = ReferenceData.searchKey(text)
            let code =
                ReferenceData.language(text)?.code ?? languageIndex[key]
                ?? (key.hasPrefix("ال") ? languageIndex[String(key.dropFirst(2))] : nil)
                ?? NearestSpelling.languages.nearest(key)
            if let code {
                if !codes.contains(code) { codes.append(code) }
            } else {
                unread = true
            }
        }
        return (codes, unread)
    }

    /// What registers call languages besides the reference names: their own names and Sudanese Arabic habits.
    static let languageSpellings: [String: [String]] = [
        "ara": ["arab", "arabi", "عربي", "ዓረብ"],
        "amh": ["amharigna", "amarigna", "amarinya", "አማርኛ"],
        "tir": ["tigrigna", "tigrinya", "ትግርኛ", "تقرينيا", "تجرينيا", "تغرينيا", "تقرنيه"],
        "tig": ["tigray tigre", "ትግረ", "تيغري"],
        "orm": ["afaan oromo", "afan oromo", "afaan oromoo", "oromiffa", "oromigna", "oromoo", "اورومو"],
        "eng": ["انجليزي", "انقليزي"],
        "bej": ["beja", "bedawi", "bedawiyet", "بجا", "بداويت"],
        "som": ["af soomaali", "soomaali"],
    ]

    static let languageIndex: [String: String] = {
        var index: [String: String] = [:]
        func add(_ name: String, _ code: String) {
            let key = ReferenceData.searchKey(name)
            guard !key.isEmpty else { return }
            index[key] = index[key] ?? code
            // العربية → عربية → عربي: without the article, and the nisba adjective registers write.
            let bare = key.hasPrefix("ال") ? String(key.dropFirst(2)) : key
            index[bare] = index[bare] ?? code
            if bare.hasSuffix("يه") { index[String(bare.dropLast())] = index[String(bare.dropLast())] ?? code }
        }
        for language in ReferenceData.languages {
            for name in [language.name.en, language.name.ar] {
                add(name, language.code)
                // "Beja (Bedawiyet)": either name alone.
                for piece in name.split(whereSeparator: { "()".contains($0) }) { add(String(piece), language.code) }
            }
        }
        for (code, words) in languageSpellings { for word in words { add(word, code) } }
        return index
    }()

    /// A phone as the form would keep it; "249912345678" typed without its + is read as international.
    public static func phone(_ raw: String) -> String? {
        // "(+249) 912345678": brackets around the country code.
        let text = asciiDigits(raw).filter { $0 != "(" && $0 != ")" }.trimmed
        guard let normal = PhoneNumber.normalise(text) else { return nil }
        if normal.hasPrefix("249") && normal.count == 12 { return "+" + normal }
        return normal
    }

    /// The document type from a type column ("Passport", "جواز", "ID") or, without one, from the number's header.
    public static func documentType(_ raw: String) -> DocumentType? {
        let key = ReferenceData.searchKey(raw.lowercased())
        if let type = DocumentType(rawValue: raw.trimmed.lowercased()) { return type }
        if key.contains("passport") || key.contains("جواز") || key.contains("باسبور") || key == "pp" || key == "pass" {
            return .passport
        }
        // UNHCR (المفوضية) and COR issue refugee identity cards and case numbers.
        if key.contains("refugee") || key.contains("لاجي") || key.contains("لاجئ") || key.contains("unhcr")
            || key.contains("مفوضيه")
        {
            return .refugeeID
        }
        if key.contains("laissez") || key.contains("مرور") { return .laissezPasser }
        if key.contains("birth") || key.contains("ميلاد") { return .birthCertificate }
        if key.contains("national") || key == "id" || key == "natid" || key == "idcard" || key.contains("هويه")
            || key.contains("بطاقه")
            || key.contains("رقموطني")
        {
            return .nationalID
        }
        if key.contains("other") || key.contains("اخر") { return .other }
        return nil
    }
}
