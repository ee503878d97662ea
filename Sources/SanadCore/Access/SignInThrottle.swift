/// How repeated failed sign-ins slow down and then lock an account or a client address.
/// Counted per subject over a sliding window; a success clears the account's counter.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures older than this are forgotten.
    public var windowSeconds: Double = 15 * 60
    /// From this many failures on, each further attempt is answered only after `slowDelaySeconds`.
    public var slowAfter = 3
    public var slowDelaySeconds: Double = 1
    /// At this many failures the subject is locked for `lockSeconds`.
    public var lockAfter = 8
    public var lockSeconds: Double = 15 * 60

    public init() {}

    /// The failure count after one more failure, given the count so far and how long ago the last one was.
    public func failuresAfterFailure(previous: Int, secondsSinceLast: Double) -> Int {
        secondsSinceLast > windowSeconds ? 1 : previous + 1
    }

    /// Seconds to lock for after this many failures, or nil when not locked.
    public func lockDuration(failures: Int) -> Double? {
        failures >= lockAfter ? lockSeconds : nil
    }

    public func delay(failures: Int) -> Double {
        failures >= slowAfter ? slowDelaySeconds : 0
    }
}

/// Rules for accounts that are domain rules, not storage details.
public enum AccountRules {
    public static let minPasswordLength = 12
    public static let maxPasswordLength = 128

    /// Lowercase letters, digits, dot, dash and underscore; 3 to 32 characters.
    public static func isValidUsername(_ name: String) -> Bool {
        (3...32).contains(name.count)
            && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || ".-_".contains($0) }
    }

    public static func isAcceptablePassword(_ password: String) -> Bool {
        (minPasswordLength...maxPasswordLength).contains(password.count)
    }
}
