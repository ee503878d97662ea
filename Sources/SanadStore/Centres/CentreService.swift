import Fluent
import Foundation
import SanadCore

public enum CentreError: Error, Equatable, Sendable {
    case invalidCode
    case invalidPrefix
    case missingName
    case unknownState
    case duplicate
}

public struct CentreService: Sendable {
    let db: any Database
    let context: StoreContext

    public func all() async throws -> [CentreView] {
        try await Centre.query(on: db).sort(\.$code).all().map(CentreView.init)
    }

    public func find(code: String) async throws -> CentreView? {
        try await Centre.query(on: db).filter(\.$code == code).first().map(CentreView.init)
    }

    /// Centre names by code in one language, for lists that show where.
    public func names(language: String) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await all().map { ($0.code, $0.name(for: language)) })
    }

    /// Whether the database answers a small query: the health probe.
    public func reachable() async -> Bool { (try? await Centre.query(on: db).count()) != nil }

    public func codes() async throws -> Set<String> { Set(try await all().map(\.code)) }

    public func add(
        code: String, prefix: String, nameEN: String, nameAR: String, statePcode: String, by actor: Actor
    ) async throws -> CentreView {
        guard AccessPolicy.decide(actor, .manageCentres) == .allow else { throw StoreError.forbidden }
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        let prefix = prefix.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...12).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw CentreError.invalidCode
        }
        guard prefix.count == 3, prefix.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw CentreError.invalidPrefix
        }
        let en = nameEN.trimmingCharacters(in: .whitespaces)
        let ar = nameAR.trimmingCharacters(in: .whitespaces)
        guard !en.isEmpty, !ar.isEmpty, en.count <= 100, ar.count <= 100 else { throw CentreError.missingName }
        guard let state = ReferenceData.state(statePcode) else { throw CentreError.unknownState }
        let clash = try await Centre.query(on: db).group(.or) { $0.filter(\.$code == code).filter(\.$prefix == prefix) }
            .first()
        guard clash == nil else { throw CentreError.duplicate }
        let centre = Centre(code: code, prefix: prefix, nameEN: en, nameAR: ar, statePcode: state.pcode)
        try await centre.createAudited(
            action: "centre.create", actorID: actor.userID, recordType: "centre", recordID: code,
            now: context.clock(), key: context.keys.audit, on: db)
        return CentreView(centre)
    }
}
