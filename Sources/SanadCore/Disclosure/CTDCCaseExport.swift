import Foundation

/// What Sanad knows about one identified or presumed victim, reduced to what the CTDC format can carry.
public struct CTDCCase: Sendable, Equatable {
    public var registrationYear: Int
    public var gender: Gender
    public var birthYear: Int?
    /// ISO 3166 alpha-3.
    public var nationality: String?
    /// HTCDS types of exploitation from the instruments of presumed-victim screenings (`ForcedLabour`…).
    public var exploitation: Set<String>
    /// Indicator ids (without their dimension prefix) answered yes, and those answered no.
    public var indicatorsYes: Set<String>
    public var indicatorsNo: Set<String>

    public init(
        registrationYear: Int, gender: Gender, birthYear: Int?, nationality: String?, exploitation: Set<String>,
        indicatorsYes: Set<String>, indicatorsNo: Set<String>
    ) {
        self.registrationYear = registrationYear
        self.gender = gender
        self.birthYear = birthYear
        self.nationality = nationality
        self.exploitation = exploitation
        self.indicatorsYes = indicatorsYes
        self.indicatorsNo = indicatorsNo
    }
}

/// Writes Sanad's cases in the CTDC column format (2017 release columns). What Sanad does not record — the
/// country of exploitation, industries, the recruiter — is written as missing (`-99`), never guessed.
public enum CTDCCaseExport {
    /// ILO indicators that are evidence of a CTDC means of control.
    public static let meansOfControl: [String: [String]] = [
        "meansOfControlDebtBondage": ["debt-bondage"],
        "meansOfControlTakesEarnings": ["withholding-of-wages", "withholding-of-money", "wage-manipulation"],
        "meansOfControlThreats": [
            "threats-of-violence", "violence-on-family", "threats-to-inform-family-community-public",
        ],
        "meansOfControlThreatOfLawEnforcement": ["threat-of-denunciation", "false-information-law-authorities"],
        "meansOfControlPhysicalAbuse": ["violence-on-victims"],
        "meansOfControlPsychologicalAbuse": ["psychological-emotional-dependency", "under-strong-influence"],
        "meansOfControlFalsePromises": [
            "deceived-nature-of-job", "deceived-conditions-of-work", "deceived-wages-earnings", "deceived-contract",
            "deceived-travel-recruitment-conditions", "deceived-housing-living-conditions",
        ],
        "meansOfControlRestrictsMovement": ["isolation-confinement-surveillance"],
        "meansOfControlExcessiveWorkingHours": ["excessive-working-days-or-hours"],
        "meansOfControlWithholdsDocuments": ["confiscation-of-documents"],
    ]

    /// CTDC's age bands.
    public static func ageBand(_ age: Int?) -> String {
        guard let age, age >= 0 else { return CTDCFormat.missing }
        switch age {
        case ...8: return "0--8"
        case ...17: return "9--17"
        case ...20: return "18--20"
        case ...23: return "21--23"
        case ...26: return "24--26"
        case ...29: return "27--29"
        case ...38: return "30--38"
        case ...47: return "39--47"
        default: return "48+"
        }
    }

    public static func row(_ c: CTDCCase) -> [String] {
        let missing = CTDCFormat.missing
        var values: [String: String] = [:]
        values["yearOfRegistration"] = String(c.registrationYear)
        values["Datasource"] = "Case Management"
        switch c.gender {
        case .feminine: values["gender"] = "Female"
        case .masculine: values["gender"] = "Male"
        default: values["gender"] = "Unknown"
        }
        let age = c.birthYear.map { c.registrationYear - $0 }
        values["ageBroad"] = ageBand(age)
        values["majorityStatus"] = age.map { $0 < 18 ? "Minor" : "Adult" } ?? "Unknown"
        values["citizenship"] = c.nationality.flatMap { ReferenceData.country($0)?.iso2 } ?? missing
        var anyMeans = false
        for (column, indicators) in meansOfControl {
            if indicators.contains(where: c.indicatorsYes.contains) {
                values[column] = "1"
                anyMeans = true
            } else if indicators.allSatisfy(c.indicatorsNo.contains) {
                values[column] = "0"
            }
        }
        values["meansOfControlNotSpecified"] = anyMeans ? "0" : "1"
        // Instruments name their form as "labour" or "sexual"; HTCDS spellings are accepted too.
        if !c.exploitation.isDisjoint(with: ["labour", "ForcedLabour", "ChildLabour"]) {
            values["isForcedLabour"] = "1"
        }
        if !c.exploitation.isDisjoint(with: ["sexual", "SexualExploitation"]) { values["isSexualExploit"] = "1" }
        if c.indicatorsYes.contains("abduction-forced-marriage-adoption-selling") { values["isAbduction"] = "1" }
        return CTDCFormat.columns2017.map { values[$0] ?? missing }
    }
}
