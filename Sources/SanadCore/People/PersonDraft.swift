/// A person as submitted by a form or the API, before validation: every value as text.
public struct PersonDraft: Sendable, Equatable {
    public var nameOriginal: String?
    public var nameLatin: String?
    public var sex: String?
    public var birthDate: String?
    public var estimatedAge: String?
    public var nationality: String?
    public var languages: [String] = []
    public var phone: String?
    public var documents: [DocumentDraft] = []
    public var arrivalDate: String?
    public var route: String?
    public var notes: String?
    public var flags: [String] = []
    public var consent = ConsentAnswers()
    public var centre: String?

    public init() {}
}

public struct DocumentDraft: Sendable, Equatable {
    public var type: String?
    public var number: String?
    public var issuingCountry: String?

    public init(type: String?, number: String?, issuingCountry: String?) {
        self.type = type
        self.number = number
        self.issuingCountry = issuingCountry
    }
}

/// The fields a validation error can name; raw values are the HTML form names.
public enum PersonField: String, CaseIterable, Sendable {
    case nameOriginal = "name_original"
    case nameLatin = "name_latin"
    case sex
    case birthDate = "birth_date"
    case estimatedAge = "age_estimate"
    case nationality
    case languages
    case phone
    case documentType = "document_type"
    case documentNumber = "document_number"
    case documentCountry = "document_country"
    case arrivalDate = "arrival_date"
    case route
    case notes
    case flags
    case centre

    /// The member name in the JSON API.
    public var jsonName: String {
        switch self {
        case .nameOriginal: return "nameOriginal"
        case .nameLatin: return "nameLatin"
        case .birthDate: return "birthDate"
        case .estimatedAge: return "estimatedAge"
        case .documentType, .documentNumber, .documentCountry: return "documents"
        case .arrivalDate: return "arrivalDate"
        default: return rawValue
        }
    }
}

/// Why a value was refused; the raw value is the message key in the UI catalogues (`error.<raw>`).
public enum ValidationCode: String, Sendable, CaseIterable {
    case required
    case tooLong = "too-long"
    case invalidDate = "invalid-date"
    case futureDate = "future-date"
    case implausibleDate = "implausible-date"
    case invalidNumber = "invalid-number"
    case outOfRange = "out-of-range"
    case unknownValue = "unknown-value"
    case birthDateAndAge = "birth-date-and-age"
    case invalidPhone = "invalid-phone"
    case duplicate
    case tooEarly = "too-early"

    /// English text for API problem details, which are not localised.
    public var englishMessage: String {
        switch self {
        case .required: return "This field is required."
        case .tooLong: return "This value is too long."
        case .invalidDate: return "Use a date in the form YYYY-MM-DD."
        case .futureDate: return "This date is in the future."
        case .implausibleDate: return "This date is too far in the past."
        case .invalidNumber: return "Use a whole number."
        case .outOfRange: return "This number is out of range."
        case .unknownValue: return "This value is not one of the allowed values."
        case .birthDateAndAge: return "Give either a date of birth or an estimated age, not both."
        case .invalidPhone: return "Use digits, spaces and an optional leading +, 6 to 15 digits."
        case .duplicate: return "This value is already used."
        case .tooEarly: return "This date is before an earlier date it must follow."
        }
    }
}

public struct FieldError: Sendable, Equatable {
    public let field: PersonField
    public let code: ValidationCode

    public init(_ field: PersonField, _ code: ValidationCode) {
        self.field = field
        self.code = code
    }
}
