import Foundation
import NIOConcurrencyHelpers
import SanadCore

/// What every repository needs besides the database: keys, the in-memory name index and the clock.
public struct StoreContext: Sendable {
    public let keys: KeyRing
    public let cipher: FieldCipher
    public let digests: Digests
    public let names: PersonNameIndex
    public let clock: @Sendable () -> Date
    /// Duplicate checks per account (`IdentityService.candidates(for:)`); per server process.
    let identityChecks = NIOLockedValueBox(RateWindow(limit: 30, windowSeconds: 10 * 60))

    public init(keys: KeyRing, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.keys = keys
        self.cipher = FieldCipher(keys: keys)
        self.digests = Digests(keys: keys)
        self.names = PersonNameIndex()
        self.clock = clock
    }
}
