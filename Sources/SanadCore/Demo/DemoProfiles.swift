// Who arrives where, with what papers. The shares are approximate and follow the picture in
// docs/domain.md, section "Who the migrants are": in eastern Sudan most assisted migrants come
// from Ethiopia and Eritrea, then South Sudan, with smaller numbers from Somalia, Nigeria, Chad and
// West Africa, and after 2023 Sudanese returnees. Ethiopians cross on foot at Metema–Gallabat into
// Gedaref, and many women go on to domestic work in Khartoum; Eritreans cross at Tesseney into Kassala
// and the Shagarab camps; South Sudanese come north along the White Nile or through Kordofan; West
// Africans and Chadians come east through Darfur. Nothing here is a statistic: it only has to look
// plausible in a demo.

/// A naming tradition as one nationality uses it: in which script people write their own name, how
/// it is spelled in Latin letters, and which languages they speak.
struct DemoCulture: Sendable {
    let names: DemoNameGroup
    /// How often the person writes their name in the group's own script rather than in Latin letters.
    let ownScriptShare: Double
    let frenchSpelling: Bool
    /// ISO 639-2 codes of the first language. Nuer has none in ISO 639-2, which lumps it into the
    /// collective `ssa`, useless for finding an interpreter, so it uses its ISO 639-3 code `nus`.
    let firstLanguage: [(String, Double)]
    /// Further languages, each spoken with the given probability.
    let otherLanguages: [(String, Double)]

    init(
        _ names: DemoNameGroup, ownScript: Double = 0, french: Bool = false,
        first: [(String, Double)], others: [(String, Double)]
    ) {
        self.names = names
        self.ownScriptShare = ownScript
        self.frenchSpelling = french
        self.firstLanguage = first
        self.otherLanguages = others
    }
}

struct DemoProfile: Sendable {
    let nationality: String
    /// Percentage of all people generated.
    let share: Double
    let femaleShare: Double
    let childShare: Double
    let cultures: [(DemoCulture, Double)]
    let centres: [(String, Double)]
    /// Where women go when it differs from men: Ethiopian women are sent on to domestic work in
    /// Khartoum.
    let femaleCentres: [(String, Double)]?
    let documents: [(String?, Double)]
    let passportPrefix: String
    let nationalIDDigits: Int
    let sexualViolenceAmongWomen: Double
    let routes: [String: [String]]
}

enum DemoProfiles {
    static let all: [DemoProfile] = [
        ethiopia, eritrea, southSudan, somalia, sahel("NGA", share: 3, female: 0.3, from: "Kano → Maiduguri"),
        chad, sahel("NER", share: 1.2, female: 0.25, from: "Zinder → Diffa"),
        sahel("MLI", share: 0.9, female: 0.2, from: "Gao → Niamey"),
        sahel("CMR", share: 0.9, female: 0.3, from: "Maroua → Kousséri"), sudan,
    ]

    static let ethiopia = DemoProfile(
        nationality: "ETH", share: 40, femaleShare: 0.58, childShare: 0.12,
        cultures: [
            (DemoCulture(.amharic, ownScript: 0.9, first: [("amh", 1)], others: [("ara", 0.3), ("eng", 0.1)]), 0.55),
            (DemoCulture(.oromo, first: [("orm", 1)], others: [("amh", 0.6), ("ara", 0.25)]), 0.25),
            (DemoCulture(.tigrinya, ownScript: 0.9, first: [("tir", 1)], others: [("amh", 0.5), ("ara", 0.2)]), 0.2),
        ],
        centres: [("SD12", 0.6), ("SD01", 0.22), ("SD11", 0.18)],
        femaleCentres: [("SD12", 0.45), ("SD01", 0.45), ("SD11", 0.1)],
        documents: [
            (nil, 0.42), ("national-id", 0.3), ("passport", 0.2), ("refugee-id", 0.05), ("laissez-passer", 0.03),
        ],
        passportPrefix: "EP", nationalIDDigits: 12, sexualViolenceAmongWomen: 0.12,
        routes: [
            "SD12": [
                "Metema–Gallabat → Gedaref", "Gondar → Metema–Gallabat → Gedaref",
                "Metema–Gallabat → Doka → Gedaref", "Humera → Lugdi → Gedaref",
            ],
            "SD01": [
                "Metema–Gallabat → Gedaref → Khartoum", "Gondar → Metema–Gallabat → Gedaref → Khartoum",
                "Metema–Gallabat → Gedaref → Wad Madani → Khartoum",
            ],
            "SD11": ["Humera → Hamdayet → Kassala", "Metema–Gallabat → Gedaref → Kassala"],
        ]
    )

