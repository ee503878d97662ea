import Foundation
import Testing

@testable import SanadCore

// Expected counts are those of the source files in shared/data, which tests cannot
// read (the product and CI must not depend on them at run time). Re-run
// scripts/make-reference-data.py and update these together when a source changes.
private let sourceStateRows = 19  // sdn_admin1_pcodes_OCHA_CODAB.csv, incl. Abyei PCA
private let sourceLocalityRows = 30  // sdn_admin2_pcodes_Khartoum_Gedaref_Kassala.csv
private let sourceCountryRows = 246  // country-regions.csv less 6 nameless legacy codes

private func isArabicScript(_ text: String) -> Bool {
    let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
    return !letters.isEmpty && letters.allSatisfy { (0x0600...0x06FF).contains($0.value) }
}

@Suite("Sudanese places")
struct PlacesTests {
    @Test func countsMatchSources() {
        #expect(ReferenceData.states.count == sourceStateRows)
        #expect(ReferenceData.localities.count == sourceLocalityRows)
    }

    @Test(
        arguments: [
            ("SD01", "Khartoum", "الخرطوم"),
            ("SD11", "Kassala", "كسلا"),
            ("SD12", "Gedaref", "القضارف"),
        ])
    func stateNames(pcode: String, en: String, ar: String) throws {
        let state = try #require(ReferenceData.state(pcode))
        #expect(state.name.en == en)
        #expect(state.name.ar == ar)
        #expect(state.name.text(for: "ar") == ar)
        #expect(state.name.text(for: "ar-SD") == ar)
        #expect(state.name.text(for: "en") == en)
        #expect(ReferenceData.state(en)?.pcode == pcode)
        #expect(ReferenceData.state(ar)?.pcode == pcode)
    }

    @Test(arguments: [
        "Gedaref", "Al Gedaref", "Gedarif", "Gadaref", "Al Qadarif",
        "al gedaref", "  AL  QADARIF ", "Al-Qadarif", "sd12", "القضارف",
    ])
    func gedarefSpellingsResolve(spelling: String) {
        #expect(ReferenceData.state(spelling)?.pcode == "SD12")
    }

    @Test func gedarefAliasesAreListed() throws {
        let gedaref = try #require(ReferenceData.state("SD12"))
        for alias in ["Al Gedaref", "Gedarif", "Gadaref", "Al Qadarif"] {
            #expect(gedaref.aliases.contains(alias))
        }
    }

    @Test func arabicSpellingVariantsResolve() {
        // Hand-typed Arabic often drops the hamza and writes ى for final ي.
        #expect(ReferenceData.state("النيل الازرق")?.pcode == "SD08")
        #expect(ReferenceData.state("الجزيره")?.pcode == "SD15")
        #expect(ReferenceData.state("Gezira")?.pcode == "SD15")
    }

    @Test func unknownStateIsNil() {
        #expect(ReferenceData.state("Atlantis") == nil)
        #expect(ReferenceData.state("") == nil)
    }

    @Test func everyNameAndAliasFindsItsOwnState() {
        for state in ReferenceData.states {
            for key in [state.pcode, state.name.en, state.name.ar] + state.aliases {
                #expect(ReferenceData.state(key) == state, "\(key) should find \(state.pcode)")
            }
        }
    }

    @Test func everyLocalityBelongsToAKnownState() {
        let statePcodes = Set(ReferenceData.states.map(\.pcode))
        for locality in ReferenceData.localities {
            #expect(statePcodes.contains(locality.statePcode), "\(locality.pcode)")
            #expect(locality.pcode.hasPrefix(locality.statePcode), "\(locality.pcode)")
            #expect(isArabicScript(locality.name.ar), "\(locality.pcode)")
        }
    }

    @Test func localitiesByState() {
        #expect(ReferenceData.localities(inState: "SD01").count == 7)
        #expect(ReferenceData.localities(inState: "SD11").count == 11)
        #expect(ReferenceData.localities(inState: "sd12").count == 12)
        #expect(
            ReferenceData.localities(inState: "SD12").contains { $0.name.en == "Madeinat Al Gedaref" })
        #expect(ReferenceData.localities(inState: "SD02").isEmpty)
        #expect(ReferenceData.localities(inState: "nowhere").isEmpty)
    }

    @Test func pcodesAreUnique() {
        let codes = ReferenceData.states.map(\.pcode) + ReferenceData.localities.map(\.pcode)
        #expect(Set(codes).count == codes.count)
    }
}

@Suite("Countries")
struct CountriesTests {
    @Test func countMatchesSource() {
        #expect(ReferenceData.countries.count == sourceCountryRows)
    }

