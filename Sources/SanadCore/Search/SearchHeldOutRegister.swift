import Foundation

/// A register written apart from `IdentityEvaluation`'s generator, for judging people search on data it was not
/// tuned on (issue 17): its own name tables (Sudanese Arabic names, Tigrinya names, Arabic-origin names written in
/// Ge'ez by Eritrean clerks), its own clerks' habits — the original script only, Latin only, a spelling chosen from
/// what each clerk writes — and searches typed the way another colleague would: another Latin spelling, capitals
/// or stray capitals, the other script, compounds joined or split, the grandfather's name left out, a family name
/// added, one letter wrong. Nothing in `NameQuery` was adjusted after measuring on it.
public enum SearchHeldOutRegister {
    /// One name: its Latin spellings (the first the most usual), Arabic and Ge'ez forms where people write them.
    struct Name {
        let latin: [String]
        let arabic: String?
        let geez: String?
    }

    static let arabicMen: [Name] = [
        Name(latin: ["Mohamed", "Mohammed", "Muhammad", "Mohamad"], arabic: "محمد", geez: "መሓመድ"),
        Name(latin: ["Ahmed", "Ahmad"], arabic: "أحمد", geez: "ኣሕመድ"),
        Name(latin: ["Osman", "Othman", "Usman"], arabic: "عثمان", geez: "ዑስማን"),
        Name(latin: ["Ibrahim", "Ibraheem", "Ebrahim"], arabic: "إبراهيم", geez: "ኢብራሂም"),
        Name(
            latin: ["Abdelrahman", "Abdel Rahman", "Abdurahman", "Abdulrahman"], arabic: "عبدالرحمن", geez: "ዓብዱራሕማን"),
        Name(latin: ["Abdalla", "Abdallah", "Abdullah"], arabic: "عبدالله", geez: "ዓብደላ"),
        Name(latin: ["Hassan", "Hasan"], arabic: "حسن", geez: "ሓሰን"),
        Name(latin: ["Idris", "Idriss", "Edris"], arabic: "إدريس", geez: "እድሪስ"),
        Name(latin: ["Yousif", "Yusuf", "Yousef", "Youssef"], arabic: "يوسف", geez: "ዩሱፍ"),
        Name(latin: ["Suleiman", "Sulaiman", "Soliman"], arabic: "سليمان", geez: "ሱለይማን"),
        Name(latin: ["Omer", "Omar", "Umar"], arabic: "عمر", geez: "ዑመር"),
        Name(latin: ["Salih", "Saleh"], arabic: "صالح", geez: "ሳልሕ"),
        Name(latin: ["Mustafa", "Mustapha", "Mostafa"], arabic: "مصطفى", geez: "ሙስጠፋ"),
        Name(latin: ["Adam", "Adem"], arabic: "آدم", geez: "ኣደም"),
        Name(latin: ["Ismail", "Ismael", "Esmail"], arabic: "إسماعيل", geez: "እስማዒል"),
        Name(latin: ["Bashir", "Basheer", "Bachir"], arabic: "بشير", geez: "በሽር"),
        Name(latin: ["Nasreldin", "Nasr Eldin", "Nasr Al-Din"], arabic: "نصرالدين", geez: nil),
        Name(latin: ["Khalid", "Khaled"], arabic: "خالد", geez: "ኻሊድ"),
    ]
    static let arabicWomen: [Name] = [
        Name(latin: ["Amina", "Aminah", "Ameena"], arabic: "أمينة", geez: "ኣሚና"),
        Name(latin: ["Fatima", "Fatma", "Fatuma"], arabic: "فاطمة", geez: "ፋጥማ"),
        Name(latin: ["Mariam", "Maryam", "Miriam"], arabic: "مريم", geez: "መርየም"),
        Name(latin: ["Zainab", "Zeinab", "Zaynab"], arabic: "زينب", geez: "ዘይነብ"),
        Name(latin: ["Khadija", "Khadiga", "Khadeeja"], arabic: "خديجة", geez: "ኸዲጃ"),
        Name(latin: ["Hawa", "Hawwa"], arabic: "حواء", geez: "ሓዋ"),
        Name(latin: ["Aisha", "Aysha", "Ayesha"], arabic: "عائشة", geez: "ዓይሻ"),
        Name(latin: ["Halima", "Haleema", "Halimah"], arabic: "حليمة", geez: "ሓሊማ"),
    ]
    static let tigrinyaMen: [Name] = [
        Name(latin: ["Tesfay", "Tesfai", "Tesfaye"], arabic: nil, geez: "ተስፋይ"),
        Name(latin: ["Gebremeskel", "Gebre Meskel", "Gebremesqel", "Gabremeskel"], arabic: nil, geez: "ገብረመስቀል"),
        Name(latin: ["Haile", "Hayle"], arabic: nil, geez: "ሃይለ"),
        Name(latin: ["Berhane", "Birhane", "Brhane"], arabic: nil, geez: "ብርሃነ"),
        Name(latin: ["Tekle", "Tecle"], arabic: nil, geez: "ተኽለ"),
        Name(latin: ["Yohannes", "Yohanes", "Johannes"], arabic: nil, geez: "ዮሃንስ"),
        Name(latin: ["Kidane", "Kidanè"], arabic: nil, geez: "ኪዳነ"),
        Name(latin: ["Mehari", "Mihari"], arabic: nil, geez: "መሓሪ"),
        Name(latin: ["Gebremariam", "Gebre Mariam", "G/Mariam", "Ghebremariam"], arabic: nil, geez: "ገብረማርያም"),
        Name(latin: ["Tsegay", "Tsegai", "Tsegaye"], arabic: nil, geez: "ጸጋይ"),
        Name(latin: ["Kahsay", "Kahsai"], arabic: nil, geez: "ካሕሳይ"),
        Name(latin: ["Welday", "Weldai", "Wolday"], arabic: nil, geez: "ወልዳይ"),
        Name(latin: ["Habte", "Habtay"], arabic: nil, geez: "ሃብተ"),
        Name(latin: ["Amanuel", "Amanuiel", "Emanuel"], arabic: nil, geez: "ኣማኑኤል"),
        Name(latin: ["Goitom", "Goytom", "Guitom"], arabic: nil, geez: "ጎይቶም"),
        Name(latin: ["Woldemichael", "Wolde Michael", "W/Michael", "Weldemikael"], arabic: nil, geez: "ወልደሚካኤል"),
        Name(latin: ["Fitsum", "Fitsom"], arabic: nil, geez: "ፍጹም"),
        Name(latin: ["Medhanie", "Medhane", "Medhanye"], arabic: nil, geez: "መድሃኔ"),
    ]
    static let tigrinyaWomen: [Name] = [
        Name(latin: ["Selam", "Salam"], arabic: nil, geez: "ሰላም"),
        Name(latin: ["Rahel", "Raheal", "Rachel"], arabic: nil, geez: "ራሄል"),
        Name(latin: ["Senait", "Sennait", "Senayt"], arabic: nil, geez: "ሰናይት"),
        Name(latin: ["Helen", "Hellen"], arabic: nil, geez: "ሄለን"),
        Name(latin: ["Saba", "Sabaa"], arabic: nil, geez: "ሳባ"),
        Name(latin: ["Freweyni", "Frewini", "Fireweyni"], arabic: nil, geez: "ፍረወይኒ"),
        Name(latin: ["Yordanos", "Yordanose"], arabic: nil, geez: "ዮርዳኖስ"),
        Name(latin: ["Tigist", "Tigest", "Tegist"], arabic: nil, geez: "ትግስቲ"),
        Name(latin: ["Mebrat", "Mibrat"], arabic: nil, geez: "መብራት"),
    ]

