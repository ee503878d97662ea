import ArgumentParser
import Fluent
import Foundation
import SanadCore
import SanadStore
import SanadWeb

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accounts.", subcommands: [Create.self, Token.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; the password is read from stdin.")

        @Option(help: "Lowercase letters, digits, '.', '-', '_'.") var username: String
        @Option(help: "administrator, supervisor, caseworker, data-officer or partner.") var role: String
        @Option(help: "A centre code such as SD01; repeat for several.") var centre: [String] = []
        @Option(help: "For a partner focal point: the partner organisation's id (see /partners).") var partner: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError(
                    "Unknown role '\(role)'. Use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard passwordStdin else { throw ValidationError("Pass --password-stdin and write the password to stdin.") }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("No password on standard input.")
            }
            do {
                try await Boot.run { app in
                    let user = try await OpenServices(db: app.db, context: app.sanad).accounts.createUser(
                        username: username, password: password, role: role, centres: centre,
                        partner: partner.flatMap(UUID.init(uuidString:)), by: nil)
                    print("Created \(role.rawValue) \(user.username) (\(user.id.uuidString)).")
                }
            } catch let error as AccountError {
                throw ValidationError(Self.message(error))
            }
        }

        static func message(_ error: AccountError) -> String {
            switch error {
            case .invalidUsername: return "Usernames are 3 to 32 lowercase letters, digits, '.', '-' or '_'."
            case .weakPassword: return "Passwords need at least \(AccountRules.minPasswordLength) characters."
            case .usernameTaken: return "That username is already in use."
            case .unknownCentre(let code): return "Unknown centre \(code)."
            case .noCentre: return "This role needs at least one --centre."
            case .wrongPassword: return "Wrong password."
            case .tooManyAttempts: return "Too many wrong passwords; try again later."
            case .unknownPartner: return "A partner focal point needs --partner with the id of a partner organisation."
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new API token for an account.")

        @Option var username: String

        func run() async throws {
            try await Boot.run { app in
                let accounts = OpenServices(db: app.db, context: app.sanad).accounts
                guard let account = try await accounts.account(username: username) else {
                    throw ValidationError("No account named \(username).")
                }
                let token = try await accounts.openSession(userID: account.id, kind: .api)
                print(token)
            }
        }
    }
}
