import Crypto
import Fluent
import Foundation

/// The audit chain's key belongs to the installation, not to a master key: it is derived from the first master
/// key and, from the first rotation on, kept in the database sealed with the current one. Re-keying the chain at a
/// rotation would mean recomputing every past link, which is the rewrite the chain exists to expose; an anchor
/// kept outside the database (`sanad audit anchor`) is the defence if an old key leaked.
public enum AuditKey {
    static let setting = "audit_key"
    static let context = "settings/audit_key"

    /// The installation's audit key: the sealed one when present, else the one derived from the active key.
    public static func resolve(ring: KeyRing, on db: any Database) async throws -> SymmetricKey {
        guard let stored = try await Setting.find(setting, on: db) else { return ring.active.audit }
        guard let data = Data(base64Encoded: stored.value) else { throw CipherError.cannotOpen(context) }
        let bytes = try FieldCipher(keys: ring).open(Data.self, from: data, context: context)
        return SymmetricKey(data: bytes)
    }

    /// Seals the audit key with the ring's active key, replacing any earlier copy.
    static func carry(_ key: SymmetricKey, ring: KeyRing, on db: any Database) async throws {
        let sealed = try FieldCipher(keys: ring).seal(key.withUnsafeBytes { Data($0) }, context: context)
        try await db.transaction { tx in
            try await Setting.query(on: tx).filter(\.$id == setting).delete()
            try await Setting(key: setting, value: sealed.base64EncodedString()).create(on: tx)
        }
    }
}
