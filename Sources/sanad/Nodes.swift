import ArgumentParser
import Foundation
import SanadStore

/// Field offices enrolled with this central Sanad (issue 11, item 1).
struct Nodes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Field offices that synchronise with this server.", subcommands: [Add.self, List.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol an office; prints the one-time code its administrator gives to `sanad sync join`.")

        @Option(help: "Lowercase letters, digits and '-', e.g. office-kassala.") var name: String
        @Option(help: "A centre the office serves, such as SD11; repeat for several.") var centre: [String] = []

        func run() async throws {
            try await Boot.run { app in
                do {
                    let (node, code) = try await OpenServices(db: app.db, context: app.sanad).syncNodes.add(
                        name: name, centres: centre, by: "cli")
                    print("Enrolled \(node.name) for \(node.centres.joined(separator: ", ")).")
                    print("One-time enrolment code (give it to the office's administrator, not by e-mail): \(code)")
                } catch let error as SyncNodeError {
                    throw ValidationError(error.description)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enrolled offices, their centres and last contact.")

        func run() async throws {
            try await Boot.run { app in
                let nodes = try await OpenServices(db: app.db, context: app.sanad).syncNodes.list()
                guard !nodes.isEmpty else {
                    print("No office is enrolled (sanad nodes add --name NAME --centre CODE).")
                    return
                }
                let format = ISO8601DateFormatter()
                print("name\tcentres\tstate\tlast contact")
                for node in nodes {
                    let contact = node.lastContact.map(format.string(from:)) ?? "never"
                    print(
                        "\(node.name)\t\(node.centres.joined(separator: ","))\t\(node.state == .waiting ? "waiting to join" : node.state.rawValue)\t\(contact)"
                    )
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refuse everything an office sends from now on (a stolen laptop); what it sent before stays.")

        @Argument(help: "The office's name.") var name: String

        func run() async throws {
            try await Boot.run { app in
                do {
                    try await OpenServices(db: app.db, context: app.sanad).syncNodes.revoke(name, by: "cli")
                    print("Revoked \(name): its bundles and requests are refused from now on.")
                } catch let error as SyncNodeError {
                    throw ValidationError(error.description)
                }
            }
        }
    }
}