    static let eritrea = DemoProfile(
        nationality: "ERI", share: 30, femaleShare: 0.45, childShare: 0.16,
        cultures: [
            (
                DemoCulture(
                    .tigrinya, ownScript: 0.9, first: [("tir", 0.85), ("tig", 0.15)],
                    others: [("ara", 0.45), ("eng", 0.15)]), 1
            )
        ],
        centres: [("SD11", 0.6), ("SD01", 0.25), ("SD12", 0.15)], femaleCentres: nil,
        documents: [
            (nil, 0.3), ("refugee-id", 0.35), ("national-id", 0.22), ("passport", 0.1), ("laissez-passer", 0.03),
        ],
        passportPrefix: "E", nationalIDDigits: 7, sexualViolenceAmongWomen: 0.1,
        routes: [
            "SD11": ["Tesseney → Kassala", "Tesseney → Shagarab → Kassala", "Om Hajer → Hamdayet → Kassala"],
            "SD01": ["Tesseney → Kassala → Khartoum", "Tesseney → Shagarab → Khartoum"],
            "SD12": ["Tesseney → Kassala → Gedaref", "Om Hajer → Hamdayet → Gedaref"],
        ]
    )

    static let southSudan = DemoProfile(
        nationality: "SSD", share: 12, femaleShare: 0.52, childShare: 0.22,
        cultures: [
            (DemoCulture(.dinka, first: [("din", 1)], others: [("ara", 0.7), ("eng", 0.35)]), 0.6),
            (DemoCulture(.nuer, first: [("nus", 1)], others: [("ara", 0.6), ("eng", 0.35)]), 0.4),
        ],
        centres: [("SD01", 0.65), ("SD12", 0.25), ("SD11", 0.1)], femaleCentres: nil,
        documents: [
            (nil, 0.4), ("national-id", 0.22), ("refugee-id", 0.2), ("passport", 0.15), ("laissez-passer", 0.03),
        ],
        passportPrefix: "R", nationalIDDigits: 9, sexualViolenceAmongWomen: 0.06,
        routes: [
            "SD01": [
                "Renk → Joda → Kosti → Khartoum", "Renk → Kosti → Khartoum", "Aweil → Meiram → El Obeid → Khartoum",
            ],
            "SD12": ["Renk → Kosti → Gedaref", "Renk → Kosti → Sennar → Gedaref"],
            "SD11": ["Renk → Kosti → Khartoum → Kassala"],
        ]
    )

    static let somalia = DemoProfile(
        nationality: "SOM", share: 4, femaleShare: 0.42, childShare: 0.15,
        cultures: [
            (DemoCulture(.somali, first: [("som", 1)], others: [("ara", 0.4), ("eng", 0.25), ("amh", 0.05)]), 1)
        ],
        centres: [("SD12", 0.4), ("SD01", 0.4), ("SD11", 0.2)], femaleCentres: nil,
        documents: [
            (nil, 0.4), ("passport", 0.25), ("refugee-id", 0.22), ("national-id", 0.1), ("laissez-passer", 0.03),
        ],
        passportPrefix: "P", nationalIDDigits: 9, sexualViolenceAmongWomen: 0.08,
        routes: [
            "SD12": [
                "Doolow → Addis Ababa → Metema–Gallabat → Gedaref",
                "Moyale → Addis Ababa → Metema–Gallabat → Gedaref",
            ],
            "SD01": ["Doolow → Addis Ababa → Metema–Gallabat → Gedaref → Khartoum"],
            "SD11": ["Addis Ababa → Humera → Hamdayet → Kassala"],
        ]
    )

