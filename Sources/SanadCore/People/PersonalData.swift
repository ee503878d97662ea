/// The fields of a person that are encrypted at rest, as one sealed payload bound to the person's id.
public struct PersonalData: Codable, Sendable, Equatable {
    public var nameOriginal: String
    public var nameLatin: String
    public var birthDate: String?
    public var phone: String?
    public var documents: [IdentityDocument]
    public var route: String?
    public var notes: String?

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
