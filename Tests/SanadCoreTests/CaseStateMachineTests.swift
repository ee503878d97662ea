import Foundation
import Testing

@testable import SanadCore

@Suite struct CaseStateMachineTests {
    /// Independent expectation: "stage event" → next stage; every other pair must be refused.
    static let expected: [String: CaseStage] = [
        "opened assess": .assessed,
        "opened close": .closed,
        "assessed approve-plan": .planApproved,
        "assessed close": .closed,
        "plan-approved start-assistance": .assistance,
        "plan-approved close": .closed,
        "assistance start-follow-up": .followUp,
        "assistance close": .closed,
        "follow-up start-assistance": .assistance,
        "follow-up close": .closed,
        "closed reopen": .opened,
    ]

    static let events: [CaseEvent] = [
        .assess, .approvePlan, .startAssistance, .startFollowUp, .close(reason: .goalsMet), .reopen,
    ]

    @Test func everyStageAndEventPair() {
        #expect(Self.events.map(\.kind) == CaseEvent.Kind.allCases)
        var allowed = 0
        for stage in CaseStage.allCases {
            for event in Self.events {
                let key = "\(stage.rawValue) \(event.kind.rawValue)"
                switch CaseStateMachine.apply(event, to: stage) {
                case .success(let next):
                    #expect(Self.expected[key] == next, "\(key)")
                    allowed += 1
                case .failure(let error):
                    #expect(Self.expected[key] == nil, "\(key) was refused: \(error)")
                    #expect(error.from == stage && error.event == event.kind)
                    #expect(!error.description.isEmpty && error.description.hasSuffix("."))
                }
            }
        }
        #expect(allowed == Self.expected.count)
        #expect(CaseStage.allCases.count * Self.events.count == 36)
    }

    @Test func everyClosureReasonCloses() {
        for reason in ClosureReason.allCases {
            #expect(CaseStateMachine.apply(.close(reason: reason), to: .followUp) == .success(.closed))
        }
    }

    @Test func errorMessages() {
        func message(_ event: CaseEvent, _ stage: CaseStage) -> String? {
            if case .failure(let error) = CaseStateMachine.apply(event, to: stage) { return error.description }
            return nil
        }
        #expect(
            message(.startAssistance, .opened)
                == "A case that is opened cannot start assistance before its care plan is approved.")
        #expect(
            message(.approvePlan, .opened)
                == "A case that is opened cannot have its care plan approved before it is assessed.")
        #expect(
            message(.startFollowUp, .planApproved)
                == "A case whose care plan is approved cannot start follow-up before assistance has started.")
        #expect(message(.reopen, .assistance) == "A case in assistance cannot be reopened because it is not closed.")
        #expect(message(.assess, .closed) == "A case that is closed cannot be assessed until it is reopened.")
        #expect(
            message(.close(reason: .other), .closed)
                == "A case that is closed cannot be closed because it is already closed.")
        #expect(
            message(.assess, .followUp) == "A case in follow-up cannot be assessed because that step is already done.")
    }

    @Test func htcdsStatus() {
        for stage in [CaseStage.opened, .assessed, .planApproved, .assistance] {
            #expect(stage.htcdsStatus() == .active)
        }
        #expect(CaseStage.followUp.htcdsStatus() == .followUp)
        #expect(CaseStage.closed.htcdsStatus(closureReason: .goalsMet) == .closed)
        #expect(CaseStage.closed.htcdsStatus(closureReason: .referred) == .closedReferred)
        #expect(HTCDSCaseStatus.allCases.map(\.rawValue) == ["Active", "FollowUp", "Closed", "ClosedReferred"])
    }

    @Test func codableAndApprovalsNeeded() throws {
        #expect(CaseStage.planApproved.rawValue == "plan-approved")
        #expect(ClosureReason.declinedAssistance.rawValue == "declined-assistance")
        let event = CaseEvent.close(reason: .lostContact)
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(CaseEvent.self, from: data) == event)
        #expect(event.requiredApproval == .closure)
        #expect(CaseEvent.approvePlan.requiredApproval == .carePlan)
        #expect(CaseEvent.assess.requiredApproval == nil)
    }
}
