import Foundation
import SanadCore

/// A case as a list shows it: no personal fields.
public struct CaseSummary: Sendable, Equatable {
    public let id: UUID
    public let personID: UUID
    public let centre: String
    public let caseworkerID: UUID?
    public let stage: CaseStage
    public let priority: CasePriority
    public let risk: CaseRisk
    public let closureReason: ClosureReason?
    public let openedOn: String
    public let closedOn: String?
    public let version: Int

    public var htcdsStatus: HTCDSCaseStatus { stage.htcdsStatus(closureReason: closureReason) }

    init(_ r: CaseRecord) {
        id = r.id!
        personID = r.personID
        centre = r.centreCode
        caseworkerID = r.caseworkerID
        stage = CaseStage(rawValue: r.stage) ?? .opened
        priority = CasePriority(rawValue: r.priority) ?? .normal
        risk = CaseRisk(rawValue: r.risk) ?? .medium
        closureReason = r.closureReason.flatMap(ClosureReason.init(rawValue:))
        openedOn = r.openedOn
        closedOn = r.closedOn
        version = r.version
    }
}

public struct NoteView: Sendable, Equatable {
    public let authorID: UUID
    public let at: Date
    public let text: String
}

public struct ApprovalView: Sendable, Equatable {
    public let id: UUID
    public let kind: ApprovalKind
    public let status: String
    public let subject: String?
    public let requestedBy: UUID
    public let requestedAt: Date
    public let decidedBy: UUID?
    public let comment: String?
}

public struct TransferView: Sendable, Equatable {
    public let id: UUID
    public let caseID: UUID
    public let fromCentre: String
    public let toCentre: String
    public let toUser: UUID?
    public let status: TransferStatus
    public let reason: String?
    public let requestedAt: Date
}

public struct PlanItemView: Sendable, Equatable {
    public let id: UUID
    public let need: String
    public let service: String
    public let partnerID: UUID?
    public let due: String
    public let status: String
}

public struct FollowUpView: Sendable, Equatable {
    public let id: UUID
    public let due: String
    public let note: String
    public let done: Bool
}

public struct ServiceView: Sendable, Equatable {
    public let id: UUID
    public let caseID: UUID
    public let date: String
    public let type: String
    public let quantity: Double
    public let unit: String
    public let status: ServiceStatus
    public let partnerID: UUID?
    public let cost: Double?
    public let currency: String?
    public let recordedBy: UUID
    public let fromStay: Bool

    init(_ r: ServiceRecord) {
        id = r.id!
        caseID = r.caseID
        date = r.date
        type = r.serviceType
        quantity = r.quantity
        unit = r.unit
        status = ServiceStatus(rawValue: r.status) ?? .planned
        partnerID = r.partnerID
        cost = r.cost
        currency = r.currency
        recordedBy = r.recordedBy
        fromStay = r.stayID != nil
    }
}

/// Everything on a case page, loaded and decrypted once.
public struct CaseFile: Sendable {
    public let summary: CaseSummary
    public let notes: [NoteView]
    public let approvals: [ApprovalView]
    public let transfers: [TransferView]
    public let plan: [PlanItemView]
    public let followUps: [FollowUpView]
    public let services: [ServiceView]
    public let referrals: [ReferralView]
    public let returns: [ReturnView]
    public let stay: StayView?

    public var pendingApproval: ApprovalView? { approvals.first { $0.status == "pending" } }
    public var pendingTransfer: TransferView? { transfers.first { $0.status == .requested } }
}
