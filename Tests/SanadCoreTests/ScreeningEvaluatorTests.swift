import PropertyBased
import Testing

@testable import SanadCore

/// The rules stated independently of the evaluator, straight from docs/screening.md §2, to test it against.
enum ReferenceRules {
    static func dimensionPositive(strong s: Int, medium m: Int, weak w: Int) -> Bool {
        s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1)
    }

    static func adult(_ d: [String: Bool]) -> Bool {
        (d["D1"]! || d["D2"]! || d["D3"]!) && d["D4"]! && (d["D5"]! || d["D6"]!)
    }

    static func child(_ d: [String: Bool]) -> Bool { (d["D1"]! || d["D2"]! || d["D3"]!) && d["D4"]! }
}

enum SyntheticInstrument {
    static let ilo = Rules.DimensionRule(
        anyOf: [
            [.init(of: [.strong], count: 2)],
            [.init(of: [.strong], count: 1), .init(of: [.medium, .weak], count: 1)],
            [.init(of: [.medium], count: 3)],
            [.init(of: [.medium], count: 2), .init(of: [.weak], count: 1)],
        ], description: nil)

    /// Six dimensions, each with the given strengths, in the shape of an ILO/EC set.
    static func make(
        child: Bool = false, strengths: [Strength] = [.strong, .strong, .medium, .medium, .medium, .weak, .weak]
    ) -> Instrument {
        let dims = (1...6).map { Instrument.Dimension(id: "D\($0)", title: Bilingual(en: "D\($0)", ar: "ب\($0)")) }
        let indicators = dims.flatMap { d in
            strengths.enumerated().map { i, s in
                Instrument.Indicator(
                    id: "\(d.id).i\(i)", dimension: d.id, strength: s, text: Bilingual(en: "x", ar: "س"), question: nil,
                    check: nil)
            }
        }
        let conclusion = Rules.ConclusionRule(
            allOf: child ? [["D1", "D2", "D3"], ["D4"]] : [["D1", "D2", "D3"], ["D4"], ["D5", "D6"]], description: nil)
        return Instrument(
            id: child ? "test-child" : "test-adult", version: "1", status: .provisional,
            population: child ? "child" : "adult", exploitationType: "labour", title: Bilingual(en: "t", ar: "ت"),
            source: nil, note: nil, dimensions: dims, indicators: indicators,
            rules: Rules(dimension: ilo, conclusion: conclusion))
    }
}

@Suite struct ScreeningEvaluatorTests {
    func counts(
        _ instrument: Instrument, _ dim: String, _ answers: [String: IndicatorAnswer],
        _ accept: (IndicatorAnswer) -> Bool
    ) -> (Int, Int, Int) {
        let picked = instrument.indicators(in: dim).filter { accept(answers[$0.id] ?? .unknown) }
        return (
            picked.filter { $0.strength == .strong }.count, picked.filter { $0.strength == .medium }.count,
            picked.filter { $0.strength == .weak }.count
        )
    }

    func check(_ instrument: Instrument, _ answers: [String: IndicatorAnswer]) {
        let result = ScreeningEvaluator.evaluate(instrument, answers: answers)
        var positive: [String: Bool] = [:]
        var possible: [String: Bool] = [:]
        for dim in instrument.dimensions.map(\.id) {
            let yes = counts(instrument, dim, answers) { $0 == .yes }
            let maybe = counts(instrument, dim, answers) { $0 != .no }
            positive[dim] = ReferenceRules.dimensionPositive(strong: yes.0, medium: yes.1, weak: yes.2)
            possible[dim] = ReferenceRules.dimensionPositive(strong: maybe.0, medium: maybe.1, weak: maybe.2)
            let expected: DimensionStatus = positive[dim]! ? .positive : (possible[dim]! ? .insufficient : .negative)
            #expect(result.dimensions[dim] == expected, "\(dim) \(yes) \(maybe)")
        }
        let rule = instrument.population == "child" ? ReferenceRules.child : ReferenceRules.adult
        let expected: Conclusion =
            rule(positive) ? .presumedVictim : (rule(possible) ? .insufficientInformation : .notIndicated)
        #expect(result.conclusion == expected)
        #expect(Set(result.reasons.map(\.dimension)) == Set(positive.filter(\.value).keys))
        for reason in result.reasons {
            #expect(reason.indicators.allSatisfy { answers[$0] == .yes && $0.hasPrefix(reason.dimension + ".") })
        }
    }

    @Test func randomAnswersAgreeWithTheStatedRulesForAdults() async {
        let instrument = SyntheticInstrument.make()
        let ids = instrument.indicators.map(\.id)
        await propertyCheck(count: 400, input: Gen<IndicatorAnswer>.case.array(of: ids.count)) { values in
            check(instrument, Dictionary(uniqueKeysWithValues: zip(ids, values)))
        }
    }

    @Test func randomAnswersAgreeWithTheStatedRulesForChildren() async {
        let instrument = SyntheticInstrument.make(child: true)
        let ids = instrument.indicators.map(\.id)
        await propertyCheck(count: 400, input: Gen<IndicatorAnswer>.case.array(of: ids.count)) { values in
            check(instrument, Dictionary(uniqueKeysWithValues: zip(ids, values)))
        }
    }

