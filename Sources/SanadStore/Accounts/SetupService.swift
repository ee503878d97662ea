import Fluent
import Foundation
import SanadCore

/// The one-time link that creates the first administrator. It exists only while no administrator does.
public struct SetupService: Sendable {
    let db: any Database
    let context: StoreContext
    static let settingKey = "setup_token_sha256"

    public func administratorExists() async throws -> Bool {
        try await User.query(on: db).filter(\.$role == Role.administrator.rawValue).first() != nil
    }

    /// A new setup token (replacing any earlier one) while no administrator exists, else nil.
    /// Whether any person is registered: demo data and benchmarks fill only an empty database.
    public func holdsPeople() async throws -> Bool { try await Person.query(on: db).count() > 0 }

    public func issueToken() async throws -> String? {
        guard try await !administratorExists() else {
            try await Setting.find(Self.settingKey, on: db)?.delete(on: db)
            return nil
        }
        let token = Digests.randomToken()
        let hash = Digests.sha256(token)
        if let existing = try await Setting.find(Self.settingKey, on: db) {
            existing.value = hash
            try await existing.update(on: db)
        } else {
            try await Setting(key: Self.settingKey, value: hash).create(on: db)
        }
        return token
    }

    public func isValid(token: String) async throws -> Bool {
        guard let setting = try await Setting.find(Self.settingKey, on: db) else { return false }
        guard setting.value == Digests.sha256(token) else { return false }
        return try await !administratorExists()
    }

    /// Creates the first administrator and kills the link, in one transaction.
    public func complete(token: String, username: String, password: String) async throws -> AccountView? {
        guard try await isValid(token: token) else { return nil }
        let user = try await AccountService(db: db, context: context).createUser(
            username: username, password: password, role: .administrator, centres: [], by: nil)
        try await Setting.find(Self.settingKey, on: db)?.delete(on: db)
        return user
    }
}
