import Crypto
import Foundation
import SanadCore

/// One exchange from an office: its next operations and where it wants the centre's feed from. The same message
/// goes over HTTP (`POST /api/v1/sync/exchange`) or on a USB stick (`sanad sync export`).
public struct SyncRequest: Codable, Sendable {
    public var operations: [SyncOperation]
    /// The feed position after which the office wants entries.
    public var cursor: Int
    public var limit: Int
}

/// The centre's answer: what became of the operations, and the next page of its feed for the office.
public struct SyncReply: Codable, Sendable {
    public var push: SyncPushReply?
    public var pull: SyncPullReply
    /// The centre's audit receipt of the batch (`SyncReceipt`), which the office writes into its own chain: the
    /// same digest in both chains ties them together.
    public var receipt: String? = nil
}

/// Why an exchange did not complete; nothing of it was applied.
public enum SyncExchangeError: Error, Equatable, Sendable, CustomStringConvertible {
    case bundle(SyncBundleError)
    case notEnrolled
    case notAnOffice
    case centreUnreachable(String)
    case refusedByCentre(String)
    case badRequest(String)

    public var description: String {
        switch self {
        case .bundle(let error): error.description
        case .notEnrolled: "This Sanad has not joined a centre: run sanad sync join CENTRAL_URL --code CODE first."
        case .notAnOffice: "This Sanad is a field office; bundles for the centre are imported there."
        case .centreUnreachable(let why): "The centre could not be reached (\(why)); nothing was lost, try again later."
        case .refusedByCentre(let why): "The centre refused the exchange: \(why)"
        case .badRequest(let why): why
        }
    }
}

/// Message kinds inside `SyncBundle`.
enum SyncMessage {
    static let request = "request"
    static let reply = "reply"
    static let centreNode = "centre"
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

/// A node's own Ed25519 key, kept in the database sealed under the organisation's field key.
enum SyncSigningKey {
    static let context = "sync/signing-key"

    static func new(cipher: FieldCipher) throws -> (Curve25519.Signing.PrivateKey, Data) {
        let key = Curve25519.Signing.PrivateKey()
        return (key, try cipher.seal(key.rawRepresentation, context: context))
    }

    static func open(_ sealed: Data, cipher: FieldCipher) throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: cipher.open(Data.self, from: sealed, context: context))
    }
}

extension SyncBundle {
    /// `open(_:kind:…)` with its refusal as a `SyncExchangeError`.
    static func checked(
        _ data: Data, kind: String, organisation: String, key: SymmetricKey, nodes: [String: SyncNodeKey]
    ) throws -> (node: String, body: Data) {
        do {
            return try open(data, kind: kind, organisation: organisation, key: key, nodes: nodes)
        } catch {
            throw SyncExchangeError.bundle(error)
        }
    }
}
