import Foundation
import Testing

@testable import SanadStore

/// RFC 6238 appendix B's test vectors, RFC 4648's base 32 vectors, and the one-use window.
@Suite struct TOTPTests {
    static let seed1 = Data("12345678901234567890".utf8)
    static let seed256 = Data("12345678901234567890123456789012".utf8)
    static let seed512 = Data("1234567890123456789012345678901234567890123456789012345678901234".utf8)

    @Test(arguments: [
        (59.0, "94287082", "46119246", "90693936"),
        (1_111_111_109.0, "07081804", "68084774", "25091201"),
        (1_111_111_111.0, "14050471", "67062674", "99943326"),
        (1_234_567_890.0, "89005924", "91819424", "93441116"),
        (2_000_000_000.0, "69279037", "90698825", "38618901"),
        (20_000_000_000.0, "65353130", "77737706", "47863826"),
    ])
    func rfc6238Vectors(time: Double, sha1: String, sha256: String, sha512: String) {
        let at = Date(timeIntervalSince1970: time)
        #expect(TOTP(secret: Self.seed1, digits: 8, algorithm: .sha1).code(at: at) == sha1)
        #expect(TOTP(secret: Self.seed256, digits: 8, algorithm: .sha256).code(at: at) == sha256)
        #expect(TOTP(secret: Self.seed512, digits: 8, algorithm: .sha512).code(at: at) == sha512)
    }

    @Test func sixDigitCodesMatchWithinOneStepOnly() {
        let totp = TOTP(secret: Self.seed1)
        let at = Date(timeIntervalSince1970: 1_111_111_111)
        let code = totp.code(at: at)
        #expect(code.count == 6 && code == "050471", "the last six digits of the 8-digit vector")
        #expect(totp.match(code, at: at) == totp.counter(at: at))
        #expect(totp.match(code, at: at.addingTimeInterval(30)) != nil, "a step of clock drift is accepted")
        #expect(totp.match(code, at: at.addingTimeInterval(95)) == nil, "three steps later it has expired")
        #expect(totp.match("12345", at: at) == nil && totp.match("abcdef", at: at) == nil)
        #expect(totp.match(" 050 471 ", at: at) != nil, "spaces typed between groups are ignored")
    }

    @Test(arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI"),
    ])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Data(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded.lowercased() + "==") == Data(plain.utf8))
    }

    @Test func theURIIsWhatAuthenticatorAppsRead() {
        let uri = TOTP(secret: Self.seed1).uri(account: "amna", issuer: "Sanad")
        #expect(
            uri == "otpauth://totp/Sanad:amna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sanad"
                + "&algorithm=SHA1&digits=6&period=30")
        #expect(Base32.decode("not base32!") == nil)
    }
}
