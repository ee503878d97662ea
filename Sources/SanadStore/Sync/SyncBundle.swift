import Crypto
import Foundation
import SanadCore

/// Why a bundle (or a batch on the wire) is refused. Nothing of a refused bundle is applied.
public enum SyncBundleError: Error, Equatable, Sendable, CustomStringConvertible {
    case notABundle
    case truncated
    case otherOrganisation(String)
    case unknownNode(String)
    case revokedNode(String)
    case badSignature
    case unreadable

    public var description: String {
        switch self {
        case .notABundle: "This is not a Sanad synchronisation bundle."
        case .truncated: "The bundle is cut short (copied or downloaded only in part); ask for it again."
        case .otherOrganisation(let id): "The bundle belongs to another organisation (\(id))."
        case .unknownNode(let node): "The bundle comes from \(node), which is not enrolled here."
        case .revokedNode(let node): "The bundle comes from \(node), whose enrolment was revoked; nothing is taken."
        case .badSignature: "The bundle was changed after it was signed; nothing is taken."
        case .unreadable: "The bundle is signed but cannot be opened with this organisation's key."
        }
    }
}

/// What a node knows of another node's signing key.
public struct SyncNodeKey: Sendable, Equatable {
    public let publicKey: Curve25519.Signing.PublicKey
    public var revoked: Bool

    public init(publicKey: Curve25519.Signing.PublicKey, revoked: Bool = false) {
        self.publicKey = publicKey
        self.revoked = revoked
    }

    public static func == (lhs: SyncNodeKey, rhs: SyncNodeKey) -> Bool {
        lhs.publicKey.rawRepresentation == rhs.publicKey.rawRepresentation && lhs.revoked == rhs.revoked
    }
}

/// A page of operations as it leaves a node — over the link or on a USB stick (issue 11, items 2 and 3):
///
///     SANADSYNC1 | header length (4 bytes, big-endian) | header (JSON) | sealed body | Ed25519 signature (64 bytes)
///
/// The header names the organisation and the sending node in clear, so that a receiver can refuse a stranger
/// before doing anything else. The body (the operations, JSON) is sealed with AES-GCM under the organisation's
/// synchronisation key, bound to the header; its values are field ciphertexts already, so personal data is
/// encrypted twice on the way and never in clear. The signature, by the node's own key, covers everything before
/// it: a changed byte anywhere is refused. A bundle applied twice changes nothing (`SyncCentre` takes each
/// operation once), so replays need no special case.
public enum SyncBundle {
    static let magic = Array("SANADSYNC1".utf8)
    static let signatureLength = 64

