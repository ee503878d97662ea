import Fluent
import Foundation
import SQLKit
import SanadCore

public struct StayView: Sendable, Equatable {
    public let id: UUID
    public let bedID: UUID
    public let personID: UUID
    public let caseID: UUID
    public let checkIn: String
    public let checkOut: String?
}

public struct BedView: Sendable, Equatable {
    public let id: UUID
    public let shelterID: UUID
    public let shelter: String
    public let room: String
    public let label: String
    public let restriction: BedRestriction
    /// The stay covering the chosen date. Only roles that see people learn who; others see only that it is taken.
    public let stay: StayView?
    public let occupied: Bool
}

/// A shelter of a centre; its rooms and beds are in the occupancy.
public struct ShelterView: Sendable, Equatable {
    public let id: UUID
    public let name: String
}

/// Shelters, beds and stays. A bed is never given twice: open stays are unique per bed and per person in the
/// database itself, and past stays are checked for overlap inside the same transaction.
public struct ShelterService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    var actorUUID: UUID { UUID(uuidString: actor.userID)! }
    var today: CivilDate { CivilDate(context.clock()) }

    func mayConfigure(_ centre: String) -> Bool {
        AccessPolicy.decide(actor, .configureShelters, actor.role == .administrator ? .none : .person(centre: centre))
            == .allow
    }

    public func addShelter(centre: String, name: String?) async throws -> UUID {
        guard AccessPolicy.roleMay(actor.role, .configureShelters) else { throw StoreError.forbidden }
        guard mayConfigure(centre), try await Centre.query(on: db).filter(\.$code == centre).first() != nil else {
            throw CaseError.unknownCentre
        }
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 100 {
            throw CaseError.invalid(CaseValidationError(["name": name.isEmpty ? .required : .tooLong]))
        }
        let shelter = Shelter()
        shelter.id = UUID()
        shelter.centreCode = centre
        shelter.name = name
        try await shelter.createAudited(
            action: "shelter.add", actorID: actor.userID, recordType: "shelter", recordID: shelter.id?.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return shelter.id!
    }

    public func addBeds(shelter shelterID: UUID, room: String?, labels: String?, restriction: String?) async throws {
        guard AccessPolicy.roleMay(actor.role, .configureShelters) else { throw StoreError.forbidden }
        guard let shelter = try await Shelter.find(shelterID, on: db), mayConfigure(shelter.centreCode) else {
            throw StoreError.notFound
        }
        var errors: [String: ValidationCode] = [:]
        let room = (room ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if room.isEmpty { errors["room"] = .required } else if room.count > 50 { errors["room"] = .tooLong }
        let names = (labels ?? "").split(whereSeparator: { $0 == "," || $0.isNewline }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        if names.isEmpty {
            errors["labels"] = .required
        } else if names.count > 100 || names.contains(where: { $0.count > 30 }) {
            errors["labels"] = .tooLong
        }
        let restriction = BedRestriction(rawValue: restriction ?? "")
        if restriction == nil { errors["restriction"] = .unknownValue }
        if !errors.isEmpty { throw CaseError.invalid(CaseValidationError(errors)) }
        try await db.transaction { tx in
            for name in names {
                let bed = Bed()
                bed.id = UUID()
                bed.shelterID = shelterID
                bed.room = room
                bed.label = name
                bed.restriction = restriction!.rawValue
                try await bed.create(on: tx)
            }
            try await AuditTrail.append(
                action: "shelter.beds.add", actorID: actor.userID, recordType: "shelter",
                recordID: shelterID.uuidString,
                now: context.clock(), key: context.keys.audit, on: tx)
        }
    }

    public func shelters(centre: String) async throws -> [ShelterView] {
        guard mayConfigure(centre) || AccessPolicy.decide(actor, .useShelter, .person(centre: centre)) == .allow else {
            throw StoreError.forbidden
        }
        return try await Shelter.query(on: db).filter(\.$centreCode == centre).sort(\.$name).all().map {
            ShelterView(id: $0.id!, name: $0.name)
        }
    }

    /// Every bed of the centre with who (or whether someone) slept there on `date`.
    public func occupancy(centre: String, on date: CivilDate) async throws -> [BedView] {
        let shelters = try await shelters(centre: centre)
        let names = Dictionary(uniqueKeysWithValues: shelters.map { ($0.id, $0.name) })
        let beds = try await Bed.query(on: db).filter(\.$shelterID ~~ Array(names.keys)).all()
        let stays = try await Stay.query(on: db).filter(\.$centreCode == centre)
            .filter(\.$checkIn <= date.description).group(.or) {
                $0.filter(\.$checkOut == nil).filter(\.$checkOut >= date.description)
            }.all()
        let seesPeople = AccessPolicy.decide(actor, .useShelter, .person(centre: centre)) == .allow
        let byBed = Dictionary(
            stays.filter {
                StayRules.occupies(
                    checkIn: CivilDate($0.checkIn)!, checkOut: $0.checkOut.flatMap(CivilDate.init), on: date)
            }.map { ($0.bedID, $0) }, uniquingKeysWith: { a, _ in a })
        return beds.map { bed in
            let stay = byBed[bed.id!]
            return BedView(
                id: bed.id!, shelterID: bed.shelterID, shelter: names[bed.shelterID] ?? "", room: bed.room,
                label: bed.label, restriction: BedRestriction(rawValue: bed.restriction) ?? .none,
                stay: seesPeople ? stay.map(Self.view) : nil, occupied: stay != nil)
        }.sorted { ($0.shelter, $0.room, $0.label) < ($1.shelter, $1.room, $1.label) }
    }

    static func view(_ s: Stay) -> StayView {
        StayView(
            id: s.id!, bedID: s.bedID, personID: s.personID, caseID: s.caseID, checkIn: s.checkIn, checkOut: s.checkOut)
    }

    public func openStay(person: UUID) async throws -> StayView? {
        try await Stay.query(on: db).filter(\.$personID == person).filter(\.$checkOut == nil).first().map(Self.view)
    }

    /// Checks the person of a case into a bed from `date` (today at the latest).
    public func checkIn(caseID: UUID, bed bedID: UUID, date text: String?) async throws -> StayView {
        let cases = CaseService(db: db, actor: actor, context: context)
        let record = try await cases.load(caseID, for: .useShelter)
        try record.requireOpen()
        var checks = [String: ValidationCode]()
        let date = text.flatMap { CivilDate($0.trimmingCharacters(in: .whitespaces)) }
        if date == nil { checks["check_in"] = (text ?? "").isEmpty ? .required : .invalidDate }
        if let date, date > today { checks["check_in"] = .futureDate }
        if !checks.isEmpty { throw CaseError.invalid(CaseValidationError(checks)) }
        guard let bed = try await Bed.find(bedID, on: db), let shelter = try await Shelter.find(bed.shelterID, on: db),
            shelter.centreCode == record.centreCode
        else { throw CaseError.invalid(CaseValidationError(["bed": .unknownValue])) }
        guard let person = try await Person.find(record.personID, on: db) else { throw StoreError.notFound }
        let restriction = BedRestriction(rawValue: bed.restriction) ?? .none
        let age = person.birthYear.map { today.year - $0 }
        if !restriction.admits(gender: Gender(rawValue: person.sex) ?? .unknown, age: age) {
            throw CaseError.stay(.restricted(restriction))
        }
        let stay = Stay()
        stay.id = UUID()
        stay.bedID = bedID
        stay.personID = record.personID
        stay.caseID = caseID
        stay.centreCode = record.centreCode
        stay.checkIn = date!.description
        stay.checkedInBy = actorUUID
        do {
            try await db.transaction { tx in
                // Writing first takes SQLite's write lock at once; reading first would make the later write fail
                // as "busy" instead of waiting when another check-in commits in between.
                try await stay.create(on: tx)
                // A stay back-dated into a past one would overlap it even though that one is closed.
                let later = try await Stay.query(on: tx).filter(\.$bedID == bedID)
                    .filter(\.$checkOut > date!.description).count()
                if later > 0 { throw CaseError.stay(.bedTaken) }
                try await AuditTrail.append(
                    action: "shelter.check-in", actorID: actor.userID, recordType: "case", recordID: caseID.uuidString,
                    now: context.clock(), key: context.keys.audit, on: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The unique indexes refused it: someone else took the bed, or the person is already in one.
            let personStaying = try await Stay.query(on: db).filter(\.$personID == record.personID)
                .filter(\.$checkOut == nil).count()
            throw CaseError.stay(personStaying > 0 ? .personAlreadyStaying : .bedTaken)
        }
        return Self.view(stay)
    }

    /// Ends a stay and records its nights as a delivered safe-accommodation service, in one transaction.
    public func checkOut(stay stayID: UUID, date text: String?) async throws {
        guard AccessPolicy.roleMay(actor.role, .useShelter) else { throw StoreError.forbidden }
        guard let stay = try await Stay.find(stayID, on: db) else { throw StoreError.notFound }
        let cases = CaseService(db: db, actor: actor, context: context)
        _ = try await cases.load(stay.caseID, for: .useShelter)
        guard stay.checkOut == nil else { throw CaseError.stay(.alreadyCheckedOut) }
        guard let date = text.flatMap({ CivilDate($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw CaseError.invalid(CaseValidationError(["check_out": (text ?? "").isEmpty ? .required : .invalidDate]))
        }
        if date > today { throw CaseError.invalid(CaseValidationError(["check_out": .futureDate])) }
        let checkIn = CivilDate(stay.checkIn)!
        if date < checkIn { throw CaseError.stay(.checkOutBeforeCheckIn) }
        let nights = StayRules.nights(checkIn: checkIn, checkOut: date)
        try await db.transaction { tx in
            let closed = try await (tx as! any SQLDatabase).update(Stay.schema)
                .set(SQLIdentifier("check_out"), to: SQLBind(date.description))
                .where("id", .equal, SQLBind(stayID)).where(SQLIdentifier("check_out"), .is, SQLLiteral.null)
                .returning("id").all()
            guard !closed.isEmpty else { throw CaseError.stay(.alreadyCheckedOut) }
            let service = ServiceRecord()
            service.id = UUID()
            service.caseID = stay.caseID
            service.personID = stay.personID
            service.centreCode = stay.centreCode
            service.date = date.description
            service.serviceType = ServiceType.safeAccommodation.rawValue
            service.quantity = Double(nights)
            service.unit = "night"
            service.status = ServiceStatus.delivered.rawValue
            service.recordedBy = actorUUID
            service.stayID = stayID
            service.createdAt = context.clock()
            try await service.create(on: tx)
            try await AuditTrail.append(
                action: "shelter.check-out", actorID: actor.userID, recordType: "case",
                recordID: stay.caseID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
    }
}

extension ShelterService {
    /// The case a stay belongs to, if the actor may use the shelter for it.
    public func stayCase(_ stayID: UUID) async throws -> UUID {
        guard AccessPolicy.roleMay(actor.role, .useShelter) else { throw StoreError.forbidden }
        guard let stay = try await Stay.find(stayID, on: db) else { throw StoreError.notFound }
        _ = try await CaseService(db: db, actor: actor, context: context).load(stay.caseID, for: .useShelter)
        return stay.caseID
    }
}
