import Foundation
import SanadCore
import Vapor

/// CSV for people who work in spreadsheets: UTF-8 with a byte-order mark (so Arabic shows correctly when the
/// file is opened directly) and every cell neutralised against formula injection.
enum SpreadsheetResponse {
    static func csv(_ rows: [[String]]) -> Data {
        var bytes = SpreadsheetCSV.utf8BOM
        for row in rows { CSVText.append(row.map(SpreadsheetCSV.neutralise), to: &bytes) }
        return Data(bytes)
    }

    /// Plain CSV (no byte-order mark, no neutralising) for machine readers such as HXL tools.
    static func plainCSV(_ rows: [[String]]) -> Data { Data(CSVText.encode(rows)) }

    static func download(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}