    static let chad = DemoProfile(
        nationality: "TCD", share: 3, femaleShare: 0.35, childShare: 0.15,
        cultures: [
            (DemoCulture(.arabic, ownScript: 0.5, french: true, first: [("ara", 1)], others: [("fra", 0.35)]), 0.6),
            (
                DemoCulture(
                    .sahel, french: true, first: [("ara", 0.5), ("kau", 0.3), ("ful", 0.2)],
                    others: [("fra", 0.35), ("ara", 0.5)]), 0.4
            ),
        ],
        centres: [("SD01", 0.7), ("SD12", 0.2), ("SD11", 0.1)], femaleCentres: nil,
        documents: [(nil, 0.4), ("passport", 0.3), ("national-id", 0.25), ("laissez-passer", 0.05)],
        passportPrefix: "T", nationalIDDigits: 9, sexualViolenceAmongWomen: 0.06,
        routes: darfurRoutes(from: "Abéché")
    )

    static let sudan = DemoProfile(
        nationality: "SDN", share: 5, femaleShare: 0.5, childShare: 0.25,
        cultures: [
            (
                DemoCulture(
                    .arabic, ownScript: 1, first: [("ara", 0.9), ("bej", 0.1)], others: [("ara", 1), ("eng", 0.3)]), 1
            )
        ],
        centres: [("SD12", 0.4), ("SD11", 0.35), ("SD01", 0.25)], femaleCentres: nil,
        documents: [(nil, 0.2), ("national-id", 0.55), ("passport", 0.25)],
        passportPrefix: "P", nationalIDDigits: 11, sexualViolenceAmongWomen: 0.06,
        routes: [
            "SD12": ["Metema–Gallabat → Gedaref", "Gondar → Metema–Gallabat → Gedaref"],
            "SD11": ["Tesseney → Kassala", "Port Sudan → Kassala"],
            "SD01": [
                "Qustul–Ashkeet → Wadi Halfa → Dongola → Khartoum", "Argeen → Wadi Halfa → Khartoum",
                "Port Sudan → Atbara → Khartoum",
            ],
        ]
    )

    /// Nigerians, Nigeriens, Malians and Cameroonians: mostly Hausa, Fulani, Kanuri and Songhai
    /// Muslims travelling east through Chad and Darfur.
    static func sahel(_ nationality: String, share: Double, female: Double, from start: String) -> DemoProfile {
        let french = nationality != "NGA"
        let first: [(String, Double)] =
            switch nationality {
            case "NGA": [("hau", 0.75), ("ful", 0.15), ("kau", 0.1)]
            case "NER": [("hau", 0.5), ("son", 0.3), ("ful", 0.2)]
            case "MLI": [("bam", 0.6), ("ful", 0.25), ("son", 0.15)]
            default: [("ful", 0.7), ("ara", 0.3)]
            }
        let colonial = french ? "fra" : "eng"
        return DemoProfile(
            nationality: nationality, share: share, femaleShare: female, childShare: 0.1,
            cultures: [
                (DemoCulture(.sahel, french: french, first: first, others: [(colonial, 0.45), ("ara", 0.3)]), 1)
            ],
            centres: [("SD01", 0.7), ("SD12", 0.2), ("SD11", 0.1)], femaleCentres: nil,
            documents: [(nil, 0.4), ("passport", 0.4), ("national-id", 0.15), ("laissez-passer", 0.05)],
            passportPrefix: String(nationality.prefix(1)), nationalIDDigits: nationality == "NGA" ? 11 : 9,
            sexualViolenceAmongWomen: 0.06, routes: darfurRoutes(from: "\(start) → N'Djamena → Abéché")
        )
    }

    static func darfurRoutes(from start: String) -> [String: [String]] {
        let toKhartoum = [
            "\(start) → Adré → El Geneina → El Fasher → Khartoum",
            "\(start) → Adré → El Geneina → Nyala → El Obeid → Khartoum",
        ]
        return [
            "SD01": toKhartoum,
            "SD12": toKhartoum.map { "\($0) → Gedaref" },
            "SD11": toKhartoum.map { "\($0) → Kassala" },
        ]
    }
}
