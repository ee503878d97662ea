import Foundation
import SanadCore
import SanadStore
import Vapor

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
    /// The person withdrew consent to share with this partner; a partner then gets no shared fields.
    let consentWithdrawn: Bool
}

extension ReferralOut {
    init(_ r: ReferralView, today: CivilDate) {
        self.init(
            id: r.id, caseId: r.caseID, partnerId: r.partnerID, partnerName: r.partnerName, service: r.service,
            urgency: r.urgency.rawValue, reason: r.reason.rawValue,
            shared: Dictionary(uniqueKeysWithValues: r.shared.map { ($0.key.rawValue, $0.value) }),
            status: r.status.rawValue, declineReason: r.declineReason, sentOn: r.sentOn, answerDue: r.answerDue,
            overdue: r.isOverdue(today: today), version: r.version, consentWithdrawn: r.consentWithdrawn)
    }
}

struct ReferralListOut: Content {
    let items: [ReferralOut]
    let page: Int
    let total: Int
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

extension PartnerOut {
    init(_ p: PartnerView) {
        self.init(
            id: p.id, name: p.name, type: p.orgType, services: p.services, states: p.states, focalPoint: p.focalPoint,
            contact: p.contact)
    }
}

/// A partner organisation for the directory: its type, the services it gives and the states it covers.
struct PartnerBody: Content {
    var name: String?
    var type: String?
    var services: [String]?
    var states: [String]?
    var focalPoint: String?
    var contact: String?
}

struct ReferralBody: Content {
    var partner: String?
    var service: String?
    var urgency: String?
    var reason: String?
    var shared: [String]?
    var note: String?
    /// Ids of the case's or person's documents the partner may download (issue 15).
    var documents: [String]?
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
