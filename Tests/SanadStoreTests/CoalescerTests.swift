import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import SanadStore

/// The dashboard's figures are computed once for everyone who asks the same while they are being computed, and
/// afresh once that computation ended.
@Suite struct CoalescerTests {
    @Test func askersDuringAComputationShareItAndLaterOnesStartAnother() async throws {
        let coalescer = Coalescer<Int>()
        let runs = NIOLockedValueBox(0)
        let (release, releaseFeed) = AsyncStream<Void>.makeStream()
        let compute: @Sendable () async throws -> Int = {
            let n = runs.withLockedValue {
                $0 += 1
                return $0
            }
            if n == 1 { for await _ in release { break } }
            return n * 10
        }
        async let first = coalescer.value(for: "q", compute: compute)
        async let second = coalescer.value(for: "q", compute: compute)
        async let third = coalescer.value(for: "q", compute: compute)
        // The first computation waits until the other two have joined it.
        while coalescer.joined.withLockedValue({ $0 }) < 2 { await Task.yield() }
        releaseFeed.yield()
        #expect(try await [first, second, third] == [10, 10, 10])
        #expect(runs.withLockedValue { $0 } == 1)
        #expect(try await coalescer.value(for: "q", compute: compute) == 20, "asked after the end: computed again")
        #expect(try await coalescer.value(for: "other", compute: compute) == 30)
    }
}
