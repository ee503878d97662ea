import Fluent
import Foundation
import SanadCore

/// The way back out (issue 14): the people a supervisor may see, in the column layout the import reads, so that a
/// register can go to a spreadsheet and come back. Personal data: supervisors only, audited with its filters.
extension PeopleService {
    /// The import's field names, after the registration number (which the import leaves out when it reads it back).
    public static let exportHeader = ["registration_number"] + ImportField.allCases.map(\.rawValue)

    public func export(_ search: PeopleSearch) async throws -> [[String]] {
        guard AccessPolicy.roleMay(actor.role, .exportPeople) else { throw StoreError.forbidden }
        var centres = actor.centres
        if let centre = search.centre, !centre.isEmpty { centres = centres.intersection([centre]) }
        let text = search.text?.trimmingCharacters(in: .whitespaces) ?? ""
        let excluded = try await Quarantine.excludedPeople(on: db)
        var people: [Person]
        if text.isEmpty && search.filter.isEmpty {
            people = try await Person.query(on: db).filter(\.$centreCode ~~ Array(centres)).filter(\.$mergedInto == nil)
                .sort(\.$registrationNumber).all()
        } else {
            try await context.names.refresh(on: db, context: context)
            let today = CivilDate(context.clock())
            let exact =
                text.isEmpty
                ? []
                : try await withIdentifier(text, centres: centres)
                    .filter { context.names.admits($0.id, search.filter, today: today) }
            let found = context.names.search(text, centres: centres, filter: search.filter, today: today)
            var seen = Set<UUID>()
            let ids = (exact + found).filter { centres.contains($0.centre) && seen.insert($0.id).inserted }.map(\.id)
            people = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                people += try await Person.query(on: db).filter(
                    \.$id ~~ Array(ids[start..<min(start + 500, ids.count)])
                )
                .filter(\.$mergedInto == nil).all()
            }
            people.sort { $0.registrationNumber < $1.registrationNumber }
        }
        people.removeAll { excluded.contains($0.id!) }
        let records = try await readable(people, foundIn: "people export")
        try await AuditTrail.append(
            action: "people.exported", actorID: actor.userID, recordType: "person", recordID: nil,
            detail: AuditTrail.returned(
                records.map(\.id.uuidString),
                filters: [
                    "search": text.isEmpty ? nil : "yes", "centre": search.centre,
                    "narrowed": search.filter.isEmpty ? nil : "yes",
                ]),
            now: context.clock(), key: context.keys.audit, on: db)
        return records.map(Self.exportRow)
    }

    static func exportRow(_ r: PersonRecord) -> [String] {
        let document = r.personal.documents.first
        let values: [ImportField: String?] = [
            .nameOriginal: r.personal.nameOriginal, .nameLatin: r.personal.nameLatin, .sex: r.facts.sex.rawValue,
            // An estimated age goes out as the birth year it gave: an age read back is taken as of the row's arrival
            // (an old register's habit), which for a person registered long after arriving is another year.
            .birthDate: r.personal.birthDate ?? r.facts.birthYear.map(String.init), .estimatedAge: nil,
            .nationality: r.facts.nationality, .languages: r.facts.languages.joined(separator: ";"),
            .phone: r.personal.phone, .documentType: document?.type.rawValue, .documentNumber: document?.number,
            .documentCountry: document?.issuingCountry, .arrivalDate: r.facts.arrivalDate, .route: r.personal.route,
            .notes: r.personal.notes,
        ]
        return [r.registrationNumber] + ImportField.allCases.map { (values[$0] ?? nil) ?? "" }
    }
}
