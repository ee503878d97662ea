import Crypto
import Fluent
import Foundation
import SQLKit
import SanadCore

/// A spreadsheet read into rows, with the hash that makes importing it twice change nothing.
public struct ImportFile: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Each row's number as the spreadsheet shows it (the header is row 1).
    public var rowNumbers: [Int]
    /// SHA-256 of the file's bytes, hex.
    public var hash: String
    /// Rows (by number) with a formula cell that has no saved value, and that cell's column.
    public var formulaCells: [Int: Int] = [:]

    public init(header: [String], rows: [[String]], rowNumbers: [Int]? = nil, bytes: some DataProtocol) {
        self.header = header
        self.rows = rows
        self.rowNumbers = rowNumbers ?? rows.indices.map { $0 + 2 }
        hash = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
    }

    public static let maximumRows = 200_000
}

public struct ImportOptions: Sendable {
    /// Write the same report and change nothing.
    public var dryRun = false
    /// Import the rows that can be, even though others were rejected (otherwise a batch is all or nothing).
    public var importGoodRows = false

    public init(dryRun: Bool = false, importGoodRows: Bool = false) {
        self.dryRun = dryRun
        self.importGoodRows = importGoodRows
    }
}

/// Brings people in from old registers through the identity engine, in batches that can be reviewed and undone
/// (issue 14). Supervisors and administrators import into their own centres.
public struct ImportService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    /// Who ran an import from the command line (actor "cli"), where there is no account.
    public static let commandLineID = UUID(uuidString: "00000000-0000-0000-0000-000000000c11")!

    public init(db: any Database, actor: Actor, context: StoreContext) {
        self.db = db
        self.actor = actor
        self.context = context
    }

    var people: PeopleService { PeopleService(db: db, actor: actor, context: context) }
    var actorUUID: UUID { UUID(uuidString: actor.userID) ?? ImportService.commandLineID }

    /// Reads, matches and (unless a dry run, a refused batch or a file imported before) writes every row, in one
    /// transaction: a batch is all there or not there.
    public func run(
        _ file: ImportFile, mapping: ImportMapping, centre code: String, options: ImportOptions = ImportOptions(),
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> ImportReport {
        guard AccessPolicy.roleMay(actor.role, .importPeople) else { throw StoreError.forbidden }
        guard mayImport(into: code), let centre = try await Centre.query(on: db).filter(\.$code == code).first()
        else { throw ImportError.unknownCentre(code) }
        do { try mapping.check() } catch { throw ImportError.mapping(error) }
        guard !file.rows.isEmpty else { throw ImportError.noRows }
        guard file.rows.count <= ImportFile.maximumRows else {
            throw ImportError.tooManyRows(limit: ImportFile.maximumRows)
        }
        if let earlier = try await liveBatch(file, centre: code) {
            var report = try await self.report(of: earlier)
            report.alreadyImported = true
            report.dryRun = options.dryRun
            return report
        }
        let now = context.clock()
        let reader = ImportRowReader(
            header: file.header, mapping: mapping, centre: code, today: CivilDate(now), rows: file.rows)
        try await context.names.refresh(on: db, context: context)
        let names = context.names
        let centres = actor.role == .administrator ? [code] : actor.centres
        let read = zip(file.rowNumbers, file.rows).map { number, cells in
            if let column = file.formulaCells[number] {
                let name = column < file.header.count ? file.header[column] : "column \(column + 1)"
                return (
                    row: number,
                    read: Result<ValidPerson, ImportRejection>.failure(
                        ImportRejection(column: name, "a formula without a saved value"))
                )
            }
            return (row: number, read: reader.read(cells))
        }
        // Matched against the people of the importer's own centres: adding a row's names to a person elsewhere
        // would change a record the importer may not see.
        let total = file.rows.count * 2
        let plans = ImportPlanner.plan(
            read,
            existing: { record in
                names.identities.matches(for: record, limit: 10).filter { candidate in
                    UUID(uuidString: candidate.id).flatMap(names.centre(of:)).map(centres.contains) == true
                }
            }, progress: { progress?($0, total) })
        var report = ImportReport(
            rows: [],
            unmappedColumns: mapping.unmapped(header: file.header).map {
                file.header[$0].trimmingCharacters(in: .whitespaces)
            })
        report.dryRun = options.dryRun
        let rejected = plans.contains { $0.outcome == .rejected }
        report.refused = rejected && !options.importGoodRows && !options.dryRun
        if options.dryRun || report.refused {
            report.rows = plans.map {
                ImportReportRow(
                    row: $0.row, outcome: $0.outcome, personID: $0.existing.flatMap(UUID.init(uuidString:)),
                    reason: $0.reason, candidateID: nil, earlierRow: $0.earlierRow)
            }
            try await AuditTrail.append(
                action: options.dryRun ? "import.previewed" : "import.refused", actorID: actor.userID,
                recordType: "centre", recordID: code, detail: "rows=\(file.rows.count)", now: now,
                key: context.keys.audit, on: db)
            return report
        }
        do {
            return try await write(plans, file: file, centre: centre, now: now, report: report, progress: progress)
        } catch {
            // The same file imported at the same moment by someone else: theirs stands, this one changes nothing.
            guard let earlier = try await liveBatch(file, centre: code) else { throw error }
            var report = try await self.report(of: earlier)
            report.alreadyImported = true
            return report
        }
    }

    func liveBatch(_ file: ImportFile, centre: String) async throws -> ImportBatch? {
        try await ImportBatch.query(on: db).filter(\.$centreCode == centre).filter(\.$fileHash == file.hash)
            .filter(\.$undoneAt == nil).first()
    }

    /// Supervisors import into their own centres; administrators, who set centres up, into any.
    func mayImport(into centre: String) -> Bool {
        AccessPolicy.roleMay(actor.role, .importPeople)
            && (actor.role == .administrator || actor.centres.contains(centre))
    }

    private func write(
        _ plans: [ImportRowPlan], file: ImportFile, centre: Centre, now: Date, report: ImportReport,
        progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ImportReport {
        var report = report
        let batchID = UUID()
        var byRow: [Int: Int] = [:]
        for (index, plan) in plans.enumerated() { byRow[plan.row] = index }
        // What each row ends as: new people carry their duplicates' extra names from the start; a registered
        // person gets everything the file adds at once.
        var newPeople: [Int: (id: UUID, valid: ValidPerson)] = [:]
        var held: [Int: ValidPerson] = [:]
        var toExisting: [UUID: ImportAdditions] = [:]
        var rowAdditions: [Int: ImportAdditions] = [:]
        var rowsFor: [UUID: [Int]] = [:]
        for plan in plans {
            guard let valid = plan.valid else { continue }
            switch plan.outcome {
            case .imported: newPeople[plan.row] = (UUID(), valid)
            case .heldForReview: held[plan.row] = valid
            case .matchesExisting:
                let id = UUID(uuidString: plan.existing!)!
                rowAdditions[plan.row] = ImportAdditions(everything: valid.personal)
                toExisting[id, default: ImportAdditions()].merge(rowAdditions[plan.row]!)
                rowsFor[id, default: []].append(plan.row)
            case .duplicateInFile:
                let root = plan.earlierRow!
                let rootPlan = plans[byRow[root]!]
                switch rootPlan.outcome {
                case .imported:
                    var target = newPeople[root]!.valid
                    let extra = ImportAdditions.of(valid.personal, to: target.personal)
                    extra.apply(to: &target.personal)
                    target.facts.fillGaps(from: valid.facts)
                    newPeople[root]!.valid = target
                    rowAdditions[plan.row] = extra
                case .heldForReview:
                    var target = held[root]!
                    ImportAdditions.of(valid.personal, to: target.personal).apply(to: &target.personal)
                    target.facts.fillGaps(from: valid.facts)
                    held[root] = target
                case .matchesExisting:
                    let id = UUID(uuidString: rootPlan.existing!)!
                    rowAdditions[plan.row] = ImportAdditions(everything: valid.personal)
                    toExisting[id, default: ImportAdditions()].merge(rowAdditions[plan.row]!)
                    rowsFor[id, default: []].append(plan.row)
                default: break
                }
            case .rejected: break
            }
        }
        let ordered = plans.compactMap { newPeople[$0.row] }
        let (newPeopleFixed, heldFixed, toExistingFixed, rowsForFixed, byRowFixed, additionsFixed) = (
            newPeople, held, toExisting, rowsFor, byRow, rowAdditions
        )
        let (created, touched, rows) = try await db.transaction { tx in
            let (newPeople, held, toExisting, rowsFor, byRow) = (
                newPeopleFixed, heldFixed, toExistingFixed, rowsForFixed, byRowFixed
            )
            var rowAdditions = additionsFixed
            var touched: [(Person, PersonalData)] = []
            var rows: [ImportReportRow] = []
            let batch = ImportBatch()
            batch.id = batchID
            batch.centreCode = centre.code
            batch.fileHash = file.hash
            batch.rowCount = plans.count
            batch.counts = ""
            batch.createdBy = actorUUID
            batch.createdAt = now
            try await batch.create(on: tx)
            let service = PeopleService(db: tx, actor: actor, context: context)
            let created = try await service.createImported(
                ordered, centre: centre, batch: batchID, now: now, on: tx)
            progress?(plans.count + created.count, plans.count * 2)
            for (id, additions) in toExisting {
                let (person, personal, applied) = try await service.changeImported(
                    id, additions, batch: batchID, now: now, on: tx)
                touched.append((person, personal))
                // Each row keeps what it actually added, so that undo takes back exactly that.
                var left = applied
                for row in rowsFor[id] ?? [] {
                    rowAdditions[row] = rowAdditions[row]!.claim(from: &left)
                }
            }
            for plan in plans {
                let record = ImportRowRecord()
                record.id = UUID()
                record.batchID = batchID
                record.row = plan.row
                record.outcome = plan.outcome.rawValue
                record.reason = plan.reason
                record.earlierRow = plan.earlierRow
                record.createdPerson = plan.outcome == .imported
                var payload = ImportRowPayload()
                switch plan.outcome {
                case .imported: record.personID = newPeople[plan.row]!.id
                case .matchesExisting:
                    record.personID = UUID(uuidString: plan.existing!)
                    payload.additions = rowAdditions[plan.row]
                case .heldForReview:
                    record.candidateID = plan.existing.flatMap(UUID.init(uuidString:))
                    payload.held = HeldRegistration(held[plan.row]!)
                case .duplicateInFile:
                    let root = plans[byRow[plan.earlierRow!]!]
                    record.personID =
                        root.outcome == .imported
                        ? newPeople[root.row]!.id : root.existing.flatMap(UUID.init(uuidString:))
                    if root.outcome == .heldForReview { record.personID = nil }
                    payload.additions = rowAdditions[plan.row]
                case .rejected: break
                }
                if payload.held != nil || payload.additions.map({ !$0.isEmpty }) == true {
                    record.sealed = try context.cipher.seal(payload, context: ImportRowRecord.sealContext(record.id!))
                }
                try await record.create(on: tx)
                rows.append(
                    ImportReportRow(
                        row: plan.row, outcome: plan.outcome, personID: record.personID, reason: plan.reason,
                        candidateID: record.candidateID, earlierRow: plan.earlierRow))
            }
            batch.counts = ImportReport(rows: rows).countsText
            try await batch.update(on: tx)
            try await AuditTrail.append(
                action: "import.run", actorID: actor.userID, recordType: "import", recordID: batchID.uuidString,
                detail: batch.counts, now: now, key: context.keys.audit, on: tx)
            return (created, touched, rows)
        }
        report.rows = rows
        for (person, plan) in zip(created, ordered) { context.names.put(person, plan.valid.personal) }
        for (person, personal) in touched { context.names.put(person, personal) }
        report.batchID = batchID
        progress?(plans.count * 2, plans.count * 2)
        return report
    }

}

extension ImportAdditions {
    /// Every name, phone and document of a record: what it could add to a person.
    init(everything personal: PersonalData) {
        self.init(
            aliases: personal.allNames, phones: [personal.phone].compactMap { $0 } + personal.otherPhones,
            documents: personal.documents)
    }

    /// The part of this that is still in `left`, taken out of it.
    func claim(from left: inout ImportAdditions) -> ImportAdditions {
        var mine = ImportAdditions()
        for alias in aliases {
            if let index = left.aliases.firstIndex(of: alias) { mine.aliases.append(left.aliases.remove(at: index)) }
        }
        for phone in phones {
            if let index = left.phones.firstIndex(of: phone) { mine.phones.append(left.phones.remove(at: index)) }
        }
        for document in documents {
            if let index = left.documents.firstIndex(of: document) {
                mine.documents.append(left.documents.remove(at: index))
            }
        }
        return mine
    }

    mutating func merge(_ other: ImportAdditions) {
        for alias in other.aliases where !aliases.contains(alias) { aliases.append(alias) }
        for phone in other.phones where !phones.contains(phone) { phones.append(phone) }
        for document in other.documents where !documents.contains(document) { documents.append(document) }
    }
}

extension PersonFacts {
    /// What one record of a person left empty and a second record of them says.
    mutating func fillGaps(from other: PersonFacts) {
        if sex == .unknown { sex = other.sex }
        if nationality == nil { nationality = other.nationality }
        if birthYear == nil {
            birthYear = other.birthYear
            estimatedAge = other.estimatedAge
        }
        for language in other.languages where !languages.contains(language) { languages.append(language) }
    }
}
