import Foundation
import SanadCore

/// An awareness-raising event as recorded. It holds no personal data: participants are counts by group.
public struct EventView: Sendable, Equatable {
    public let id: UUID
    public let type: String
    public let title: String
    public let startDate: String
    public let endDate: String?
    public let statePcode: String
    public let localityPcode: String?
    public let centreCode: String
    public let partners: [String]
    /// Participants by sex and children/adults.
    public let participants: [ParticipantGroup: Int]
    public let community: String?
    public let materialCounts: [DistributedMaterial]
    public let notes: String?

    public var totalParticipants: Int { participants.values.reduce(0, +) }
}

extension EventView {
    init(_ record: AwarenessEventRecord) {
        var groups: [ParticipantGroup: Int] = [:]
        for (sex, age, key) in EventService.cells {
            if let group = ParticipantGroup(sex: sex, age: age) { groups[group] = record[keyPath: key] }
        }
        self.init(
            id: record.id!, type: record.type, title: record.title, startDate: record.startDate,
            endDate: record.endDate, statePcode: record.statePcode, localityPcode: record.localityPcode,
            centreCode: record.centreCode, partners: record.partners, participants: groups,
            community: record.community,
            materialCounts: record.materials.compactMap {
                // Stored as "kind<TAB>count" per material, in the order given.
                let parts = $0.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let count = Int(parts[1]) else { return nil }
                return DistributedMaterial(kind: String(parts[0]), count: count)
            }, notes: record.notes)
    }
}
