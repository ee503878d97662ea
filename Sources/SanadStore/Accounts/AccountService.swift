import Fluent
import Foundation
import Metrics
import NIOPosix
import SanadCore
import Vapor

public enum AccountError: Error, Equatable, Sendable {
    case invalidUsername
    case weakPassword
    case usernameTaken
    case unknownCentre(String)
    case noCentre
    case wrongPassword
    /// Too many wrong passwords for this account from this address; try again later.
    case tooManyAttempts
    /// A partner focal point's account must name a partner in the directory.
    case unknownPartner
}

/// An account given access to personal data (or to approve its own cases), as every administrator sees it.
public struct PrivilegeChange: Sendable, Equatable {
    public enum Grant: String, Sendable {
        case personalData = "personal-data"
        case selfApproval = "self-approval"
    }

    public let at: Date
    /// The administrator who gave it; nil for the command line (`sanad users create`, `sanad demo`).
    public let by: String?
    public let account: String
    public let grant: Grant
    public let role: Role?
    public let centres: [String]
}

public enum SignInResult: Sendable {
    case success(account: AccountView, token: String)
    case invalid(delaySeconds: Double)
    case locked(until: Date)
    /// The password was right and the account has a second factor: a browser gets a five-minute token to send
    /// with the code (`completeSignIn`); an API client sends the code with the password.
    case secondFactor(pending: String)
}

