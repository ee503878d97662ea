import Testing

@testable import SanadCore

@Suite struct ReportingAgeGroupTests {
    @Test func childrenAndAdultsSplitAtEighteen() {
        let banding = AgeBanding.childrenAdults
        #expect(banding.group(forAge: 0) == .children)
        #expect(banding.group(forAge: 17) == .children)
        #expect(banding.group(forAge: 18) == .adults)
        #expect(banding.group(forAge: 119) == .adults)
        #expect(AgeBanding.allCases.contains(.childrenAdults))
    }

    @Test func fineBandBoundaries() {
        let expected: [(Int, AgeGroup)] = [
            (0, .age0to4), (4, .age0to4), (5, .age5to11), (11, .age5to11), (12, .age12to17), (17, .age12to17),
            (18, .age18to24), (24, .age18to24), (25, .age25to59), (59, .age25to59), (60, .age60plus),
            (105, .age60plus),
        ]
        for (age, group) in expected {
            #expect(AgeBanding.fine.group(forAge: age) == group, "age \(age)")
        }
    }

    @Test func missingOrNegativeAgeIsUnknown() {
        for banding in AgeBanding.allCases {
            #expect(banding.group(forAge: nil) == .unknown)
            #expect(banding.group(forAge: -1) == .unknown)
        }
    }

    @Test func everyAgeFallsInExactlyOneBandOfEachBanding() {
        for banding in AgeBanding.allCases {
            for age in 0...130 {
                let matches = banding.groups.filter { $0.years?.contains(age) == true }
                #expect(matches.count == 1, "\(banding) age \(age): \(matches)")
            }
            #expect(banding.groups.last == .unknown)
        }
    }

    @Test func fineBandsRollUpToChildrenAndAdults() {
        for age in 0...100 {
            let fine = AgeBanding.fine.group(forAge: age)
            let broad = AgeBanding.childrenAdults.group(forAge: age)
            #expect(fine.isChildren == (broad == .children), "age \(age)")
        }
        #expect(AgeGroup.unknown.isChildren == nil)
    }

    @Test func labelsAndAttributes() {
        #expect(AgeGroup.children.label == "0-17")
        #expect(AgeGroup.adults.label == "18+")
        #expect(AgeGroup.age60plus.label == "60+")
        #expect(AgeGroup.age5to11.label == "5-11")
        #expect(AgeGroup.unknown.label == "unknown age")
        #expect(AgeGroup.age12to17.hxlAttribute == "age_12_17")
        for group in AgeGroup.allCases {
            #expect(group.hxlAttribute.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil, "\(group)")
        }
    }

    @Test func sexFromHTCDSValues() {
        #expect(ReportSex(htcds: "Feminine") == .female)
        #expect(ReportSex(htcds: "Masculine") == .male)
        #expect(ReportSex(htcds: " masculine ") == .male)
        #expect(ReportSex(htcds: "Other") == .other)
        #expect(ReportSex(htcds: "TransgenderFeminine") == .other)
        #expect(ReportSex(htcds: "TransgenderMasculine") == .other)
        #expect(ReportSex(htcds: "NonConforming") == .other)
        #expect(ReportSex(htcds: "NonSpecifiedUnknown") == .unknown)
        #expect(ReportSex(htcds: nil) == .unknown)
        #expect(ReportSex(htcds: "") == .unknown)
        #expect(ReportSex(htcds: "Female") == .unknown, "CTDC spellings are not HTCDS values")
    }

    @Test func everyHTCDSGenderMapsToASex() {
        let mapped = Gender.allCases.map { ReportSex(htcds: $0.rawValue) }
        #expect(mapped == [.female, .male, .other, .other, .other, .unknown])
        #expect(ReportSex.female.hxlAttribute == "f")
        #expect(ReportSex.male.hxlAttribute == "m")
        #expect(ReportSex.other.hxlAttribute == "i")
    }
}
