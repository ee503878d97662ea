import SanadCore

/// Why a case-management action was refused. Each carries what the user needs to fix it.
public enum CaseError: Error, Sendable, Equatable {
    case invalid(CaseValidationError)
    case transition(TransitionError)
    /// Nothing is added to a closed case; it must be reopened first.
    case caseClosed
    case approval(ApprovalError)
    /// The step needs a supervisor's approval first; one has been asked for, or must be.
    case needsApproval(ApprovalKind)
    case approvalPending(ApprovalKind)
    case approvalAlreadyDecided
    case emptyPlan
    case referral(ReferralError)
    case stay(StayError)
    case avrr(AVRRError)
    case avrrAlreadyOpen
    case transfer(TransferError)
    case caseAlreadyOpen
    case unknownCaseworker
    case unknownPartner
    case unknownCentre
    /// Only a planned service becomes delivered or cancelled; a delivered one is a fact, corrected by a new record.
    case serviceNotPlanned
}

extension CaseRecord {
    /// Refuses changes to a closed case with one message, whatever the change.
    func requireOpen() throws {
        if stage == CaseStage.closed.rawValue { throw CaseError.caseClosed }
    }
}
