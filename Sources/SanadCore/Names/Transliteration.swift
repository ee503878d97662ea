import Foundation

public enum Script: String, Sendable {
    case arabic, ethiopic, latin, other, mixed
}

/// Suggests Latin spellings for names recorded in Arabic or Ge'ez script. A suggestion only: staff confirm it,
/// because the spelling on a person's own documents always wins.
public enum Transliteration {
    /// Which script the letters of `text` are in (ignoring spaces/punctuation/digits).
    public static func script(of text: String) -> Script {
        var found: Script?
        for scalar in text.unicodeScalars {
            guard let script = letterScript(scalar) else { continue }
            if found == nil {
                found = script
            } else if found != script {
                return .mixed
            }
        }
        return found ?? .other
    }

    /// A suggested Latin form for a name given in Arabic or Ge'ez script, in the conventional
    /// English spelling used in Sudan/Eritrea/Ethiopia, each part capitalised: "محمد عبدالله" → "Mohamed Abdalla",
    /// "ሰላም ተስፋይ" → "Selam Tesfay". Latin input is returned with whitespace tidied. Works part by part: the
    /// `CommonNameSpellings` dictionary first, then ICU transliteration with tidy-ups. Never returns an empty string
    /// for non-empty letter input (a part ICU cannot handle is returned unchanged rather than dropped).
    public static func suggestLatin(_ text: String) -> String {
        var parts: [String] = []
        for run in runs(of: text) {
            switch run.script {
            case .arabic: parts += arabicNames(run.pieces.flatMap(letterWords).map(arabicLight))
            case .ethiopic: parts += run.pieces.flatMap(letterWords).map(ethiopicName)
            case .other: parts += run.pieces.map(otherScriptName)
            default: parts += run.pieces
            }
        }
        return parts.joined(separator: " ")
    }

