import Crypto
import Foundation

public enum CipherError: Error, CustomStringConvertible {
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .cannotOpen(let context): return "Encrypted value for \(context) cannot be opened (wrong key or moved)."
        }
    }
}

/// AES-GCM for personal fields. The associated data names the record and field, so a ciphertext copied into
/// another record or field does not open. Every ciphertext starts with a marker and the id of the key that sealed
/// it, so that during a key rotation each value opens with its own key; values sealed before key ids existed
/// (no marker) open with whichever key of the ring fits.
public struct FieldCipher: Sendable {
    let source: KeySource
    static let marker: [UInt8] = [0x53, 0x4B, 0x01]
    static let headerLength = 3 + 8

    public init(keys: KeyRing) { source = KeySource(ring: keys) }
    public init(source: KeySource) { self.source = source }

    public func seal<T: Encodable>(_ value: T, context: String) throws -> Data {
        try sealRaw(try JSONEncoder().encode(value), context: context, with: source.ring.active)
    }

    public func open<T: Decodable>(_ type: T.Type, from data: Data, context: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: try openRaw(data, context: context))
        } catch {
            throw CipherError.cannotOpen(context)
        }
    }

    /// The same value sealed with the active key, or nil when it already is (`KeyRotation`). The plaintext is
    /// never decoded, so this works for every sealed column whatever it holds.
    public func resealed(_ data: Data, context: String) throws -> Data? {
        let ring = source.ring
        if Self.keyID(of: data) == ring.active.id { return nil }
        do {
            return try sealRaw(try openRaw(data, context: context), context: context, with: ring.active)
        } catch {
            throw CipherError.cannotOpen(context)
        }
    }

    /// The id of the key a ciphertext names, nil for one sealed before key ids.
    public static func keyID(of data: Data) -> String? {
        guard data.count > headerLength, data.prefix(3).elementsEqual(marker) else { return nil }
        return Digests.hex(data.dropFirst(3).prefix(8))
    }

    func sealRaw(_ plain: Data, context: String, with keys: DerivedKeys) throws -> Data {
        let box = try AES.GCM.seal(plain, using: keys.encryption, authenticating: Data(context.utf8))
        // A fresh random nonce per seal, so combined is always present.
        return Data(Self.marker) + keys.idBytes + box.combined!
    }

    func openRaw(_ data: Data, context: String) throws -> Data {
        let aad = Data(context.utf8)
        var ring = source.ring
        if let id = Self.keyID(of: data) {
            if ring.keys(id: id) == nil { ring = source.refreshed(force: true) }
            if let keys = ring.keys(id: id),
                let box = try? AES.GCM.SealedBox(combined: data.dropFirst(Self.headerLength)),
                let plain = try? AES.GCM.open(box, using: keys.encryption, authenticating: aad)
            {
                return plain
            }
            // A value sealed before key ids whose random nonce happens to begin like a marker falls through.
        }
        let box = try AES.GCM.SealedBox(combined: data)
        for keys in ring.all {
            if let plain = try? AES.GCM.open(box, using: keys.encryption, authenticating: aad) { return plain }
        }
        throw CipherError.cannotOpen(context)
    }
}

/// Keyed hashes for exact look-ups of encrypted values, and plain hashes of secrets we must recognise.
public struct Digests: Sendable {
    let source: KeySource

    public init(keys: KeyRing) { source = KeySource(ring: keys) }
    public init(source: KeySource) { self.source = source }

    /// The digest under the active key: what is written.
    public func blindIndex(kind: String, value: String) -> String {
        Self.blindIndex(kind: kind, value: value, key: source.ring.blindIndex)
    }

    /// The digests under every key of the ring: what a look-up must match while a rotation runs.
    public func blindIndexes(kind: String, value: String) -> [String] {
        source.ring.all.map { Self.blindIndex(kind: kind, value: value, key: $0.blindIndex) }
    }

    static func blindIndex(kind: String, value: String, key: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(value)".utf8), using: key))
    }

    /// Counters for failed sign-ins are kept per account and per address without storing either.
    public func throttleSubject(_ value: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: source.ring.throttle))
    }

    /// A signed-in browser's form token, bound to its session secret: it changes at every sign-in and is useless
    /// with another session (issue 19, finding 11). Signed-out forms use a double-submit cookie instead.
    public static func csrfToken(forSession token: String) -> String {
        sha256("sanad-csrf:" + token)
    }

    public static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// A random secret for session cookies, API tokens and setup links (256 bits, URL-safe).
    public static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
