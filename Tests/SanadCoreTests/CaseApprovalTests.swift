import Testing

@testable import SanadCore

@Suite struct CaseApprovalTests {
    @Test func whoMayApprove() {
        #expect(
            ApprovalRules.mayApprove(
                approverID: "sup-1", approverIsSupervisor: true, caseCaseworkerID: "cw-1", selfApprovalGranted: false))
        #expect(
            !ApprovalRules.mayApprove(
                approverID: "cw-2", approverIsSupervisor: false, caseCaseworkerID: "cw-1", selfApprovalGranted: true))
        #expect(
            !ApprovalRules.mayApprove(
                approverID: "sup-1", approverIsSupervisor: true, caseCaseworkerID: "sup-1", selfApprovalGranted: false))
        #expect(
            ApprovalRules.mayApprove(
                approverID: "sup-1", approverIsSupervisor: true, caseCaseworkerID: "sup-1", selfApprovalGranted: true))
        #expect(
            ApprovalRules.refusal(
                approverID: "sup-1", approverIsSupervisor: true, caseCaseworkerID: "sup-1", selfApprovalGranted: false)
                == .selfApprovalNotGranted)
    }

    @Test func rejectionNeedsComment() {
        func record(_ decision: ApprovalDecision, _ comment: String) -> Result<Approval, ApprovalError> {
            Approval.record(
                kind: .carePlan, decision: decision, comment: comment, approverID: "sup-1",
                approverIsSupervisor: true, caseCaseworkerID: "cw-1", selfApprovalGranted: false)
        }
        #expect(record(.rejected, "  \n") == .failure(.commentRequired))
        #expect((try? record(.rejected, " Add MHPSS sessions. ").get())?.comment == "Add MHPSS sessions.")
        #expect((try? record(.approved, "").get())?.decision == .approved)
        let bySelf = Approval.record(
            kind: .traffickingConfirmation, decision: .approved, comment: "ok", approverID: "cw-1",
            approverIsSupervisor: true, caseCaseworkerID: "cw-1", selfApprovalGranted: false)
        #expect(bySelf == .failure(.selfApprovalNotGranted))
        #expect(ApprovalKind.allCases.map(\.rawValue) == ["care-plan", "closure", "trafficking-confirmation"])
    }
}
