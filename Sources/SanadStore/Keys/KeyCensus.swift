import Fluent
import Foundation
import SQLKit

/// How many sealed values each key holds, and whether every one opens: `sanad keys status`, and the proof after
/// a rotation that nothing was left behind or made unreadable.
public struct KeyCensus: Sendable {
    /// Values by the id of the key that sealed them; "none" for values sealed before key ids.
    public var byKey: [String: Int] = [:]
    public var unreadable = 0
    public var total: Int { byKey.values.reduce(0, +) }

    public static func take(db: any Database, context: StoreContext, batch: Int = 500) async throws -> KeyCensus {
        var census = KeyCensus()
        try await SealedColumn.eachValue(on: db, batch: batch) { _, _, data, sealContext in
            census.byKey[FieldCipher.keyID(of: data) ?? "none", default: 0] += 1
            if (try? context.cipher.openRaw(data, context: sealContext)) == nil { census.unreadable += 1 }
        }
        return census
    }
}