    /// Keys in a fixed order, so that the same operations always make the same bytes.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    struct Header: Codable, Equatable {
        var organisation: String
        var node: String
        /// What the body holds (nil: a push's operations).
        var kind: String?
        var first: Int
        var last: Int
        var count: Int
        /// The body was compressed (`SyncDeflate`) before it was sealed.
        var deflated: Bool?
        /// Bytes of the sealed body, so that a cut bundle is told from an edited one.
        var sealedLength: Int
    }

    public static func seal(
        _ push: SyncPush, organisation: String, key: SymmetricKey, signer: Curve25519.Signing.PrivateKey
    ) throws -> Data {
        try seal(
            body: try encoder.encode(push.operations), node: push.node, kind: nil,
            first: push.operations.first?.id.sequence ?? 0, last: push.operations.last?.id.sequence ?? 0,
            count: push.operations.count, organisation: organisation, key: key, signer: signer)
    }

    /// Any message between nodes (an exchange request or reply), in the same envelope as a push.
    public static func seal(
        body: Data, node: String, kind: String?, first: Int = 0, last: Int = 0, count: Int = 0,
        organisation: String, key: SymmetricKey, signer: Curve25519.Signing.PrivateKey
    ) throws -> Data {
        let packed = SyncDeflate.compress(body)
        let header = Header(
            organisation: organisation, node: node, kind: kind, first: first, last: last, count: count,
            deflated: true, sealedLength: packed.count + 28)
        let headerBytes = try encoder.encode(header)
        var signed = Data(magic)
        withUnsafeBytes(of: UInt32(headerBytes.count).bigEndian) { signed.append(contentsOf: $0) }
        signed.append(headerBytes)
        signed.append(try AES.GCM.seal(packed, using: key, authenticating: headerBytes).combined!)
        return signed + (try signer.signature(for: signed))
    }

    /// The push inside, once the bundle has been checked against the organisation and the enrolled nodes.
    public static func open(
        _ data: Data, organisation: String, key: SymmetricKey, nodes: [String: SyncNodeKey]
    ) throws(SyncBundleError) -> SyncPush {
        let (header, body) = try openMessage(data, organisation: organisation, key: key, nodes: nodes)
        guard header.kind == nil, let operations = try? JSONDecoder().decode([SyncOperation].self, from: body),
            operations.count == header.count, operations.allSatisfy({ $0.id.node == header.node })
        else { throw .unreadable }
        return SyncPush(node: header.node, operations: operations)
    }

    /// The sending node, the kind and the body of a checked message.
    public static func open(
        _ data: Data, kind: String, organisation: String, key: SymmetricKey, nodes: [String: SyncNodeKey]
    ) throws(SyncBundleError) -> (node: String, body: Data) {
        let (header, body) = try openMessage(data, organisation: organisation, key: key, nodes: nodes)
        guard header.kind == kind else { throw .unreadable }
        return (header.node, body)
    }

    /// The organisation key a bundle says it was sealed under, before anything is checked (to pick that key).
    public static func organisation(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(4096))
        guard bytes.count > magic.count + 4, bytes.starts(with: magic) else { return nil }
        let length = bytes[magic.count..<magic.count + 4].reduce(0) { $0 << 8 | Int($1) }
        let start = magic.count + 4
        guard bytes.count >= start + length else { return nil }
        return (try? JSONDecoder().decode(Header.self, from: Data(bytes[start..<start + length])))?.organisation
    }

    static func openMessage(
        _ data: Data, organisation: String, key: SymmetricKey, nodes: [String: SyncNodeKey]
    ) throws(SyncBundleError) -> (Header, Data) {
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count, bytes.starts(with: magic) else {
            throw bytes.count < magic.count && magic.starts(with: bytes) ? .truncated : .notABundle
        }
        guard bytes.count >= magic.count + 4 else { throw .truncated }
        let length = bytes[magic.count..<magic.count + 4].reduce(0) { $0 << 8 | Int($1) }
        let headerStart = magic.count + 4
        guard bytes.count >= headerStart + length else { throw .truncated }
        let headerBytes = Data(bytes[headerStart..<headerStart + length])
        // The header is not trusted before the signature is checked: a length no bundle can have is refused here
        // rather than added up (a forged Int.max would overflow).
        guard let header = try? JSONDecoder().decode(Header.self, from: headerBytes),
            (28...Int(UInt32.max)).contains(header.sealedLength)
        else { throw .badSignature }
        let total = headerStart + length + header.sealedLength + signatureLength
        guard bytes.count >= total else { throw .truncated }
        guard header.organisation == organisation else { throw .otherOrganisation(header.organisation) }
        guard let node = nodes[header.node] else { throw .unknownNode(header.node) }
        guard !node.revoked else { throw .revokedNode(header.node) }
        let signed = Data(bytes[..<(bytes.count - signatureLength)])
        let signature = Data(bytes[(bytes.count - signatureLength)...])
        guard bytes.count == total, node.publicKey.isValidSignature(signature, for: signed) else {
            throw .badSignature
        }
        let sealed = Data(bytes[(headerStart + length)..<(bytes.count - signatureLength)])
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
            let opened = try? AES.GCM.open(box, using: key, authenticating: headerBytes),
            let body = header.deflated == true ? try? SyncDeflate.decompress(opened) : opened
        else { throw .unreadable }
        return (header, body)
    }
}
