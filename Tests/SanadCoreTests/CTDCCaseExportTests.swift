import Testing

@testable import SanadCore

@Suite struct CTDCCaseExportTests {
    func row(_ c: CTDCCase) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(CTDCFormat.columns2017, CTDCCaseExport.row(c)))
    }

    @Test func mapsWhatSanadKnowsAndLeavesTheRestMissing() {
        let r = row(
            CTDCCase(
                registrationYear: 2026, gender: .feminine, birthYear: 2009, nationality: "ERI",
                exploitation: ["labour"],
                indicatorsYes: ["debt-bondage", "confiscation-of-documents"], indicatorsNo: ["violence-on-victims"]))
        #expect(r.count == 58)
        #expect(r["yearOfRegistration"] == "2026" && r["Datasource"] == "Case Management")
        #expect(r["gender"] == "Female" && r["ageBroad"] == "9--17" && r["majorityStatus"] == "Minor")
        #expect(r["citizenship"] == "ER")
        #expect(r["meansOfControlDebtBondage"] == "1" && r["meansOfControlWithholdsDocuments"] == "1")
        #expect(r["meansOfControlPhysicalAbuse"] == "0")
        #expect(r["meansOfControlThreats"] == "-99" && r["meansOfControlNotSpecified"] == "0")
        #expect(r["isForcedLabour"] == "1" && r["isSexualExploit"] == "-99")
        #expect(r["CountryOfExploitation"] == "-99" && r["RecruiterRelationship"] == "-99")
    }

    @Test func unknownsStayUnknown() {
        let r = row(
            CTDCCase(
                registrationYear: 2025, gender: .unknown, birthYear: nil, nationality: nil, exploitation: [],
                indicatorsYes: [], indicatorsNo: []))
        #expect(r["gender"] == "Unknown" && r["ageBroad"] == "-99" && r["majorityStatus"] == "Unknown")
        #expect(r["citizenship"] == "-99" && r["meansOfControlNotSpecified"] == "1" && r["isForcedLabour"] == "-99")
    }

    @Test(arguments: [
        (0, "0--8"), (8, "0--8"), (9, "9--17"), (17, "9--17"), (18, "18--20"), (29, "27--29"), (47, "39--47"),
        (48, "48+"),
    ])
    func ageBands(age: Int, band: String) {
        #expect(CTDCCaseExport.ageBand(age) == band)
    }
}
