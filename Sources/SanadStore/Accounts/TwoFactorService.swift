import Fluent
import Foundation
import SanadCore

/// Why a second factor cannot be set up or changed.
public enum TwoFactorError: Error, Equatable, Sendable {
    case notStarted
    case wrongCode
    case alreadyOn
}

/// The second factor (issue 12, item 2): a TOTP secret any authenticator app holds, ten one-time recovery codes
/// (stored hashed), a policy an administrator sets per role, and an administrator's audited reset.
public struct TwoFactorService: Sendable {
    let db: any Database
    let context: StoreContext
    static let issuer = "Sanad"
    static let policySetting = "two_factor_roles"
    /// Roles the policy names when an administrator first turns it on.
    public static let defaultRoles: Set<Role> = [.administrator, .supervisor]

    public init(db: any Database, context: StoreContext) {
        self.db = db
        self.context = context
    }

    func sealContext(_ user: User, pending: Bool) -> String {
        "users/\(user.id!.uuidString)/totp" + (pending ? "-pending" : "")
    }

    func user(_ id: UUID) async throws -> User {
        guard let user = try await User.find(id, on: db) else { throw StoreError.notFound }
        return user
    }

    /// Starts setting up: a new secret, kept aside until a code from the app confirms it. Returns the secret (shown
    /// as text) and the `otpauth:` address (shown as a QR code).
    public func begin(userID: UUID) async throws -> (secret: String, uri: String) {
        let user = try await user(userID)
        guard user.totpEnabledAt == nil else { throw TwoFactorError.alreadyOn }
        let secret = TOTP.newSecret()
        user.totpPending = try context.cipher.seal(secret, context: sealContext(user, pending: true))
        try await user.update(on: db)
        return (Base32.encode(secret), TOTP(secret: secret).uri(account: user.username, issuer: Self.issuer))
    }

    /// The set-up secret again (a page shown again after a wrong code).
    public func pending(userID: UUID) async throws -> (secret: String, uri: String)? {
        let user = try await user(userID)
        guard let sealed = user.totpPending else { return nil }
        let secret = try context.cipher.open(Data.self, from: sealed, context: sealContext(user, pending: true))
        return (Base32.encode(secret), TOTP(secret: secret).uri(account: user.username, issuer: Self.issuer))
    }

    /// Confirms the set-up with a code from the app; returns the recovery codes, shown once.
    public func confirm(userID: UUID, code: String) async throws -> [String] {
        let user = try await user(userID)
        guard let sealed = user.totpPending else { throw TwoFactorError.notStarted }
        let secret = try context.cipher.open(Data.self, from: sealed, context: sealContext(user, pending: true))
        let now = context.clock()
        guard let counter = TOTP(secret: secret).match(code, at: now) else { throw TwoFactorError.wrongCode }
        let codes = (0..<10).map { _ in Self.recoveryCode() }
        try await db.transaction { tx in
            user.totpSealed = try context.cipher.seal(secret, context: sealContext(user, pending: false))
            user.totpPending = nil
            user.totpEnabledAt = now
            user.totpLastCounter = Int64(counter)
            try await user.update(on: tx)
            try await RecoveryCode.query(on: tx).filter(\.$userID == user.id!).delete()
            for code in codes { try await RecoveryCode(userID: user.id!, codeHash: Self.hash(code)).create(on: tx) }
            try await AuditTrail.append(
                action: "user.two-factor.on", actorID: user.id?.uuidString, recordType: "user",
                recordID: user.id?.uuidString, now: now, key: context.keys.audit, on: tx)
        }
        return codes
    }

    /// A code for this user: the TOTP of this time step (once), or an unused recovery code (then used up).
    func accept(_ code: String, for user: User, now: Date) async throws -> Bool {
        guard let sealed = user.totpSealed else { return false }
        let secret = try context.cipher.open(Data.self, from: sealed, context: sealContext(user, pending: false))
        if let counter = TOTP(secret: secret).match(code, at: now) {
            // A code already used (seen over a shoulder, replayed) is refused like a wrong one.
            guard Int64(counter) > (user.totpLastCounter ?? -1) else { return false }
            user.totpLastCounter = Int64(counter)
            try await user.update(on: db)
            return true
        }
        let typed = code.uppercased().filter { $0.isLetter || $0.isNumber }
        guard typed.count == 10,
            let recovery = try await RecoveryCode.query(on: db).filter(\.$userID == user.id!)
                .filter(\.$codeHash == Self.hash(typed)).filter(\.$usedAt == nil).first()
        else { return false }
        recovery.usedAt = now
        try await recovery.update(on: db)
        try await AuditTrail.append(
            action: "user.two-factor.recovery-code", actorID: user.id?.uuidString, recordType: "user",
            recordID: user.id?.uuidString, now: now, key: context.keys.audit, on: db)
        return true
    }

    /// Recovery codes not yet used.
    public func recoveryCodesLeft(userID: UUID) async throws -> Int {
        try await RecoveryCode.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }

    /// An administrator clears someone's second factor (a lost phone and no recovery code); audited.
    public func reset(userID: UUID, by actor: Actor) async throws {
        guard AccessPolicy.decide(actor, .manageUsers) == .allow else { throw StoreError.forbidden }
        let user = try await user(userID)
        try await db.transaction { tx in
            user.totpSealed = nil
            user.totpPending = nil
            user.totpEnabledAt = nil
            user.totpLastCounter = nil
            try await user.update(on: tx)
            try await RecoveryCode.query(on: tx).filter(\.$userID == userID).delete()
            try await AuthSession.query(on: tx).filter(\.$user.$id == userID).delete()
            try await AuditTrail.append(
                action: "user.two-factor.reset", actorID: actor.userID, recordType: "user",
                recordID: userID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
    }

    /// The roles that must sign in with a second factor; empty while the policy is off.
    public func requiredRoles() async throws -> Set<Role> {
        guard let value = try await Setting.find(Self.policySetting, on: db)?.value else { return [] }
        return Set(value.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }

    public func setRequiredRoles(_ roles: Set<Role>, by actor: Actor) async throws {
        guard AccessPolicy.decide(actor, .manageUsers) == .allow else { throw StoreError.forbidden }
        try await db.transaction { tx in
            try await Setting.query(on: tx).filter(\.$id == Self.policySetting).delete()
            try await Setting(key: Self.policySetting, value: roles.map(\.rawValue).sorted().joined(separator: ","))
                .create(on: tx)
            try await AuditTrail.append(
                action: "two-factor.policy", actorID: actor.userID,
                detail: "roles=" + roles.map(\.rawValue).sorted().joined(separator: ","), now: context.clock(),
                key: context.keys.audit, on: tx)
        }
    }

    /// Ten characters from an alphabet without look-alikes, grouped for reading: `K7QM-PX3RT`.
    static func recoveryCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let chars = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
        return String(chars[0..<5]) + "-" + String(chars[5..<10])
    }

    static func hash(_ code: String) -> String {
        Digests.sha256("sanad-recovery:" + code.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
