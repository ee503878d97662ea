import Foundation

/// The access policy as a table for people to read (`docs/data-protection.md`, `sanad docs access`): generated,
/// never written by hand, so the document cannot say something the code does not do (issue 18).
public enum AccessTable {
    public static func markdown() -> String {
        let roles = Role.allCases
        var lines = ["| Action | " + roles.map(\.rawValue).joined(separator: " | ") + " |"]
        lines.append("|---|" + roles.map { _ in ":-:" }.joined(separator: "|") + "|")
        for action in Action.allCases {
            let cells = roles.map { AccessPolicy.roleMay($0, action) ? "yes" : "—" }
            lines.append("| \(words(action.rawValue)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// "resolveSyncConflicts" → "resolve sync conflicts".
    static func words(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase {
                out += " " + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
