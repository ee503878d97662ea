/// The fields of a person that are encrypted at rest, as one sealed payload bound to the person's id.
public struct PersonalData: Codable, Sendable, Equatable {
    public var nameOriginal: String
    public var nameLatin: String
    public var birthDate: String?
    public var phone: String?
    public var documents: [IdentityDocument]
    public var route: String?
    public var notes: String?
    /// Names from records merged into this one: every variant stays findable.
    public var aliases: [String] = []
    /// Phone numbers from merged records.
    public var otherPhones: [String] = []
    /// Set when the person's personal data was erased on request (`sanad people erase`): every other field is
    /// empty, and the record stays only for the figures it is part of.
    public var erasure: Erasure?

    public init(
        nameOriginal: String, nameLatin: String, birthDate: String? = nil, phone: String? = nil,
        documents: [IdentityDocument] = [], route: String? = nil, notes: String? = nil
    ) {
        self.nameOriginal = nameOriginal
        self.nameLatin = nameLatin
        self.birthDate = birthDate
        self.phone = phone
        self.documents = documents
        self.route = route
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case nameOriginal, nameLatin, birthDate, phone, documents, route, notes, aliases, otherPhones, erasure
    }

    /// Payloads sealed before merging existed have no aliases; they read as none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nameOriginal = try c.decode(String.self, forKey: .nameOriginal)
        nameLatin = try c.decode(String.self, forKey: .nameLatin)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        documents = try c.decodeIfPresent([IdentityDocument].self, forKey: .documents) ?? []
        route = try c.decodeIfPresent(String.self, forKey: .route)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        otherPhones = try c.decodeIfPresent([String].self, forKey: .otherPhones) ?? []
        erasure = try c.decodeIfPresent(Erasure.self, forKey: .erasure)
    }

    /// What stays of a person's personal data after erasure: when, and the reason the administrator gave.
    public struct Erasure: Codable, Sendable, Equatable {
        public let on: String
        public let reason: String

        public init(on: String, reason: String) {
            self.on = on
            self.reason = reason
        }
    }

    /// The personal data of an erased person: no name, contact, document, route or note.
    public static func erased(on date: String, reason: String) -> PersonalData {
        var data = PersonalData(nameOriginal: "", nameLatin: "")
        data.erasure = Erasure(on: date, reason: reason)
        return data
    }

    /// Every name form this person is known by.
    public var allNames: [String] { ([nameOriginal, nameLatin] + aliases).filter { !$0.isEmpty } }
}

/// The fields of a person kept in clear because reports need them; none identifies a person alone.
public struct PersonFacts: Codable, Sendable, Equatable {
    public var sex: Gender
    /// Year of birth, from the date of birth or the estimated age; nil when unknown.
    public var birthYear: Int?
    public var estimatedAge: Int?
    public var nationality: String?
    public var languages: [String]
    public var arrivalDate: String?
    public var flags: Set<PersonFlag>
    public var consent: ConsentAnswers

    public init(
        sex: Gender, birthYear: Int?, estimatedAge: Int?, nationality: String?, languages: [String],
        arrivalDate: String?, flags: Set<PersonFlag>, consent: ConsentAnswers
    ) {
        self.sex = sex
        self.birthYear = birthYear
        self.estimatedAge = estimatedAge
        self.nationality = nationality
        self.languages = languages
        self.arrivalDate = arrivalDate
        self.flags = flags
        self.consent = consent
    }
}
