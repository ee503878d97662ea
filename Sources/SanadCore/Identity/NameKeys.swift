import Foundation

/// Up to 22 letters packed five bits each (and the length), so that name parts compare and hash without touching the
/// heap.
struct NameCode: Hashable, Sendable {
    /// Letters 0–11 in bits 0–59.
    private(set) var low: UInt64 = 0
    /// Letters 12–21 in bits 0–49, the length in bits 59–63.
    private(set) var high: UInt64 = 0

    static let capacity = 22

    init() {}

    /// Letters beyond the 22nd are dropped; a-z, and the skeleton symbols C (ch) and S (sh).
    init<S: Sequence>(_ letters: S) where S.Element == Character {
        var count: UInt64 = 0
        for letter in letters {
            guard count < UInt64(Self.capacity) else { break }
            let symbol: UInt64
            if let ascii = letter.asciiValue, (97...122).contains(ascii) {
                symbol = UInt64(ascii - 96)
            } else {
                symbol = letter == "C" ? 27 : letter == "S" ? 28 : 29
            }
            if count < 12 {
                low |= symbol << (5 * count)
            } else {
                high |= symbol << (5 * (count - 12))
            }
            count += 1
        }
        high |= count << 59
    }

    var count: Int { Int(high >> 59) }

    @inline(__always)
    subscript(index: Int) -> UInt64 {
        index < 12 ? (low >> (5 * UInt64(index))) & 31 : (high >> (5 * UInt64(index - 12))) & 31
    }

    var isEmpty: Bool { high >> 59 == 0 }

    var string: String {
        var text = ""
        for index in 0..<count {
            let symbol = self[index]
            switch symbol {
            case 1...26: text.unicodeScalars.append(Unicode.Scalar(UInt8(96 + symbol)))
            case 27: text += "C"
            case 28: text += "S"
            default: text += "?"
            }
        }
        return text
    }

    /// Whether one insertion, deletion, substitution or swap of neighbours turns one into the other (or they are
    /// equal).
    func withinOneEdit(of other: NameCode) -> Bool {
        let x = count
        let y = other.count
        if abs(x - y) > 1 { return false }
        var start = 0
        while start < x, start < y, self[start] == other[start] { start += 1 }
        if start == x && start == y { return true }
        var endX = x
        var endY = y
        while endX > start, endY > start, self[endX - 1] == other[endY - 1] {
            endX -= 1
            endY -= 1
        }
        let restX = endX - start
        let restY = endY - start
        if restX <= 1 && restY <= 1 { return true }
        // Neighbours swapped: "ab" against "ba".
        return restX == 2 && restY == 2 && self[start] == other[start + 1] && self[start + 1] == other[start]
    }
}

/// One part of a name as the matcher compares it; plain values only, so comparing never retains or allocates.
struct NamePart: Sendable, Hashable {
    /// The Latin consonant skeleton.
    var skeleton: NameCode
    /// Up to three other readings of an ambiguous letter (Somali "c" as a silent ain in "Cali", "ch" as "sh" or
    /// "k", "th" as "s" in "Othman", "kh" as "h"); empty codes when there are none.
    var alternates: (NameCode, NameCode, NameCode) = (NameCode(), NameCode(), NameCode())
    /// A vowel-keeping fold of the spelling, to tell apart names that share a skeleton (Hassan / Hussein).
    var folded: NameCode
    /// Which name form of the record the part belongs to, and that form's script.
    var form: UInt8 = 0
    var script: Script = .latin

    init(skeletons: [String], folded: String) {
        skeleton = NameCode(skeletons[0])
        self.folded = NameCode(folded)
        if skeletons.count > 1 { alternates.0 = NameCode(skeletons[1]) }
        if skeletons.count > 2 { alternates.1 = NameCode(skeletons[2]) }
        if skeletons.count > 3 { alternates.2 = NameCode(skeletons[3]) }
    }

    var hasAlternates: Bool { !alternates.0.isEmpty }

    /// The skeleton and its alternates.
    var skeletons: [NameCode] {
        [skeleton, alternates.0, alternates.1, alternates.2].filter { !$0.isEmpty }
    }

    func sharesReading(with other: NamePart) -> Bool {
        for x in skeletons {
            for y in other.skeletons where x == y { return true }
        }
        return false
    }

    static func == (a: NamePart, b: NamePart) -> Bool {
        a.skeleton == b.skeleton && a.folded == b.folded && a.alternates.0 == b.alternates.0
            && a.alternates.1 == b.alternates.1 && a.alternates.2 == b.alternates.2
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(skeleton)
        hasher.combine(folded)
    }
}

