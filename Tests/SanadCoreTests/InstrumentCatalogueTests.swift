import Testing

@testable import SanadCore

@Suite struct InstrumentCatalogueTests {
    func counts(_ instrument: Instrument) -> [String: [Strength: Int]] {
        var out: [String: [Strength: Int]] = [:]
        for i in instrument.indicators { out[i.dimension, default: [:]][i.strength, default: 0] += 1 }
        return out
    }

    /// docs/screening.md §2, adults, labour exploitation: 67 indicators, 10/10/16/9/15/7, weights per dimension.
    @Test func adultLabourMatchesTheReference() throws {
        let adult = try InstrumentCatalogue.shipped.instrument("ilo-adult-labour")
        #expect(adult.status == .verified && adult.population == "adult" && adult.exploitationType == "labour")
        #expect(adult.indicators.count == 67)
        let c = counts(adult)
        #expect(c["D1"] == [.strong: 1, .medium: 8, .weak: 1])
        #expect(c["D2"] == [.strong: 1, .medium: 9])
        #expect(c["D3"] == [.medium: 14, .weak: 2])
        #expect(c["D4"] == [.strong: 1, .medium: 7, .weak: 1])
        #expect(c["D5"] == [.strong: 4, .medium: 10, .weak: 1])
        #expect(c["D6"] == [.medium: 5, .weak: 2])
        let unverified = adult.indicators.filter { $0.check == true }.map(\.id)
        #expect(unverified == ["D3.difficulties-in-the-past", "D3.difficulty-to-organize-travel"])
        #expect(adult.rules.conclusion.allOf == [["D1", "D2", "D3"], ["D4"], ["D5", "D6"]])
    }

    @Test func childLabourIsProvisionalWithTheChildRule() throws {
        let child = try InstrumentCatalogue.shipped.instrument("ilo-child-labour")
        #expect(child.status == .provisional && child.population == "child")
        #expect(child.indicators.count == 65)
        #expect(child.rules.conclusion.allOf == [["D1", "D2", "D3"], ["D4"]])
        #expect(!child.indicators.map(\.id).contains("D4.no-social-protection"))
        #expect(!child.indicators.map(\.id).contains("D3.false-information-law-authorities"))
    }

    @Test func everyInstrumentIsWellFormed() {
        for instrument in InstrumentCatalogue.shipped.instruments {
            let ids = instrument.indicators.map(\.id)
            #expect(Set(ids).count == ids.count, "\(instrument.id): duplicate ids")
            #expect(instrument.dimensions.map(\.id) == ["D1", "D2", "D3", "D4", "D5", "D6"])
            for indicator in instrument.indicators {
                #expect(indicator.id.hasPrefix(indicator.dimension + "."))
                #expect(
                    !indicator.text.en.isEmpty
                        && indicator.text.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
            }
        }
        #expect(throws: CatalogueError.unknownInstrument("ilo-adult-labour v9")) {
            try InstrumentCatalogue.shipped.instrument("ilo-adult-labour", version: "9")
        }
    }

    @Test func vulnerabilityModelHasRiskAndProtectiveFactorsAtEveryLevel() {
        let model = VulnerabilityModel.shipped
        #expect(model.levels.map(\.id) == ["individual", "household", "community", "structural"])
        for level in model.levels {
            let kinds = Set(model.factors(in: level.id).map(\.kind))
            #expect(kinds == [.risk, .protective], "\(level.id)")
        }
        #expect(model.caseLevels.map(\.id) == ["individual", "household"])
        let risk = model.factors(in: "individual").first { $0.kind == .risk }!
        let protective = model.factors(in: "household").first { $0.kind == .protective }!
        let profile = model.profile([risk.id: .present, protective.id: .present])
        #expect(profile[0].risks == [risk.id])
        #expect(profile[1].protective == [protective.id])
        #expect(
            model.checkAnswers(["community.x": "present"], assessed: "case")
                == .failure(.unknownIndicator("community.x")))
        let community = model.factors(in: "community")[0].id
        #expect(model.checkAnswers([community: "present"], assessed: "case") == .failure(.unknownIndicator(community)))
        #expect(model.checkAnswers([risk.id: "yes"], assessed: "case") == .failure(.badAnswer(risk.id)))
    }
}
