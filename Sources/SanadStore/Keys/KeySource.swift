import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The key ring a running server uses, re-read from the key file when `sanad keys rotate` changes it, so that
/// reads go on during a rotation: a ciphertext naming a key the server lacks makes it look at once, and new
/// values are sealed with the new key within seconds of the file changing. Keys from the environment never change
/// under a running process.
public final class KeySource: Sendable {
    struct State {
        var ring: KeyRing
        var modified: String?
        var checked: Date
    }

    let keyFile: URL?
    let state: NIOLockedValueBox<State>
    static let interval: TimeInterval = 2

    public init(ring: KeyRing, keyFile: URL? = nil) {
        self.keyFile = keyFile
        let modified = keyFile.flatMap { Self.modified($0) }
        state = NIOLockedValueBox(State(ring: ring, modified: modified, checked: Date()))
    }

    public var ring: KeyRing { refreshed(force: false) }

    /// The ring, first re-reading the key file if it changed since the last look (at most every two seconds,
    /// or now when `force`).
    public func refreshed(force: Bool) -> KeyRing {
        guard let keyFile else { return state.withLockedValue { $0.ring } }
        return state.withLockedValue { state in
            let now = Date()
            guard force || now.timeIntervalSince(state.checked) >= Self.interval else { return state.ring }
            state.checked = now
            let modified = Self.modified(keyFile)
            guard modified != state.modified,
                let text = try? String(contentsOf: keyFile, encoding: .utf8),
                let masters = try? KeyRing.parseAll(text)
            else { return state.ring }
            var ring = KeyRing(masters: masters)
            // Only a step of a rotation is taken: the file must still hold the key in use. A file replaced by an
            // unrelated key would leave every value unreadable; the next start refuses that with a message.
            guard ring.keys(id: state.ring.active.id) != nil else {
                state.modified = modified
                return state.ring
            }
            // The audit key is the installation's, whichever master is active (AuditKey).
            ring.audit = state.ring.audit
            state.ring = ring
            state.modified = modified
            return ring
        }
    }

    /// Sets the audit chain's key once the database has said which it is.
    public func setAudit(_ key: SymmetricKey) {
        state.withLockedValue { $0.ring.audit = key }
    }

    /// The file's inode and time: `KeyRing.write` renames a new file into place, so the inode alone would do.
    static func modified(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        let inode = attributes[.systemFileNumber].map { "\($0)" } ?? ""
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(inode)/\(time)"
    }
}