    @Test(
        arguments: [
            ("ERI", "ER", "Eritrea", "إريتريا"),
            ("ETH", "ET", "Ethiopia", "إثيوبيا"),
            ("SSD", "SS", "South Sudan", "جنوب السودان"),
            ("SDN", "SD", "Sudan", "السودان"),
        ])
    func lookupByEitherCode(iso3: String, iso2: String, en: String, ar: String) throws {
        let byAlpha3 = try #require(ReferenceData.country(iso3))
        let byAlpha2 = try #require(ReferenceData.country(iso2))
        #expect(byAlpha3 == byAlpha2)
        #expect(byAlpha3.iso2 == iso2)
        #expect(byAlpha2.iso3 == iso3)
        #expect(byAlpha3.name.en == en)
        #expect(byAlpha3.name.ar == ar)
        #expect(ReferenceData.country(iso3.lowercased()) == byAlpha3)
        #expect(ReferenceData.country(iso2.lowercased()) == byAlpha3)
    }

    @Test func regionsAreCopied() throws {
        let eritrea = try #require(ReferenceData.country("ER"))
        #expect(eritrea.unRegion == "Africa")
        #expect(eritrea.unSubRegion == "Eastern Africa")
        #expect(eritrea.iomRegion == "RO Nairobi")
        // The source's "NULL" must not reach the interface.
        #expect(
            ReferenceData.countries.allSatisfy {
                !"\($0.unRegion)\($0.unSubRegion)\($0.iomRegion)".contains("NULL")
            })
    }

    @Test func sourceGapsAreFilled() {
        #expect(ReferenceData.country("JEY")?.iso2 == "JE")
        #expect(ReferenceData.country("SRB")?.name.en == "Serbia")
        #expect(ReferenceData.country("XK")?.iso3 == "XKX")
        #expect(ReferenceData.country("ZR") == nil)
    }

    @Test func everyCountryHasAnArabicName() {
        for country in ReferenceData.countries {
            #expect(isArabicScript(country.name.ar), "\(country.iso3): \(country.name.ar)")
            #expect(!country.name.en.isEmpty, "\(country.iso3)")
        }
    }

    @Test func codesAreWellFormedAndUnique() {
        let countries = ReferenceData.countries
        #expect(Set(countries.map(\.iso2)).count == countries.count)
        #expect(Set(countries.map(\.iso3)).count == countries.count)
        for country in countries {
            #expect(
                country.iso2.count == 2 && country.iso2 == country.iso2.uppercased(), "\(country.iso2)")
            #expect(
                country.iso3.count == 3 && country.iso3 == country.iso3.uppercased(), "\(country.iso3)")
        }
    }

    @Test func unknownCountryIsNil() {
        #expect(ReferenceData.country("QQ") == nil)
        #expect(ReferenceData.country("") == nil)
    }
}

@Suite("Languages")
struct LanguagesTests {
    @Test(arguments: [
        ("tir", "ti", "Tigrinya"), ("amh", "am", "Amharic"), ("ara", "ar", "Arabic"),
        ("som", "so", "Somali"), ("orm", "om", "Oromo"), ("eng", "en", "English"),
    ])
    func lookupBy6392And6391(code: String, iso1: String, en: String) throws {
        let language = try #require(ReferenceData.language(code))
        #expect(language.iso1 == iso1)
        #expect(language.name.en == en)
        #expect(ReferenceData.language(iso1) == language)
        #expect(ReferenceData.language(iso1.uppercased()) == language)
    }

    @Test func regionalLanguagesArePresent() {
        for code in [
            "din", "nus", "bej", "tig", "aar", "ssy", "sid", "wal", "kun", "nub", "swa", "hau", "ful",
        ] {
            #expect(ReferenceData.language(code) != nil, "\(code)")
        }
        #expect(ReferenceData.language("din")?.iso1 == nil)
    }

    @Test func bibliographicAndTerminologyCodesAgree() throws {
        let french = try #require(ReferenceData.language("fre"))
        #expect(ReferenceData.language("fra") == french)
        #expect(ReferenceData.language("fr") == french)
        #expect(ReferenceData.language("deu") == ReferenceData.language("ger"))
    }

    @Test func everyLanguageHasBothNames() {
        for language in ReferenceData.languages {
            #expect(!language.name.en.isEmpty, "\(language.code)")
            #expect(isArabicScript(language.name.ar), "\(language.code): \(language.name.ar)")
        }
    }

    @Test func codesAreUnique() {
        let languages = ReferenceData.languages
        let threeLetter = languages.map(\.code) + languages.compactMap(\.terminologyCode)
        let twoLetter = languages.compactMap(\.iso1)
        #expect(Set(threeLetter).count == threeLetter.count)
        #expect(Set(twoLetter).count == twoLetter.count)
        #expect(languages.allSatisfy { $0.code.count == 3 && $0.code == $0.code.lowercased() })
        #expect(twoLetter.allSatisfy { $0.count == 2 })
    }
}