    /// What a colleague types when looking for someone.
    public enum Habit: String, CaseIterable, Sendable {
        case otherSpelling = "other spelling"
        case capitals = "capitals"
        case otherScript = "other script"
        case compound = "compound joined or split"
        case missingPart = "grandfather's name left out"
        case addedPart = "family name added"
        case typo = "one letter wrong"
    }

    public struct Search: Sendable {
        public let query: String
        public let target: String
        public let habit: Habit
    }

    public struct Register: Sendable {
        /// Each person's id and the name forms the register holds, oldest first.
        public let people: [(id: String, names: [String])]
        public let searches: [Search]
    }

    struct Person {
        var parts: [Name]
        var spelling: [Int]
        var arabicOrigin: Bool
    }

    /// `people` people, a search for one in three of them.
    public static func make(people count: Int, seed: UInt64) -> Register {
        var rng = SeededGenerator(seed: seed ^ 0x5EA7C4)
        var people: [(id: String, names: [String])] = []
        var searches: [Search] = []
        let habits = Habit.allCases
        for index in 0..<count {
            // Sudanese (Arabic script), Eritrean Tigrinya (Ge'ez), Eritrean with Arabic names written in Ge'ez.
            let group = rng.uniform(3)
            let woman = rng.uniform(2) == 0
            let men = group == 1 ? tigrinyaMen : arabicMen
            let given = woman ? (group == 1 ? tigrinyaWomen : arabicWomen) : men
            var parts = [given[rng.uniform(given.count)], men[rng.uniform(men.count)], men[rng.uniform(men.count)]]
            if parts[1].latin[0] == parts[2].latin[0] { parts[2] = men[(rng.uniform(men.count) + 1) % men.count] }
            let person = Person(
                parts: parts, spelling: parts.map { rng.uniform($0.latin.count) }, arabicOrigin: group != 1)
            let id = "H\(index)"
            let original = original(person, geez: group != 0)
            let latin = person.parts.enumerated().map { $1.latin[person.spelling[$0]] }.joined(separator: " ")
            // Clerks who type only one of the two forms.
            switch rng.uniform(10) {
            case 0, 1: people.append((id, [latin]))
            case 2: people.append((id, [original]))
            default: people.append((id, [original, latin]))
            }
            guard index % 3 == 0 else { continue }
            let habit = habits[(index / 3) % habits.count]
            searches.append(
                Search(
                    query: query(person, habit, registered: people[index].names, geez: group != 0, rng: &rng),
                    target: id, habit: habit))
        }
        return Register(people: people, searches: searches)
    }

