import Foundation
import SanadCore

/// Localised labels for coded values.
extension Catalogue {
    func gender(_ g: Gender) -> String { t("sex.\(g.rawValue)") }
    func flag(_ f: PersonFlag) -> String { t("flag.\(f.rawValue)") }
    func document(_ d: DocumentType) -> String { t("document.\(d.rawValue)") }
    func role(_ r: Role) -> String { t("role.\(r.rawValue)") }
    func error(_ code: ValidationCode) -> String { t("error.\(code.rawValue)") }

    func country(_ code: String?) -> String? {
        guard let code else { return nil }
        return ReferenceData.country(code)?.name.text(for: language) ?? code
    }

    func languageName(_ code: String) -> String {
        ReferenceData.language(code)?.name.text(for: language) ?? code
    }

    var countryChoices: [Components.Choice] {
        ReferenceData.countries.map { Components.Choice($0.iso3, $0.name.text(for: language)) }
            .sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
    }

    /// Documents are issued by a few countries in practice; a short list keeps the form page small on poor links.
    /// A value already on record is always offered.
    func documentCountryChoices(including current: String?) -> [Components.Choice] {
        var codes = [
            "SDN", "ETH", "ERI", "SSD", "SOM", "TCD", "NGA", "NER", "MLI", "CMR", "CAF", "EGY", "LBY", "SAU", "YEM",
            "DJI", "KEN", "UGA", "COD", "GHA", "SEN", "GIN", "BFA", "SYR",
        ]
        if let current, let country = ReferenceData.country(current), !codes.contains(country.iso3) {
            codes.append(country.iso3)
        }
        return codes.compactMap(ReferenceData.country).map { Components.Choice($0.iso3, $0.name.text(for: language)) }
    }

    /// The languages staff meet most are listed first; the rest follow alphabetically.
    var languageChoices: [Components.Choice] {
        let common = ["ara", "tir", "amh", "orm", "som", "eng", "fre", "tig", "bej", "din", "nus", "hau"]
        let first = common.compactMap(ReferenceData.language).map {
            Components.Choice($0.code, $0.name.text(for: language))
        }
        let rest = ReferenceData.languages.filter { !common.contains($0.code) }
            .map { Components.Choice($0.code, $0.name.text(for: language)) }
            .sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
        return first + rest
    }

    func date(_ date: Date) -> String {
        let style = Date.FormatStyle(date: .abbreviated, time: .shortened)
            .locale(Locale(identifier: language == "ar" ? "ar" : "en_GB"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var zoned = style
        zoned.calendar = calendar
        zoned.timeZone = calendar.timeZone
        return date.formatted(zoned)
    }

    func age(birthDate: String?, estimatedAge: Int?, birthYear: Int?, today: CivilDate) -> String? {
        if let birthDate, let d = CivilDate(birthDate) {
            return t("person.age-years", String(d.years(until: today)))
        }
        if let estimatedAge {
            // The estimate was made at registration; the birth year it gave tells the age today.
            return t("person.age-estimated", String(birthYear.map { today.year - $0 } ?? estimatedAge))
        }
        return birthYear.map { t("person.age-years", String(today.year - $0)) }
    }
}
