import Foundation

/// Fields refused by a case-management form, keyed by the form's field name, so that pages show each problem
/// beside its field and the API lists them all.
public struct CaseValidationError: Error, Sendable, Equatable {
    public let errors: [String: ValidationCode]

    public init(_ errors: [String: ValidationCode]) {
        self.errors = errors
    }

    public var englishSummary: String {
        errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.englishMessage)" }.joined(separator: " ")
    }
}

/// Collects field problems while a form is checked.
struct FieldChecks {
    var errors: [String: ValidationCode] = [:]

    mutating func check(_ ok: Bool, _ field: String, _ code: ValidationCode) {
        if !ok && errors[field] == nil { errors[field] = code }
    }

    static func tidy(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    /// A required date that is not after `latest` (when given).
    mutating func date(_ text: String?, _ field: String, notAfter latest: CivilDate? = nil, required: Bool = true)
        -> CivilDate?
    {
        guard let text = Self.tidy(text) else {
            check(!required, field, .required)
            return nil
        }
        guard let date = CivilDate(text) else {
            check(false, field, .invalidDate)
            return nil
        }
        if let latest { check(date <= latest, field, .futureDate) }
        return date
    }

    mutating func text(_ value: String?, _ field: String, max: Int, required: Bool = false) -> String? {
        let tidy = Self.tidy(value)
        check(tidy != nil || !required, field, .required)
        check((tidy?.count ?? 0) <= max, field, .tooLong)
        return tidy
    }

    func result<T>(_ value: @autoclosure () -> T) -> Result<T, CaseValidationError> {
        errors.isEmpty ? .success(value()) : .failure(CaseValidationError(errors))
    }
}

/// How soon a case needs attention.
public enum CasePriority: String, Sendable, Codable, CaseIterable, Hashable {
    case low, normal, high, urgent
}

/// The assessed risk to the person.
public enum CaseRisk: String, Sendable, Codable, CaseIterable, Hashable {
    case low, medium, high
}
