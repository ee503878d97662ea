import Foundation

/// A partner organisation in the directory. Nothing here is about a migrant.
public struct PartnerView: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let orgType: String
    public let services: [String]
    public let states: [String]
    public let focalPoint: String?
    public let contact: String?
}

extension PartnerView {
    init(_ partner: Partner) {
        self.init(
            id: partner.id!, name: partner.name, orgType: partner.orgType, services: partner.services,
            states: partner.states, focalPoint: partner.focalPoint, contact: partner.contact)
    }
}
