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
/// another record or field does not open.
public struct FieldCipher: Sendable {
    let key: SymmetricKey

    public init(keys: KeyRing) { key = keys.encryption }

    public func seal<T: Encodable>(_ value: T, context: String) throws -> Data {
        let plain = try JSONEncoder().encode(value)
        let box = try AES.GCM.seal(plain, using: key, authenticating: Data(context.utf8))
        // A fresh random nonce per seal, so combined is always present.
        return box.combined!
    }

    public func open<T: Decodable>(_ type: T.Type, from data: Data, context: String) throws -> T {
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            let plain = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
            return try JSONDecoder().decode(T.self, from: plain)
        } catch {
            throw CipherError.cannotOpen(context)
        }
    }
}

/// Keyed hashes for exact look-ups of encrypted values, and plain hashes of secrets we must recognise.
public struct Digests: Sendable {
    let blindKey: SymmetricKey
    let throttleKey: SymmetricKey

    public init(keys: KeyRing) {
        blindKey = keys.blindIndex
        throttleKey = keys.throttle
    }

    public func blindIndex(kind: String, value: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(value)".utf8), using: blindKey))
    }

    /// Counters for failed sign-ins are kept per account and per address without storing either.
    public func throttleSubject(_ value: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: throttleKey))
    }

    /// A signed-in browser's form token, bound to its session secret: it changes at every sign-in and is useless
    /// with another session (issue 19, finding 11). Signed-out forms use a double-submit cookie instead.
    public static func csrfToken(forSession token: String) -> String {
        sha256("sanad-csrf:" + token)
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A random secret for session cookies, API tokens and setup links (256 bits, URL-safe).
    public static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
