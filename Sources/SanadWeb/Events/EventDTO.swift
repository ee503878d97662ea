import Foundation
import SanadCore
import SanadStore
import Vapor

struct EventBody: Content {
    struct Material: Content {
        var kind: String?
        var count: Int?
    }

    var type: String?
    var title: String?
    var startDate: String?
    var endDate: String?
    var state: String?
    var locality: String?
    var centre: String?
    var partners: [String]?
    var participants: [String: Int]?
    var community: String?
    var materials: [Material]?
    var notes: String?
}

struct EventOut: Content {
    let id: UUID
    let type: String
    let title: String
    let startDate: String
    let endDate: String?
    let state: String
    let locality: String?
    let centre: String
    let partners: [String]
    let participants: [String: Int]
    let participantsTotal: Int
    let community: String?
    let materials: [EventBody.Material]
    let notes: String?
}

extension EventOut {
    init(_ e: EventView) {
        self.init(
            id: e.id, type: e.type, title: e.title, startDate: e.startDate, endDate: e.endDate, state: e.statePcode,
            locality: e.localityPcode, centre: e.centreCode, partners: e.partners,
            participants: Dictionary(uniqueKeysWithValues: e.participants.map { ($0.key.description, $0.value) }),
            participantsTotal: e.totalParticipants, community: e.community,
            materials: e.materialCounts.map { EventBody.Material(kind: $0.kind, count: $0.count) }, notes: e.notes)
    }
}

struct EventListOut: Content {
    let items: [EventOut]
    let page: Int
    let total: Int
}
