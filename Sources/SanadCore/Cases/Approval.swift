import Foundation

/// What a supervisor is asked to approve.
public enum ApprovalKind: String, Sendable, Codable, CaseIterable, Hashable {
    case carePlan = "care-plan"
    case closure
    case traffickingConfirmation = "trafficking-confirmation"
}

/// A supervisor's answer.
public enum ApprovalDecision: String, Sendable, Codable, CaseIterable, Hashable {
    case approved
    case rejected

    /// A rejection must say why; an approval's comment may be empty.
    public var requiresComment: Bool { self == .rejected }
}

/// Why an approval cannot be recorded.
public enum ApprovalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notSupervisor
    case selfApprovalNotGranted
    case commentRequired

    public var description: String {
        switch self {
        case .notSupervisor: return "Only a supervisor can approve or reject."
        case .selfApprovalNotGranted:
            return "You cannot approve your own case unless an administrator has granted it."
        case .commentRequired: return "A rejection needs a comment saying why."
        }
    }
}

/// A recorded approval or rejection, always with the approver and a comment.
public struct Approval: Sendable, Codable, Hashable {
    public let kind: ApprovalKind
    public let decision: ApprovalDecision
    public let approverID: String
    public let comment: String

    /// Checks the approver's right and the comment, then builds the record.
    public static func record(
        kind: ApprovalKind, decision: ApprovalDecision, comment: String, approverID: String,
        approverIsSupervisor: Bool, caseCaseworkerID: String, selfApprovalGranted: Bool
    ) -> Result<Approval, ApprovalError> {
        if let error = ApprovalRules.refusal(
            approverID: approverID, approverIsSupervisor: approverIsSupervisor,
            caseCaseworkerID: caseCaseworkerID, selfApprovalGranted: selfApprovalGranted)
        {
            return .failure(error)
        }
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision.requiresComment && trimmed.isEmpty { return .failure(.commentRequired) }
        return .success(Approval(kind: kind, decision: decision, approverID: approverID, comment: trimmed))
    }
}

/// Who may approve care plans, closures and trafficking confirmations.
public enum ApprovalRules {
    public static func mayApprove(
        approverID: String, approverIsSupervisor: Bool, caseCaseworkerID: String, selfApprovalGranted: Bool
    ) -> Bool {
        refusal(
            approverID: approverID, approverIsSupervisor: approverIsSupervisor,
            caseCaseworkerID: caseCaseworkerID, selfApprovalGranted: selfApprovalGranted) == nil
    }

    /// Why this approver may not decide, or nil when they may.
    public static func refusal(
        approverID: String, approverIsSupervisor: Bool, caseCaseworkerID: String, selfApprovalGranted: Bool
    ) -> ApprovalError? {
        guard approverIsSupervisor, !approverID.isEmpty else { return .notSupervisor }
        if approverID == caseCaseworkerID && !selfApprovalGranted { return .selfApprovalNotGranted }
        return nil
    }
}
