import Foundation

/// Something that is due on a case: computed from plans, referrals, returns and follow-ups each time it is asked
/// for, never kept as a separate list that could drift from them.
public struct WorkItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case planItem = "plan-item"
        case referralAnswer = "referral-answer"
        case avrrStep = "avrr-step"
        case followUp = "follow-up"
        case approval
        case transfer
        case unassigned
    }

    public let kind: Kind
    public let caseID: UUID
    public let due: CivilDate?
    /// Short, non-personal detail: a service code, a step, a status.
    public let detail: String

    public init(kind: Kind, caseID: UUID, due: CivilDate?, detail: String) {
        self.kind = kind
        self.caseID = caseID
        self.due = due
        self.detail = detail
    }

    public func isOverdue(today: CivilDate) -> Bool { due.map { $0 < today } ?? false }

    /// Overdue first (longest overdue at the top), then by due date, then items without a date.
    public static func ordered(_ items: [WorkItem], today: CivilDate) -> [WorkItem] {
        items.sorted { a, b in
            let ao = a.isOverdue(today: today)
            let bo = b.isOverdue(today: today)
            if ao != bo { return ao }
            switch (a.due, b.due) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.kind.rawValue, a.caseID.uuidString) < (b.kind.rawValue, b.caseID.uuidString)
            }
        }
    }
}

/// Days a return is expected to wait at a step before it shows as overdue on "my work".
public enum AVRRStepTargets {
    public static func days(_ step: AVRRStep) -> Int {
        switch step {
        case .request, .eligibility, .counselling: return 7
        case .riskAssessment, .fitToTravel: return 7
        case .travelDocuments: return 30
        case .departureBooked: return 14
        case .departed, .received: return 7
        case .reintegrationPlan: return 30
        case .reintegrationAssistance, .monitoringVisits: return 90
        case .closed, .withdrawn, .ineligible: return 0
        }
    }
}
