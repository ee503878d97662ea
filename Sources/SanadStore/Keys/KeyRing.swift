import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public enum KeyRingError: Error, CustomStringConvertible {
    case badMasterKey
    case keyFile(String)

    public var description: String {
        switch self {
        case .badMasterKey:
            return "SANAD_MASTER_KEY must be 32 bytes, written as 64 hex digits or base64 (one key per line or comma)."
        case .keyFile(let why): return "Could not use the key file: \(why)"
        }
    }
}

/// The keys derived from one master key. Each purpose gets its own HKDF subkey, so that a blind index never
/// reveals anything about the encryption key and vice versa.
public struct DerivedKeys: Sendable {
    /// Names the master key inside every ciphertext sealed with it (`FieldCipher`), without revealing it.
    public let id: String
    let idBytes: Data
    public let encryption: SymmetricKey
    public let blindIndex: SymmetricKey
    public let throttle: SymmetricKey
    /// The audit chain's key as derived from this master; an installation carries its first one across
    /// rotations (`AuditKey`).
    public let audit: SymmetricKey
    /// Seals what travels between the centre and its field offices (`SyncBundle`).
    public let sync: SymmetricKey

    public init(master: SymmetricKey) {
        func derive(_ purpose: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Data("sanad".utf8), info: Data(purpose.utf8), outputByteCount: 32)
        }
        encryption = derive("sanad/v1/field-encryption")
        blindIndex = derive("sanad/v1/blind-index")
        throttle = derive("sanad/v1/throttle")
        audit = derive("sanad/v1/audit-chain")
        sync = derive("sanad/v1/sync-bundles")
        idBytes = derive("sanad/v1/key-id").withUnsafeBytes { Data($0.prefix(8)) }
        id = Digests.hex(idBytes)
    }
}

/// The master key in use and, while a rotation runs (`KeyRotation`), the keys it replaces: new values are sealed
/// with the first, old ones open with any.
public struct KeyRing: Sendable {
    public let active: DerivedKeys
    /// Keys still accepted for reading, newest first; empty outside a rotation.
    public let previous: [DerivedKeys]
    /// The audit chain's key. Derived from the active key until the database says otherwise (`AuditKey.resolve`).
    public var audit: SymmetricKey

    public var encryption: SymmetricKey { active.encryption }
    public var sync: SymmetricKey { active.sync }
    public var blindIndex: SymmetricKey { active.blindIndex }
    public var throttle: SymmetricKey { active.throttle }
    public var all: [DerivedKeys] { [active] + previous }

    public init(master: SymmetricKey, previous: [SymmetricKey] = []) {
        let active = DerivedKeys(master: master)
        self.active = active
        self.previous = previous.map(DerivedKeys.init(master:)).filter { $0.id != active.id }
        audit = active.audit
    }

    init(masters: [SymmetricKey]) {
        self.init(master: masters[0], previous: Array(masters.dropFirst()))
    }

    public func keys(id: String) -> DerivedKeys? { all.first { $0.id == id } }

    /// Parses 64 hex digits or base64 of 32 bytes.
    public static func parse(_ text: String) throws -> SymmetricKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = hexBytes(trimmed) { return SymmetricKey(data: bytes) }
        if let data = Data(base64Encoded: trimmed), data.count == 32 { return SymmetricKey(data: data) }
        throw KeyRingError.badMasterKey
    }

    /// One key per line (or separated by commas), the active one first; `#` starts a comment.
    public static func parseAll(_ text: String) throws -> [SymmetricKey] {
        let keys = try text.split(whereSeparator: { $0 == "\n" || $0 == "," })
            .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(parse)
        guard !keys.isEmpty else { throw KeyRingError.badMasterKey }
        return keys
    }

    public static func newKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    public static func hex(_ key: SymmetricKey) -> String {
        Digests.hex(key.withUnsafeBytes { Data($0) })
    }

    /// The key from `SANAD_MASTER_KEY`, else from the key file, which is created (mode 0600) when absent.
    /// `created` tells the caller to print the file's path once.
    public static func load(environment: String?, keyFile: URL) throws -> (ring: KeyRing, created: Bool) {
        if let environment, !environment.isEmpty {
            return (KeyRing(masters: try parseAll(environment)), false)
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: keyFile.path) {
            let text = try String(contentsOf: keyFile, encoding: .utf8)
            return (KeyRing(masters: try parseAll(text)), false)
        }
        let key = SymmetricKey(size: .bits256)
        try write([key], to: keyFile)
        return (KeyRing(master: key), true)
    }

    /// Replaces the key file in one rename (mode 0600), so that a reader sees the old keys or the new, never half.
    public static func write(_ keys: [SymmetricKey], to keyFile: URL) throws {
        let fm = FileManager.default
        let text = keys.map(hex).joined(separator: "\n") + "\n"
        let temporary = keyFile.deletingLastPathComponent()
            .appendingPathComponent(".\(keyFile.lastPathComponent).\(UUID().uuidString)")
        do {
            try fm.createDirectory(
                at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard
                fm.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { throw KeyRingError.keyFile("cannot create \(temporary.path)") }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, keyFile.path) == 0 else {
                throw KeyRingError.keyFile("cannot replace \(keyFile.path)")
            }
        } catch let error as KeyRingError {
            try? fm.removeItem(at: temporary)
            throw error
        } catch {
            try? fm.removeItem(at: temporary)
            throw KeyRingError.keyFile(error.localizedDescription)
        }
    }

    static func hexBytes(_ hex: String) -> Data? {
        var data = Data(capacity: hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            data.append(byte)
            index = next
        }
        return data
    }
}
