import Foundation
import NIOConcurrencyHelpers

/// One computation per question at a time: a request that asks what another is already computing waits for that
/// answer instead of starting its own. The dashboard's figures take seconds at 100,000 people on SQLite (issue 12's
/// load run: 3.5 s each, and 64 browsers asking at once queued for 30 s); computed once for all who asked
/// meanwhile, they are at most one computation old. Nothing is kept once the computation ends.
public final class Coalescer<Value: Sendable>: Sendable {
    let running = NIOLockedValueBox<[String: Task<Value, any Error>]>([:])
    /// How many asked while an answer was being computed (the tests wait on it).
    let joined = NIOLockedValueBox(0)

    public init() {}

    public func value(for key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = running.withLockedValue { running in
            if let task = running[key] {
                joined.withLockedValue { $0 += 1 }
                return task
            }
            let task = Task { try await compute() }
            running[key] = task
            return task
        }
        defer { running.withLockedValue { if $0[key] == task { $0[key] = nil } } }
        return try await task.value
    }
}
