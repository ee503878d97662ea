import Foundation
import SanadZlib

/// zlib (RFC 1950) compression of message bodies before they are sealed: operations are JSON with many repeated
/// names, so a 64 kbit/s link carries several times more of them (issue 11, item 6).
enum SyncDeflate {
    enum Failure: Error { case corrupt, tooLarge }

    static func compress(_ data: Data) -> Data {
        var length = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBytes { input in
            compress2(&out, &length, input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), 6)
        }
        precondition(status == Z_OK, "zlib refused a buffer of its own bound")
        return Data(out.prefix(Int(length)))
    }

    /// The original bytes; `limit` bounds what a forged or corrupt body can make us allocate.
    static func decompress(_ data: Data, limit: Int = 256 << 20) throws -> Data {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.corrupt
        }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = input.count
        return try input.withUnsafeMutableBufferPointer { inputBuffer -> Data in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk.prefix(chunk.count - Int(stream.avail_out)))
                guard out.count <= limit else { throw Failure.tooLarge }
                if status == Z_STREAM_END { return out }
                guard status == Z_OK else { throw Failure.corrupt }
            }
        }
    }
}