    @Test func randomAnswersAgreeOnTheShippedInstruments() async throws {
        for instrument in InstrumentCatalogue.shipped.instruments {
            let ids = instrument.indicators.map(\.id)
            // Mostly "no" so that positive, insufficient and negative dimensions all occur.
            let weighted: [IndicatorAnswer] = [.no, .no, .no, .yes, .yes, .unknown, .declined, .notAsked]
            let answer = Gen<IndicatorAnswer?>.element(of: weighted).map { $0 ?? .no }
            await propertyCheck(count: 300, input: answer.array(of: ids.count)) { values in
                check(instrument, Dictionary(uniqueKeysWithValues: zip(ids, values)))
            }
        }
    }

    // Hand-written boundaries, one per clause of the dimension rule, on dimension D1 (strengths S S M M M W W).
    func d1(_ yes: [Int], unknown: [Int] = []) -> DimensionStatus {
        let instrument = SyntheticInstrument.make()
        var answers = Dictionary(uniqueKeysWithValues: instrument.indicators.map { ($0.id, IndicatorAnswer.no) })
        for i in yes { answers["D1.i\(i)"] = .yes }
        for i in unknown { answers["D1.i\(i)"] = .unknown }
        return ScreeningEvaluator.evaluate(instrument, answers: answers).dimensions["D1"]!
    }

    @Test func dimensionRuleBoundaries() {
        #expect(d1([0, 1]) == .positive, "2 strong")
        #expect(d1([0]) == .negative, "1 strong alone")
        #expect(d1([0, 2]) == .positive, "1 strong + 1 medium")
        #expect(d1([0, 5]) == .positive, "1 strong + 1 weak")
        #expect(d1([2, 3, 4]) == .positive, "3 medium")
        #expect(d1([2, 3]) == .negative, "2 medium alone")
        #expect(d1([2, 3, 5]) == .positive, "2 medium + 1 weak")
        #expect(d1([2, 5, 6]) == .negative, "1 medium + 2 weak")
        #expect(d1([5, 6]) == .negative, "weak alone never")
        #expect(d1([0], unknown: [5]) == .insufficient, "an unknown weak could complete 1 strong + 1 weak")
        #expect(d1([5, 6], unknown: [2]) == .negative, "no unknown can complete it")
        #expect(d1([], unknown: [0, 1]) == .insufficient, "nothing asked yet")
    }

    func conclusion(_ positive: Set<String>, unknownIn: Set<String> = [], child: Bool = false) -> Conclusion {
        let instrument = SyntheticInstrument.make(child: child)
        var answers: [String: IndicatorAnswer] = [:]
        for ind in instrument.indicators {
            if positive.contains(ind.dimension) {
                answers[ind.id] = ind.strength == .strong ? .yes : .no
            } else if unknownIn.contains(ind.dimension) {
                answers[ind.id] = .unknown
            } else {
                answers[ind.id] = .no
            }
        }
        return ScreeningEvaluator.evaluate(instrument, answers: answers).conclusion
    }

    @Test func conclusionRuleBoundariesForAdults() {
        #expect(conclusion(["D1", "D4", "D5"]) == .presumedVictim)
        #expect(conclusion(["D3", "D4", "D6"]) == .presumedVictim)
        #expect(conclusion(["D1", "D2", "D3", "D5", "D6"]) == .notIndicated, "D4 is required")
        #expect(conclusion(["D4", "D5", "D6"]) == .notIndicated, "a recruitment dimension is required")
        #expect(conclusion(["D1", "D4"]) == .notIndicated, "adults need D5 or D6")
        #expect(conclusion(["D1", "D4"], unknownIn: ["D6"]) == .insufficientInformation)
        #expect(conclusion(["D4", "D5"], unknownIn: ["D2"]) == .insufficientInformation)
        #expect(conclusion(["D1", "D5"], unknownIn: ["D4"]) == .insufficientInformation)
        #expect(conclusion(["D1"], unknownIn: ["D2"]) == .notIndicated, "even all unknowns cannot complete it")
    }

    @Test func conclusionRuleBoundariesForChildren() {
        #expect(conclusion(["D2", "D4"], child: true) == .presumedVictim, "no means needed for a child")
        #expect(conclusion(["D4"], child: true) == .notIndicated)
        #expect(conclusion(["D4"], unknownIn: ["D3"], child: true) == .insufficientInformation)
        #expect(conclusion(["D1", "D5", "D6"], child: true) == .notIndicated)
    }

    @Test func slotsDoNotShareIndicators() {
        let rule = SyntheticInstrument.ilo
        #expect(!ScreeningEvaluator.meets(rule, [.strong]), "one strong cannot fill both slots of 1 strong + 1 other")
        #expect(ScreeningEvaluator.meets(rule, [.medium, .medium, .weak]))
        #expect(!ScreeningEvaluator.meets(rule, [.medium, .weak, .weak]))
        let overlapping = Rules.DimensionRule(
            anyOf: [[.init(of: [.strong, .medium], count: 1), .init(of: [.strong], count: 1)]], description: nil)
        #expect(ScreeningEvaluator.meets(overlapping, [.strong, .medium]), "the medium must go to the first slot")
        #expect(!ScreeningEvaluator.meets(overlapping, [.medium, .medium]))
    }
}
