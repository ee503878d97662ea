import Foundation

/// Settings read from the environment; see the README's configuration table.
public struct SanadSettings: Sendable {
    public var dataDirectory: URL
    public var databaseURL: String?
    public var masterKey: String?
    public var keyFile: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        dataDirectory =
            environment["SANAD_DATA_DIR"].map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? cwd.appendingPathComponent("sanad-data")
        databaseURL = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        masterKey = environment["SANAD_MASTER_KEY"]
        // The key lives outside the data folder by default, so that a copy or backup of that folder alone
        // reveals no personal data.
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? cwd
        keyFile =
            environment["SANAD_KEY_FILE"].map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? home.appendingPathComponent(".config/sanad/master.key")
    }

    public var usesPostgres: Bool { databaseURL != nil }
}
