import Crypto
import Fluent
import Foundation
import SanadCore

public enum SyncNodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidName
    case nameTaken
    case noCentre
    case unknownCentre(String)
    case unknownNode(String)
    case alreadyRevoked(String)
    /// The code is wrong, was used already, or belongs to a revoked node: one answer for all, so a guess learns nothing.
    case invalidCode
    case invalidPublicKey

    public var description: String {
        switch self {
        case .invalidName: "Node names are 3 to 40 lowercase letters, digits and '-'."
        case .nameTaken: "A node with that name is already enrolled."
        case .noCentre: "Name at least one --centre the office serves."
        case .unknownCentre(let code): "Unknown centre \(code)."
        case .unknownNode(let name): "No node named \(name)."
        case .alreadyRevoked(let name): "\(name) was revoked already."
        case .invalidCode: "That enrolment code is not valid (wrong, used already, or its node was revoked)."
        case .invalidPublicKey: "The office's public key is not an Ed25519 key."
        }
    }
}

public enum SyncNodeState: String, Sendable {
    case waiting
    case joined
    case revoked
}

/// A node as administrators see it.
public struct SyncNodeView: Sendable, Equatable {
    public let name: String
    public let centres: [String]
    public let createdAt: Date
    public let joinedAt: Date?
    public let lastContact: Date?
    public let revokedAt: Date?
    public let series: Int

    init(_ node: SyncNode) {
        name = node.name
        centres = node.centres
        createdAt = node.createdAt
        joinedAt = node.joinedAt
        lastContact = node.lastContact
        revokedAt = node.revokedAt
        series = node.series ?? 0
    }

    public var state: SyncNodeState { revokedAt != nil ? .revoked : joinedAt != nil ? .joined : .waiting }
}

/// Enrolment and revocation of field offices at the centre (issue 11, item 1). Used by `sanad nodes`, run by
/// whoever holds the server's keys; every change is in the audit trail.
public struct SyncNodeService: Sendable {
    let db: any Database
    let context: StoreContext

    /// Enrols an office for `centres` and returns the one-time code its administrator types at `sanad sync join`.
    public func add(name: String, centres: [String], by actorID: String) async throws -> (SyncNodeView, String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (3...40).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { throw SyncNodeError.invalidName }
        let codes = Set(centres.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        guard !codes.isEmpty else { throw SyncNodeError.noCentre }
        let known = Set(try await Centre.query(on: db).all().map(\.code))
        if let unknown = codes.subtracting(known).sorted().first { throw SyncNodeError.unknownCentre(unknown) }
        guard try await SyncNode.query(on: db).filter(\.$name == name).first() == nil else {
            throw SyncNodeError.nameTaken
        }
        let code = Self.newCode()
        let node = SyncNode(
            name: name, centres: codes.sorted(), enrolmentDigest: Self.digest(code), createdAt: context.clock())
        node.series = (try await SyncNode.query(on: db).all().compactMap(\.series).max() ?? 0) + 1
        try await node.createAudited(
            action: "node.add", actorID: actorID, recordType: "node", recordID: name, now: context.clock(),
            key: context.keys.audit, on: db)
        return (SyncNodeView(node), code)
    }

    public func list() async throws -> [SyncNodeView] {
        try await SyncNode.query(on: db).sort(\.$name).all().map(SyncNodeView.init)
    }

    /// From now on the node's bundles and requests are refused; what it sent before stays.
    public func revoke(_ name: String, by actorID: String) async throws {
        guard let node = try await SyncNode.query(on: db).filter(\.$name == name).first() else {
            throw SyncNodeError.unknownNode(name)
        }
        guard node.revokedAt == nil else { throw SyncNodeError.alreadyRevoked(name) }
        node.revokedAt = context.clock()
        node.enrolmentDigest = nil
        try await db.transaction { tx in
            try await node.save(on: tx)
            try await AuditTrail.append(
                action: "node.revoke", actorID: actorID, recordType: "node", recordID: name, now: context.clock(),
                key: context.keys.audit, on: tx)
        }
    }

    /// An office joining with its code and public key: the code works once, and not for a revoked node.
    public func join(code: String, publicKey: Data) async throws -> SyncNodeView {
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw SyncNodeError.invalidPublicKey
        }
        let digest = Self.digest(code)
        guard let node = try await SyncNode.query(on: db).filter(\.$enrolmentDigest == digest).first(),
            node.revokedAt == nil
        else { throw SyncNodeError.invalidCode }
        node.enrolmentDigest = nil
        node.publicKey = publicKey
        node.joinedAt = context.clock()
        node.lastContact = node.joinedAt
        try await db.transaction { tx in
            try await node.save(on: tx)
            try await AuditTrail.append(
                action: "node.join", actorID: nil, recordType: "node", recordID: node.name, now: context.clock(),
                key: context.keys.audit, on: tx)
        }
        return SyncNodeView(node)
    }

    /// Every joined node's key and whether it was revoked: what `SyncBundle.open` checks a bundle against.
    public func keys() async throws -> [String: SyncNodeKey] {
        var out: [String: SyncNodeKey] = [:]
        for node in try await SyncNode.query(on: db).all() {
            guard let raw = node.publicKey, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                continue
            }
            out[node.name] = SyncNodeKey(publicKey: key, revoked: node.revokedAt != nil)
        }
        return out
    }

    /// 100 random bits as five groups of four letters and digits (no 0/O or 1/I), easy to read out over a phone.
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Codes are compared without case, spaces or dashes, as people type them.
    static func digest(_ code: String) -> String {
        let normal = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return SHA256.hash(data: Data(normal.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
