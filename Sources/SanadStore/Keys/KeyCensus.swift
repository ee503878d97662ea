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
        for column in SealedColumn.all {
            var after: UUID?
            while true {
                let rows = try await column.page(after: after, limit: batch, on: db)
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    guard let data = try row.decode(column: column.column, as: Data?.self) else { continue }
                    census.byKey[FieldCipher.keyID(of: data) ?? "none", default: 0] += 1
                    if (try? context.cipher.openRaw(data, context: column.context(id, row))) == nil {
                        census.unreadable += 1
                    }
                }
                guard let last = rows.last, rows.count == batch else { break }
                after = try last.decode(column: "id", as: UUID.self)
            }
        }
        return census
    }
}
