import Fluent
import Foundation
import SanadCore

/// The service catalogue: built-in types plus those an administrator added. Not personal data, so anyone
/// signed in may read it; only administrators add to it.
public struct ServiceTypeService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    public func all() async throws -> [ServiceKind] { try await ServiceCatalogue.all(on: db) }

    public func add(code: String?, english: String?, arabic: String?, unit: String?) async throws -> ServiceKind {
        try await ServiceCatalogue.add(
            code: code, english: english, arabic: arabic, unit: unit, actor: actor, context: context, on: db)
    }
}

enum ServiceCatalogue {
    static func all(on db: any Database) async throws -> [ServiceKind] {
        let added = try await ServiceCatalogueEntry.query(on: db).sort(\.$code).all().map {
            ServiceKind(code: $0.code, english: $0.labelEnglish, arabic: $0.labelArabic, unit: $0.unit)
        }
        return ServiceKind.builtIn + added
    }

    static func add(
        code: String?, english: String?, arabic: String?, unit: String?, actor: Actor, context: StoreContext,
        on db: any Database
    ) async throws -> ServiceKind {
        guard AccessPolicy.decide(actor, .manageServiceCatalogue) == .allow else { throw StoreError.forbidden }
        let existing = Set(try await all(on: db).map(\.code))
        let kind: ServiceKind
        switch ServiceKind.validate(code: code, english: english, arabic: arabic, unit: unit, existing: existing) {
        case .success(let k): kind = k
        case .failure(let e): throw CaseError.invalid(e)
        }
        let entry = ServiceCatalogueEntry()
        entry.id = UUID()
        entry.code = kind.code
        entry.labelEnglish = kind.english
        entry.labelArabic = kind.arabic
        entry.unit = kind.unit
        try await entry.createAudited(
            action: "service-type.add", actorID: actor.userID, recordType: "service-type", recordID: kind.code,
            now: context.clock(), key: context.keys.audit, on: db)
        return kind
    }
}

extension CaseService {
    /// Records a service on a case. A delivered service on a case whose plan is approved starts its assistance.
    public func recordService(_ id: UUID, _ draft: ServiceDraft) async throws -> ServiceView {
        let catalogue = try await ServiceCatalogue.all(on: db)
        let valid: ServiceDraft.Valid
        switch draft.validate(today: today, catalogue: catalogue) {
        case .success(let v): valid = v
        case .failure(let e): throw CaseError.invalid(e)
        }
        let partner = try await PartnerService.partnerID(valid.partner, on: db)
        let service = ServiceRecord()
        service.id = UUID()
        _ = try await change(id, expectedVersion: nil, audit: "case.service") { record, tx in
            try record.requireOpen()
            let stage = CaseStage(rawValue: record.stage) ?? .opened
            if valid.status == .delivered && stage == .planApproved { try apply(.startAssistance, to: record) }
            service.caseID = record.id!
            service.personID = record.personID
            service.centreCode = record.centreCode
            service.date = valid.date.description
            service.serviceType = valid.type.code
            service.quantity = valid.quantity
            service.unit = valid.type.unit
            service.status = valid.status.rawValue
            service.partnerID = partner
            service.cost = valid.cost
            service.currency = valid.currency
            service.recordedBy = actorUUID
            service.createdAt = context.clock()
            try await service.create(on: tx)
        }
        return ServiceView(service)
    }

    /// Marks a planned service delivered (dated today at the latest) or cancelled.
    /// A planned service was delivered (starting assistance on an approved plan, as a delivered record does) or
    /// is cancelled.
    public func setServiceStatus(_ id: UUID, service serviceID: UUID, status: ServiceStatus) async throws {
        guard status != .planned else { throw CaseError.invalid(CaseValidationError(["status": .unknownValue])) }
        _ = try await change(id, expectedVersion: nil, audit: "case.service.status") { record, tx in
            try record.requireOpen()
            guard let service = try await ServiceRecord.find(serviceID, on: tx), service.caseID == record.id else {
                throw StoreError.notFound
            }
            guard service.status == ServiceStatus.planned.rawValue else { throw CaseError.serviceNotPlanned }
            if status == .delivered, let date = CivilDate(service.date), date > today {
                throw CaseError.invalid(CaseValidationError(["date": .futureDate]))
            }
            if status == .delivered && service.quantity <= 0 {
                throw CaseError.invalid(CaseValidationError(["quantity": .outOfRange]))
            }
            if status == .delivered && CaseStage(rawValue: record.stage) == .planApproved {
                try apply(.startAssistance, to: record)
            }
            service.status = status.rawValue
            try await service.update(on: tx)
        }
    }
}
