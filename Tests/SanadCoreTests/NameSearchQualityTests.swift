import Foundation
import Testing

@testable import SanadCore

/// Issue 17's quality bar: the intended person among the first five results for at least 95 % of searches written
/// the way another person would spell the name, on the matcher's own generator and on a register written apart.
/// Sizes are kept small for CI; `sanad bench search` measures larger sets in a release build.
@Suite struct NameSearchQualityTests {
    @Test func developmentSet() {
        let (people, searches) = NameSearchEvaluation.development(people: 600, seed: 11)
        let engine = NameSearchEvaluation.measure(searches, with: NameSearchEvaluation.engine(people))
        let substring = NameSearchEvaluation.measure(searches, with: NameSearchEvaluation.substring(people))
        print("development: engine \(engine.share) substring \(substring.share) of \(engine.searches)")
        for (kind, n) in engine.byKind.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(n.found)/\(n.searches)") }
        #expect(engine.searches > 300)
        #expect(engine.share >= 0.95)
        #expect(engine.share > substring.share)
    }

    @Test func heldOutRegister() {
        let (people, searches) = NameSearchEvaluation.heldOut(people: 1500, seed: 3)
        let engine = NameSearchEvaluation.measure(searches, with: NameSearchEvaluation.engine(people))
        let substring = NameSearchEvaluation.measure(searches, with: NameSearchEvaluation.substring(people))
        print("held out: engine \(engine.share) substring \(substring.share) of \(engine.searches)")
        for (kind, n) in engine.byKind.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(n.found)/\(n.searches)") }
        #expect(engine.searches == 500)
        #expect(engine.share >= 0.95)
        #expect(engine.share > substring.share)
    }
}
