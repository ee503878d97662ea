import Crypto
import Foundation
import SanadCore
import Testing

@testable import SanadStore

/// Issue 11, "Bad input": a bundle that is cut, edited, from another organisation or from a revoked or unknown
/// node is refused with its reason, and nothing in it is read.
@Suite struct SyncBundleTests {
    let key = SymmetricKey(size: .bits256)
    let signer = Curve25519.Signing.PrivateKey()
    let push: SyncPush = {
        var office = SyncOffice(node: "office-kassala", centres: ["SD11"])
        // Field values are ciphertexts on a real node; these stand for them.
        office.edit(record: "p1", centre: "SD11", field: "phone", value: [0x53, 0x4B, 1, 2, 3], author: "amal", at: 5)
        office.addFact(record: "p1", centre: "SD11", kind: "service", content: [9, 9, 9], author: "amal", at: 6)
        return office.push()!
    }()

    var nodes: [String: SyncNodeKey] { ["office-kassala": SyncNodeKey(publicKey: signer.publicKey)] }

    func sealed() throws -> Data { try SyncBundle.seal(push, organisation: "iom-sudan", key: key, signer: signer) }

    func refusal(_ data: Data, organisation: String = "iom-sudan", nodes: [String: SyncNodeKey]? = nil)
        -> SyncBundleError?
    {
        do {
            _ = try SyncBundle.open(data, organisation: organisation, key: key, nodes: nodes ?? self.nodes)
            return nil
        } catch {
            return error
        }
    }

    @Test func opensToThePushThatWasSealed() throws {
        let data = try sealed()
        #expect(try SyncBundle.open(data, organisation: "iom-sudan", key: key, nodes: nodes) == push)
        // The operations travel sealed: the field value's bytes are not in the bundle as they were.
        #expect(data.range(of: Data("phone".utf8)) == nil)
    }

    @Test func aCutBundleSaysSo() throws {
        let data = try sealed()
        for length in [0, 4, 10, 14, 40, data.count / 2, data.count - 65, data.count - 1] {
            #expect(refusal(data.prefix(length)) == .truncated, "\(length) bytes")
        }
        #expect(refusal(Data("hello, world".utf8)) == .notABundle)
    }

    @Test func anyChangedByteIsRefused() throws {
        let data = try sealed()
        let headerEnd = 14 + Int(data[10]) << 24 + Int(data[11]) << 16 + Int(data[12]) << 8 + Int(data[13])
        for position in stride(from: headerEnd, to: data.count, by: max(1, data.count / 40)) {
            var edited = data
            edited[position] ^= 0x01
            #expect(refusal(edited) == .badSignature, "byte \(position)")
        }
        #expect(refusal(data + Data([0])) == .badSignature)
    }

    /// The header is read before the signature can be checked; a forged one must not crash the reader.
    @Test func aForgedHeaderIsRefusedNotTrusted() throws {
        let data = try sealed()
        let length = Int(data[10]) << 24 + Int(data[11]) << 16 + Int(data[12]) << 8 + Int(data[13])
        let header = String(decoding: data[14..<(14 + length)], as: UTF8.self)
        for forged in [Int.max, -5, 0] {
            let text = header.replacingOccurrences(
                of: #""sealedLength":\d+"#, with: "\"sealedLength\":\(forged)", options: .regularExpression)
            var bundle = Data("SANADSYNC1".utf8)
            withUnsafeBytes(of: UInt32(text.utf8.count).bigEndian) { bundle.append(contentsOf: $0) }
            bundle += Data(text.utf8) + data[(14 + length)...]
            #expect(refusal(bundle) == .badSignature, "sealedLength \(forged)")
        }
    }

    @Test func strangersAndRevokedNodesAreRefused() throws {
        let data = try sealed()
        #expect(refusal(data, organisation: "another-org") == .otherOrganisation("iom-sudan"))
        #expect(refusal(data, nodes: [:]) == .unknownNode("office-kassala"))
        var revoked = nodes
        revoked["office-kassala"]?.revoked = true
        #expect(refusal(data, nodes: revoked) == .revokedNode("office-kassala"))
        // Signed by a key that is not the one enrolled for that node.
        let impostor = try SyncBundle.seal(
            push, organisation: "iom-sudan", key: key, signer: Curve25519.Signing.PrivateKey())
        #expect(refusal(impostor) == .badSignature)
        // Right signature, wrong organisation key: signed, but not readable here.
        let otherKey = try SyncBundle.seal(
            push, organisation: "iom-sudan", key: SymmetricKey(size: .bits256), signer: signer)
        #expect(refusal(otherKey) == .unreadable)
    }

    @Test func aBundleAppliedTwiceChangesNothing() throws {
        var centre = SyncCentre()
        centre.enrol("office-kassala", centres: ["SD11"])
        let opened = try SyncBundle.open(try sealed(), organisation: "iom-sudan", key: key, nodes: nodes)
        let first = centre.receive(opened)
        let after = centre
        #expect(centre.receive(opened) == first)
        #expect(centre == after)
    }
}
