import Testing

@testable import SanadCore

/// The QR code an authenticator app scans. Every matrix below was decoded back to its text by an independent
/// reader (zxing-cpp) when this encoder was written; the tests pin that output and the standard's structure.
@Suite struct QRCodeTests {
    @Test func helloIsTheMatrixAReaderDecoded() throws {
        let qr = try #require(QRCode.encode("hello"))
        #expect(qr.version == 1 && qr.size == 21)
        let expected = [
            "111111100110001111111",
            "100000101100001000001",
            "101110100101101011101",
            "101110100011001011101",
            "101110101100101011101",
            "100000100000101000001",
            "111111101010101111111",
            "000000000011100000000",
            "101010100101000010010",
            "001011000010001000011",
            "010100101110100011111",
            "110010000000001000010",
            "011010110010101010000",
            "000000001111010100111",
            "111111100011011100111",
            "100000100011110110000",
            "101110101011011100011",
            "101110100100001100110",
            "101110101110100010101",
            "100000100100001010010",
            "111111101110101100011",
        ]
        #expect(qr.modules.map { $0.map { $0 ? "1" : "0" }.joined() } == expected)
    }

    /// The 15 format bits, read from both copies, carry level M and the mask chosen, and check out (BCH).
    @Test(arguments: [
        "hello", "otpauth://totp/Sanad:amna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sanad",
        String(repeating: "ab", count: 100),
    ])
    func formatAndVersionBitsFollowTheStandard(text: String) throws {
        let qr = try #require(QRCode.encode(text))
        let m = qr.modules
        let size = qr.size
        var first = 0
        var second = 0
        let firstCells = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        let secondCells = (0..<8).map { (size - 1 - $0, 8) } + (8..<15).map { (8, size - 15 + $0) }
        for (i, cell) in firstCells.enumerated() where m[cell.1][cell.0] { first |= 1 << i }
        for (i, cell) in secondCells.enumerated() where m[cell.1][cell.0] { second |= 1 << i }
        #expect(first == second)
        let data = (first ^ 0x5412) >> 10
        #expect(data >> 3 == 0, "level M")
        #expect(data & 7 == qr.mask)
        #expect(m[size - 8][8], "the dark module")
        for i in 8..<(size - 8) { #expect(m[6][i] == (i % 2 == 0) && m[i][6] == (i % 2 == 0), "timing") }
        if qr.version >= 7 {
            var bits = 0
            for i in 0..<18 where m[i / 3][size - 11 + i % 3] { bits |= 1 << i }
            #expect(bits >> 12 == qr.version)
        }
    }

    @Test func textLongerThanVersionTenIsRefused() {
        #expect(QRCode.encode(String(repeating: "x", count: 213))?.version == 10)
        #expect(QRCode.encode(String(repeating: "x", count: 214)) == nil)
    }
}
