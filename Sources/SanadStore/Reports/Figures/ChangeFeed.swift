import Foundation
import SQLKit

/// Reads the change log (`CreateChangeLog`) from a mark: which records changed since a reader last looked.
///
/// The mark is taken before the changes are read, and everything at or after it is read again next time, so a
/// change committed while reading is never skipped (reading one twice is harmless: the reader re-reads the record).
/// SQLite: the mark is one past the highest sequence number. PostgreSQL: the oldest transaction still running in the
/// reader's snapshot; every entry of a transaction below it is committed (or rolled back) and visible.
struct ChangeFeed {
    let sql: any SQLDatabase

    var postgres: Bool { sql.dialect.name != "sqlite" }

    func mark() async throws -> Int64 {
        let query: SQLQueryString =
            postgres
            ? "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS m"
            : "SELECT COALESCE(MAX(seq), 0) + 1 AS m FROM change_log"
        return try await sql.raw(query).first()?.decode(column: "m", as: Int64.self) ?? 0
    }

    /// The records changed at or after `mark`, by table; nil when more than `limit` entries are waiting (then
    /// reading everything afresh is cheaper than record by record).
    func changes(since mark: Int64, limit: Int) async throws -> [String: Set<UUID>]? {
        let column: SQLQueryString = postgres ? "xid" : "seq"
        let rows = try await sql.raw(
            "SELECT table_name, row_id FROM change_log WHERE \(column) >= \(bind: mark) LIMIT \(unsafeRaw: String(limit + 1))"
        ).all()
        guard rows.count <= limit else { return nil }
        var out: [String: Set<UUID>] = [:]
        for row in rows {
            out[try row.decode(column: "table_name", as: String.self), default: []].insert(
                try row.decode(column: "row_id", as: UUID.self))
        }
        return out
    }
}
