import Crypto
import Foundation
import Testing

@testable import SanadStore

/// Issue 15: the encrypted file format — whole files come back, cut or altered ones do not open.
@Suite struct BlobStoreTests {
    static func roundTrip(_ size: Int, _ store: BlobStore) async throws -> (address: String, back: [UInt8]) {
        let content = (0..<size).map { UInt8(($0 * 13 + size) % 256) }
        let writer = try store.writer(addressKey: SymmetricKey(size: .bits256))
        var i = 0
        while i < content.count {
            try writer.write(Array(content[i..<min(content.count, i + 10_000)]))
            i += 10_000
        }
        let (address, key) = try writer.finish()
        try store.keep(writer, at: address, replace: true)
        var back: [UInt8] = []
        try await store.read(address, key: key) { back += $0 }
        #expect(back == content, "size \(size)")
        return (address, back)
    }

    @Test func filesOfEverySizeAtTheChunkEdgesComeBackWhole() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BlobStore(root: root)
        for size in [
            1, 100, BlobStore.chunkSize - 1, BlobStore.chunkSize, BlobStore.chunkSize + 1, 3 * BlobStore.chunkSize,
        ] {
            _ = try await Self.roundTrip(size, store)
        }
        // Nothing is left in the scratch folder.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: store.scratch.path))?.isEmpty ?? true)
    }

    @Test func aCutOrAlteredFileDoesNotOpen() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BlobStore(root: root)
        let content = (0..<(2 * BlobStore.chunkSize + 10)).map { UInt8($0 % 251) }
        let writer = try store.writer(addressKey: SymmetricKey(size: .bits256))
        try writer.write(content)
        let (address, key) = try writer.finish()
        try store.keep(writer, at: address, replace: true)
        let path = store.path(address)
        let sealed = try Data(contentsOf: path)
        #expect(sealed.range(of: Data(content.prefix(64))) == nil)

        // The last chunk dropped: what is left ends on a chunk that says it is not the last.
        try sealed.prefix(2 * (BlobStore.chunkSize + 16)).write(to: path)
        await #expect(throws: (any Error).self) { try await store.read(address, key: key) { _ in } }
        // One byte changed in the middle.
        var altered = sealed
        altered[BlobStore.chunkSize + 100] ^= 0x01
        try altered.write(to: path)
        await #expect(throws: (any Error).self) { try await store.read(address, key: key) { _ in } }
        // Another key.
        try sealed.write(to: path)
        await #expect(throws: (any Error).self) {
            try await store.read(address, key: SymmetricKey(size: .bits256)) { _ in }
        }
    }

    @Test func theAddressNamesTheContentUnderTheInstallationsKey() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BlobStore(root: root)
        let key = SymmetricKey(size: .bits256)
        func address(_ bytes: [UInt8], _ key: SymmetricKey) throws -> String {
            let writer = try store.writer(addressKey: key)
            try writer.write(bytes)
            let (address, _) = try writer.finish()
            writer.discard()
            return address
        }
        let same = try address(Array("scan".utf8), key)
        #expect(try address(Array("scan".utf8), key) == same)
        #expect(try address(Array("scan!".utf8), key) != same)
        // Without the key, the plain hash of a known file does not find it.
        #expect(try address(Array("scan".utf8), SymmetricKey(size: .bits256)) != same)
        #expect(same != SHA256.hash(data: Data("scan".utf8)).map { String(format: "%02x", $0) }.joined())
    }
}
