import Foundation
import SanadCore
import Testing

@testable import SanadWeb

@Suite struct MatchReasonTextTests {
    /// Every phrase the matcher produces on a realistic set has a translation, in both languages.
    @Test func everyReasonTheMatcherGivesIsTranslated() {
        let registrations = IdentityEvaluation.generate(people: 400, seed: 5)
        let scorer = MatchScorer()
        var phrases = Set<String>()
        for i in registrations.indices {
            for j in (i + 1)..<min(registrations.count, i + 40) {
                phrases.formUnion(scorer.compare(registrations[i].record, registrations[j].record).reasons)
            }
        }
        #expect(phrases.count > 10, "the sample must exercise many reasons")
        for phrase in phrases {
            #expect(MatchReasonText.localised(phrase, Catalogue.forLanguage("ar")) != nil, "untranslated: \(phrase)")
        }
        #expect(
            MatchReasonText.localised("estimated birth years 1994 and 1996", Catalogue.forLanguage("ar"))
                == "سنتا الميلاد التقديريتان 1994 و1996")
        #expect(MatchReasonText.localised("something new", Catalogue.forLanguage("ar")) == nil)
    }
}