/// Keys that let differently written forms of one name meet: "محمد عبدالله", "Mohamed Abdalla" and
/// "Muhammad Abdullah"; "ተስፋይ ገ/ማርያም", "Tesfaye G/Mariam" and "Tesfai Ghebremariam".
///
/// A name in Arabic or Ge'ez script is first written in Latin letters (`Transliteration.suggestLatin`); then every
/// part is reduced to a consonant skeleton: vowels (which Arabic leaves unwritten and Ge'ez writes in ways Latin
/// spellings do not follow) are dropped except for a marker when the part starts with one, doubled letters are
/// single, and letters that spellings use interchangeably share one symbol (g/j/k/q for Sudanese qaf and Egyptian
/// jim, final d/t for Mahamat/Mohamed, x/h for Somali). Prefixes and compounds are unified first: el-/al-, abd
/// al/abdel/abdul, abu, -eldin, -alla, and the Ge'ez G/ and W/ abbreviations of Gebre and Wolde.
public enum NameKeys {
    /// Latin skeleton parts of one name in any script, variant-folded, e.g. "محمد عبدالله" and "Muhammad Abdullah"
    /// give equal parts.
    public static func parts(_ name: String) -> [String] {
        words(name).compactMap { skeletons(normalisedWord($0)).first }
    }

    static func nameParts(_ name: String) -> [NamePart] {
        words(name).compactMap(part)
    }

    // MARK: - Words

    /// The name in lowercase ASCII words, compounds joined ("abdelrahman", "gebremariam", "nasreldin").
    static func words(_ name: String) -> [String] {
        var text = expandGeezAbbreviations(withoutTitles(name))
        switch Transliteration.script(of: text) {
        case .latin, .other: break
        default: text = Transliteration.suggestLatin(text)
        }
        return joinCompounds(latinTokens(expandLatinAbbreviations(text)))
    }

