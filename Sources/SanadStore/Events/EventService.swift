import Fluent
import Foundation
import SanadCore

public enum EventError: Error, Sendable, Equatable {
    case invalid(EventValidationFailure)
}

/// Awareness-raising events: recorded by centre staff, seen by everyone who sees aggregates.
public struct EventService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    /// The stored count of each participant group.
    static let cells: [(ReportSex, AgeGroup, KeyPath<AwarenessEventRecord, Int>)] = [
        (.female, .children, \.femaleChildren), (.female, .adults, \.femaleAdults),
        (.male, .children, \.maleChildren), (.male, .adults, \.maleAdults),
        (.other, .children, \.otherChildren), (.other, .adults, \.otherAdults),
        (.unknown, .children, \.unknownChildren), (.unknown, .adults, \.unknownAdults),
    ]

    public func record(_ draft: AwarenessEventDraft) async throws -> EventView {
        guard AccessPolicy.roleMay(actor.role, .recordEvents) else { throw StoreError.forbidden }
        let event: AwarenessEvent
        switch draft.validate(today: CivilDate(context.clock())) {
        case .success(let e): event = e
        case .failure(let f): throw EventError.invalid(f)
        }
        guard actor.centres.contains(event.centre) else {
            throw EventError.invalid(EventValidationFailure(errors: [EventFieldError(.centre, .unknownValue)]))
        }
        let record = AwarenessEventRecord()
        record.id = UUID()
        record.type = event.type.rawValue
        record.title = event.title
        record.startDate = event.startDate.description
        record.endDate = event.endDate?.description
        record.statePcode = event.statePcode
        record.localityPcode = event.localityPcode
        record.centreCode = event.centre
        record.partners = event.partners
        // Set one by one: writing a Fluent field through a key path reads it first, before it exists.
        func n(_ sex: ReportSex, _ age: AgeGroup) -> Int {
            ParticipantGroup(sex: sex, age: age).flatMap { event.participants[$0] } ?? 0
        }
        record.femaleChildren = n(.female, .children)
        record.femaleAdults = n(.female, .adults)
        record.maleChildren = n(.male, .children)
        record.maleAdults = n(.male, .adults)
        record.otherChildren = n(.other, .children)
        record.otherAdults = n(.other, .adults)
        record.unknownChildren = n(.unknown, .children)
        record.unknownAdults = n(.unknown, .adults)
        record.community = event.community
        record.materials = event.materials.map { "\($0.kind)\t\($0.count)" }
        record.notes = event.notes
        record.recordedBy = UUID(uuidString: actor.userID)!
        record.createdAt = context.clock()
        try await record.createAudited(
            action: "event.record", actorID: actor.userID, recordType: "event", recordID: record.id?.uuidString,
            now: context.clock(), key: context.keys.audit, on: db)
        return EventView(record)
    }

    public struct Filter: Sendable {
        public var from: CivilDate?
        public var to: CivilDate?
        public var state: String?
        public var type: AwarenessEventType?
        public var centre: String?
        public var page = 1
        public var per = 50
        public init() {}
    }

    public func list(_ filter: Filter) async throws -> (events: [EventView], total: Int) {
        guard AccessPolicy.roleMay(actor.role, .viewEvents) else { throw StoreError.forbidden }
        var query = AwarenessEventRecord.query(on: db)
        // Administrators see every centre's events; everyone else their own centres'.
        if actor.role != .administrator { query = query.filter(\.$centreCode ~~ Array(actor.centres)) }
        if let from = filter.from { query = query.filter(\.$startDate >= from.description) }
        if let to = filter.to { query = query.filter(\.$startDate <= to.description) }
        if let state = filter.state { query = query.filter(\.$statePcode == state) }
        if let type = filter.type { query = query.filter(\.$type == type.rawValue) }
        if let centre = filter.centre { query = query.filter(\.$centreCode == centre) }
        let total = try await query.count()
        let page = min(max(1, filter.page), 100_000)
        let per = min(max(1, filter.per), 10_000)
        let rows = try await query.sort(\.$startDate, .descending).range(((page - 1) * per)..<(page * per)).all()
        return (rows.map(EventView.init), total)
    }

    public func find(_ id: UUID) async throws -> EventView {
        guard AccessPolicy.roleMay(actor.role, .viewEvents) else { throw StoreError.forbidden }
        guard let record = try await AwarenessEventRecord.find(id, on: db),
            actor.role == .administrator || actor.centres.contains(record.centreCode)
        else { throw StoreError.notFound }
        return EventView(record)
    }
}