    // MARK: - Script runs

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: true
        // ʿ ʾ ʼ are transliteration marks or apostrophes, not letters of any one script.
        case .modifierLetter: !(0x02B0...0x02FF).contains(scalar.value)
        default: false
        }
    }

    static func letterScript(_ scalar: Unicode.Scalar) -> Script? {
        guard isLetter(scalar) else { return nil }
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabic
        case 0x1200...0x139F, 0x2D80...0x2DDF, 0xAB00...0xAB2F, 0x1E7E0...0x1E7FF:
            return .ethiopic
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x2AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF,
            0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .latin
        default:
            return .other
        }
    }

    struct Run {
        var script: Script?
        var pieces: [String]
    }

    /// Splits on whitespace and at script changes ("Ahmedأحمد" is two parts), then groups neighbouring pieces of
    /// one script so that compounds written with a space ("عبد الرحمن") are seen together.
    static func runs(of text: String) -> [Run] {
        var runs: [Run] = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            var segments: [(script: Script?, scalars: String.UnicodeScalarView)] = [(nil, .init())]
            for scalar in chunk.unicodeScalars {
                if let script = letterScript(scalar) {
                    if segments[segments.count - 1].script == nil {
                        segments[segments.count - 1].script = script
                    } else if segments[segments.count - 1].script != script {
                        segments.append((script, .init()))
                    }
                }
                segments[segments.count - 1].scalars.append(scalar)
            }
            for segment in segments {
                if let script = segment.script, runs.last?.script == script {
                    runs[runs.count - 1].pieces.append(String(segment.scalars))
                } else {
                    runs.append(Run(script: segment.script, pieces: [String(segment.scalars)]))
                }
            }
        }
        return runs
    }

    /// Letters with their marks; punctuation and digits split words, invisible format characters do not.
    static func letterWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if isLetter(scalar) || category == .nonspacingMark {
                current.append(scalar)
            } else if category != .format, !current.isEmpty {
                words.append(String(current))
                current = .init()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    // MARK: - Shared helpers

    static func icu(_ text: String, _ transform: String) -> String? {
        text.applyingTransform(StringTransform(rawValue: transform), reverse: false)
    }

    static func capitalised(_ word: String) -> String {
        let lower = word.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    static func otherScriptName(_ piece: String) -> String {
        let latin = icu(piece, "Any-Latin; Latin-ASCII") ?? ""
        let ascii = String(String.UnicodeScalarView(latin.unicodeScalars.filter { $0.isASCII }))
        return ascii.contains(where: \.isLetter) ? capitalised(ascii) : piece
    }
}

// MARK: - Arabic

extension Transliteration {
    /// Strips tashkeel and tatweel and unifies alef forms, keeping ة and ى, which the fallback needs.
    static func arabicLight(_ word: String) -> String {
        var light = String.UnicodeScalarView()
        for scalar in word.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.value {
            case 0x0622, 0x0623, 0x0625, 0x0671: light.append("\u{0627}")
            case 0x0640: continue
            default: if scalar.properties.generalCategory != .nonspacingMark { light.append(scalar) }
            }
        }
        return String(light)
    }

    static func arabicNames(_ words: [String]) -> [String] {
        var names: [String] = []
        var index = 0
        while index < words.count {
            // عبد and أبو never stand alone, and الدين / الله / السر only ever close a compound.
            if index + 1 < words.count,
                ["عبد", "ابو"].contains(words[index]) || ["الدين", "الله", "السر"].contains(words[index + 1])
            {
                names.append(arabicName(words[index] + words[index + 1]))
                index += 2
            } else {
                names.append(arabicName(words[index]))
                index += 1
            }
        }
        return names
    }

    static func knownArabic(_ word: String) -> String? {
        CommonNameSpellings.arabic[NameFolding.searchKey(word).replacingOccurrences(of: " ", with: "")]
    }

    static func arabicName(_ word: String) -> String {
        if let known = knownArabic(word) { return known }
        for (prefix, latin) in [("عبدال", "Abdel"), ("عبد", "Abd"), ("ابو", "Abu"), ("ال", "El")]
        where word.hasPrefix(prefix) && word.count > prefix.count + 1 {
            let tail = String(word.dropFirst(prefix.count))
            return latin + (knownArabic(tail) ?? arabicFallback(tail)).lowercased()
        }
        for (suffix, latin) in [("الدين", "eldin"), ("الله", "alla"), ("السر", "elsir")]
        where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            return arabicName(String(word.dropLast(suffix.count))) + latin
        }
        let latin = arabicFallback(word)
        return latin.isEmpty ? word : capitalised(latin)
    }

    enum ArabicUnit {
        case consonant(String)
        case vowel(String)
        case glottal, w, y

        var isVowel: Bool {
            if case .vowel = self { return true }
            return false
        }
        var isConsonant: Bool {
            if case .consonant = self { return true }
            return false
        }
        var isGlide: Bool {
            switch self {
            case .w, .y: true
            default: false
            }
        }
    }

    /// ICU's Arabic-Latin is a letter-for-letter scholarly scheme (mḥmd, ʿbdạllh); read it back as units so the
    /// consonants can be respelled the Sudanese way and the unwritten short vowels guessed.
    static func arabicUnits(_ word: String) -> [ArabicUnit] {
        let scalars = Array((icu(word, "Arabic-Latin") ?? "").unicodeScalars)
        var units: [ArabicUnit] = []
        var index = 0
        while index < scalars.count {
            let base = scalars[index]
            index += 1
            var marks: [UInt32] = []
            while index < scalars.count, scalars[index].properties.generalCategory == .nonspacingMark {
                marks.append(scalars[index].value)
                index += 1
            }
            if index < scalars.count, scalars[index] == "\u{1E96}" {  // ẖ: ش is "sẖ", خ "kẖ", ذ "dẖ", ...
                index += 1
                let letters = ["t": "th", "k": "kh", "d": "z", "s": "sh", "g": "gh"][base] ?? ascii(base)
                // تش is how Sudanese clerks write "ch", which Arabic lacks: تشاد is Chad, اتشول Achol.
                if letters == "sh", case .consonant("t") = units.last {
                    units[units.count - 1] = .consonant("ch")
                } else {
                    units.append(.consonant(letters))
                }
                continue
            }
            switch base {
            case "\u{1EA1}", "\u{1EAD}", "\u{1E97}": units.append(.vowel("a"))  // ạ alef, ậ alef madda, ẗ ة
            case "\u{02BE}", "\u{02BF}": units.append(.glottal)  // ʾ hamza, ʿ ain
            case "w": units.append(.w)
            case "y": units.append(marks.contains(0x0331) ? .vowel("a") : .y)  // y̱ is ى
            case "\u{1EF7}": units.append(.y)  // ỷ is ئ
            case "q": units.append(.consonant("g"))  // Sudanese ق: Elsadig, Abdelgadir
            default:
                let letter = ascii(base)
                if !letter.isEmpty { units.append(.consonant(letter)) }
            }
        }
        return units
    }

    static func ascii(_ scalar: Unicode.Scalar) -> String {
        let folded = icu(String(scalar), "Latin-ASCII") ?? ""
        let letters = folded.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }
        return String(String.UnicodeScalarView(letters)).lowercased()
    }

    /// Lowercase Latin guess for an Arabic word outside the dictionary: و/ي read as vowels between consonants,
    /// and "a" inserted where Arabic leaves short vowels unwritten at the start of the word.
    static func arabicFallback(_ word: String) -> String {
        let units = arabicUnits(word)
        var latin = ""
        for (index, unit) in units.enumerated() {
            let next = index + 1 < units.count ? units[index + 1] : nil
            let afterVowel = latin.last.map { "aeiou".contains($0) } ?? false
            switch unit {
            case .vowel(let vowel): latin += vowel
            case .glottal: if !afterVowel, next.map({ !$0.isVowel }) ?? latin.isEmpty { latin += "a" }
            case .w: latin += index == 0 || afterVowel || next?.isVowel == true ? "w" : "ou"
            case .y: latin += index == 0 || next?.isVowel == true ? "y" : (index == 1 ? "ai" : "i")
            case .consonant(let letters): latin += letters
            }
            if index == 0, unit.isGlide || unit.isConsonant, next?.isConsonant == true { latin += "a" }
        }
        if !latin.isEmpty, !latin.contains(where: { "aeiou".contains($0) }) {
            latin.insert("a", at: latin.index(after: latin.startIndex))
        }
        return latin
    }
}

