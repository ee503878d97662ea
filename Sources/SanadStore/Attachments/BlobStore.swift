import Crypto
import Foundation
import SanadCore

/// Where attachments are kept and how large one may be (`SANAD_ATTACHMENT_LIMIT_MB`, default 20).
public struct AttachmentSettings: Sendable {
    public var root: URL
    public var limit: Int

    public init(root: URL, limit: Int = 20 * 1024 * 1024) {
        self.root = root
        self.limit = limit
    }
}

/// Encrypted files in the data folder, one per distinct content, named by a keyed hash of the content (issue 15).
///
/// A file is cut into 64 KiB chunks, each sealed with AES-GCM under a key made for that file alone; the nonce is
/// the chunk's number (safe: the key is never used for another file) and the associated data says whether the
/// chunk is the last, so chunks cannot be reordered, dropped or the file cut short without the reader noticing.
/// Only one chunk is in memory at a time, writing or reading. The sync can send blobs by address and resume at any
/// chunk boundary (`docs/decisions` has the design).
public struct BlobStore: Sendable {
    public static let chunkSize = 64 * 1024
    static let tagSize = 16
    public let root: URL

    public init(root: URL) { self.root = root }

    func path(_ address: String) -> URL {
        root.appendingPathComponent(String(address.prefix(2))).appendingPathComponent(address)
    }

    var scratch: URL { root.appendingPathComponent("incoming") }

    public func exists(_ address: String) -> Bool { FileManager.default.fileExists(atPath: path(address).path) }

    /// A file being received: content in, chunks sealed to a scratch file as it comes.
    public final class Writer: @unchecked Sendable {
        let temp: URL
        let handle: FileHandle
        let key = SymmetricKey(size: .bits256)
        var mac: HMAC<SHA256>
        var buffer: [UInt8] = []
        var index: UInt64 = 0
        public private(set) var size = 0
        var closed = false

        init(scratch: URL, addressKey: SymmetricKey) throws {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            temp = scratch.appendingPathComponent(UUID().uuidString)
            guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            handle = try FileHandle(forWritingTo: temp)
            mac = HMAC<SHA256>(key: addressKey)
            mac.update(data: Data("sanad/v1/blob\0".utf8))
        }

        public func write(_ bytes: [UInt8]) throws {
            size += bytes.count
            mac.update(data: bytes)
            buffer += bytes
            while buffer.count > BlobStore.chunkSize {
                try seal(Array(buffer.prefix(BlobStore.chunkSize)), last: false)
                buffer.removeFirst(BlobStore.chunkSize)
            }
        }

        func seal(_ chunk: [UInt8], last: Bool) throws {
            let box = try AES.GCM.seal(
                chunk, using: key, nonce: BlobStore.nonce(index), authenticating: BlobStore.aad(index, last: last))
            try handle.write(contentsOf: box.ciphertext + box.tag)
            index += 1
        }

        /// Seals what is left; the content's address and the file's key.
        func finish() throws -> (address: String, key: SymmetricKey) {
            try seal(buffer, last: true)
            buffer = []
            try handle.close()
            closed = true
            return (Digests.hex(Data(mac.finalize())), key)
        }

        /// Forgets a file that will not be kept: nothing of it stays on disk.
        public func discard() {
            if !closed { try? handle.close() }
            closed = true
            try? FileManager.default.removeItem(at: temp)
        }
    }

    func writer(addressKey: SymmetricKey) throws -> Writer { try Writer(scratch: scratch, addressKey: addressKey) }

    /// Moves a finished file to its address. `replace` is for a file whose key is the one just recorded (a new
    /// blob, or one whose file had gone); otherwise the copy already there is kept and this one dropped.
    func keep(_ writer: Writer, at address: String, replace: Bool) throws {
        let target = path(address)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) {
            guard replace else { return writer.discard() }
            try FileManager.default.removeItem(at: target)
        }
        try FileManager.default.moveItem(at: writer.temp, to: target)
    }

    func remove(_ address: String) { try? FileManager.default.removeItem(at: path(address)) }

    /// Reads a blob chunk by chunk, handing each opened chunk to `body`; throws when any chunk does not open or
    /// the file was cut short.
    public func read(_ address: String, key: SymmetricKey, _ body: ([UInt8]) async throws -> Void) async throws {
        let handle = try FileHandle(forReadingFrom: path(address))
        defer { try? handle.close() }
        let total = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        let sealedChunk = UInt64(Self.chunkSize + Self.tagSize)
        let count = max(1, (total + sealedChunk - 1) / sealedChunk)
        for index in 0..<count {
            guard let data = try handle.read(upToCount: Int(sealedChunk)), data.count >= Self.tagSize else {
                throw CipherError.cannotOpen("blob")
            }
            let box = try AES.GCM.SealedBox(
                nonce: Self.nonce(index), ciphertext: data.dropLast(Self.tagSize), tag: data.suffix(Self.tagSize))
            let plain = try AES.GCM.open(box, using: key, authenticating: Self.aad(index, last: index == count - 1))
            try await body(Array(plain))
        }
    }

    static func nonce(_ index: UInt64) -> AES.GCM.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for i in 0..<8 { bytes[4 + i] = UInt8((index >> (8 * (7 - UInt64(i)))) & 0xFF) }
        return try! AES.GCM.Nonce(data: bytes)
    }

    static func aad(_ index: UInt64, last: Bool) -> Data { Data("sanad/v1/blob-chunk/\(index)/\(last ? 1 : 0)".utf8) }
}
