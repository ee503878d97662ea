import Foundation
import NIOConcurrencyHelpers
import SanadCore

/// What every repository needs besides the database: keys, the in-memory name index and the clock.
public struct StoreContext: Sendable {
    public let keySource: KeySource
    /// Read afresh each time: a rotation may change the ring under a running server (`KeySource`).
    public var keys: KeyRing { keySource.ring }
    public let cipher: FieldCipher
    public let digests: Digests
    public let names: PersonNameIndex
    public let clock: @Sendable () -> Date
    /// The dashboard's facts, kept in step with the database (`FigureStore`); per server process.
    let figures = FigureStore()
    /// Duplicate checks per account (`IdentityService.candidates(for:)`); per server process.
    let identityChecks = NIOLockedValueBox(RateWindow(limit: 30, windowSeconds: 10 * 60))
    /// The synchronisation engine as last saved (`SyncStorage`); per server process.
    let syncCache = SyncCache()
    /// Where attachments' encrypted blobs live and how large one may be (issue 15); the server sets the folder
    /// inside its data folder, anything else gets a folder of its own under the temporary directory.
    public var attachments = AttachmentSettings(
        root: FileManager.default.temporaryDirectory.appendingPathComponent("sanad-blobs-\(UUID().uuidString)"))

    public init(keys: KeyRing, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(source: KeySource(ring: keys), clock: clock)
    }

    public init(source: KeySource, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.keySource = source
        self.cipher = FieldCipher(source: source)
        self.digests = Digests(source: source)
        self.names = PersonNameIndex()
        self.clock = clock
    }
}
