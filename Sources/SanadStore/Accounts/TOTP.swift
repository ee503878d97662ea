import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, on RFC 4226's HOTP) as every authenticator app computes them:
/// HMAC-SHA-1 by default, 6 digits, 30-second steps.
public struct TOTP: Sendable, Equatable {
    public enum Algorithm: String, Sendable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    public let secret: Data
    public var digits = 6
    public var period: Double = 30
    public var algorithm = Algorithm.sha1

    public init(secret: Data, digits: Int = 6, period: Double = 30, algorithm: Algorithm = .sha1) {
        self.secret = secret
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// A new random secret of 20 bytes (RFC 4226's recommended 160 bits).
    public static func newSecret() -> Data {
        Data(SymmetricKey(size: .init(bitCount: 160)).withUnsafeBytes { Array($0) })
    }

    public func counter(at date: Date) -> UInt64 { UInt64(floor(date.timeIntervalSince1970 / period)) }

    /// RFC 4226 section 5.3: dynamic truncation of the HMAC of the counter.
    public func code(counter: UInt64) -> String {
        var big = counter.bigEndian
        let message = Data(bytes: &big, count: 8)
        let key = SymmetricKey(data: secret)
        let mac: [UInt8] =
            switch algorithm {
            case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
            case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
            case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
            }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    public func code(at date: Date) -> String { code(counter: counter(at: date)) }

    /// The counter the code belongs to, within one step either side (clocks drift), or nil. The caller refuses a
    /// counter at or before the last one used, so a code works once.
    public func match(_ code: String, at date: Date, window: Int = 1) -> UInt64? {
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else { return nil }
        let now = counter(at: date)
        for delta in -window...window {
            let candidate = Int64(now) + Int64(delta)
            guard candidate >= 0 else { continue }
            // Compared in full whatever the position of a difference.
            let expected = Array(self.code(counter: UInt64(candidate)).utf8)
            if zip(expected, Array(typed.utf8)).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 { return UInt64(candidate) }
        }
        return nil
    }

    /// The address an authenticator app reads from a QR code (Google Authenticator's key URI format).
    public func uri(account: String, issuer: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@"))
        func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: plain) ?? text }
        let label = escaped(issuer) + ":" + escaped(account)
        let issuerParam = escaped(issuer)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParam)"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(Int(period))"
    }
}

/// RFC 4648 base 32, as authenticator apps take secrets typed by hand.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ data: Data) -> String {
        var out: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Accepts lowercase, spaces and missing padding; nil for anything else.
    public static func decode(_ text: String) -> Data? {
        var out = Data()
        var buffer = 0
        var bits = 0
        for char in text.uppercased().utf8 where char != UInt8(ascii: " ") && char != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out
    }
}
