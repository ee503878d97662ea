import Foundation

/// `pg_dump` and `pg_restore`, driven by Sanad so that a PostgreSQL backup is one command like a SQLite one.
/// The password travels in the environment (`PGPASSWORD`), never on a command line other users can list.
enum PostgresTools {
    /// `SANAD_PG_BIN`, else the newest `/usr/lib/postgresql/*/bin` (Debian), else the PATH.
    static func tool(_ name: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["SANAD_PG_BIN"], !dir.isEmpty { return dir + "/" + name }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { Int($0) }.sorted()
        for version in versions.reversed()
        where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(name)") {
            return "\(root)/\(version)/bin/\(name)"
        }
        return name
    }

    /// The URL without its password, and the password.
    static func split(_ url: String) -> (url: String, password: String?) {
        guard var components = URLComponents(string: url) else { return (url, nil) }
        let password = components.password
        components.password = nil
        return (components.string ?? url, password)
    }

    static func run(_ name: String, _ arguments: [String], databaseURL: String) throws(BackupError) -> Data {
        let (url, password) = split(databaseURL)
        let process = Process()
        let path = tool(name)
        if path.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments + ["--dbname=\(url)"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [name] + arguments + ["--dbname=\(url)"]
        }
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .tool("Cannot run \(name) (\(path)); install PostgreSQL's client tools or set SANAD_PG_BIN.")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // pg_dump's messages name tables and the server, not personal values.
            throw .tool("\(name) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))")
        }
        return data
    }

    static func dump(databaseURL: String) throws(BackupError) -> Data {
        try run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges"], databaseURL: databaseURL)
    }

    static func restore(_ archive: URL, databaseURL: String) throws(BackupError) {
        _ = try run(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", archive.path],
            databaseURL: databaseURL)
    }

    /// The archive's table of contents: readable means not damaged.
    static func list(_ archive: URL) throws(BackupError) -> Int {
        let process = Process()
        let path = tool("pg_restore")
        process.executableURL = URL(fileURLWithPath: path.hasPrefix("/") ? path : "/usr/bin/env")
        process.arguments = (path.hasPrefix("/") ? [] : ["pg_restore"]) + ["--list", archive.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        do { try process.run() } catch { throw .tool("Cannot run pg_restore; install PostgreSQL's client tools.") }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .damagedSnapshot("pg_restore cannot read the archive") }
        return text.split(separator: "\n").filter { !$0.hasPrefix(";") }.count
    }
}
