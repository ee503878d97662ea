import ArgumentParser
import Foundation
import SanadCore

/// Parts of the documentation made from the code, so that they cannot drift (issue 18).
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print parts of the documentation generated from the code.", subcommands: [Access.self])

    struct Access: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who may do what, by role, as a Markdown table (docs/data-protection.md holds it).")

        func run() {
            print(AccessTable.markdown())
        }
    }
}
