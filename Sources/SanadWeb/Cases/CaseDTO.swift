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

    init(_ s: CaseSummary) {
        id = s.id
        personId = s.personID
        centre = s.centre
        caseworkerId = s.caseworkerID
        stage = s.stage.rawValue
        status = s.htcdsStatus.rawValue
        priority = s.priority.rawValue
        risk = s.risk.rawValue
        closureReason = s.closureReason?.rawValue
        openedOn = s.openedOn
        closedOn = s.closedOn
        version = s.version
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

    init(_ s: ServiceView) {
        id = s.id
        date = s.date
        type = s.type
        quantity = s.quantity
        unit = s.unit
        status = s.status.rawValue
        partnerId = s.partnerID
        cost = s.cost
        currency = s.currency
        fromShelterStay = s.fromStay
    }
}

struct ReferralOut: Content {
    let id: UUID
    let caseId: UUID
    let partnerId: UUID
    let partnerName: String
    let service: String
    let urgency: String
    let reason: String
    let shared: [String: String]
    let status: String
    let declineReason: String?
    let sentOn: String
    let answerDue: String
    let overdue: Bool
    let version: Int

    init(_ r: ReferralView, today: CivilDate) {
        id = r.id
        caseId = r.caseID
        partnerId = r.partnerID
        partnerName = r.partnerName
        service = r.service
        urgency = r.urgency.rawValue
        reason = r.reason.rawValue
        shared = Dictionary(uniqueKeysWithValues: r.shared.map { ($0.key.rawValue, $0.value) })
        status = r.status.rawValue
        declineReason = r.declineReason
        sentOn = r.sentOn
        answerDue = r.answerDue
        overdue = r.isOverdue(today: today)
        version = r.version
    }
}

struct ReferralListOut: Content {
    let items: [ReferralOut]
    let page: Int
    let total: Int
}

struct ReturnOut: Content {
    struct Step: Content {
        let step: String
        let date: String
        let by: UUID
        let documents: String?
    }

    let id: UUID
    let caseId: UUID
    let country: String
    let place: String
    let step: String
    let stepSince: String
    let waitingDays: Int
    let steps: [Step]
    let version: Int

    init(_ r: ReturnView, today: CivilDate) {
        id = r.id
        caseId = r.caseID
        country = r.country
        place = r.place
        step = r.step.rawValue
        stepSince = r.stepSince
        waitingDays = r.step.isTerminal ? 0 : r.waitingDays(today: today)
        steps = r.steps.map { Step(step: $0.step.rawValue, date: $0.date, by: $0.byUser, documents: $0.documents) }
        version = r.version
    }
}

struct StayOut: Content {
    let id: UUID
    let bedId: UUID
    let caseId: UUID
    let checkIn: String
    let checkOut: String?

    init(_ s: StayView) {
        id = s.id
        bedId = s.bedID
        caseId = s.caseID
        checkIn = s.checkIn
        checkOut = s.checkOut
    }
}

struct BedOut: Content {
    let id: UUID
    let shelter: String
    let room: String
    let label: String
    let restriction: String
    let occupied: Bool
    let stay: StayOut?

    init(_ b: BedView) {
        id = b.id
        shelter = b.shelter
        room = b.room
        label = b.label
        restriction = b.restriction.rawValue
        occupied = b.occupied
        stay = b.stay.map(StayOut.init)
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

    init(_ f: CaseFile, today: CivilDate) {
        `case` = CaseOut(f.summary)
        notes = f.notes.map { Note(author: $0.authorID, at: $0.at, text: $0.text) }
        approvals = f.approvals.map {
            ApprovalOut(
                id: $0.id, kind: $0.kind.rawValue, status: $0.status, subject: $0.subject, requestedBy: $0.requestedBy,
                decidedBy: $0.decidedBy, comment: $0.comment)
        }
        plan = f.plan.map {
            PlanItemOut(
                id: $0.id, need: $0.need, service: $0.service, partnerId: $0.partnerID, due: $0.due, status: $0.status)
        }
        services = f.services.map(ServiceOut.init)
        referrals = f.referrals.map { ReferralOut($0, today: today) }
        returns = f.returns.map { ReturnOut($0, today: today) }
        followUps = f.followUps.map { FollowUpOut(id: $0.id, due: $0.due, note: $0.note, done: $0.done) }
        stay = f.stay.map(StayOut.init)
    }
}

struct PartnerOut: Content {
    let id: UUID
    let name: String
    let type: String
    let services: [String]
    let states: [String]
    let focalPoint: String?
    let contact: String?
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

struct ReferralBody: Content {
    var partner: String?
    var service: String?
    var urgency: String?
    var reason: String?
    var shared: [String]?
    var note: String?
}

struct ConsentBody: Content {
    var partner: UUID?
    var given: Bool?
}

struct ReferralAnswerBody: Content {
    var decision: String?
    var reason: String?
    var version: Int?
}

struct ReturnBody: Content {
    var country: String?
    var place: String?
    var date: String?
}

struct ReturnStepBody: Content {
    var step: String?
    var date: String?
    var documents: String?
    var version: Int?
}

struct StayBody: Content {
    var bed: UUID?
    var checkIn: String?
}

struct CheckOutBody: Content { var checkOut: String? }
