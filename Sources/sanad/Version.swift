import Foundation

/// What `sanad --version` prints: the version, the commit it was built from where that can be found, and the
/// licence (issue 18).
enum SanadVersion {
    static let version = "0.27.0"
    static let licence = "Apache License 2.0"

    static var line: String { "sanad \(version) (commit \(commit ?? "unknown")) — \(licence)" }

    /// `SANAD_COMMIT` when the build set it, else a `COMMIT` file beside the binary (an installed release,
    /// docs/administrators.md), else the checkout the binary sits in (`.build/<config>/sanad`).
    static var commit: String? {
        if let given = ProcessInfo.processInfo.environment["SANAD_COMMIT"], !given.isEmpty { return given }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        if let file = try? String(contentsOf: folder.appendingPathComponent("COMMIT"), encoding: .utf8) {
            let hash = file.trimmingCharacters(in: .whitespacesAndNewlines)
            if !hash.isEmpty { return String(hash.prefix(12)) }
        }
        for _ in 0..<5 {
            if let hash = head(in: folder.appendingPathComponent(".git")) { return String(hash.prefix(12)) }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func head(in git: URL) -> String? {
        guard let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8)
        else { return nil }
        let text = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("ref: ") else { return text.isEmpty ? nil : text }
        let ref = String(text.dropFirst(5))
        if let hash = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return hash.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // After `git gc` refs live in packed-refs: "<hash> <ref>".
        let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        return packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix(40)) }
    }
}
