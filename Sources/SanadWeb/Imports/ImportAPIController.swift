import Foundation
import SanadCore
import SanadStore
import Vapor

struct ImportRowOut: Content {
    let row: Int
    let outcome: String
    let personId: UUID?
    let reason: String
    let candidateId: UUID?
    let earlierRow: Int?
    let decided: Bool

    init(_ r: ImportReportRow) {
        (row, outcome, personId, reason) = (r.row, r.outcome.rawValue, r.personID, r.reason)
        (candidateId, earlierRow, decided) = (r.candidateID, r.earlierRow, r.decided)
    }
}

/// What an import did (or in a dry run would do), row by row: the report as JSON.
struct ImportOut: Content {
    let batchId: UUID?
    let dryRun: Bool
    let alreadyImported: Bool
    let refused: Bool
    let counts: [String: Int]
    let unmappedColumns: [String]
    let rows: [ImportRowOut]

    init(_ r: ImportReport) {
        (batchId, dryRun, alreadyImported, refused) = (r.batchID, r.dryRun, r.alreadyImported, r.refused)
        counts = Dictionary(uniqueKeysWithValues: r.counts.map { ($0.0.rawValue, $0.1) })
        (unmappedColumns, rows) = (r.unmappedColumns, r.rows.map(ImportRowOut.init))
    }
}

struct ImportBatchOut: Content {
    let id: UUID
    let centre: String
    let fileHash: String
    let rowCount: Int
    let createdBy: UUID
    let createdAt: Date
    let undoneAt: Date?
    let waiting: Int

    init(_ b: ImportBatchView) {
        (id, centre, fileHash, rowCount) = (b.id, b.centre, b.fileHash, b.rowCount)
        (createdBy, createdAt, undoneAt, waiting) = (b.createdBy, b.createdAt, b.undoneAt, b.waiting)
    }
}

struct ImportDecisionBody: Content {
    let samePerson: Bool
}

/// The same as the import wizard (issue 14), for scripts and other tools.
struct ImportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .POST, "/imports",
            APIDoc(
                "importPeople",
                "Import people from a register (multipart: `centre`, `file` (.csv or .xlsx), optional `mapping` (JSON "
                    + "{\"columns\": {header: field}}), `sheet`, `dry_run`, `import_good_rows`); every row gets an "
                    + "outcome; a batch is all or nothing unless `import_good_rows`; the same file again changes "
                    + "nothing.",
                spreadsheet: true)
        ) { req -> OK<ImportOut> in
            OK(ImportOut(try await Self.importPeople(req)))
        }
        routes.api(.GET, "/imports", APIDoc("listImports", "The import batches of the caller's centres, newest first."))
        { req -> OK<[ImportBatchOut]> in
            OK(try await req.imports.batches().map(ImportBatchOut.init))
        }
        routes.api(
            .GET, "/imports/{bid}", APIDoc("getImport", "A batch's report: every row's outcome, person and reason.")
        ) { req -> OK<ImportOut> in
            OK(ImportOut(try await req.imports.batch(try req.recordID("bid")).1))
        }
        routes.api(
            .POST, "/imports/{bid}/rows/{row}/decision",
            APIDoc(
                "decideImportRow",
                "Decide a row held for review (supervisors): `samePerson` adds it to the candidate, otherwise it is "
                    + "registered as new.",
                problems: [409: "The row is not waiting for a decision, or the batch was undone."]),
            body: ImportDecisionBody.self
        ) { req, body -> OK<ImportOut> in
            let id = try req.recordID("bid")
            guard let row = req.parameters.get("row").flatMap(Int.init) else { throw StoreError.notFound }
            _ = try await req.imports.decide(batch: id, row: row, samePerson: body.samePerson)
            return OK(ImportOut(try await req.imports.batch(id).1))
        }
        routes.api(
            .POST, "/imports/{bid}/undo",
            APIDoc(
                "undoImport",
                "Remove what the batch created and what it added to registered people; refused with what depends on "
                    + "it when later work does.",
                problems: [409: "Undone already, or later work depends on the batch (`detail` says what)."])
        ) { req -> NoContent in
            try await req.imports.undo(try req.recordID("bid"))
            return NoContent()
        }
    }

    static func importPeople(_ req: Request) async throws -> ImportReport {
        let form: ImportUploadForm
        do { form = try req.content.decode(ImportUploadForm.self) } catch {
            throw APIValidation(fields: [.init(field: "file", code: "required", detail: "Send multipart/form-data.")])
        }
        guard let upload = form.file, upload.data.readableBytes > 0 else {
            throw APIValidation(fields: [.init(field: "file", code: "required", detail: "No file was sent.")])
        }
        guard let centre = form.centre, !centre.isEmpty else {
            throw APIValidation(fields: [.init(field: "centre", code: "required", detail: "Name the centre.")])
        }
        let data = Data(buffer: upload.data)
        let sheet = form.sheet.flatMap { $0.isEmpty ? nil : $0 }
        let file: ImportFile
        do { file = try SpreadsheetReader.read(data, name: upload.filename, sheet: sheet) } catch {
            throw APIValidation(fields: [.init(field: "file", code: "unreadable", detail: error.description)])
        }
        var mapping = ImportMapping.recognised(header: file.header)
        if let json = form.mapping, !json.trimmingCharacters(in: .whitespaces).isEmpty {
            do { mapping = try ImportMapping.parse(json: Data(json.utf8), header: file.header) } catch {
                throw APIValidation(fields: [.init(field: "mapping", code: "invalid", detail: error.description)])
            }
        }
        return try await req.imports.run(
            file, mapping: mapping, centre: centre,
            options: ImportOptions(
                dryRun: ImportUploadForm.flag(form.dryRun),
                importGoodRows: ImportUploadForm.flag(form.importGoodRows)
            ))
    }
}
