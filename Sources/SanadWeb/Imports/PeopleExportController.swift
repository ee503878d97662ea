import Foundation
import SanadCore
import SanadStore
import Vapor

/// The people list as a spreadsheet in the import's column layout (issue 14, item 6), with the list's filters;
/// supervisors only, audited.
struct PeopleExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.page(.GET, Site.peopleCSV, use: csv)
        routes.page(.GET, Site.peopleXLSX, use: xlsx)
    }

    func rows(_ req: Request) async throws -> [[String]] {
        let query = PeopleSearchQuery(req)
        guard query.problems.isEmpty else { throw APIValidation(fields: query.problems) }
        return try await req.people.export(query.search)
    }

    func csv(req: Request) async throws -> Response {
        let rows = try await rows(req)
        return SpreadsheetResponse.download(
            SpreadsheetResponse.csv([PeopleService.exportHeader] + rows), filename: "people.csv")
    }

    func xlsx(req: Request) async throws -> Response {
        let rows = try await rows(req)
        let data = try XLSXWriter.write(header: PeopleService.exportHeader, rows: rows, sheetName: "People")
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"people.xlsx\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
