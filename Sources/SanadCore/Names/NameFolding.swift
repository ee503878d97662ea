import Foundation

/// Search keys for names, so that spelling noise (case, accents, hamza forms, tashkeel, digit sets,
/// punctuation) does not stop a caseworker from finding a record. Folding stays within one script;
/// cross-script matching goes through `Transliteration`.
public enum NameFolding {
    /// A search key for matching within one script: lowercased, diacritics removed (Latin accents),
    /// Arabic tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640) removed, Arabic letter variants folded
    /// (أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي), Arabic-Indic and Eastern Arabic-Indic digits → ASCII digits,
    /// hyphens, apostrophes, slashes, dots, commas and other punctuation → space, whitespace collapsed and trimmed.
    /// Ge'ez letters are kept as they are (just punctuation like ፡ and ። become spaces).
    public static func searchKey(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var pendingSpace = false
        // NFKD splits hamza/madda off their carrier letters and Latin accents off their base letters, so both
        // fold by dropping marks; it also unpacks Arabic presentation forms and full-width Latin.
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch fold(scalar) {
            case .drop:
                continue
            case .separator:
                pendingSpace = !key.isEmpty
            case .keep(let folded):
                if pendingSpace {
                    key.append(" ")
                    pendingSpace = false
                }
                key.append(folded)
            }
        }
        // Recompose so that scripts whose letters decompose without marks (e.g. Hangul) round-trip.
        return String(key).precomposedStringWithCanonicalMapping
    }

    /// searchKey split into non-empty tokens.
    public static func tokens(_ text: String) -> [String] {
        searchKey(text).split(separator: " ").map(String.init)
    }

    /// true when every token of `query` is a prefix of some token of `name` (both folded), e.g. query "فاطمه" matches
    /// name "فاطمة أحمد"; query "moh ab" matches "Mohamed Abdalla"; empty query matches nothing.
    public static func matches(query: String, name: String) -> Bool {
        let queryTokens = tokens(query)
        guard !queryTokens.isEmpty else { return false }
        let nameTokens = tokens(name)
        return queryTokens.allSatisfy { part in nameTokens.contains { $0.hasPrefix(part) } }
    }

    enum Folded {
        case keep(Unicode.Scalar)
        case drop
        case separator
    }

    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        if let arabic = arabicLetterFold[scalar.value] {
            return arabic.map { .keep($0) } ?? .drop
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            // Format characters are ZWJ/ZWNJ, bidi marks and soft hyphens: invisible, so never a word break.
            return .drop
        case .decimalNumber:
            guard let value = properties.numericValue, let digit = Unicode.Scalar(0x30 + UInt32(value)) else {
                return .separator
            }
            return .keep(digit)
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .spacingMark,
            .letterNumber, .otherNumber:
            return .keep(scalar)
        case .modifierLetter:
            // ʼ ʻ ʿ ʾ and friends are typed as apostrophes in Latin spellings ("Maʼmoun").
            return (0x02B0...0x02FF).contains(scalar.value) ? .separator : .keep(scalar)
        default:
            return .separator
        }
    }

    /// Arabic variants that NFKD leaves alone; `nil` means remove. Hamza-carrier forms (أ إ آ ؤ ئ) need no entry
    /// because NFKD turns them into bare letter + combining hamza/madda, which is dropped as a mark.
    static let arabicLetterFold: [UInt32: Unicode.Scalar?] = [
        0x0671: "\u{0627}",  // ٱ alef wasla
        0x0629: "\u{0647}",  // ة ta marbuta
        0x0649: "\u{064A}",  // ى alef maqsura
        0x06CC: "\u{064A}",  // ی Farsi yeh, produced by some phone keyboards
        0x06A9: "\u{0643}",  // ک keheh, likewise
        0x0640: nil,  // tatweel is a letter by category but only stretches the line
    ]
}
