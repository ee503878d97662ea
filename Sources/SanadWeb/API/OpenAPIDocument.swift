import Foundation
import SanadCore

/// The OpenAPI 3.1 description of `/api/v1`. A test compares its paths with the routes the server registers.
enum OpenAPIDocument {
    static let json: Data = {
        // Built once from literals; a failure here is a programming error caught by the tests.
        try! JSONSerialization.data(withJSONObject: document(), options: [.sortedKeys])
    }()

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func problem(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/problem+json": ["schema": ref("Problem")]]]
    }

    static func jsonBody(_ schema: String) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": ref(schema)]]]
    }

    static func ok(_ description: String, _ schema: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ref(schema)]]]
    }

    static var authErrors: [String: Any] {
        [
        "401": problem("Missing, unknown or expired token."),
        "403": problem("The role may not do this."),
        ]
    }

    static func merge(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] {
        a.merging(b) { x, _ in x }
    }

    static var idParameter: [String: Any] {
        [
        "name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"],
        ]
    }

    static func document() -> [String: Any] {
        let string: [String: Any] = ["type": "string"]
        let nullableString: [String: Any] = ["type": ["string", "null"]]
        let query: [[String: Any]] = [
            ["name": "q", "in": "query", "schema": string, "description": "Part of a name in any script, or a registration number."],
            ["name": "centre", "in": "query", "schema": string],
            ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100_000]],
            ["name": "per", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100]],
        ]
        let paths: [String: Any] = [
            "/api/v1/auth/token": [
                "post": [
                    "operationId": "createToken", "summary": "Exchange a username and password for an API token.",
                    "security": [] as [Any],
                    "requestBody": jsonBody("TokenRequest"),
                    "responses": [
                        "201": ok("A new token.", "TokenResponse"),
                        "400": problem("Malformed body."), "401": problem("Unknown username or wrong password."),
                        "413": problem("Body too large."), "415": problem("Not JSON."),
                        "422": problem("A member is missing or has the wrong type."),
                        "429": problem("Locked after repeated failures."),
                    ],
                ]
            ],
            "/api/v1/people": [
                "get": [
                    "operationId": "listPeople", "summary": "People the caller may see, newest first.",
                    "parameters": query,
                    "responses": merge(["200": ok("A page of people.", "PersonList"), "422": problem("Bad paging.")], authErrors),
                ],
                "post": [
                    "operationId": "registerPerson", "summary": "Register a person.",
                    "requestBody": jsonBody("PersonInput"),
                    "responses": merge(
                        [
                            "201": ok("The registered person.", "Person"), "400": problem("Malformed body."),
                            "413": problem("Body too large."), "415": problem("Not JSON."),
                            "422": problem("Invalid fields, each named in `errors`."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getPerson", "summary": "One person (the view is audited).",
                    "responses": merge(["200": ok("The person.", "Person"), "404": problem("Unknown, or not visible to the caller.")], authErrors),
                ],
                "patch": [
                    "operationId": "updatePerson", "summary": "Change some fields; `version` must be the current one.",
                    "requestBody": jsonBody("PersonPatch"),
                    "responses": merge(
                        [
                            "200": ok("The changed person.", "Person"), "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."),
                            "409": problem("Someone else changed the person since `version`."),
                            "413": problem("Body too large."), "415": problem("Not JSON."),
                            "422": problem("Invalid fields, each named in `errors`."),
                        ], authErrors),
                ],
            ],
            "/api/v1/openapi.json": [
                "get": [
                    "operationId": "getOpenAPI", "summary": "This document.", "security": [] as [Any],
                    "responses": ["200": ["description": "The OpenAPI document.", "content": ["application/json": ["schema": ["type": "object"]]]]],
                ]
            ],
        ]
        let documentSchema: [String: Any] = [
            "type": "object",
            "properties": [
                "type": ["type": "string", "enum": DocumentType.allCases.map(\.rawValue)],
                "number": ["type": "string", "maxLength": 64],
                "issuingCountry": ["type": ["string", "null"], "description": "ISO 3166 alpha-2 or alpha-3"],
            ],
        ]
        let consentSchema: [String: Any] = [
            "type": "object",
            "properties": Dictionary(uniqueKeysWithValues: ["interview", "toldPurpose", "toldUses", "toldResearch", "toldAccessRight", "toldRetention", "toldWithdrawal"].map { ($0, ["type": "boolean"] as [String: Any]) }),
        ]
        var inputProperties: [String: Any] = [
            "nameOriginal": ["type": "string", "maxLength": 200, "description": "As the person gives it, any script."],
            "nameLatin": ["type": "string", "maxLength": 200, "description": "Suggested by transliteration when left out."],
            "sex": ["type": "string", "enum": Gender.allCases.map(\.rawValue)],
            "birthDate": ["type": "string", "format": "date"],
            "estimatedAge": ["type": "integer", "minimum": 0, "maximum": 120],
            "nationality": ["type": "string", "description": "ISO 3166 alpha-2 or alpha-3"],
            "languages": ["type": "array", "items": ["type": "string", "description": "ISO 639-2 or 639-1"]],
            "phone": string, "documents": ["type": "array", "items": documentSchema],
            "arrivalDate": ["type": "string", "format": "date"], "route": ["type": "string", "maxLength": 500],
            "notes": ["type": "string", "maxLength": 5000],
            "flags": ["type": "array", "items": ["type": "string", "enum": PersonFlag.allCases.map(\.rawValue)]],
            "consent": consentSchema, "centre": string,
        ]
        let input: [String: Any] = ["type": "object", "required": ["nameOriginal", "sex", "centre"], "properties": inputProperties]
        inputProperties["version"] = ["type": "integer", "minimum": 1]
        let patch: [String: Any] = ["type": "object", "required": ["version"], "properties": inputProperties]
        let person: [String: Any] = [
            "type": "object",
            "required": ["id", "registrationNumber", "centre", "version", "nameOriginal", "nameLatin", "sex", "languages", "documents", "flags", "consent"],
            "properties": [
                "id": ["type": "string", "format": "uuid"], "registrationNumber": ["type": "string", "example": "KRT-2026-000123"],
                "centre": string, "version": ["type": "integer"], "nameOriginal": string, "nameLatin": string,
                "sex": ["type": "string", "enum": Gender.allCases.map(\.rawValue)], "birthDate": nullableString,
                "estimatedAge": ["type": ["integer", "null"]], "birthYear": ["type": ["integer", "null"]],
                "nationality": nullableString, "languages": ["type": "array", "items": string], "phone": nullableString,
                "documents": ["type": "array", "items": documentSchema], "arrivalDate": nullableString,
                "route": nullableString, "notes": nullableString, "flags": ["type": "array", "items": string],
                "consent": consentSchema, "createdAt": ["type": "string", "format": "date-time"],
                "updatedAt": ["type": "string", "format": "date-time"],
            ],
        ]
        let schemas: [String: Any] = [
            "Problem": [
                "type": "object", "required": ["type", "title", "status"],
                "properties": [
                    "type": string, "title": string, "status": ["type": "integer"], "detail": string,
                    "currentVersion": ["type": "integer"],
                    "errors": ["type": "array", "items": ["type": "object", "properties": ["field": string, "code": string, "detail": string]]],
                ],
            ],
            "TokenRequest": ["type": "object", "required": ["username", "password"], "properties": ["username": string, "password": string]],
            "TokenResponse": ["type": "object", "required": ["token", "expiresAt"], "properties": ["token": string, "expiresAt": ["type": "string", "format": "date-time"]]],
            "PersonInput": input, "PersonPatch": patch, "Person": person,
            "PersonList": [
                "type": "object", "required": ["items", "page", "per", "total"],
                "properties": ["items": ["type": "array", "items": ref("Person")], "page": ["type": "integer"], "per": ["type": "integer"], "total": ["type": "integer"]],
            ],
        ]
        return [
            "openapi": "3.1.0",
            "info": ["title": "Sanad API", "version": "1.0.0", "description": "Case management for migrant resource and response centres."],
            "servers": [["url": "/"]],
            "security": [["bearer": [] as [Any]]],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
    }
}
