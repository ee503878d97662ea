import Foundation
import SanadCore
import SanadStore
import Vapor

struct CaseOut: Content {
    let id: UUID
    let personId: UUID
    let centre: String
    let caseworkerId: UUID?
    let stage: String
    let status: String
    let priority: String
    let risk: String
    let closureReason: String?
    let openedOn: String
    let closedOn: String?
    let version: Int
}

extension CaseOut {
    init(_ s: CaseSummary) {
        self.init(
            id: s.id, personId: s.personID, centre: s.centre, caseworkerId: s.caseworkerID, stage: s.stage.rawValue,
            status: s.htcdsStatus.rawValue, priority: s.priority.rawValue, risk: s.risk.rawValue,
            closureReason: s.closureReason?.rawValue, openedOn: s.openedOn, closedOn: s.closedOn, version: s.version)
    }
}

struct CaseListOut: Content {
    let items: [CaseOut]
    let page: Int
    let total: Int
}

struct ServiceOut: Content {
    let id: UUID
    let date: String
    let type: String
    let quantity: Double
    let unit: String
    let status: String
    let partnerId: UUID?
    let cost: Double?
    let currency: String?
    let fromShelterStay: Bool
}

extension ServiceOut {
    init(_ s: ServiceView) {
        self.init(
            id: s.id, date: s.date, type: s.type, quantity: s.quantity, unit: s.unit, status: s.status.rawValue,
            partnerId: s.partnerID, cost: s.cost, currency: s.currency, fromShelterStay: s.fromStay)
    }
}

struct CaseFileOut: Content {
    struct Note: Content {
        let author: UUID
        let at: Date
        let text: String
    }

    struct ApprovalOut: Content {
        let id: UUID
        let kind: String
        let status: String
        let subject: String?
        let requestedBy: UUID
        let decidedBy: UUID?
        let comment: String?
    }

    struct PlanItemOut: Content {
        let id: UUID
        let need: String
        let service: String
        let partnerId: UUID?
        let due: String
        let status: String
    }

    struct FollowUpOut: Content {
        let id: UUID
        let due: String
        let note: String
        let done: Bool
    }

    let `case`: CaseOut
    let notes: [Note]
    let approvals: [ApprovalOut]
    let plan: [PlanItemOut]
    let services: [ServiceOut]
    let referrals: [ReferralOut]
    let returns: [ReturnOut]
    let followUps: [FollowUpOut]
    let stay: StayOut?
    /// A transfer waiting for the receiving side's answer.
    let transfer: TransferOut?
}

extension CaseFileOut {
    init(_ f: CaseFile, today: CivilDate) {
        self.init(
            case: CaseOut(f.summary), notes: f.notes.map { Note(author: $0.authorID, at: $0.at, text: $0.text) },
            approvals: f.approvals.map {
                ApprovalOut(
                    id: $0.id, kind: $0.kind.rawValue, status: $0.status, subject: $0.subject,
                    requestedBy: $0.requestedBy,
                    decidedBy: $0.decidedBy, comment: $0.comment)
            },
            plan: f.plan.map {
                PlanItemOut(
                    id: $0.id, need: $0.need, service: $0.service, partnerId: $0.partnerID, due: $0.due,
                    status: $0.status)
            }, services: f.services.map(ServiceOut.init), referrals: f.referrals.map { ReferralOut($0, today: today) },
            returns: f.returns.map { ReturnOut($0, today: today) },
            followUps: f.followUps.map { FollowUpOut(id: $0.id, due: $0.due, note: $0.note, done: $0.done) },
            stay: f.stay.map(StayOut.init),
            transfer: f.pendingTransfer.map {
                TransferOut(
                    id: $0.id, fromCentre: $0.fromCentre, toCentre: $0.toCentre, toCaseworker: $0.toUser,
                    status: $0.status.rawValue, requestedAt: $0.requestedAt)
            })
    }
}

struct TransferOut: Content {
    let id: UUID
    let fromCentre: String
    let toCentre: String
    let toCaseworker: UUID?
    let status: String
    let requestedAt: Date
}

struct WorkItemOut: Content {
    let kind: String
    let caseId: UUID
    let due: String?
    let overdue: Bool
    let detail: String
}

struct OpenCaseBody: Content {
    var priority: String?
    var risk: String?
    var caseworker: UUID?
}

struct CaseEventBody: Content {
    var event: String?
    var version: Int?
    var priority: String?
    var risk: String?
}

struct NoteBody: Content { var text: String? }

struct PlanItemBody: Content {
    var need: String?
    var service: String?
    var partner: String?
    var due: String?
}

struct ApprovalRequestBody: Content {
    var kind: String?
    var subject: String?
}

struct ApprovalDecisionBody: Content {
    var decision: String?
    var comment: String?
}

struct ServiceBody: Content {
    var date: String?
    var type: String?
    var quantity: Double?
    var status: String?
    var partner: String?
    var cost: Double?
    var currency: String?
}

/// A new status for a plan item (`open`, `done`, `cancelled`) or a planned service (`delivered`, `cancelled`).
struct StatusChangeBody: Content { var status: String? }

struct FollowUpBody: Content {
    var due: String?
    var note: String?
}

/// The caseworker to assign; absent to leave the case unassigned.
struct AssignBody: Content { var caseworker: UUID? }

/// Another centre, or another caseworker, or both.
struct TransferBody: Content {
    var centre: String?
    var caseworker: UUID?
}

/// `accept` or `decline`; a decline needs a reason.
struct TransferAnswerBody: Content {
    var decision: String?
    var reason: String?
}