/// Accounts, sign-in with throttling, database-backed sessions and API tokens.
public struct AccountService: Sendable {
    let db: any Database
    let context: StoreContext
    public var throttle = SignInThrottle()
    public static let bcryptCost = 10
    /// Browser sessions end after this long without a request.
    public static let idleTimeout: TimeInterval = 30 * 60
    public static let browserLifetime: TimeInterval = 12 * 3600
    public static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    public static func hashPassword(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: bcryptCost) }
    }

    static func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// `by` is nil for the command line and the first-start setup, which stand outside any session.
    public func createUser(
        username: String, password: String, role: Role, centres: [String], partner: UUID? = nil, by actor: Actor?
    ) async throws -> AccountView {
        if let actor, AccessPolicy.decide(actor, .manageUsers) != .allow { throw StoreError.forbidden }
        let username = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard AccountRules.isValidUsername(username) else { throw AccountError.invalidUsername }
        guard AccountRules.isAcceptablePassword(password) else { throw AccountError.weakPassword }
        let known = Set(try await Centre.query(on: db).all().map(\.code))
        if let unknown = centres.first(where: { !known.contains($0) }) { throw AccountError.unknownCentre(unknown) }
        if role == .partner {
            guard let partner, try await Partner.find(partner, on: db) != nil else { throw AccountError.unknownPartner }
        } else if role != .administrator && centres.isEmpty {
            throw AccountError.noCentre
        }
        if try await User.query(on: db).filter(\.$username == username).first() != nil {
            throw AccountError.usernameTaken
        }
        let user = User(
            username: username, passwordHash: try await Self.hashPassword(password), role: role,
            centres: role == .partner ? [] : Array(Set(centres)).sorted())
        if role == .partner { user.partnerID = partner }
        let now = context.clock()
        try await db.transaction { tx in
            try await user.create(on: tx)
            try await AuditTrail.append(
                action: "user.create", actorID: actor?.userID, recordType: "user", recordID: user.id?.uuidString,
                now: now, key: context.keys.audit, on: tx)
            // An administrator could make themselves a caseworker of every centre: every account that opens
            // personal data is a privilege change, named on the audit page and shown to every administrator
            // (issue 19, finding 10).
            if AccessPolicy.seesPersonalFields(role) {
                try await AuditTrail.append(
                    action: "user.privilege", actorID: actor?.userID, recordType: "user", recordID: user.id?.uuidString,
                    detail: "grants=personal-data role=\(role.rawValue) centres=\(user.centres.joined(separator: ","))",
                    now: now, key: context.keys.audit, on: tx)
            }
        }
        return AccountView(user)
    }

    /// Privilege changes since `since`, newest first, for every administrator to see: who gave what to whom.
    public func privilegeChanges(since: Date, by actor: Actor) async throws -> [PrivilegeChange] {
        let (entries, names) = try await recent("user.privilege", since: since, by: actor)
        return entries.map { entry in
            // The detail is written by `createUser` and `setSelfApproval` as `key=value` words.
            let words = Dictionary(
                (entry.detail ?? "").split(separator: " ").compactMap { word -> (String, String)? in
                    let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }, uniquingKeysWith: { first, _ in first })
            return PrivilegeChange(
                at: Self.date(entry.at),
                by: entry.actorID.flatMap(UUID.init(uuidString:)).flatMap { names[$0] },
                account: entry.recordID.flatMap(UUID.init(uuidString:)).flatMap { names[$0] } ?? "—",
                grant: words["grants"].flatMap(PrivilegeChange.Grant.init(rawValue:)) ?? .personalData,
                role: words["role"].flatMap(Role.init(rawValue:)),
                centres: words["centres"].map { $0.split(separator: ",").map(String.init) } ?? [])
        }
    }

    /// Accounts that drew `alertAfter` failed sign-ins within the window since `since`, newest first: someone may be
    /// guessing their password from many places (issue 19, finding 5).
    public func signInAlerts(since: Date, by actor: Actor) async throws -> [(at: Date, account: String)] {
        let (entries, names) = try await recent("signin.alert", since: since, by: actor)
        return entries.map {
            (Self.date($0.at), $0.recordID.flatMap(UUID.init(uuidString:)).flatMap { names[$0] } ?? "—")
        }
    }

    /// The newest 100 audit entries of one action since `since` (times are ISO 8601 strings of one fixed width, so
    /// they compare as text), with the usernames to name their accounts; administrators only.
    private func recent(
        _ action: String, since: Date, by actor: Actor
    ) async throws -> ([AuditEntry], [UUID: String]) {
        guard AccessPolicy.decide(actor, .manageUsers) == .allow else { throw StoreError.forbidden }
        let from = since.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let entries = try await AuditEntry.query(on: db).filter(\.$action == action).filter(\.$at >= from)
            .sort(\.$id, .descending).limit(100).all()
        return (entries, try await usernames())
    }

    static func date(_ at: String) -> Date {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(at)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Every account, by username: who may be assigned a case, and whose name stands by an entry.
    public func accounts() async throws -> [AccountView] {
        try await User.query(on: db).sort(\.$username).all().map(AccountView.init)
    }

    /// Usernames by account id, for whose-name-stands-by-an-entry lists (history, audit, case notes).
    public func usernames() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await accounts().map { ($0.id, $0.username) })
    }

    /// One account's username, for the one name a page shows (an interviewer, an author).
    public func username(_ id: UUID) async throws -> String? {
        try await User.find(id, on: db)?.username
    }

    public func account(username: String) async throws -> AccountView? {
        try await User.query(on: db).filter(\.$username == username.lowercased()).first().map(AccountView.init)
    }

    public func signIn(
        username: String, password: String, clientAddress: String, kind: SessionKind, code: String? = nil
    ) async throws -> SignInResult {
        let now = context.clock()
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let user = try await User.query(on: db).filter(\.$username == name).first()
        switch try await attempt(name: name, user: user, password: password, clientAddress: clientAddress, now: now)
        {
        case .locked(let until): return .locked(until: until)
        case .wrong(let delay): return .invalid(delaySeconds: delay)
        case .right: break
        }
        guard let user, let userID = user.id else { return .invalid(delaySeconds: 0) }
        if user.totpEnabledAt != nil {
            guard let code, kind == .api else {
                if kind == .api { return .secondFactor(pending: "") }
                let pending = Digests.randomToken()
                try await AuthSession(
                    tokenHash: Digests.sha256(pending), userID: userID, kind: .pending, now: now,
                    expiresAt: now.addingTimeInterval(5 * 60)
                ).create(on: db)
                return .secondFactor(pending: pending)
            }
            switch try await secondFactor(user, code: code, clientAddress: clientAddress, now: now) {
            case .locked(let until): return .locked(until: until)
            case .wrong(let delay): return .invalid(delaySeconds: delay)
            case .right: break
            }
        }
        return try await open(user, kind: kind, clientAddress: clientAddress, now: now)
    }

    /// The second step of a browser sign-in: the pending token from the first and a code (TOTP or recovery).
    public func completeSignIn(pending: String, code: String, clientAddress: String) async throws -> SignInResult {
        let now = context.clock()
        guard
            let session = try await AuthSession.query(on: db).filter(\.$tokenHash == Digests.sha256(pending))
                .filter(\.$kind == SessionKind.pending.rawValue).with(\.$user).first(),
            session.expiresAt > now, !session.user.disabled
        else { return .invalid(delaySeconds: 0) }
        switch try await secondFactor(session.user, code: code, clientAddress: clientAddress, now: now) {
        case .locked(let until): return .locked(until: until)
        case .wrong(let delay): return .invalid(delaySeconds: delay)
        case .right: break
        }
        try await session.delete(on: db)
        return try await open(session.user, kind: .browser, clientAddress: clientAddress, now: now)
    }

    /// A TOTP code (each time step once) or an unused recovery code; counted like a password.
    func secondFactor(_ user: User, code: String, clientAddress: String, now: Date) async throws -> Attempt {
        try await counted(
            name: user.username, user: user, clientAddress: clientAddress, now: now,
            failure: "signin.second-factor.failure"
        ) {
            try await TwoFactorService(db: db, context: context).accept(code, for: user, now: now)
        }
    }

    private func open(_ user: User, kind: SessionKind, clientAddress: String, now: Date) async throws -> SignInResult {
        guard let userID = user.id else { return .invalid(delaySeconds: 0) }
        let token = try await openSession(userID: userID, kind: kind, now: now)
        try await AuditTrail.append(
            action: kind == .api ? "signin.token" : "signin", actorID: userID.uuidString, recordType: "user",
            recordID: userID.uuidString, detail: "addr=\(clientAddress)", now: now, key: context.keys.audit, on: db)
        return .success(account: AccountView(user), token: token)
    }

    enum Attempt {
        case right
        case wrong(delay: Double)
        case locked(until: Date)
    }

    /// One password attempt for an account (sign-in or the current password when changing it), counted and
    /// audited with the client address. An unknown username is audited without the name typed, which may be a
    /// password typed in the wrong field.
    private func attempt(
        name: String, user: User?, password: String, clientAddress: String, now: Date
    ) async throws -> Attempt {
        // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
        try await counted(name: name, user: user, clientAddress: clientAddress, now: now, failure: "signin.failure") {
            try await Self.verifyPassword(password, hash: user?.passwordHash ?? Self.dummyHash) && user != nil
                && user?.disabled == false
        }
    }

    /// One counted try of a secret (a password, a second-factor code): refused at once while the account and
    /// address are spaced out or locked, counted and audited when wrong.
    func counted(
        name: String, user: User?, clientAddress: String, now: Date, failure: String,
        check: () async throws -> Bool
    ) async throws -> Attempt {
        let digests = context.digests
        let pair = digests.throttleSubject("pair:\(name)|\(clientAddress)")
        let account = digests.throttleSubject("user:" + name)
        let address = digests.throttleSubject("addr:" + clientAddress)
        let counters = try await LoginThrottle.query(on: db).filter(\.$subject ~~ [pair, account, address]).all()
        let userID = user?.id?.uuidString
        let pairCounter = counters.first { $0.subject == pair }
        let addressCounter = counters.first { $0.subject == address }
        let ready = Date(
            timeIntervalSince1970: throttle.nextAttempt(
                pair: pairCounter.map { ($0.failures, $0.lastFailureAt.timeIntervalSince1970) },
                address: addressCounter.map { ($0.failures, $0.lastFailureAt.timeIntervalSince1970) }))
        let lock = pairCounter?.lockedUntil.flatMap { $0 > now ? $0 : nil }
        if let until = lock ?? (ready > now ? ready : nil) {
            Counter(label: "sanad_signin_refusals_total", dimensions: [("reason", lock == nil ? "wait" : "locked")])
                .increment()
            try await AuditTrail.append(
                action: "signin.refused", actorID: userID, recordType: "user", recordID: userID,
                detail: "reason=\(lock == nil ? "wait" : "locked") addr=\(clientAddress)", now: now,
                key: context.keys.audit, on: db)
            return .locked(until: until)
        }
        if try await check() {
            // A right password with a second factor still to come clears nothing: otherwise whoever knows the
            // password could guess codes for ever.
            if user?.totpEnabledAt == nil || failure != "signin.failure" {
                try await LoginThrottle.query(on: db).filter(\.$subject == pair).delete()
            }
            return .right
        }
        Counter(label: "sanad_signin_failures_total", dimensions: [("known_account", user == nil ? "no" : "yes")])
            .increment()
        var counts: [String: Int] = [:]
        var lockedUntil: Date?
        for subject in [pair, account, address] {
            let counter = counters.first { $0.subject == subject } ?? LoginThrottle(subject: subject, now: now)
            counter.failures = throttle.failuresAfterFailure(
                previous: counter.failures, secondsSinceLast: now.timeIntervalSince(counter.lastFailureAt))
            counter.lastFailureAt = now
            counts[subject] = counter.failures
            if subject == pair, let lock = throttle.lockDuration(failures: counter.failures) {
                counter.lockedUntil = now.addingTimeInterval(lock)
                lockedUntil = counter.lockedUntil
                counter.failures = 0
            }
            try await counter.save(on: db)
        }
        try await AuditTrail.append(
            action: failure, actorID: userID, recordType: "user", recordID: userID,
            detail: (user == nil ? "unknown-account " : "") + "addr=\(clientAddress)", now: now,
            key: context.keys.audit, on: db)
        if user != nil, throttle.alerts(accountFailures: counts[account] ?? 0) {
            try await AuditTrail.append(
                action: "signin.alert", actorID: nil, recordType: "user", recordID: userID,
                detail: "failures=\(counts[account] ?? 0)", now: now, key: context.keys.audit, on: db)
        }
        if let lockedUntil { return .locked(until: lockedUntil) }
        return .wrong(delay: throttle.delay(pairFailures: counts[pair] ?? 0, addressFailures: counts[address] ?? 0))
    }

    private static let dummyHash: String = (try? Bcrypt.hash("not-a-real-account-password", cost: bcryptCost)) ?? ""

    /// A new session or API token for the user; returns the secret, of which only a hash is stored.
    public func openSession(userID: UUID, kind: SessionKind, now: Date? = nil) async throws -> String {
        let now = now ?? context.clock()
        let token = Digests.randomToken()
        let lifetime = kind == .api ? Self.tokenLifetime : Self.browserLifetime
        let session = AuthSession(
            tokenHash: Digests.sha256(token), userID: userID, kind: kind, now: now,
            expiresAt: now.addingTimeInterval(lifetime))
        try await session.create(on: db)
        return token
    }

    /// The user behind a session cookie or bearer token, when it is valid, not idle too long and not expired.
    public func resolve(token: String, kind: SessionKind) async throws -> SignedIn? {
        let now = context.clock()
        guard
            let session = try await AuthSession.query(on: db).filter(\.$tokenHash == Digests.sha256(token))
                .filter(\.$kind == kind.rawValue).with(\.$user).first()
        else { return nil }
        let idle = kind == .browser && now.timeIntervalSince(session.lastSeenAt) > Self.idleTimeout
        if session.expiresAt <= now || idle || session.user.disabled {
            try await session.delete(on: db)
            return nil
        }
        // Writing on every request would turn each read into a write; a minute's precision is enough for idling.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.update(on: db)
        }
        return SignedIn(account: AccountView(session.user), sessionID: try session.requireID())
    }

    public func signOut(token: String) async throws {
        guard
            let session = try await AuthSession.query(on: db).filter(\.$tokenHash == Digests.sha256(token)).first()
        else { return }
        try await session.delete(on: db)
        try await AuditTrail.append(
            action: "signout", actorID: session.$user.id.uuidString, recordType: "user",
            recordID: session.$user.id.uuidString, now: context.clock(), key: context.keys.audit, on: db)
    }

    /// Changing the password ends every other session of the user.
    /// Wrong current passwords count like failed sign-ins, so a borrowed session cannot guess it (finding 7).
    public func changePassword(
        userID: UUID, current: String, new: String, keepSession: UUID?, clientAddress: String = "unknown"
    ) async throws {
        guard let user = try await User.find(userID, on: db) else { throw StoreError.notFound }
        guard AccountRules.isAcceptablePassword(new) else { throw AccountError.weakPassword }
        switch try await attempt(
            name: user.username, user: user, password: current, clientAddress: clientAddress, now: context.clock())
        {
        case .locked: throw AccountError.tooManyAttempts
        case .wrong: throw AccountError.wrongPassword
        case .right: break
        }
        user.passwordHash = try await Self.hashPassword(new)
        try await db.transaction { tx in
            try await user.update(on: tx)
            var others = AuthSession.query(on: tx).filter(\.$user.$id == userID)
            if let keepSession { others = others.filter(\.$id != keepSession) }
            try await others.delete()
            try await AuditTrail.append(
                action: "user.password", actorID: userID.uuidString, recordType: "user",
                recordID: userID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
    }

    public func setLocale(userID: UUID, locale: String) async throws {
        guard let user = try await User.find(userID, on: db) else { throw StoreError.notFound }
        user.locale = locale
        try await user.update(on: db)
    }

    /// An administrator lets a supervisor approve their own cases (small centres with one supervisor), or stops it.
    public func setSelfApproval(userID: UUID, granted: Bool, by actor: Actor) async throws {
        guard AccessPolicy.decide(actor, .manageUsers) == .allow else { throw StoreError.forbidden }
        guard let user = try await User.find(userID, on: db) else { throw StoreError.notFound }
        user.selfApproval = granted
        try await db.transaction { tx in
            try await user.update(on: tx)
            try await AuditTrail.append(
                action: granted ? "user.self-approval.grant" : "user.self-approval.revoke", actorID: actor.userID,
                recordType: "user", recordID: userID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
            if granted {
                try await AuditTrail.append(
                    action: "user.privilege", actorID: actor.userID, recordType: "user", recordID: userID.uuidString,
                    detail: "grants=self-approval", now: context.clock(), key: context.keys.audit, on: tx)
            }
        }
    }
}
