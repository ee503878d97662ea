import Fluent
import Foundation
import SanadCore
import SanadStore
import Vapor

struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.post("auth", "token", use: token)
        v1.get("people", use: list)
        v1.post("people", use: create)
        v1.get("people", ":id", use: show)
        v1.patch("people", ":id", use: update)
        v1.get("openapi.json", use: openAPI)
    }

    func token(req: Request) async throws -> Response {
        let body = try decode(TokenRequest.self, req)
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        switch try await req.accounts.signIn(
            username: body.username, password: body.password, clientAddress: address, kind: .api)
        {
        case .success(_, let token):
            let out = TokenResponse(
                token: token, expiresAt: req.context.clock().addingTimeInterval(AccountService.tokenLifetime))
            return try await out.encodeResponse(status: .created, for: req)
        case .invalid(let delay):
            if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
            throw Abort(.unauthorized, reason: "Unknown username or wrong password.")
        case .locked:
            throw Abort(.tooManyRequests, reason: "Too many failed attempts; try again later.")
        }
    }

    func list(req: Request) async throws -> PersonList {
        _ = try req.requireActor()
        var problems: [Problem.FieldProblem] = []
        func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = req.query[String.self, at: name] else { return value }
            guard let n = Int(text), range.contains(n) else {
                problems.append(
                    .init(
                        field: name, code: "out-of-range",
                        detail: "Use a whole number from \(range.lowerBound) to \(range.upperBound)."))
                return value
            }
            return n
        }
        let page = int("page", default: 1, range: 1...100_000)
        let per = int("per", default: 25, range: 1...100)
        guard problems.isEmpty else { throw APIValidation(fields: problems) }
        let result = try await req.people.list(
            query: req.query[String.self, at: "q"], centre: req.query[String.self, at: "centre"], page: page, per: per)
        return PersonList(
            items: result.items.map(PersonOut.init), page: result.page, per: result.per, total: result.total)
    }

    func create(req: Request) async throws -> Response {
        let people = try req.people
        let body = try decode(PersonBody.self, req)
        let record = try await people.register(body.applied(to: PersonDraft()))
        let response = try await PersonOut(record).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/people/\(record.id.uuidString)")
        return response
    }

    func show(req: Request) async throws -> PersonOut {
        PersonOut(try await req.people.find(try id(req)))
    }

    func update(req: Request) async throws -> PersonOut {
        let people = try req.people
        let id = try id(req)
        let body = try decode(PersonBody.self, req)
        guard let version = body.version else {
            throw APIValidation(fields: [
                .init(field: "version", code: "required", detail: "Send the version your change is based on.")
            ])
        }
        let current = try await people.find(id)
        return PersonOut(try await people.update(id, with: body.applied(to: current.draft), expectedVersion: version))
    }

    func openAPI(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    func id(_ req: Request) throws -> UUID {
        return try req.recordID()
    }

    /// JSON only; a type mismatch names the member, so clients learn which field to fix.
    func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        guard req.headers.contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "Send application/json.")
        }
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "The request has no body.") }
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