    /// Amharic and English forms of address that staff sometimes write before a name: W/ro (Mrs), W/t (Miss), Ato
    /// (Mr). Without this, "W/ro" would read as the "W/" of Wolde.
    static func withoutTitles(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        let kept = words.filter { word in
            !titles.contains(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:")))
        }
        return kept.count == words.count ? name : kept.joined(separator: " ")
    }

    static let titles: Set<String> = [
        "w/ro", "w/o", "w/t", "w/rt", "w/rit", "wro", "ato", "mr", "mrs", "ms", "miss", "ወ/ሮ", "ወ/ት", "ወ/ሪት", "አቶ",
        "ኣቶ",
    ]

    /// ገ/ማርያም → ገብረማርያም, ወ/ሚካኤል → ወልደሚካኤል, ኃ/ማርያም → ኃይለማርያም, ተ/ሃይማኖት → ተክለሃይማኖት.
    static func expandGeezAbbreviations(_ text: String) -> String {
        guard text.contains("/") || text.contains(".") else { return text }
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if let head = geezHeads[character], index + 1 < characters.count,
                characters[index + 1] == "/" || characters[index + 1] == ".",
                index == 0 || !Transliteration.isLetterCharacter(characters[index - 1])
            {
                result += head
            } else if (character == "/" || character == "."), index > 0, geezHeads[characters[index - 1]] != nil,
                index == 1 || !Transliteration.isLetterCharacter(characters[index - 2])
            {
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }

    static let geezHeads: [Character: String] = [
        "ገ": "ገብረ", "ወ": "ወልደ", "ኃ": "ኃይለ", "ሃ": "ሃይለ", "ሀ": "ሃይለ", "ተ": "ተክለ", "ኪ": "ኪዳነ",
    ]

    /// "G/Mariam" → "Gebremariam", "W/Michael" → "Woldemichael", "H/Mariam" → "Hailemariam", "T/Haimanot" →
    /// "Teklehaimanot": a single letter followed by a slash abbreviates the first half of a compound.
    static func expandLatinAbbreviations(_ text: String) -> String {
        guard text.contains("/") else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let standsAlone = index == 0 || !characters[index - 1].isLetter
            if standsAlone, let head = latinHeads[Character(character.lowercased())], index + 1 < characters.count,
                characters[index + 1] == "/"
            {
                result += head
                index += 2
                while index < characters.count, characters[index] == " " { index += 1 }
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }

    static let latinHeads: [Character: String] = [
        "g": "gebre", "w": "wolde", "h": "haile", "t": "tekle", "k": "kidane",
    ]

    struct Token {
        var text: String
        /// Written joined to the previous word with a hyphen ("Gebre-Mariam", "Al-Amin").
        var hyphenated: Bool
    }

    /// Lowercase ASCII letter runs; apostrophes and ʿ ʾ vanish (Ja'far), hyphens are remembered, anything else
    /// separates.
    static func latinTokens(_ text: String) -> [Token] {
        let ascii = text.unicodeScalars.allSatisfy(\.isASCII)
        let latin = ascii ? text : (Transliteration.icu(text, "Any-Latin; Latin-ASCII") ?? text)
        var tokens: [Token] = []
        var current = ""
        var currentHyphenated = false
        var nextHyphenated = false
        func flush() {
            if !current.isEmpty {
                tokens.append(Token(text: current, hyphenated: currentHyphenated && !tokens.isEmpty))
                current = ""
            }
        }
        for scalar in latin.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z":
                if current.isEmpty {
                    currentHyphenated = nextHyphenated
                    nextHyphenated = false
                }
                current.unicodeScalars.append(scalar)
            case "'", "`", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{02BF}", "\u{02BE}":
                continue
            case "-", "\u{2010}", "\u{2011}":
                flush()
                nextHyphenated = true
            default:
                flush()
                nextHyphenated = false
            }
        }
        flush()
        return tokens
    }

    static let articles: Set<String> = ["al", "el", "ul", "il", "ad", "ed", "ud", "ash", "as", "ar", "an", "at", "az"]
    static let joinsNext: Set<String> = [
        "abd", "abdel", "abdul", "abdal", "abdil", "abdoul", "abdou", "abdur", "abdir", "abu", "abou", "abul",
    ]
    static let joinsPrevious: Set<String> = [
        "eldin", "aldin", "eddin", "uddin", "addin", "edin", "eldeen", "aldeen", "eddine", "deen", "din",
        "elsir", "alsir", "alla", "allah", "ullah", "ulla", "illah",
    ]
    /// Connectives that are not names of their own: "son of", "daughter of".
    static let connectives: Set<String> = ["bin", "ibn", "bint", "binti", "wad", "ould", "walad"]
    static let geezCompoundHeads: Set<String> = [
        "gebre", "ghebre", "gabre", "gebra", "wolde", "welde", "walde", "haile", "hayle", "tekle", "habte",
        "kidane", "tesfa",
    ]
    static let geezCompoundTails: Set<String> = [
        "mariam", "maryam", "mariyam", "michael", "mikael", "mikail", "selassie", "silassie", "sellasie", "giorgis",
        "giorgish", "yesus", "iyesus", "medhin", "hiwet", "hiwot", "kidan", "egziabher", "egziabiher", "kristos",
        "haimanot", "haymanot", "gabriel", "tsadik", "yohannes", "tensae", "tsion", "amlak", "berhan", "meskel",
        "mesqel", "hawaria", "hawariat", "sadik", "ab", "egzi", "leul", "slassie",
        // مذين: medhin with ذ, as Sudanese clerks write it.
        "mazin", "mezin",
    ]

    /// Heads and tails as the lists spell them or as an Arabic-script spelling reads back ("قبري مريام" is
    /// "gabri maryam", "تسفا" "tasfa"): by their consonants.
    static let compoundHeadSkeletons = Set(geezCompoundHeads.compactMap { skeletons($0).first })
    static let compoundTailSkeletons = Set(geezCompoundTails.compactMap { skeletons($0).first })

    static func isCompoundHead(_ word: String) -> Bool {
        geezCompoundHeads.contains(word)
            || (word.count >= 4 && skeletons(word).first.map(compoundHeadSkeletons.contains) == true)
    }

    static func isCompoundTail(_ word: String) -> Bool {
        geezCompoundTails.contains(word)
            || (word.count >= 4 && skeletons(word).first.map(compoundTailSkeletons.contains) == true)
    }

    static func joinCompounds(_ tokens: [Token]) -> [String] {
        var words: [Token] = tokens.filter { !connectives.contains($0.text) }
        // al + amin, abd + al + rahman: join right to left so that a chain of prefixes collapses into one word.
        var index = words.count - 2
        while index >= 0 {
            let word = words[index].text
            let joins =
                articles.contains(word) || joinsNext.contains(word)
                || (isCompoundHead(word) && (words[index + 1].hyphenated || isCompoundTail(words[index + 1].text)))
            if joins {
                words[index].text += words[index + 1].text
                words.remove(at: index + 1)
            }
            index -= 1
        }
        // nasr + eldin, fadl + alla
        index = 1
        while index < words.count {
            if joinsPrevious.contains(words[index].text) {
                words[index - 1].text += words[index].text
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        // An article left alone at the end is no name.
        return words.map(\.text).filter { $0.count > 1 && !articles.contains($0) }
    }

    // MARK: - Parts

    static func part(_ word: String) -> NamePart? {
        let word = normalisedWord(word)
        let skeletons = skeletons(word)
        guard !skeletons.isEmpty else { return nil }
        return NamePart(skeletons: skeletons, folded: folded(word))
    }

    /// Spellings that no letter rule unites: French and Hausa forms of Arabic names, "th" read as "s".
    static let aliases: [String: String] = [
        "othman": "osman", "uthman": "osman", "outhman": "osman", "usman": "osman", "ousmane": "osman",
        "ousman": "osman", "cismaan": "osman",
        "boubacar": "abubakar", "aboubacar": "abubakar", "aboubakar": "abubakar", "boubakar": "abubakar",
        "brahim": "ibrahim", "ibrahima": "ibrahim", "abdoulaye": "abdalla", "abdullahi": "abdalla",
        "abdallahi": "abdalla", "cabdullaahi": "abdalla", "abdilahi": "abdalla",
        "cheick": "sheikh", "cheikh": "sheikh", "chehou": "shehu", "achta": "aisha", "issakha": "ishag",
        "yaya": "yahia", "hissein": "hussein", "hissene": "hussein",
    ]

    /// Aliases, then el-/al- and abd-prefix folding.
    static func normalisedWord(_ raw: String) -> String {
        var word = aliases[raw] ?? raw
        // Elamin / Alamin / Al Amin → amin; but Elsa, Almaz's "al" before a vowel (Alemu) stays.
        for article in ["el", "al", "ul"] where word.hasPrefix(article) {
            let rest = word.dropFirst(2)
            if rest.count >= 3, let first = rest.first, !isVowel(first) {
                word = String(rest)
                break
            }
        }
        word = aliases[word] ?? word
        guard word.hasPrefix("abd"), word.count > 4 else { return word }
        let letters = Array(word)
        // Abdalla, Abdallah, Abdullah, Abdulla, Abdoulaye, Abdullahi: one name.
        var index = 3
        while index < letters.count, isVowel(letters[index]) { index += 1 }
        let afterVowels = index
        if index < letters.count, letters[index] == "l" {
            var end = index
            while end < letters.count, letters[end] == "l" { end += 1 }
            var tail = end
            while tail < letters.count, isVowel(letters[tail]) || letters[tail] == "y" || letters[tail] == "h" {
                tail += 1
            }
            if tail == letters.count, end < letters.count { return "abdalla" }
            // abd + el + rahman, abd + ou + l + kader, abd + e + l + aziz.
            index = end
            while index < letters.count, isVowel(letters[index]) { index += 1 }
        }
        var rest = String(letters[index...])
        if rest.count < 3 || rest.first.map(isVowel) ?? true {
            rest = String(letters[afterVowels...])
            if rest.count < 3 || rest.first.map(isVowel) ?? true { return word }
        }
        return "abd" + rest
    }

    static func isVowel(_ character: Character) -> Bool {
        "aeiou".contains(character)
    }

    /// Vowel-keeping fold: doubled letters single, e→a (Omer/Omar, Ahmed/Ahmad), i/y/ee→i, o/u/ou/oo→u, a final
    /// silent French e dropped (Ousmane), and the same consonant classes as the skeleton.
    static func folded(_ word: String) -> String {
        var letters = Array(word)
        if letters.count > 4, letters.last == "e", let before = letters.dropLast().last, !isVowel(before) {
            letters.removeLast()
        }
        var result: [Character] = []
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            var mapped: Character
            switch letter {
            case "e": mapped = "a"
            case "i", "y": mapped = index == 0 && letter == "y" ? "y" : "i"
            case "o", "u": mapped = "u"
            case "x": mapped = "h"
            case "d" where next == "j" && index == 0:
                index += 1
                continue
            case "g", "j", "q", "k": mapped = "k"
            case "c": mapped = next == "h" ? "C" : "k"
            case "p" where next == "h": mapped = "f"
            case "v": mapped = "f"
            default: mapped = letter
            }
            if (letter == "c" || letter == "p" || letter == "k" || letter == "g") && next == "h" { index += 1 }
            if result.last != mapped { result.append(mapped) }
            index += 1
        }
        return String(result)
    }

    enum Sound {
        case consonant(Character)
        /// A letter read two ways: the primary reading first.
        case ambiguous([Character?])
    }

    /// Consonant skeletons of a normalised word: primary reading first, at most four.
    static func skeletons(_ word: String) -> [String] {
        var letters = Array(word)
        guard !letters.isEmpty else { return [] }
        // au, ao, aou are a + w (Haoua, Daud, Naoual).
        var index = 0
        var cleaned: [Character] = []
        while index < letters.count {
            let letter = letters[index]
            if letter == "a", index + 1 < letters.count, letters[index + 1] == "u" || letters[index + 1] == "o" {
                cleaned.append(contentsOf: ["a", "w"])
                index += 2
                if index < letters.count, letters[index - 1] == "o", letters[index] == "u" { index += 1 }
                continue
            }
            cleaned.append(letter)
            index += 1
        }
        letters = cleaned
        var sounds: [Sound] = []
        var startsWithVowel = false
        index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            let atEnd = index == letters.count - 1
            switch letter {
            case "o" where next == "u" && index > 0 && index + 2 < letters.count:
                // Arabic و between consonants is read "ou" but may be a w: دويت is Dawit.
                sounds.append(.ambiguous([nil, "w"]))
                index += 1
            case "a", "e", "i", "o", "u":
                if index == 0 { startsWithVowel = true }
            case "y":
                if index == 0 { sounds.append(.consonant("y")) }
            case "h":
                if !atEnd { sounds.append(.consonant("h")) }
            case "x":
                if !atEnd { sounds.append(.consonant("h")) }
            case "p" where next == "h":
                sounds.append(.consonant("f"))
                index += 1
            case "k" where next == "h", "g" where next == "h":
                sounds.append(letter == "k" ? .ambiguous(["k", "h"]) : .consonant("k"))
                index += 1
            case "d" where next == "h":
                sounds.append(.consonant("d"))
                index += 1
            case "d" where next == "j":
                // French dj is j: Djamal, Kadidja (where the d before it is written too).
                if index > 0 { sounds.append(.consonant("d")) }
                sounds.append(.consonant("k"))
                index += 1
            case "g" where next == "n" && (index + 2 == letters.count || isVowel(letters[index + 2])):
                // Amharic ñ written gn: Tekalign, Jiregna.
                sounds.append(.consonant("n"))
                index += 1
            case "s" where next == "h":
                sounds.append(.consonant("S"))
                index += 1
            case "t" where next == "h":
                sounds.append(.ambiguous(["t", "s"]))
                index += 1
            case "c" where next == "h":
                sounds.append(.ambiguous(["C", "S", "k"]))
                index += 1
            case "c" where next == "k" || next == "c":
                sounds.append(.consonant("k"))
                index += 1
            case "c":
                // Latin/French hard c (Boubacar), or Somali ain (Cali, Saciid), or Oromo/Nuer ch (Caalaa, Cuol).
                if atEnd || next.map(isVowel) == false {
                    sounds.append(.ambiguous(["k", nil]))
                } else if index == 0 {
                    // Read as ain, the word starts with a vowel: the marker stands in for it.
                    sounds.append(.ambiguous(["k", "a", "C"]))
                } else {
                    sounds.append(.ambiguous(["k", nil]))
                }
            case "g", "j", "q", "k":
                sounds.append(.consonant("k"))
            case "v":
                sounds.append(.consonant("f"))
            default:
                sounds.append(.consonant(letter))
            }
            index += 1
        }
        var readings: [[Character]] = [[]]
        for sound in sounds {
            switch sound {
            case .consonant(let letter):
                for reading in readings.indices { readings[reading].append(letter) }
            case .ambiguous(let options):
                var next: [[Character]] = []
                for option in options {
                    for reading in readings {
                        next.append(option.map { reading + [$0] } ?? reading)
                    }
                }
                readings = Array(next.prefix(4))
            }
        }
        var seen = Set<String>()
        var result: [String] = []
        for reading in readings {
            var skeleton: [Character] = []
            for letter in reading where skeleton.last != letter { skeleton.append(letter) }
            if skeleton.last == "d" { skeleton[skeleton.count - 1] = "t" }
            let key = (startsWithVowel ? "a" : "") + String(skeleton)
            if !key.isEmpty, seen.insert(key).inserted { result.append(key) }
        }
        return result
    }
}

extension Transliteration {
    static func isLetterCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isLetter) ?? false
    }
}
