import Fluent
import SQLKit

/// Indexes on the columns pages look records up by. Without them a case page read all 190,000 delivered services
/// of a 100,000-person database to find its own (0.64 s a page; the 10-minute load run in issue 12 managed 3.3
/// requests a second). Both SQLite and PostgreSQL take the same statement. Left out after measuring at that size:
/// (centre, created) on people made the people list five times slower (0.16 s to 0.78 s: the planner walks it and
/// sorts), and covering indexes for the dashboard's joins made its figures slower, not faster.
struct AddLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("case_notes_case", "case_notes", "case_id"),
        ("approvals_case", "approvals", "case_id"),
        ("approvals_status", "approvals", "status"),
        ("case_transfers_case", "case_transfers", "case_id"),
        ("plan_items_case", "plan_items", "case_id"),
        ("follow_ups_case", "follow_ups", "case_id"),
        ("services_case", "services", "case_id"),
        ("services_person", "services", "person_id"),
        ("referrals_case", "referrals", "case_id"),
        ("referrals_person", "referrals", "person_id"),
        ("returns_case", "returns", "case_id"),
        ("returns_person", "returns", "person_id"),
        ("return_steps_return", "return_steps", "return_id"),
        ("screenings_person", "screenings", "person_id"),
        ("vulnerability_person", "vulnerability_assessments", "person_id"),
        ("person_identifiers_digest", "person_identifiers", "kind, digest"),
        ("person_identifiers_person", "person_identifiers", "person_id"),
        ("status_changes_person", "trafficking_status_changes", "person_id"),
        ("referral_consents_person", "referral_consents", "person_id"),
        ("stays_person", "stays", "person_id"),
        ("stays_case", "stays", "case_id"),
        ("merges_survivor", "person_merges", "survivor_id"),
        ("merges_merged", "person_merges", "merged_id"),
        ("audit_record", "audit_entries", "record_id"),
    ]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw(
                "CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))"
            )
            .run()
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for index in Self.indexes { try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
    }
}
