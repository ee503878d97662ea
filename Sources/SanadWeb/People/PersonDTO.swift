import Foundation
import SanadCore
import SanadStore
import Vapor

/// The JSON a client sends to create or change a person. Every member is optional here; the domain says which
/// are required, so that all problems are reported together.
struct PersonBody: Content {
    struct Document: Content {
        var type: String?
        var number: String?
        var issuingCountry: String?
    }

    struct Consent: Content {
        var interview: Bool?
        var toldPurpose: Bool?
        var toldUses: Bool?
        var toldResearch: Bool?
        var toldAccessRight: Bool?
        var toldRetention: Bool?
        var toldWithdrawal: Bool?

        var values: [Bool?] {
            [interview, toldPurpose, toldUses, toldResearch, toldAccessRight, toldRetention, toldWithdrawal]
        }
    }

    var nameOriginal: String?
    var nameLatin: String?
    var sex: String?
    var birthDate: String?
    var estimatedAge: Int?
    var nationality: String?
    var languages: [String]?
    var phone: String?
    var documents: [Document]?
    var arrivalDate: String?
    var route: String?
    var notes: String?
    var flags: [String]?
    var consent: Consent?
    var centre: String?
    /// Required on PATCH: the version the change is based on.
    var version: Int?

    /// Members present in the body replace those of `base`; an empty string clears a value.
    func applied(to base: PersonDraft) -> PersonDraft {
        var d = base
        if let nameOriginal { d.nameOriginal = nameOriginal }
        if let nameLatin { d.nameLatin = nameLatin }
        if let sex { d.sex = sex }
        if let birthDate { d.birthDate = birthDate }
        if let estimatedAge { d.estimatedAge = String(estimatedAge) }
        if let nationality { d.nationality = nationality }
        if let languages { d.languages = languages }
        if let phone { d.phone = phone }
        if let documents {
            d.documents = documents.map {
                DocumentDraft(type: $0.type, number: $0.number, issuingCountry: $0.issuingCountry)
            }
        }
        if let arrivalDate { d.arrivalDate = arrivalDate }
        if let route { d.route = route }
        if let notes { d.notes = notes }
        if let flags { d.flags = flags }
        if let consent {
            for (key, value) in zip(ConsentAnswers.keys, consent.values) {
                if let value { d.consent[keyPath: key] = value }
            }
        }
        if let centre { d.centre = centre }
        return d
    }
}

struct PersonOut: Content {
    struct Document: Content {
        let type: String
        let number: String
        let issuingCountry: String?
    }

    struct Consent: Content {
        let interview: Bool
        let toldPurpose: Bool
        let toldUses: Bool
        let toldResearch: Bool
        let toldAccessRight: Bool
        let toldRetention: Bool
        let toldWithdrawal: Bool
        let recordedBy: UUID?
        let recordedAt: Date?
    }

    let id: UUID
    let registrationNumber: String
    let centre: String
    let version: Int
    let nameOriginal: String
    let nameLatin: String
    let sex: String
    let birthDate: String?
    let estimatedAge: Int?
    let birthYear: Int?
    let nationality: String?
    let languages: [String]
    let phone: String?
    let documents: [Document]
    let arrivalDate: String?
    let route: String?
    let notes: String?
    let flags: [String]
    let consent: Consent
    let createdAt: Date
    let updatedAt: Date
    /// In search results only: why the person came up.
    var match: PersonMatchOut? = nil
}

extension PersonOut {
    init(_ r: PersonRecord) {
        let a = r.facts.consent
        self.init(
            id: r.id, registrationNumber: r.registrationNumber, centre: r.centre, version: r.version,
            nameOriginal: r.personal.nameOriginal, nameLatin: r.personal.nameLatin, sex: r.facts.sex.rawValue,
            birthDate: r.personal.birthDate, estimatedAge: r.facts.estimatedAge, birthYear: r.facts.birthYear,
            nationality: r.facts.nationality, languages: r.facts.languages, phone: r.personal.phone,
            documents: r.personal.documents.map {
                Document(type: $0.type.rawValue, number: $0.number, issuingCountry: $0.issuingCountry)
            }, arrivalDate: r.facts.arrivalDate, route: r.personal.route, notes: r.personal.notes,
            flags: r.facts.flags.map(\.rawValue).sorted(),
            consent: Consent(
                interview: a.interview, toldPurpose: a.toldPurpose, toldUses: a.toldUses, toldResearch: a.toldResearch,
                toldAccessRight: a.toldAccessRight, toldRetention: a.toldRetention, toldWithdrawal: a.toldWithdrawal,
                recordedBy: r.consentRecordedBy, recordedAt: r.consentRecordedAt), createdAt: r.createdAt,
            updatedAt: r.updatedAt)
    }
}

struct PersonList: Content {
    let items: [PersonOut]
    let page: Int
    let per: Int
    let total: Int
    /// With `q`: matches at centres the caller may not see, counted by centre code (no ids, no names).
    var elsewhere: [String: Int]?
}

/// Why a person came up for a search: `rank` 0 phone or document, 1 registration number, 2 the whole name in any
/// spelling or script, 3 a typo or a name begun, 4 all but one part of the name.
struct PersonMatchOut: Content {
    let rank: Int
    let reasons: [PersonMatchReason]
    let matchedParts: Int?
    let queryParts: Int?

    init?(_ hit: PersonHit) {
        guard hit.tier < 9 else { return nil }
        rank = hit.tier
        reasons = hit.reasons
        matchedParts = hit.queryParts > 0 ? hit.matchedParts : nil
        queryParts = hit.queryParts > 0 ? hit.queryParts : nil
    }
}

extension PersonMatchReason: APIDescribedValue {}

struct TokenRequest: Content {
    let username: String
    let password: String
    /// The authenticator app's six digits (or a recovery code) for an account with a second factor.
    let code: String?
}

struct TokenResponse: Content {
    let token: String
    let expiresAt: Date
}

struct Health: Content {
    let status: String
    let database: String
    /// Damaged records waiting for an administrator; `status` is `degraded` while there are any.
    let damagedRecords: Int
}
