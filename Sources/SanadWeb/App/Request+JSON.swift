import Foundation
import Vapor

extension Request {
    /// JSON only; a type mismatch names the member, so clients learn which field to fix.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard headers.contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "Send application/json.")
        }
        guard let buffer = body.data else { throw Abort(.badRequest, reason: "The request has no body.") }
        do {
            return try JSONDecoder().decode(T.self, from: buffer)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw APIValidation(fields: [
                .init(field: field, code: "wrong-type", detail: "This member has the wrong type.")
            ])
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIValidation(fields: [
                .init(field: key.stringValue, code: "required", detail: "This field is required.")
            ])
        } catch {
            throw Abort(.badRequest, reason: "The request body is not valid JSON.")
        }
    }
}
