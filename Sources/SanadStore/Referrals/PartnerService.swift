import Fluent
import Foundation
import SQLKit
import SanadCore

/// A referral as its sender or the partner sees it. `shared` holds only what the person agreed to share.
public struct ReferralView: Sendable, Equatable {
    public let id: UUID
    public let caseID: UUID
    public let centre: String
    public let partnerID: UUID
    public let partnerName: String
    public let service: String
    public let urgency: ReferralUrgency
    public let reason: ReferralReason
    public let shared: [SharedField: String]
    public let note: String?
    public let status: ReferralStatus
    public let declineReason: String?
    public let sentOn: String
    public let answerDue: String
    public let version: Int
    /// The person withdrew consent to share with this partner after the referral was sent: the partner then sees
    /// only what needs no consent (service, urgency, reason, dates, status), and is told why.
    public var consentWithdrawn = false

    public func isOverdue(today: CivilDate) -> Bool {
        status == .sent && (CivilDate(answerDue).map { $0 < today } ?? false)
    }
}

struct SharedPayload: Codable {
    var fields: [String: String]
    var note: String?
}

/// The partner directory, consent to share with a partner, and referrals.
public struct PartnerService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var actorUUID: UUID { UUID(uuidString: actor.userID)! }
    var today: CivilDate { CivilDate(context.clock()) }

    /// A partner named in a form, which must exist.
    static func partnerID(_ text: String?, on db: any Database) async throws -> UUID? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text), try await Partner.find(id, on: db) != nil else {
            throw CaseError.unknownPartner
        }
        return id
    }

    // MARK: directory

    public func partners() async throws -> [PartnerView] {
        guard AccessPolicy.roleMay(actor.role, .viewPartners) || AccessPolicy.roleMay(actor.role, .manageUsers) else {
            throw StoreError.forbidden
        }
        return try await Partner.query(on: db).sort(\.$name).all().map(PartnerView.init)
    }

    public func addPartner(_ draft: PartnerDraft) async throws -> PartnerView {
        guard AccessPolicy.decide(actor, .managePartners) == .allow else { throw StoreError.forbidden }
        let services = Set(try await ServiceCatalogue.all(on: db).map(\.code))
        let valid: PartnerDraft.Valid
        switch draft.validate(knownServices: services) {
        case .success(let v): valid = v
        case .failure(let e): throw CaseError.invalid(e)
        }
        let partner = Partner()
        partner.id = UUID()
        partner.name = valid.name
        partner.orgType = valid.type.rawValue
        partner.services = valid.services
        partner.states = valid.states
        partner.focalPoint = valid.focalPoint
        partner.contact = valid.contact
        try await partner.createAudited(
            action: "partner.add", actorID: actor.userID, recordType: "partner", recordID: partner.id?.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return PartnerView(partner)
    }

    // MARK: consent

    public func consentedPartners(person: UUID) async throws -> Set<UUID> {
        Set(
            try await ReferralConsent.query(on: db).filter(\.$personID == person).filter(\.$withdrawnAt == nil).all()
                .map(\.partnerID))
    }

    /// Records (or withdraws) the person's consent to share with one partner.
    public func setConsent(person personID: UUID, partner partnerID: UUID, given: Bool) async throws {
        _ = try await PeopleService(db: db, actor: actor, context: context).load(personID, for: .sendReferrals)
        guard try await Partner.find(partnerID, on: db) != nil else { throw CaseError.unknownPartner }
        let now = context.clock()
        try await db.transaction { tx in
            // The audit entry is written first: it takes SQLite's write lock at once, where a first read would make
            // the later write fail as "busy" when another write commits in between (found by concurrent requests).
            try await AuditTrail.append(
                action: given ? "person.consent.partner" : "person.consent.partner.withdraw", actorID: actor.userID,
                recordType: "person", recordID: personID.uuidString, now: now, key: context.keys.audit, on: tx)
            let current = try await ReferralConsent.query(on: tx).filter(\.$personID == personID)
                .filter(\.$partnerID == partnerID).filter(\.$withdrawnAt == nil).all()
            if given && current.isEmpty {
                let consent = ReferralConsent()
                consent.id = UUID()
                consent.personID = personID
                consent.partnerID = partnerID
                consent.recordedBy = actorUUID
                consent.at = now
                try await consent.create(on: tx)
            } else if !given {
                for c in current {
                    c.withdrawnAt = now
                    try await c.update(on: tx)
                }
            }
        }
    }

    // MARK: referrals

    public func send(caseID: UUID, _ draft: ReferralDraft) async throws -> ReferralView {
        let cases = CaseService(db: db, actor: actor, context: context)
        let record = try await cases.load(caseID, for: .sendReferrals)
        try record.requireOpen()
        let services = Set(try await ServiceCatalogue.all(on: db).map(\.code))
        let valid: ReferralDraft.Valid
        switch draft.validate(knownServices: services) {
        case .success(let v): valid = v
        case .failure(let e): throw CaseError.invalid(e)
        }
        guard let partnerID = UUID(uuidString: valid.partner), let partner = try await Partner.find(partnerID, on: db)
        else { throw CaseError.unknownPartner }
        let consented = Set(try await consentedPartners(person: record.personID).map(\.uuidString))
        if case .failure(let e) = ReferralRules.send(consentedPartners: consented, partner: valid.partner) {
            throw CaseError.referral(e)
        }
        let person = try await PeopleService(db: db, actor: actor, context: context).record(
            try await Person.find(record.personID, on: db)!)
        var fields: [String: String] = [:]
        for field in valid.shared {
            switch field {
            case .name: fields[field.rawValue] = person.personal.nameOriginal
            case .sex: fields[field.rawValue] = person.facts.sex.rawValue
            case .age:
                if let year = person.facts.birthYear { fields[field.rawValue] = String(today.year - year) }
            case .nationality: fields[field.rawValue] = person.facts.nationality
            case .phone: fields[field.rawValue] = person.personal.phone
            case .languages: fields[field.rawValue] = person.facts.languages.joined(separator: ", ")
            case .needs: fields[field.rawValue] = valid.note
            }
        }
        let referral = Referral()
        referral.id = UUID()
        referral.caseID = caseID
        referral.personID = record.personID
        referral.centreCode = record.centreCode
        referral.partnerID = partnerID
        referral.serviceType = valid.service
        referral.urgency = valid.urgency.rawValue
        referral.reason = valid.reason.rawValue
        referral.sharedFields = valid.shared.map(\.rawValue)
        referral.sharedSealed = try context.cipher.seal(
            SharedPayload(fields: fields, note: valid.note), context: "referrals/\(referral.id!.uuidString)")
        referral.status = ReferralStatus.sent.rawValue
        referral.sentOn = today.description
        referral.answerDue = today.adding(days: valid.urgency.answerWithinDays).description
        referral.sentBy = actorUUID
        referral.version = 1
        referral.updatedAt = context.clock()
        let documents = AttachmentService(db: db, actor: actor, context: context)
        let chosen = try await documents.shareable(draft.documents, personID: record.personID)
        try await db.transaction { tx in
            try await referral.createAudited(
                action: "referral.send", actorID: actor.userID, recordType: "referral",
                recordID: referral.id?.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
            try await documents.share(chosen, withReferral: referral.id!, on: tx)
        }
        return try view(referral, partnerName: partner.name)
    }

    func view(_ r: Referral, partnerName: String, withdrawn: Set<UUID> = []) throws -> ReferralView {
        let isWithdrawn = withdrawn.contains(r.id!)
        // A partner whose consent was withdrawn gets nothing that was shared under it; the sender keeps seeing it.
        let hide = isWithdrawn && actor.role == .partner
        let payload =
            hide
            ? SharedPayload(fields: [:], note: nil)
            : try context.cipher.open(
                SharedPayload.self, from: r.sharedSealed, context: "referrals/\(r.id!.uuidString)")
        var shared: [SharedField: String] = [:]
        for (key, value) in payload.fields { if let f = SharedField(rawValue: key) { shared[f] = value } }
        var view = ReferralView(
            id: r.id!, caseID: r.caseID, centre: r.centreCode, partnerID: r.partnerID, partnerName: partnerName,
            service: r.serviceType, urgency: ReferralUrgency(rawValue: r.urgency) ?? .routine,
            reason: ReferralReason(rawValue: r.reason) ?? .other, shared: shared, note: payload.note,
            status: ReferralStatus(rawValue: r.status) ?? .sent, declineReason: r.declineReason, sentOn: r.sentOn,
            answerDue: r.answerDue, version: r.version)
        view.consentWithdrawn = isWithdrawn
        return view
    }

    /// The referrals among these whose person no longer consents to sharing with their partner (issue 19,
    /// finding 8). Every referral was sent under consent, so no active consent now means it was withdrawn.
    func consentWithdrawn(_ referrals: [Referral]) async throws -> Set<UUID> {
        guard !referrals.isEmpty else { return [] }
        let active = try await ReferralConsent.query(on: db).filter(\.$personID ~~ referrals.map(\.personID))
            .filter(\.$withdrawnAt == nil).all()
        let pairs = Set(active.map { "\($0.personID)|\($0.partnerID)" })
        return Set(referrals.filter { !pairs.contains("\($0.personID)|\($0.partnerID)") }.compactMap(\.id))
    }

    func names() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await Partner.query(on: db).all().map { ($0.id!, $0.name) })
    }

    public func referrals(ofCase caseID: UUID) async throws -> [ReferralView] {
        let names = try await names()
        let rows = try await Referral.query(on: db).filter(\.$caseID == caseID).sort(\.$sentOn, .descending).all()
        let withdrawn = try await consentWithdrawn(rows)
        return try rows.map { try view($0, partnerName: names[$0.partnerID] ?? "", withdrawn: withdrawn) }
    }

    /// A partner focal point's inbox, or the referrals sent from the actor's centres; optionally one status.
    public func inbox(status: ReferralStatus?, page: Int = 1, per: Int = 50) async throws -> (
        referrals: [ReferralView], total: Int
    ) {
        guard AccessPolicy.roleMay(actor.role, .viewReferrals) else { throw StoreError.forbidden }
        var query = Referral.query(on: db)
        if actor.role == .partner {
            guard let partner = actor.partner.flatMap(UUID.init(uuidString:)) else { return ([], 0) }
            query = query.filter(\.$partnerID == partner)
        } else {
            query = query.filter(\.$centreCode ~~ Array(actor.centres))
        }
        if let status { query = query.filter(\.$status == status.rawValue) }
        let total = try await query.count()
        let page = min(max(1, page), 100_000)
        let per = min(max(1, per), 200)
        let rows = try await query.sort(\.$answerDue).range(((page - 1) * per)..<(page * per)).all()
        let names = try await names()
        try await AuditTrail.append(
            action: "referral.list", actorID: actor.userID, recordType: "referral", recordID: nil,
            detail: AuditTrail.returned(
                rows.compactMap { $0.id?.uuidString }, filters: ["status": status?.rawValue, "page": String(page)]),
            now: context.clock(), key: context.keys.audit, on: db)
        let withdrawn = try await consentWithdrawn(rows)
        return (try rows.map { try view($0, partnerName: names[$0.partnerID] ?? "", withdrawn: withdrawn) }, total)
    }

    func load(_ id: UUID, for action: Action) async throws -> Referral {
        guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
        guard let r = try await Referral.find(id, on: db),
            AccessPolicy.decide(actor, action, .referral(centre: r.centreCode, partner: r.partnerID.uuidString))
                == .allow
        else { throw StoreError.notFound }
        return r
    }

    public func find(_ id: UUID) async throws -> ReferralView {
        let r = try await load(id, for: .viewReferrals)
        try await AuditTrail.append(
            action: "referral.view", actorID: actor.userID, recordType: "referral", recordID: id.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return try view(
            r, partnerName: try await Partner.find(r.partnerID, on: db)?.name ?? "",
            withdrawn: try await consentWithdrawn([r]))
    }

    /// The partner accepts, declines (with a reason) or completes; the sender withdraws.
    public func answer(_ id: UUID, _ event: ReferralEvent, expectedVersion: Int?) async throws -> ReferralView {
        let action: Action = event.kind == .withdraw ? .sendReferrals : .answerReferrals
        let r = try await load(id, for: action)
        let next: ReferralStatus
        switch ReferralMachine.apply(event, to: ReferralStatus(rawValue: r.status) ?? .sent) {
        case .failure(let e): throw CaseError.referral(e)
        case .success(let s): next = s
        }
        let version = r.version
        if let expectedVersion, expectedVersion != version { throw StoreError.versionConflict(current: version) }
        try await db.transaction { tx in
            let claimed = try await (tx as! any SQLDatabase).update(Referral.schema)
                .set(SQLIdentifier("version"), to: SQLBind(version + 1))
                .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version))
                .returning("version").all()
            guard !claimed.isEmpty else { throw StoreError.versionConflict(current: version + 1) }
            r.version = version + 1
            r.status = next.rawValue
            if case .decline(let reason) = event {
                r.declineReason = String(reason.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
            }
            if event.kind != .withdraw && r.answeredAt == nil { r.answeredAt = context.clock() }
            r.updatedAt = context.clock()
            try await r.update(on: tx)
            try await AuditTrail.append(
                action: "referral.\(event.kind.rawValue)", actorID: actor.userID, recordType: "referral",
                recordID: id.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
        return try view(
            r, partnerName: try await Partner.find(r.partnerID, on: db)?.name ?? "",
            withdrawn: try await consentWithdrawn([r]))
    }
}
