/// One name as people give it, with the ways it gets written in Latin letters.
///
/// `latin` holds the English-style transliterations seen on Sudanese and Horn of Africa documents,
/// most common first; `french` holds the spellings of francophone Chad and West Africa (Mahamat for
/// Mohamed, Boubacar for Abubakar). Names that are only ever written in Latin have no `native` form.
struct DemoName: Sendable {
    let native: String?
    let latin: [String]
    let french: [String]

    /// `latin` and `french` are `|`-separated so that the name lists stay one readable line per name.
    init(_ native: String?, _ latin: String, french: String = "") {
        self.native = native
        self.latin = latin.split(separator: "|").map(String.init)
        self.french = french.split(separator: "|").map(String.init)
    }

    static func latin(_ spellings: String, french: String = "") -> DemoName {
        DemoName(nil, spellings, french: french)
    }
}

enum DemoScript: Sendable {
    case arabic
    case ethiopic
    case latin
}

/// A naming tradition: which names, in which script, and how many generations a full name carries.
///
/// Arabic, Somali and South Sudanese names are given + father's + grandfather's name; Tigrinya and
/// Amharic names are given + father's name with no family name (docs/domain.md, "Who the migrants are").
enum DemoNameGroup: Sendable, CaseIterable {
    case arabic
    case tigrinya
    case amharic
    case oromo
    case dinka
    case nuer
    case somali
    case sahel

    var script: DemoScript {
        switch self {
        case .arabic: .arabic
        case .tigrinya, .amharic: .ethiopic
        case .oromo, .dinka, .nuer, .somali, .sahel: .latin
        }
    }

    var male: [DemoName] {
        switch self {
        case .arabic: ArabicNames.male
        case .tigrinya: TigrinyaNames.male
        case .amharic: AmharicNames.male
        case .oromo: OromoNames.male
        case .dinka: DinkaNames.male
        case .nuer: NuerNames.male
        case .somali: SomaliNames.male
        case .sahel: SahelNames.male
        }
    }

    var female: [DemoName] {
        switch self {
        case .arabic: ArabicNames.female
        case .tigrinya: TigrinyaNames.female
        case .amharic: AmharicNames.female
        case .oromo: OromoNames.female
        case .dinka: DinkaNames.female
        case .nuer: NuerNames.female
        case .somali: SomaliNames.female
        case .sahel: SahelNames.female
        }
    }

    /// Names that appear in the father's and grandfather's positions. South Sudanese fathers carry the
    /// traditional name even when the child was baptised John or Mary.
    var forebears: [DemoName] {
        switch self {
        case .dinka: DinkaNames.traditionalMale
        case .nuer: NuerNames.traditionalMale
        default: male
        }
    }

    /// How many names a full name has, including the given name.
    var nameParts: ClosedRange<Int> {
        switch self {
        case .arabic, .somali, .dinka, .nuer: 3...3
        case .tigrinya, .amharic: 2...2
        case .oromo, .sahel: 2...3
        }
    }
}