    static func original(_ person: Person, geez: Bool) -> String {
        person.parts.map { (geez ? $0.geez : $0.arabic) ?? $0.arabic ?? $0.geez ?? $0.latin[0] }
            .joined(separator: " ")
    }

    /// Another spelling of each part where there is one.
    static func otherSpelling(_ person: Person, rng: inout SeededGenerator) -> [String] {
        person.parts.enumerated().map { index, name in
            guard name.latin.count > 1 else { return name.latin[0] }
            let shift = 1 + rng.uniform(name.latin.count - 1)
            return name.latin[(person.spelling[index] + shift) % name.latin.count]
        }
    }

    static func query(
        _ person: Person, _ habit: Habit, registered: [String], geez: Bool, rng: inout SeededGenerator
    ) -> String {
        switch habit {
        case .otherSpelling:
            return otherSpelling(person, rng: &rng).joined(separator: " ")
        case .capitals:
            let words = otherSpelling(person, rng: &rng)
            if rng.uniform(2) == 0 { return words.joined(separator: " ").uppercased() }
            // Stray capitals: one word in capitals, the others in small letters.
            let loud = rng.uniform(words.count)
            return words.enumerated().map { $0.offset == loud ? $0.element.uppercased() : $0.element.lowercased() }
                .joined(separator: " ")
        case .otherScript:
            // Whichever script the register did not use, or the other original script when it holds both.
            if registered.count == 1, Transliteration.script(of: registered[0]) == .latin {
                return original(person, geez: geez)
            }
            if registered.count == 1 { return person.parts.map { $0.latin[0] }.joined(separator: " ") }
            return original(person, geez: !geez)
        case .compound:
            return person.parts.map { name in
                if let joined = name.latin.first(where: { !$0.contains(" ") && !$0.contains("/") }),
                    let split = name.latin.first(where: { $0.contains(" ") })
                {
                    return name.latin.contains(where: { $0.contains(" ") }) && rng.uniform(2) == 0 ? split : joined
                }
                return name.latin[0]
            }.joined(separator: " ")
        case .missingPart:
            return otherSpelling(person, rng: &rng).prefix(2).joined(separator: " ")
        case .addedPart:
            let pool = person.arabicOrigin ? arabicMen : tigrinyaMen
            let family = pool[rng.uniform(pool.count)].latin[0]
            return (otherSpelling(person, rng: &rng) + [family]).joined(separator: " ")
        case .typo:
            var words = person.parts.enumerated().map { $1.latin[person.spelling[$0]] }
            let at = rng.uniform(words.count)
            var letters = Array(words[at])
            let position = 1 + rng.uniform(max(1, letters.count - 1))
            if position < letters.count {
                if rng.uniform(2) == 0 {
                    letters.remove(at: position)
                } else {
                    letters[position] = Array("abdeghiklmnorstuy")[rng.uniform(17)]
                }
            }
            words[at] = String(letters)
            return words.joined(separator: " ")
        }
    }
}
