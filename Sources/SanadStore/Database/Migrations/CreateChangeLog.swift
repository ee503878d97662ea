import Fluent
import SQLKit

/// Every insert, update and delete of the records figures are made of is written, in the same transaction and by
/// the database itself, to `change_log` (the change log `design.md` asks for under "Records that can travel"). Triggers
/// rather than application code, so no write path can forget it, and so every instance sharing a PostgreSQL database
/// sees every other instance's changes. The in-process figures (`FigureStore`) read it to stay exact.
///
/// SQLite has one writer at a time, so its sequence number is in commit order. PostgreSQL hands out sequence
/// numbers before commit, so each entry also keeps its transaction id: a reader that has seen everything below its
/// snapshot's oldest running transaction has missed nothing (`ChangeFeed`).
struct CreateChangeLog: AsyncMigration {
    static let tables = [
        "people", "services", "screenings", "trafficking_status_changes", "referrals", "returns", "return_steps",
    ]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE TABLE change_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, xid BIGINT,
                table_name TEXT NOT NULL, row_id BLOB NOT NULL)
                """
            ).run()
            try await Self.addTriggers(Self.tables, on: sql)
        } else {
            try await sql.raw(
                """
                CREATE TABLE change_log (seq BIGSERIAL PRIMARY KEY, xid BIGINT NOT NULL,
                table_name TEXT NOT NULL, row_id UUID NOT NULL)
                """
            ).run()
            try await sql.raw("CREATE INDEX change_log_xid ON change_log (xid)").run()
            try await sql.raw(
                """
                CREATE FUNCTION sanad_log_change() RETURNS trigger AS $$
                BEGIN
                  INSERT INTO change_log (xid, table_name, row_id) VALUES (pg_current_xact_id()::text::bigint,
                    TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """
            ).run()
            try await Self.addTriggers(Self.tables, on: sql)
        }
    }

    /// Logs every change of `tables` (the function `sanad_log_change` exists on PostgreSQL from here on).
    static func addTriggers(_ tables: [String], on sql: any SQLDatabase) async throws {
        for table in tables {
            if sql.dialect.name == "sqlite" {
                for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: "change_log_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event)
                        ON \(unsafeRaw: table) BEGIN
                        INSERT INTO change_log (table_name, row_id) VALUES ('\(unsafeRaw: table)', \(unsafeRaw: row).id);
                        END
                        """
                    ).run()
                }
            } else {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: "change_log_\(table)") AFTER INSERT OR UPDATE OR DELETE
                    ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION sanad_log_change()
                    """
                ).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for table in Self.tables {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "change_log_\(table)_\(event)")").run()
                }
            }
        } else {
            for table in Self.tables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "change_log_\(table)") ON \(unsafeRaw: table)")
                    .run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS sanad_log_change()").run()
        }
        try await sql.raw("DROP TABLE change_log").run()
    }
}
