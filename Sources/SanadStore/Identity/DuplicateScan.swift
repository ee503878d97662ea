import Fluent
import Foundation
import SanadCore

/// The operator's scan for duplicates over the whole database (`sanad dedup scan`): every candidate pair among
/// records not merged away, minus pairs a supervisor marked as different people, named by registration number.
/// Runs outside any session, as the command line does; pages use `IdentityService`, which applies the policy.
public struct DuplicateScan: Sendable {
    let db: any Database
    let context: StoreContext

    public func pairs(minimum: MatchDecision) async throws -> [(a: String, b: String, result: MatchResult)] {
        let numbers = Dictionary(
            uniqueKeysWithValues: try await Person.query(on: db).filter(\.$mergedInto == nil).all()
                .compactMap { p in p.id.map { ($0.uuidString, p.registrationNumber) } })
        let distinct = Set(
            try await DistinctPair.query(on: db).all().map { "\($0.firstID.uuidString)|\($0.secondID.uuidString)" })
        return context.names.identities.allPairs(minimum: minimum).filter { pair in
            let (x, y) = pair.a < pair.b ? (pair.a, pair.b) : (pair.b, pair.a)
            return !distinct.contains("\(x)|\(y)")
        }
        .map { (a: numbers[$0.a] ?? $0.a, b: numbers[$0.b] ?? $0.b, result: $0.result) }
    }
}
