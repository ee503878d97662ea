/// Builds full names from the name lists.
enum DemoNaming {
    /// Compounds that Ge'ez writers shorten with a slash, as in ገ/ማርያም for ገብረማርያም.
    static let ethiopicAbbreviations = [("ገብረ", "ገ/"), ("ወልደ", "ወ/"), ("ኃይለ", "ኃ/")]

    static func name(
        culture: DemoCulture, sex: String, rng: inout SeededGenerator
    ) -> (original: String, latin: String) {
        let group = culture.names
        let isFemale =
            switch sex {
            case "Feminine": true
            case "Masculine": false
            default: rng.chance(0.5)
            }
        let parts = group.nameParts.lowerBound + rng.uniform(group.nameParts.count)
        // One Arabic or Somali man in seven is a Mohamed; no other name dominates as much.
        let steep = group == .arabic || group == .somali
        let given = rng.popular(isFemale ? group.female : group.male, steep: steep)
        var names = [given]
        for _ in 1..<parts {
            var forebear = rng.popular(group.forebears, steep: false)
            // Only Arabic naming often repeats the father's name (Mohamed Mohamed Ahmed).
            if group != .arabic, forebear.latin == names[names.count - 1].latin {
                forebear = rng.popular(group.forebears, steep: false)
            }
            names.append(forebear)
        }
        // Oromo and Somali writers tend to use either their own orthography (Gammachuu, Maxamed) or
        // the English spellings (Gemechu, Mohamed) throughout their name, not a mix.
        let orthography: Orthography =
            group == .oromo || group == .somali ? (rng.chance(0.35) ? .own : .english) : .any
        var latinParts: [String] = []
        for (position, name) in names.enumerated() {
            latinParts.append(
                spelling(
                    name, french: culture.frenchSpelling, orthography: orthography, isGiven: position == 0,
                    rng: &rng))
        }
        let latin = latinParts.joined(separator: " ")
        guard group.script != .latin, rng.chance(culture.ownScriptShare) else {
            return (latin, latin)
        }
        var native: [String] = []
        for (position, name) in names.enumerated() {
            var written = name.native ?? ""
            if position > 0, group.script == .ethiopic, rng.chance(0.15) {
                for (full, short) in ethiopicAbbreviations where written.hasPrefix(full) {
                    written = short + written.dropFirst(full.count)
                }
            }
            native.append(written)
        }
        return (native.joined(separator: " "), latin)
    }

    /// For Oromo and Somali names, the second spelling in the list is the one in the language's own
    /// Latin orthography (Gammachuu, Maxamed).
    enum Orthography {
        case own
        case english
        case any
    }

    /// The usual spelling most of the time, otherwise one of the variants. Abbreviations such as
    /// G/Mariam are kept for the father's name: nobody shortens their own given name.
    static func spelling(
        _ name: DemoName, french: Bool, orthography: Orthography, isGiven: Bool, rng: inout SeededGenerator
    ) -> String {
        var variants = french && !name.french.isEmpty ? name.french : name.latin
        switch orthography {
        case .own where variants.count > 1: return variants[1]
        case .english where variants.count > 1: variants.remove(at: 1)
        default: break
        }
        if isGiven { variants = variants.filter { !$0.contains("/") } }
        if variants.count == 1 || rng.chance(0.55) { return variants[0] }
        return variants[1 + rng.uniform(variants.count - 1)]
    }
}
