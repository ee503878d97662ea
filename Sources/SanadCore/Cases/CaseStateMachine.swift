import Foundation

/// Where a case stands in its life: opened → assessed → care plan approved → assistance → follow-up → closed.
public enum CaseStage: String, Sendable, Codable, CaseIterable, Hashable {
    case opened
    case assessed
    case planApproved = "plan-approved"
    case assistance
    case followUp = "follow-up"
    case closed

    /// The HTCDS case status. A closed case is `ClosedReferred` when it was closed because it was referred.
    public func htcdsStatus(closureReason: ClosureReason? = nil) -> HTCDSCaseStatus {
        switch self {
        case .opened, .assessed, .planApproved, .assistance: return .active
        case .followUp: return .followUp
        case .closed: return closureReason == .referred ? .closedReferred : .closed
        }
    }
}

/// HTCDS case status codes, spelled as the standard spells them.
public enum HTCDSCaseStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case active = "Active"
    case followUp = "FollowUp"
    case closed = "Closed"
    case closedReferred = "ClosedReferred"
}

/// Why a case was closed.
public enum ClosureReason: String, Sendable, Codable, CaseIterable, Hashable {
    case goalsMet = "goals-met"
    case referred
    case returnedHome = "returned-home"
    case lostContact = "lost-contact"
    case declinedAssistance = "declined-assistance"
    case deceased
    case other
}

/// Something done to a case that may move it to another stage.
public enum CaseEvent: Sendable, Codable, Hashable {
    case assess
    case approvePlan
    case startAssistance
    case startFollowUp
    case close(reason: ClosureReason)
    case reopen

    /// The event without its data, as the transition table keys it.
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case assess
        case approvePlan = "approve-plan"
        case startAssistance = "start-assistance"
        case startFollowUp = "start-follow-up"
        case close
        case reopen
    }

    public var kind: Kind {
        switch self {
        case .assess: return .assess
        case .approvePlan: return .approvePlan
        case .startAssistance: return .startAssistance
        case .startFollowUp: return .startFollowUp
        case .close: return .close
        case .reopen: return .reopen
        }
    }

    /// The supervisor approval this event needs before it may be applied, if any.
    public var requiredApproval: ApprovalKind? {
        switch self {
        case .approvePlan: return .carePlan
        case .close: return .closure
        default: return nil
        }
    }
}

/// A refused transition, with an English explanation for the user.
public struct TransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    public let from: CaseStage
    public let event: CaseEvent.Kind

    public init(from: CaseStage, event: CaseEvent.Kind) {
        self.from = from
        self.event = event
    }

    public var description: String {
        "\(Self.subject(from)) cannot \(Self.verb(event))\(Self.because(from, event))."
    }

    private static func subject(_ stage: CaseStage) -> String {
        switch stage {
        case .opened: return "A case that is opened"
        case .assessed: return "A case that is assessed"
        case .planApproved: return "A case whose care plan is approved"
        case .assistance: return "A case in assistance"
        case .followUp: return "A case in follow-up"
        case .closed: return "A case that is closed"
        }
    }

    private static func verb(_ event: CaseEvent.Kind) -> String {
        switch event {
        case .assess: return "be assessed"
        case .approvePlan: return "have its care plan approved"
        case .startAssistance: return "start assistance"
        case .startFollowUp: return "start follow-up"
        case .close: return "be closed"
        case .reopen: return "be reopened"
        }
    }

    private static func because(_ stage: CaseStage, _ event: CaseEvent.Kind) -> String {
        switch (stage, event) {
        case (.closed, .close): return " because it is already closed"
        case (.closed, _): return " until it is reopened"
        case (_, .reopen): return " because it is not closed"
        case (.opened, .approvePlan): return " before it is assessed"
        case (.opened, .startAssistance), (.assessed, .startAssistance):
            return " before its care plan is approved"
        case (.opened, .startFollowUp), (.assessed, .startFollowUp), (.planApproved, .startFollowUp):
            return " before assistance has started"
        default: return " because that step is already done"
        }
    }
}

/// The case life cycle as a table of allowed transitions.
public enum CaseStateMachine {
    /// Every allowed (stage, event) → next stage. Anything missing is refused.
    public static let transitions: [CaseStage: [CaseEvent.Kind: CaseStage]] = [
        .opened: [.assess: .assessed, .close: .closed],
        .assessed: [.approvePlan: .planApproved, .close: .closed],
        .planApproved: [.startAssistance: .assistance, .close: .closed],
        // Follow-up may show a new need: assistance can start again.
        .assistance: [.startFollowUp: .followUp, .close: .closed],
        .followUp: [.startAssistance: .assistance, .close: .closed],
        // A reopened case starts again and must be reassessed.
        .closed: [.reopen: .opened],
    ]

    public static func apply(_ event: CaseEvent, to stage: CaseStage) -> Result<CaseStage, TransitionError> {
        guard let next = transitions[stage]?[event.kind] else {
            return .failure(TransitionError(from: stage, event: event.kind))
        }
        return .success(next)
    }
}
