import Fluent
import Foundation
import SanadCore

/// Sanad's own victims and presumed victims as CTDC rows, for people whose consent covers anonymised research
/// use. Reads sealed screening answers with the store's key: only trusted code (the CLI, a data officer's
/// download) calls it, and every call is audited.
public struct CTDCSource: Sendable {
    let db: any Database
    let context: StoreContext

    public struct Result: Sendable {
        public let table: CTDCTable
        /// Victims and presumed victims left out because their consent does not cover sharing.
        public let withoutConsent: Int
    }

    /// A data officer's (or administrator's) download: their own centres' people, or every centre's for an
    /// administrator; refused to roles that do not see aggregates.
    public func cases(for actor: Actor) async throws -> Result {
        guard AccessPolicy.roleMay(actor.role, .viewAggregates) else { throw StoreError.forbidden }
        return try await cases(actorID: actor.userID, centres: actor.role == .administrator ? nil : actor.centres)
    }

    /// `centres`: only people registered there (a data officer's centres); nil for all (the operator's CLI).
    public func cases(actorID: String?, centres: Set<String>? = nil) async throws -> Result {
        let statuses = [TraffickingStatus.possible.rawValue, TraffickingStatus.actual.rawValue]
        var query = Person.query(on: db).filter(\.$traffickingStatus ~~ statuses).filter(\.$mergedInto == nil)
        if let centres { query = query.filter(\.$centreCode ~~ Array(centres)) }
        // A damaged or retired person leaves record-level exports (issue 16).
        let excluded = try await Quarantine.excludedPeople(on: db)
        let people = try await query.all().filter { !excluded.contains($0.id!) }
        var consenting = people.filter { $0.consent.contains("told_research") }
        var unreadable: Set<UUID> = []
        let catalogue = InstrumentCatalogue.shipped
        var rows: [[String]] = []
        for chunk in stride(from: 0, to: consenting.count, by: 500).map({
            Array(consenting[$0..<min($0 + 500, consenting.count)])
        }) {
            let screenings = try await ScreeningRecord.query(on: db).filter(\.$personID ~~ chunk.map { $0.id! })
                .filter(\.$status == "completed").all()
            let byPerson = Dictionary(grouping: screenings, by: \.personID)
            for person in chunk {
                var exploitation = Set<String>()
                var yes = Set<String>()
                var no = Set<String>()
                var damaged = false
                for screening in byPerson[person.id!] ?? [] {
                    let sealContext = "screenings/\(screening.id!.uuidString)/answers"
                    guard
                        let sealed = try? context.cipher.open(
                            SealedScreening.self, from: screening.sealed, context: sealContext)
                    else {
                        // Half a person's answers would be a wrong row: the person is left out of this file.
                        await Quarantine.note(context: sealContext, foundIn: "export ctdc", db: db, store: context)
                        damaged = true
                        break
                    }
                    if screening.conclusion == Conclusion.presumedVictim.rawValue,
                        let instrument = try? catalogue.instrument(
                            screening.instrumentID, version: screening.instrumentVersion)
                    {
                        exploitation.insert(instrument.exploitationType)
                    }
                    for (id, answer) in sealed.answers {
                        let name = id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? id
                        if answer == .yes { yes.insert(name) }
                        if answer == .no { no.insert(name) }
                    }
                }
                if damaged {
                    unreadable.insert(person.id!)
                    continue
                }
                rows.append(
                    CTDCCaseExport.row(
                        CTDCCase(
                            registrationYear: CivilDate(person.createdAt).year,
                            gender: Gender(rawValue: person.sex) ?? .unknown, birthYear: person.birthYear,
                            nationality: person.nationality, exploitation: exploitation, indicatorsYes: yes,
                            indicatorsNo: no.subtracting(yes))))
            }
        }
        consenting.removeAll { unreadable.contains($0.id!) }
        try await AuditTrail.append(
            action: "export.ctdc", actorID: actorID, recordType: "export", recordID: nil,
            detail: AuditTrail.returned(consenting.compactMap { $0.id?.uuidString }), now: context.clock(),
            key: context.keys.audit, on: db)
        return Result(
            table: CTDCTable(header: CTDCFormat.columns2017, rows: rows),
            withoutConsent: people.count - consenting.count)
    }
}
