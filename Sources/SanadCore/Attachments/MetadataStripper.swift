/// Removes what a photo says about where and when it was taken — EXIF (with GPS), XMP, IPTC, comments, PNG text
/// chunks — while it streams through, chunk by chunk, so a large photo is never held whole (issue 15: GPS in a
/// photo of a survivor is a risk). The picture data itself is copied unchanged: nothing is decoded or re-encoded.
///
/// JPEG: segments before the first scan are read by their length; APP1 (EXIF, XMP), APP3–APP13 (IPTC and
/// vendors'), APP15 and COM are dropped; APP0 (JFIF), APP2 (colour profile) and APP14 (Adobe colour transform)
/// are kept because decoders need them. From the first scan on, the bytes are copied as they are.
/// PNG: chunks are read by their length; tEXt, zTXt, iTXt, eXIf and tIME are dropped; bytes after IEND are dropped.
public struct MetadataStripper: Sendable {
    public enum StripError: Error, Sendable { case damaged }

    private enum State: Sendable {
        case header(need: Int)
        case jpegMarker
        case jpegLength(marker: UInt8)
        case copy(remaining: Int, keep: Bool, then: Next)
        case rest(keep: Bool)
        case pngChunk
    }

    private enum Next: Sendable { case jpegMarker, jpegScan, pngChunk, end }

    private let type: AttachmentType
    private var state: State
    private var pending: [UInt8] = []
    /// Bytes removed so far, for the record (`AttachmentService` logs the count, never the content).
    public private(set) var removed = 0

    public init(_ type: AttachmentType) {
        self.type = type
        state = .header(need: type == .png ? 8 : 2)
    }

    public mutating func feed(_ input: [UInt8]) throws -> [UInt8] {
        guard type.isImage else { return input }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        func take(_ n: Int) -> [UInt8]? {
            while pending.count < n, i < input.count {
                pending.append(input[i])
                i += 1
            }
            guard pending.count == n else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        while i < input.count || pending.count > 0 {
            switch state {
            case .header(let need):
                guard let bytes = take(need) else { return out }
                let expected: [UInt8] =
                    type == .png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : [0xFF, 0xD8]
                guard bytes == expected else { throw StripError.damaged }
                out += bytes
                state = type == .png ? .pngChunk : .jpegMarker
            case .jpegMarker:
                guard let bytes = take(2) else { return out }
                guard bytes[0] == 0xFF else { throw StripError.damaged }
                let marker = bytes[1]
                if marker == 0xFF {
                    // Fill byte: the marker is the next byte.
                    pending = [0xFF]
                    continue
                }
                if marker == 0xD9 {
                    out += bytes
                    state = .rest(keep: false)
                } else if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                    out += bytes
                } else {
                    state = .jpegLength(marker: marker)
                }
            case .jpegLength(let marker):
                guard let bytes = take(2) else { return out }
                let length = Int(bytes[0]) << 8 | Int(bytes[1])
                guard length >= 2 else { throw StripError.damaged }
                let keep = !Self.droppedJPEG.contains(marker)
                if keep { out += [0xFF, marker] + bytes } else { removed += 4 }
                state = .copy(remaining: length - 2, keep: keep, then: marker == 0xDA ? .jpegScan : .jpegMarker)
            case .copy(let remaining, let keep, let then):
                if remaining == 0 {
                    switch then {
                    case .jpegMarker: state = .jpegMarker
                    case .jpegScan: state = .rest(keep: true)
                    case .pngChunk: state = .pngChunk
                    case .end: state = .rest(keep: false)
                    }
                    continue
                }
                guard i < input.count else { return out }
                let n = min(remaining, input.count - i)
                if keep { out += input[i..<(i + n)] } else { removed += n }
                i += n
                state = .copy(remaining: remaining - n, keep: keep, then: then)
            case .rest(let keep):
                if keep { out += input[i...] } else { removed += input.count - i }
                i = input.count
            case .pngChunk:
                guard let bytes = take(8) else { return out }
                let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
                guard length <= 0x7FFF_FFFF else { throw StripError.damaged }
                let name = String(decoding: bytes[4..<8], as: UTF8.self)
                let keep = !Self.droppedPNG.contains(name)
                if keep { out += bytes } else { removed += 8 }
                state = .copy(remaining: length + 4, keep: keep, then: name == "IEND" ? .end : .pngChunk)
            }
        }
        return out
    }

    /// Whether the stream ended where a file may end.
    public func finish() throws {
        guard type.isImage else { return }
        switch state {
        case .rest: return
        case .copy(0, _, .jpegScan), .copy(0, _, .end): return
        default: throw StripError.damaged
        }
    }

    static let droppedJPEG: Set<UInt8> = Set([0xE1, 0xFE, 0xEF]).union(0xE3...0xED)
    static let droppedPNG: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]
}
