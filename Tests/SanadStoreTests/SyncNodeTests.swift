import Crypto
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// Issue 11, item 1: enrolling, joining and revoking field offices at the centre.
@Suite(.serialized) struct SyncNodeTests {
    @Test func anOfficeJoinsOnceWithItsCodeAndIsRefusedAfterRevocation() async throws {
        try await TestApp.with { app, fx in
            let nodes = OpenServices(db: app.db, context: fx.context).syncNodes
            let (added, code) = try await nodes.add(name: "office-kassala", centres: ["sd11"], by: "admin")
            #expect(added.centres == ["SD11"] && added.state == .waiting)
            #expect(code.count == 24 && code.split(separator: "-").count == 5)

            let key = Curve25519.Signing.PrivateKey()
            await #expect(throws: SyncNodeError.invalidCode) {
                _ = try await nodes.join(code: "AAAA-BBBB-CCCC-DDDD-EEEE", publicKey: key.publicKey.rawRepresentation)
            }
            await #expect(throws: SyncNodeError.invalidPublicKey) {
                _ = try await nodes.join(code: code, publicKey: Data([1, 2, 3]))
            }
            // Typed in lower case with spaces: still the code.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let joined = try await nodes.join(code: typed, publicKey: key.publicKey.rawRepresentation)
            #expect(joined.state == .joined && joined.lastContact != nil)
            await #expect(throws: SyncNodeError.invalidCode) {
                _ = try await nodes.join(code: code, publicKey: key.publicKey.rawRepresentation)
            }
            #expect(try await nodes.keys()["office-kassala"] == SyncNodeKey(publicKey: key.publicKey))

            try await nodes.revoke("office-kassala", by: "admin")
            #expect(try await nodes.keys()["office-kassala"]?.revoked == true)
            #expect(try await nodes.list().map(\.state) == [.revoked])
            await #expect(throws: SyncNodeError.alreadyRevoked("office-kassala")) {
                try await nodes.revoke("office-kassala", by: "admin")
            }
        }
    }

    @Test func badEnrolmentsAreRefusedWithTheirReason() async throws {
        try await TestApp.with { app, fx in
            let nodes = OpenServices(db: app.db, context: fx.context).syncNodes
            await #expect(throws: SyncNodeError.invalidName) {
                _ = try await nodes.add(name: "Office 1", centres: ["SD11"], by: "a")
            }
            await #expect(throws: SyncNodeError.noCentre) {
                _ = try await nodes.add(name: "office-1", centres: [], by: "a")
            }
            await #expect(throws: SyncNodeError.unknownCentre("SD99")) {
                _ = try await nodes.add(name: "office-1", centres: ["SD11", "SD99"], by: "a")
            }
            _ = try await nodes.add(name: "office-1", centres: ["SD11"], by: "a")
            await #expect(throws: SyncNodeError.nameTaken) {
                _ = try await nodes.add(name: "office-1", centres: ["SD12"], by: "a")
            }
            await #expect(throws: SyncNodeError.unknownNode("office-2")) { try await nodes.revoke("office-2", by: "a") }
            // A revoked node's unused code no longer works.
            let (_, code) = try await nodes.add(name: "office-2", centres: ["SD12"], by: "a")
            try await nodes.revoke("office-2", by: "a")
            await #expect(throws: SyncNodeError.invalidCode) {
                _ = try await nodes.join(
                    code: code, publicKey: Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)
            }
        }
    }
}
