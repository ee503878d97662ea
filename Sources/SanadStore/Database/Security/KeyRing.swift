import Crypto
import Foundation

public enum KeyRingError: Error, CustomStringConvertible {
    case badMasterKey
    case keyFile(String)

    public var description: String {
        switch self {
        case .badMasterKey: return "SANAD_MASTER_KEY must be 32 bytes, written as 64 hex digits or base64."
        case .keyFile(let why): return "Could not use the key file: \(why)"
        }
    }
}

/// The master key and the keys derived from it. Each purpose gets its own HKDF subkey, so that a blind index
/// never reveals anything about the encryption key and vice versa.
public struct KeyRing: Sendable {
    public let encryption: SymmetricKey
    public let blindIndex: SymmetricKey
    public let throttle: SymmetricKey
    /// Seals the audit chain: rewriting the trail needs this, not only the database.
    public let audit: SymmetricKey

    public init(master: SymmetricKey) {
        func derive(_ purpose: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Data("sanad".utf8), info: Data(purpose.utf8), outputByteCount: 32)
        }
        encryption = derive("sanad/v1/field-encryption")
        blindIndex = derive("sanad/v1/blind-index")
        throttle = derive("sanad/v1/throttle")
        audit = derive("sanad/v1/audit-chain")
    }

    /// Parses 64 hex digits or base64 of 32 bytes.
    public static func parse(_ text: String) throws -> SymmetricKey {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = hexBytes(trimmed) { return SymmetricKey(data: bytes) }
        if let data = Data(base64Encoded: trimmed), data.count == 32 { return SymmetricKey(data: data) }
        throw KeyRingError.badMasterKey
    }

    /// The key from `SANAD_MASTER_KEY`, else from the key file, which is created (mode 0600) when absent.
    /// `created` tells the caller to print the file's path once.
    public static func load(environment: String?, keyFile: URL) throws -> (ring: KeyRing, created: Bool) {
        if let environment, !environment.isEmpty {
            return (KeyRing(master: try parse(environment)), false)
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: keyFile.path) {
            let text = try String(contentsOf: keyFile, encoding: .utf8)
            return (KeyRing(master: try parse(text)), false)
        }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
        do {
            try fm.createDirectory(
                at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard
                fm.createFile(
                    atPath: keyFile.path, contents: Data((hex + "\n").utf8),
                    attributes: [
                        .posixPermissions: 0o600
                    ])
            else { throw KeyRingError.keyFile("cannot create \(keyFile.path)") }
        } catch let error as KeyRingError {
            throw error
        } catch {
            throw KeyRingError.keyFile(error.localizedDescription)
        }
        return (KeyRing(master: key), true)
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
