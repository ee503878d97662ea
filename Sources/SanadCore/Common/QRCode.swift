/// A QR code (ISO/IEC 18004) for the short text an authenticator app reads: byte mode, error correction level M,
/// versions 1 to 10 (up to 213 bytes). No QR library is available to this build, so this follows the standard's
/// construction step by step (the layout of Project Nayuki's reference implementation): data and error-correction
/// codewords, function patterns, zigzag placement, the mask with the lowest penalty, format and version bits.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    public var size: Int { version * 4 + 17 }
    /// `modules[row][column]`, true for dark.
    public let modules: [[Bool]]

    /// Error-correction codewords per block and the blocks (count, data codewords) of level M, versions 1–10.
    static let levelM: [(ec: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]), (16, [(4, 27)]),
        (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
    ]
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    /// The smallest version that holds `text`, or nil when it is too long.
    public static func encode(_ text: String) -> QRCode? {
        let bytes = Array(text.utf8)
        for version in 1...10 {
            let capacity = levelM[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
            let countBits = version < 10 ? 8 : 16
            if 4 + countBits + 8 * bytes.count <= capacity * 8 {
                return QRCode(version: version, bytes: bytes, capacity: capacity, countBits: countBits)
            }
        }
        return nil
    }

    private init(version: Int, bytes: [UInt8], capacity: Int, countBits: Int) {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, countBits)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity * 8 {
            append(pad, 8)
            pad ^= 0xEC ^ 0x11
        }
        var data: [UInt8] = []
        for start in stride(from: 0, to: bits.count, by: 8) {
            data.append(bits[start..<start + 8].reduce(0) { ($0 << 1) | ($1 ? 1 : 0) })
        }
        let codewords = Self.interleave(data, version: version)
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.place(codewords)
        var best: (penalty: Int, mask: Int, grid: Grid)?
        for mask in 0..<8 {
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormat(mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (penalty, mask, candidate) }
        }
        self.version = version
        self.mask = best!.mask
        self.modules = best!.grid.dark
    }

    /// Splits the data into blocks, adds each block's Reed–Solomon codewords, and interleaves them.
    static func interleave(_ data: [UInt8], version: Int) -> [UInt8] {
        let layout = levelM[version - 1]
        var blocks: [[UInt8]] = []
        var offset = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                blocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let divisor = ReedSolomon.divisor(degree: layout.ec)
        let ecc = blocks.map { ReedSolomon.remainder($0, divisor) }
        var out: [UInt8] = []
        for i in 0..<(blocks.map(\.count).max() ?? 0) {
            for block in blocks where i < block.count { out.append(block[i]) }
        }
        for i in 0..<layout.ec {
            for block in ecc { out.append(block[i]) }
        }
        return out
    }
}

/// Reed–Solomon over GF(2⁸) with the QR code's polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}

/// The module grid while it is being built: which modules are dark, and which belong to function patterns.
struct Grid {
    let version: Int
    let size: Int
    var dark: [[Bool]]
    var function: [[Bool]]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        function = dark
    }

    mutating func set(x: Int, y: Int, _ isDark: Bool) {
        dark[y][x] = isDark
        function[y][x] = true
    }

    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(x: 6, y: i, i % 2 == 0)
            set(x: i, y: 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(x: cx + dx, y: cy + dy, distance != 2 && distance != 4)
                }
            }
        }
        let centres = QRCode.alignment[version - 1]
        for (i, cx) in centres.enumerated() {
            for (j, cy) in centres.enumerated() {
                let last = centres.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(x: cx + dx, y: cy + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormat(mask: 0)  // reserves the format areas; drawn again with the chosen mask
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let bit = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(x: a, y: b, bit)
                set(x: b, y: a, bit)
            }
        }
    }

    /// Level M (`00`) and the mask, BCH-protected and XORed with 0x5412, in both copies; plus the dark module.
    mutating func drawFormat(mask: Int) {
        let data = mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(x: 8, y: i, bit(i)) }
        set(x: 8, y: 7, bit(6))
        set(x: 8, y: 8, bit(7))
        set(x: 7, y: 8, bit(8))
        for i in 9..<15 { set(x: 14 - i, y: 8, bit(i)) }
        for i in 0..<8 { set(x: size - 1 - i, y: 8, bit(i)) }
        for i in 8..<15 { set(x: 8, y: size - 15 + i, bit(i)) }
        set(x: 8, y: size - 8, true)
    }

    /// The zigzag: two columns at a time from the bottom right, up then down, skipping the vertical timing column.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !function[y][x] && index < codewords.count * 8 {
                        dark[y][x] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !function[y][x] {
                let flip: Bool
                switch mask {
                case 0: flip = (x + y) % 2 == 0
                case 1: flip = y % 2 == 0
                case 2: flip = x % 3 == 0
                case 3: flip = (x + y) % 3 == 0
                case 4: flip = (x / 3 + y / 2) % 2 == 0
                case 5: flip = x * y % 2 + x * y % 3 == 0
                case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { dark[y][x].toggle() }
            }
        }
    }

    /// The standard's four penalties: runs of one colour, 2×2 blocks, finder-like patterns, and imbalance.
    func penalty() -> Int {
        var total = 0
        let lines = dark + (0..<size).map { x in (0..<size).map { dark[$0][x] } }
        let finderLike: [Bool] = [true, false, true, true, true, false, true, false, false, false, false]
        for line in lines {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { total += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { total += run - 2 }
            for start in 0...(size - finderLike.count) {
                let window = Array(line[start..<start + finderLike.count])
                if window == finderLike || window == finderLike.reversed() { total += 40 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = dark[y][x]
                if c == dark[y][x + 1] && c == dark[y + 1][x] && c == dark[y + 1][x + 1] { total += 3 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
        let cells = size * size
        let k = (abs(darkCount * 20 - cells * 10) + cells - 1) / cells - 1
        total += max(0, k) * 10
        return total
    }
}
