import Foundation
import SanadCore
import SanadStore
import Vapor

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
}

extension BedOut {
    init(_ b: BedView) {
        self.init(
            id: b.id, shelter: b.shelter, room: b.room, label: b.label, restriction: b.restriction.rawValue,
            occupied: b.occupied, stay: b.stay.map(StayOut.init))
    }
}

struct StayBody: Content {
    var bed: UUID?
    var checkIn: String?
}

struct CheckOutBody: Content { var checkOut: String? }

struct ShelterOut: Content {
    let id: UUID
    let name: String
}

struct ShelterBody: Content { var name: String? }

/// Beds of one room: their labels, and who may sleep there (`none`, `women`, `women-and-children`, `children`, `men`).
struct BedsBody: Content {
    var shelter: UUID?
    var room: String?
    var labels: [String]?
    var restriction: String?
}