// MARK: - Ge'ez

extension Transliteration {
    /// Dictionary key for a Ge'ez word: letters that sound alike in Tigrinya/Amharic names and are spelled
    /// interchangeably (ሠ/ሰ, ፀ/ጸ, ሐ/ኀ/ሀ, ዐ/አ, and first/fourth order of ሀ and አ) are folded together.
    static func ethiopicKey(_ word: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            guard isLetter(scalar) else { continue }
            var value = scalar.value
            switch value {
            case 0x1210...0x1216, 0x1280...0x1286: value = 0x1200 + (value & 0x7)
            case 0x1220...0x1227: value = 0x1230 + (value & 0x7)
            case 0x1340...0x1346: value = 0x1338 + (value & 0x7)
            case 0x12D0...0x12D6: value = 0x12A0 + (value & 0x7)
            default: break
            }
            if value == 0x1200 || value == 0x12A0 { value += 3 }
            key.append(Unicode.Scalar(value) ?? scalar)
        }
        return String(key)
    }

    static func ethiopicName(_ word: String) -> String {
        let key = ethiopicKey(word)
        if let known = CommonNameSpellings.ethiopic[key] { return known }
        for (head, latin) in CommonNameSpellings.ethiopicHeads where key.hasPrefix(head) {
            let tail = String(key.unicodeScalars.dropFirst(head.unicodeScalars.count))
            guard tail.unicodeScalars.count >= 2 else { continue }
            let tailLatin =
                CommonNameSpellings.ethiopicTails[tail] ?? CommonNameSpellings.ethiopic[tail]?.lowercased()
                ?? ethiopicFallback(tail)
            // Gebre + egziabher is written Gebregziabher.
            return latin.hasSuffix("e") && tailLatin.hasPrefix("e") ? latin + tailLatin.dropFirst() : latin + tailLatin
        }
        let latin = ethiopicFallback(key)
        return latin.isEmpty ? word : capitalised(latin)
    }

    /// ICU writes ICU's own scheme (salām tasǝfāy); conventional spellings write first order ä as "e", fourth
    /// order ā as "a", drop the sixth order ǝ except in the first syllable (Berhane, not Brhane), and use
    /// English digraphs (sh, ch, ts) where ICU uses diacritics.
    static func ethiopicFallback(_ word: String) -> String {
        var latin = ""
        var sawVowel = false
        for scalar in (icu(word, "Ethiopic-Latin") ?? "").unicodeScalars {
            switch scalar {
            case "\u{01DD}":  // ǝ
                if !sawVowel { latin += "e" }
            case "a": latin += "e"
            case "\u{0101}": latin += "a"  // ā
            case "e", "i", "o", "u": latin.unicodeScalars.append(scalar)
            default:
                if let letters = ethiopicConsonants[scalar] {
                    latin += letters
                } else if scalar.isASCII, scalar.properties.isAlphabetic {
                    latin.unicodeScalars.append(scalar)
                } else if scalar.properties.generalCategory != .nonspacingMark {
                    latin += ascii(scalar)
                }
                continue
            }
            sawVowel = true
        }
        return latin
    }

    /// ICU output letters → conventional English. ICU writes ፀ as ḍ and ጀ as ǧ, which Latin-ASCII would turn
    /// into "d" and "g".
    static let ethiopicConsonants: [Unicode.Scalar: String] = [
        "š": "sh", "č": "ch", "ǧ": "j", "ž": "zh", "ñ": "ny", "ḵ": "kh", "q": "k", "ḥ": "h", "ḫ": "h",
        "ṣ": "ts", "ḍ": "ts", "ś": "s", "ṭ": "t", "ṗ": "p", "ŋ": "ng", "ʷ": "w", "ʿ": "", "ʾ": "",
    ]
}
