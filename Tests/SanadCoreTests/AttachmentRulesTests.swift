import Foundation
import Testing

@testable import SanadCore

/// Issue 15: files are recognised by content, names are made safe, and photos lose their metadata as they stream.
@Suite struct AttachmentRulesTests {
    @Test func typesAreRecognisedFromContentNotNames() {
        #expect(AttachmentType.sniff(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(AttachmentType.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(AttachmentType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(AttachmentType.sniff(Array("Statement of Amal, taken 3 May.\nمرحبا".utf8)) == .text)
        #expect(AttachmentType.sniff([0xEF, 0xBB, 0xBF] + Array("with a BOM".utf8)) == .text)
        // A UTF-8 letter cut at the end of what was seen is still text.
        #expect(AttachmentType.sniff(Array("نص".utf8).dropLast()) == .text)
        #expect(AttachmentType.sniff(Array("<html><script>".utf8)) == nil)
        #expect(AttachmentType.sniff(Array("  <svg onload=x>".utf8)) == nil)
        #expect(AttachmentType.sniff([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]) == nil)  // a zip
        #expect(AttachmentType.sniff([0x4D, 0x5A, 0x90, 0x00]) == nil)  // an executable
        #expect(AttachmentType.sniff([0xC3, 0x28, 0x41, 0x42, 0x43]) == nil)  // not UTF-8
        #expect(AttachmentType.sniff([]) == nil)
    }

    @Test func namesLoseTheirPathsAndControlCharacters() {
        #expect(AttachmentName.clean("../../etc/passwd") == "passwd")
        #expect(AttachmentName.clean("C:\\Users\\amal\\scan.pdf") == "scan.pdf")
        #expect(AttachmentName.clean("scan\u{0}\u{7}.pdf") == "scan.pdf")
        #expect(AttachmentName.clean("evil\u{202E}fdp.exe") == "evilfdp.exe")
        #expect(AttachmentName.clean("...hidden") == "hidden")
        #expect(AttachmentName.clean("جواز سفر.jpg") == "جواز سفر.jpg")
        #expect(AttachmentName.clean("/") == nil)
        #expect(AttachmentName.clean(String(repeating: "a", count: 300))?.count == 120)
        #expect(AttachmentName.claimedType("Scan.JPEG") == .jpeg && AttachmentName.claimedType("notes") == nil)
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = data.count
        return [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + Array(type.utf8)
            + data + [1, 2, 3, 4]
    }

    /// Fed in pieces of every size from 1 byte, the output is the same: a header split across two pieces is read.
    static func strip(_ type: AttachmentType, _ bytes: [UInt8], piece: Int) throws -> [UInt8] {
        var stripper = MetadataStripper(type)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            out += try stripper.feed(Array(bytes[i..<min(bytes.count, i + piece)]))
            i += piece
        }
        try stripper.finish()
        return out
    }

    @Test func jpegKeepsItsPictureAndLosesWhereItWasTaken() throws {
        let jfif = Self.segment(0xE0, Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0])
        let exif = Self.segment(0xE1, Array("Exif\0\0GPS 15.5 N 32.5 E".utf8))
        let xmp = Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/ lat=15.5".utf8))
        let iptc = Self.segment(0xED, Array("Photoshop 3.0 city=Kassala".utf8))
        let comment = Self.segment(0xFE, Array("safe house".utf8))
        let icc = Self.segment(0xE2, Array("ICC_PROFILE".utf8))
        let table = Self.segment(0xDB, [0] + Array(repeating: 1, count: 64))
        let scan = Self.segment(0xDA, [1, 1, 0, 0, 0x3F, 0]) + (0..<5000).map { UInt8($0 % 200) } + [0xFF, 0xD9]
        let photo = [0xFF, 0xD8] + jfif + exif + xmp + iptc + comment + icc + table + scan
        let expected = [0xFF, 0xD8] + jfif + icc + table + scan
        for piece in [1, 2, 3, 7, 64, 4096, photo.count] {
            #expect(try Self.strip(.jpeg, photo, piece: piece) == expected, "in pieces of \(piece)")
        }
        // Cut before the picture data, or not a JPEG after all: damaged.
        #expect(throws: MetadataStripper.StripError.self) { try Self.strip(.jpeg, Array(photo.prefix(40)), piece: 8) }
        #expect(throws: MetadataStripper.StripError.self) { try Self.strip(.jpeg, [0xFF, 0xD8, 0x00, 0x01], piece: 2) }
    }

    @Test func pngLosesItsTextChunks() throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header = Self.chunk("IHDR", Array(repeating: 1, count: 13))
        let text = Self.chunk("tEXt", Array("Comment\0taken at the safe house".utf8))
        let exif = Self.chunk("eXIf", Array("GPS".utf8))
        let itxt = Self.chunk("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0lat".utf8))
        let time = Self.chunk("tIME", [7, 234, 12, 7, 10, 0, 0])
        let data = Self.chunk("IDAT", (0..<3000).map { UInt8($0 % 256) })
        let end = Self.chunk("IEND", [])
        let image = signature + header + text + exif + itxt + time + data + end + Array("trailing".utf8)
        let expected = signature + header + data + end
        for piece in [1, 5, 8, 13, 1000, image.count] {
            #expect(try Self.strip(.png, image, piece: piece) == expected, "in pieces of \(piece)")
        }
        #expect(throws: MetadataStripper.StripError.self) { try Self.strip(.png, Array(image.prefix(30)), piece: 4) }
    }

    @Test func otherTypesPassUnchanged() throws {
        let pdf = Array("%PDF-1.4\n/Author (Amal)\n%%EOF".utf8)
        #expect(try Self.strip(.pdf, pdf, piece: 3) == pdf)
    }
}
