import SanadCore

/// What repositories refuse with. The web layer turns each into a status and a message in the user's language.
public enum StoreError: Error, Equatable, Sendable {
    case forbidden
    /// Unknown id, or a record outside the actor's scope where its existence is itself sensitive.
    case notFound
    case invalid([FieldError])
    /// The record changed since the version the caller based its change on.
    case versionConflict(current: Int)
    case duplicate(field: String)
}
