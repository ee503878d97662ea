import Foundation
import Testing

@testable import SanadCore

@Suite("Disclosure control: generalisation hierarchies")
struct DisclosureHierarchyTests {
    private let age = GeneralisationHierarchy.forColumn("ageBroad")
    private let year = GeneralisationHierarchy.forColumn("yearOfRegistration")
    private let country = GeneralisationHierarchy.forColumn("citizenship")

    @Test func levelNames() {
        #expect(year.levelNames == ["year", "3-year", "6-year", "suppressed"])
        #expect(age.levelNames == ["band", "paired-band", "broad-band", "minor-adult", "suppressed"])
        #expect(country.levelNames == ["country", "un-subregion", "un-region", "suppressed"])
        #expect(GeneralisationHierarchy.forColumn("CountryOfExploitation").levelNames == country.levelNames)
        #expect(GeneralisationHierarchy.forColumn("gender").levelNames == ["value", "suppressed"])
        #expect(GeneralisationHierarchy.forColumn("isForcedLabour").levelNames == ["value", "suppressed"])
    }

    @Test(
        arguments: [
            ("0--8", ["0--8", "0--8", "0--17", "0--17"]),
            ("9--17", ["9--17", "9--17", "0--17", "0--17"]),
            ("18--20", ["18--20", "18--23", "18--29", "18+"]),
            ("21--23", ["21--23", "18--23", "18--29", "18+"]),
            ("24--26", ["24--26", "24--29", "18--29", "18+"]),
            ("27--29", ["27--29", "24--29", "18--29", "18+"]),
            ("30--38", ["30--38", "30--38", "30--47", "18+"]),
            ("39--47", ["39--47", "39--47", "30--47", "18+"]),
            ("48+", ["48+", "48+", "48+", "18+"]),
            // Already merged bands stay until a level at least as coarse.
            ("18--23", ["18--23", "18--23", "18--29", "18+"]),
            ("18--29", ["18--29", "18--29", "18--29", "18+"]),
            ("18+", ["18+", "18+", "18+", "18+"]),
            ("Unknown", ["Unknown", "Unknown", "Unknown", "Unknown"]),
            // Not a CTDC band: kept as it is at level 0 only.
            ("18-20", ["18-20", nil, nil, nil]),
        ] as [(String, [String?])])
    func ageBands(value: String, expected: [String?]) {
        #expect(age.generalise(value) == expected + [nil])
    }

    @Test(
        arguments: [
            ("2016", ["2016", "2015-2017", "2012-2017"]),
            ("2015", ["2015", "2015-2017", "2012-2017"]),
            ("2014", ["2014", "2012-2014", "2012-2017"]),
            ("2012", ["2012", "2012-2014", "2012-2017"]),
            ("2011", ["2011", "2009-2011", "2006-2011"]),
            ("2002", ["2002", "2000-2002", "2000-2005"]),
            ("2018", ["2018", "2018-2020", "2018-2023"]),
            ("2015-2017", ["2015-2017", "2015-2017", "2012-2017"]),
            ("2015-2016", ["2015-2016", "2015-2017", "2012-2017"]),
            ("2014-2015", ["2014-2015", "2012-2017", "2012-2017"]),
            ("2011-2012", ["2011-2012", nil, nil]),
            ("Unknown", ["Unknown", "Unknown", "Unknown"]),
            ("two thousand", ["two thousand", nil, nil]),
        ] as [(String, [String?])])
    func yearRanges(value: String, expected: [String?]) {
        #expect(year.generalise(value) == expected + [nil])
    }

    @Test(
        arguments: [
            ("KE", ["KE", "Eastern Africa", "Africa"]),
            ("SD", ["SD", "Northern Africa", "Africa"]),
            ("PH", ["PH", "South-Eastern Asia", "Asia"]),
            ("MD", ["MD", "Eastern Europe", "Europe"]),
            ("US", ["US", "Northern America", "Americas"]),
            ("JE", ["JE", "Northern Europe", "Europe"]),  // corrected from the CSV's Eastern Europe
            ("Y1", ["Y1", "Southern Europe", "Europe"]),  // CTDC's private code for Kosovo
            ("XK", ["XK", "Southern Europe", "Europe"]),
            ("ZR", ["ZR", "Middle Africa", "Africa"]),  // withdrawn code, regions of CD
            ("Eastern Africa", ["Eastern Africa", "Eastern Africa", "Africa"]),
            ("Africa", ["Africa", "Africa", "Africa"]),
            ("Unknown", ["Unknown", "Unknown", "Unknown"]),
            ("AQ", ["AQ", nil, nil]),  // Antarctica has no UN region
            ("QQ", ["QQ", nil, nil]),
        ] as [(String, [String?])])
    func countryRegions(value: String, expected: [String?]) {
        #expect(country.generalise(value) == expected + [nil])
    }

    @Test func regionTable() throws {
        #expect(CountryRegions.all.count > 240)
        let kenya = try #require(CountryRegions.region(forISO2: " ke "))
        #expect(kenya == CountryRegion(unSubRegion: "Eastern Africa", unRegion: "Africa", iomRegion: "RO Nairobi"))
        // Every country with a sub-region has a region, and a sub-region lies in one region only.
        var regionOf: [String: String] = [:]
        for (code, region) in CountryRegions.all {
            #expect((region.unSubRegion == nil) == (region.unRegion == nil), "\(code)")
            if let sub = region.unSubRegion, let unRegion = region.unRegion {
                #expect(regionOf[sub, default: unRegion] == unRegion, "\(sub) in two regions")
                regionOf[sub] = unRegion
            }
        }
    }

    @Test func flatColumns() {
        #expect(GeneralisationHierarchy.forColumn("gender").generalise("Female") == ["Female", nil])
        #expect(GeneralisationHierarchy.forColumn("gender").generalise("Unknown") == ["Unknown", nil])
    }

    @Test func missingSpellings() {
        for value in ["", " ", "-99", " -99 ", "Missing", "missing", "MISSING", "\tMissing "] {
            #expect(CTDCFormat.isMissing(value), "\(value.debugDescription)")
        }
        for value in ["0", "1", "Unknown", "-9", "-999", "Missed", "Missings", "99", "None"] {
            #expect(!CTDCFormat.isMissing(value), "\(value.debugDescription)")
        }
    }
}
