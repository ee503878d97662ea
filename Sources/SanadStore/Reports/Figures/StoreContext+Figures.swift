import Fluent
import SQLKit

extension StoreContext {
    /// Reads the dashboard's facts in the background of a server start, so the first dashboard does not wait for
    /// it (7.2 s at 100,000 people and a million services on SQLite, `sanad bench dashboard`).
    public func prepareFigures(on db: any Database) async throws {
        try await figures.refresh(db as! any SQLDatabase)
    }
}
