/// HTCDS `prs_Gender` picklist values.
public enum Gender: String, CaseIterable, Codable, Sendable {
    case feminine = "Feminine"
    case masculine = "Masculine"
    case transgenderFeminine = "TransgenderFeminine"
    case transgenderMasculine = "TransgenderMasculine"
    case nonConforming = "NonConforming"
    case unknown = "NonSpecifiedUnknown"
}

/// Immediate flags that show on every page of a person.
public enum PersonFlag: String, CaseIterable, Codable, Sendable {
    case unaccompaniedChild = "unaccompanied-child"
    case separatedChild = "separated-child"
    case urgentMedical = "urgent-medical"
    case pregnancy
    case disability
    case sexualViolenceSurvivor = "sexual-violence-survivor"
}

public enum DocumentType: String, CaseIterable, Codable, Sendable {
    case passport
    case nationalID = "national-id"
    case refugeeID = "refugee-id"
    case laissezPasser = "laissez-passer"
    case birthCertificate = "birth-certificate"
    case other
}

public struct IdentityDocument: Codable, Sendable, Equatable {
    public var type: DocumentType
    public var number: String
    /// ISO 3166 alpha-3, or nil when unknown.
    public var issuingCountry: String?

    public init(type: DocumentType, number: String, issuingCountry: String?) {
        self.type = type
        self.number = number
        self.issuingCountry = issuingCountry
    }
}

/// The consent checklist of docs/screening.md §4, recorded before the interview.
public struct ConsentAnswers: Codable, Sendable, Equatable {
    public var interview = false
    public var toldPurpose = false
    public var toldUses = false
    public var toldResearch = false
    public var toldAccessRight = false
    public var toldRetention = false
    public var toldWithdrawal = false

    public init() {}

    public static var keys: [WritableKeyPath<ConsentAnswers, Bool>] {
        [
            \.interview, \.toldPurpose, \.toldUses, \.toldResearch, \.toldAccessRight, \.toldRetention,
            \.toldWithdrawal,
        ]
    }
    /// Form and API field names, in checklist order.
    public static let fieldNames = [
        "interview", "told_purpose", "told_uses", "told_research", "told_access_right", "told_retention",
        "told_withdrawal",
    ]
}

/// Consent as recorded: the answers plus who recorded them and when.
public struct ConsentRecord: Codable, Sendable, Equatable {
    public var answers: ConsentAnswers
    public var recordedBy: String
    public var recordedAt: String

    public init(answers: ConsentAnswers, recordedBy: String, recordedAt: String) {
        self.answers = answers
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
