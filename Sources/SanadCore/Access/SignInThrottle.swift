/// How repeated failed sign-ins (and wrong current passwords) slow down and lock out — without handing anyone a
/// switch to lock an account (issue 19, findings 5–7). Three counters, over a sliding window:
/// - one account from one address: the delay grows with each failure, and at `lockAfter` that address is locked
///   out of that account, but the same account from an address that has not been failing still signs in;
/// - one address across every account: many usernames from one place slow down, growing too;
/// - one account across every address: never locks, but at `alertAfter` administrators are alerted.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures older than this are forgotten.
    public var windowSeconds: Double = 15 * 60
    /// From this many failures of one account from one address on, each attempt waits, doubling each time.
    public var slowAfter = 3
    public var baseDelaySeconds: Double = 1
    public var maxDelaySeconds: Double = 30
    /// At this many failures of one account from one address, that pair is locked for `lockSeconds`.
    public var lockAfter = 8
    public var lockSeconds: Double = 15 * 60
    /// An address failing across usernames slows from here on (a whole centre may share one address).
    public var addressSlowAfter = 10
    /// Failures of one account, from anywhere, that alert the administrators once per window.
    public var alertAfter = 20
    /// Sign-in attempts one address may have in progress at once; more are refused at once.
    public var concurrentPerAddress = 2

    public init() {}

    /// The failure count after one more failure, given the count so far and how long ago the last one was.
    public func failuresAfterFailure(previous: Int, secondsSinceLast: Double) -> Int {
        secondsSinceLast > windowSeconds ? 1 : previous + 1
    }

    /// Seconds to lock one account from one address for, after this many failures there, or nil.
    public func lockDuration(failures: Int) -> Double? {
        failures >= lockAfter ? lockSeconds : nil
    }

    /// How long after the last failure the next attempt must wait: doubling per failure past each threshold,
    /// capped. Attempts that come sooner are refused at once (429 with `Retry-After`) rather than held open, so
    /// an attacker cannot tie up the server's connections by sending them.
    public func delay(pairFailures: Int, addressFailures: Int) -> Double {
        max(growing(pairFailures - slowAfter), growing(addressFailures - addressSlowAfter))
    }

    /// When the next attempt may be made, given each counter's failures and the time of its last one.
    public func nextAttempt(pair: (failures: Int, last: Double)?, address: (failures: Int, last: Double)?) -> Double {
        let pairReady = pair.map { $0.last + growing($0.failures - slowAfter) } ?? 0
        let addressReady = address.map { $0.last + growing($0.failures - addressSlowAfter) } ?? 0
        return max(pairReady, addressReady)
    }

    /// Whether this failure is the one that alerts administrators about the account.
    public func alerts(accountFailures: Int) -> Bool { accountFailures == alertAfter }

    private func growing(_ steps: Int) -> Double {
        guard steps >= 0 else { return 0 }
        return min(baseDelaySeconds * Double(1 << min(steps, 16)), maxDelaySeconds)
    }
}

/// Counts sign-in attempts in progress per address, so forty parallel guesses cannot all run at once.
public struct AttemptGate: Sendable {
    public let limit: Int
    private var inFlight: [String: Int] = [:]

    public init(limit: Int) { self.limit = limit }

    /// Takes a place for the address, or returns false when it already has `limit` attempts running.
    public mutating func enter(_ address: String) -> Bool {
        let now = inFlight[address, default: 0]
        guard now < limit else { return false }
        inFlight[address] = now + 1
        return true
    }

    public mutating func leave(_ address: String) {
        let now = inFlight[address, default: 0]
        inFlight[address] = now > 1 ? now - 1 : nil
    }

    public func running(_ address: String) -> Int { inFlight[address, default: 0] }
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

/// At most `limit` events per key in any `windowSeconds`: how often one account may run the duplicate check,
/// which compares against people it may not see (issue 19, finding 2).
public struct RateWindow: Sendable {
    public let limit: Int
    public let windowSeconds: Double
    private var events: [String: [Double]] = [:]

    public init(limit: Int, windowSeconds: Double) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Counts one event at `now` (seconds) and says whether it is within the limit; refused events do not count.
    public mutating func allow(_ key: String, now: Double) -> Bool {
        var recent = events[key, default: []].filter { now - $0 < windowSeconds }
        guard recent.count < limit else {
            events[key] = recent
            return false
        }
        recent.append(now)
        events[key] = recent
        return true
    }
}
