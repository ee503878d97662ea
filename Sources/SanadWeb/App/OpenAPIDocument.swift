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
            [
                "name": "q", "in": "query", "schema": string,
                "description": "Part of a name in any script, or a registration number.",
            ],
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
                    "responses": merge(
                        ["200": ok("A page of people.", "PersonList"), "422": problem("Bad paging.")], authErrors),
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
                    "responses": merge(
                        ["200": ok("The person.", "Person"), "404": problem("Unknown, or not visible to the caller.")],
                        authErrors),
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
            "/api/v1/screening/instruments": [
                "get": [
                    "operationId": "listInstruments", "summary": "Screening instruments (every version).",
                    "responses": merge(
                        [
                            "200": [
                                "description": "Instruments.",
                                "content": [
                                    "application/json": [
                                        "schema": ["type": "array", "items": ref("InstrumentSummary")]
                                    ]
                                ],
                            ]
                        ], authErrors),
                ]
            ],
            "/api/v1/screening/instruments/{iid}": [
                "parameters": [["name": "iid", "in": "path", "required": true, "schema": string]],
                "get": [
                    "operationId": "getInstrument",
                    "summary": "The newest version of an instrument: dimensions, indicators, rules.",
                    "responses": merge(
                        ["200": ok("The instrument.", "Instrument"), "404": problem("No such instrument.")], authErrors),
                ],
            ],
            "/api/v1/people/{id}/screenings": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "listScreenings", "summary": "A person's screenings, newest first.",
                    "responses": merge(
                        [
                            "200": [
                                "description": "Screenings.",
                                "content": [
                                    "application/json": ["schema": ["type": "array", "items": ref("Screening")]]
                                ],
                            ], "404": problem("Unknown, or not visible to the caller."),
                        ], authErrors),
                ],
                "post": [
                    "operationId": "startScreening",
                    "summary": "Start a screening interview (needs the person's consent).",
                    "requestBody": jsonBody("ScreeningStart"),
                    "responses": merge(
                        [
                            "201": ok("The new screening.", "Screening"), "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."), "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Invalid fields, each named in `errors`."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}/trafficking-status": [
                "parameters": [idParameter],
                "post": [
                    "operationId": "decideTraffickingStatus",
                    "summary": "A supervisor's recorded decision on the HTCDS trafficking status.",
                    "requestBody": jsonBody("TraffickingStatusDecision"),
                    "responses": merge(
                        [
                            "204": ["description": "Recorded."], "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."), "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Unknown status or organisation."),
                        ], authErrors),
                ],
            ],
            "/api/v1/screenings/{sid}": [
                "parameters": [
                    ["name": "sid", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
                ],
                "get": [
                    "operationId": "getScreening",
                    "summary": "A screening with its answers and result (the view is audited).",
                    "responses": merge(
                        [
                            "200": ok("The screening.", "Screening"),
                            "404": problem("Unknown, or not visible to the caller."),
                        ], authErrors),
                ],
                "patch": [
                    "operationId": "saveScreeningAnswers",
                    "summary": "Save answers part-way; `version` must be the current one.",
                    "requestBody": jsonBody("ScreeningAnswers"),
                    "responses": merge(
                        [
                            "200": ok("The screening.", "Screening"), "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."),
                            "409": problem("Changed meanwhile, or already completed."),
                            "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Unknown indicator or answer."),
                        ], authErrors),
                ],
            ],
            "/api/v1/screenings/{sid}/complete": [
                "parameters": [
                    ["name": "sid", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
                ],
                "post": [
                    "operationId": "completeScreening",
                    "summary": "Save the last answers, evaluate and freeze the screening.",
                    "requestBody": jsonBody("ScreeningAnswers"),
                    "responses": merge(
                        [
                            "200": ok("The completed screening.", "Screening"), "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."),
                            "409": problem("Changed meanwhile, or already completed."),
                            "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Unknown indicator or answer."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}/vulnerability": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "getVulnerabilityProfile",
                    "summary": "The person's DoMV profile: risk and protective factors by level.",
                    "responses": merge(
                        [
                            "200": ok("The profile.", "VulnerabilityProfile"),
                            "404": problem("Unknown, or not visible to the caller."),
                        ], authErrors),
                ],
                "post": [
                    "operationId": "assessVulnerability",
                    "summary": "Record a new assessment of individual and household factors.",
                    "requestBody": jsonBody("FactorAnswers"),
                    "responses": merge(
                        [
                            "201": ok("The profile after the assessment.", "VulnerabilityProfile"),
                            "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."), "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Unknown factor or answer."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/matches": [
                "post": [
                    "operationId": "matchRegistration",
                    "summary":
                        "Likely existing records for a registration (same body as registerPerson); nothing is saved.",
                    "requestBody": jsonBody("PersonInput"),
                    "responses": merge(
                        [
                            "200": [
                                "description": "Candidates, best first.",
                                "content": ["application/json": ["schema": ["type": "array", "items": ref("Match")]]],
                            ],
                            "400": problem("Malformed body."), "413": problem("Body too large."),
                            "415": problem("Not JSON."),
                            "422": problem("Invalid fields, each named in `errors`."),
                        ], authErrors),
                ]
            ],
            "/api/v1/people/{id}/duplicates": [
                "parameters": [idParameter],
                "get": [
                    "operationId": "listDuplicates",
                    "summary": "Likely duplicates of a person, without pairs marked as different people.",
                    "responses": merge(
                        [
                            "200": [
                                "description": "Candidates.",
                                "content": ["application/json": ["schema": ["type": "array", "items": ref("Match")]]],
                            ], "404": problem("Unknown, or not visible to the caller."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}/merge": [
                "parameters": [idParameter],
                "post": [
                    "operationId": "mergePerson",
                    "summary": "Merge `other` into this person (supervisors). Undo with unmerge on `other`.",
                    "requestBody": jsonBody("OtherPerson"),
                    "responses": merge(
                        [
                            "204": ["description": "Merged."], "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."), "409": problem("Already merged."),
                            "413": problem("Body too large."), "415": problem("Not JSON."),
                            "422": problem("Same record, or `other` missing."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}/unmerge": [
                "parameters": [idParameter],
                "post": [
                    "operationId": "unmergePerson",
                    "summary":
                        "Undo the merge of this (merged) record; exactly what the merge added is removed from the survivor.",
                    "responses": merge(
                        [
                            "204": ["description": "Undone."], "404": problem("Unknown, or not visible to the caller."),
                            "409": problem("Not merged."),
                        ], authErrors),
                ],
            ],
            "/api/v1/people/{id}/distinct": [
                "parameters": [idParameter],
                "post": [
                    "operationId": "markDistinct",
                    "summary": "Remember that `other` is a different person (supervisors).",
                    "requestBody": jsonBody("OtherPerson"),
                    "responses": merge(
                        [
                            "204": ["description": "Remembered."], "400": problem("Malformed body."),
                            "404": problem("Unknown, or not visible to the caller."), "413": problem("Body too large."),
                            "415": problem("Not JSON."), "422": problem("Same record, or `other` missing."),
                        ], authErrors),
                ],
            ],
            "/api/v1/openapi.json": [
                "get": [
                    "operationId": "getOpenAPI", "summary": "This document.", "security": [] as [Any],
                    "responses": [
                        "200": [
                            "description": "The OpenAPI document.",
                            "content": ["application/json": ["schema": ["type": "object"]]],
                        ]
                    ],
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
            "properties": Dictionary(
                uniqueKeysWithValues: [
                    "interview", "toldPurpose", "toldUses", "toldResearch", "toldAccessRight", "toldRetention",
                    "toldWithdrawal",
                ].map { ($0, ["type": "boolean"] as [String: Any]) }),
        ]
        var inputProperties: [String: Any] = [
            "nameOriginal": ["type": "string", "maxLength": 200, "description": "As the person gives it, any script."],
            "nameLatin": [
                "type": "string", "maxLength": 200, "description": "Suggested by transliteration when left out.",
            ],
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
        let input: [String: Any] = [
            "type": "object", "required": ["nameOriginal", "sex", "centre"], "properties": inputProperties,
        ]
        inputProperties["version"] = ["type": "integer", "minimum": 1]
        let patch: [String: Any] = ["type": "object", "required": ["version"], "properties": inputProperties]
        let person: [String: Any] = [
            "type": "object",
            "required": [
                "id", "registrationNumber", "centre", "version", "nameOriginal", "nameLatin", "sex", "languages",
                "documents", "flags", "consent",
            ],
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "registrationNumber": ["type": "string", "example": "KRT-2026-000123"],
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
                    "errors": [
                        "type": "array",
                        "items": [
                            "type": "object", "properties": ["field": string, "code": string, "detail": string],
                        ],
                    ],
                ],
            ],
            "TokenRequest": [
                "type": "object", "required": ["username", "password"],
                "properties": ["username": string, "password": string],
            ],
            "TokenResponse": [
                "type": "object", "required": ["token", "expiresAt"],
                "properties": ["token": string, "expiresAt": ["type": "string", "format": "date-time"]],
            ],
            "PersonInput": input, "PersonPatch": patch, "Person": person,
            "InstrumentSummary": [
                "type": "object", "required": ["id", "version", "status", "title"],
                "properties": [
                    "id": string, "version": string,
                    "status": ["type": "string", "enum": ["verified", "provisional"]], "title": string,
                ],
            ],
            "Instrument": [
                "type": "object",
                "required": ["id", "version", "status", "population", "dimensions", "indicators", "rules"],
                "properties": [
                    "id": string, "version": string, "status": string, "population": string, "exploitationType": string,
                    "title": ["type": "object"], "dimensions": ["type": "array", "items": ["type": "object"]],
                    "indicators": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "id": string, "dimension": string,
                                "strength": ["type": "string", "enum": ["strong", "medium", "weak"]],
                                "text": ["type": "object"],
                            ],
                        ],
                    ],
                    "rules": ["type": "object"],
                ],
            ],
            "ScreeningStart": [
                "type": "object", "required": ["instrument", "language", "place", "consent"],
                "properties": [
                    "instrument": string, "language": string, "interpreter": string, "place": string,
                    "date": ["type": "string", "format": "date"], "consent": consentSchema,
                ],
            ],
            "ScreeningAnswers": [
                "type": "object", "required": ["version"],
                "properties": [
                    "version": ["type": "integer"],
                    "answers": [
                        "type": "object",
                        "additionalProperties": ["type": "string", "enum": IndicatorAnswer.allCases.map(\.rawValue)],
                    ],
                ],
            ],
            "TraffickingStatusDecision": [
                "type": "object", "required": ["status"],
                "properties": [
                    "status": ["type": "string", "enum": TraffickingStatus.allCases.map(\.rawValue)],
                    "decisionOrganisation": ["type": "string", "enum": DecisionOrganisation.allCases.map(\.rawValue)],
                ],
            ],
            "Match": [
                "type": "object", "required": ["centre", "decision", "reasons"],
                "properties": [
                    "id": ["type": "string", "format": "uuid", "description": "Only for records the caller may open."],
                    "centre": string, "registrationNumber": string, "score": ["type": "number"],
                    "decision": ["type": "string", "enum": ["match", "possible"]],
                    "reasons": ["type": "array", "items": string],
                ],
            ],
            "OtherPerson": [
                "type": "object", "required": ["other"], "properties": ["other": ["type": "string", "format": "uuid"]],
            ],
            "FactorAnswers": [
                "type": "object",
                "properties": [
                    "answers": [
                        "type": "object",
                        "additionalProperties": ["type": "string", "enum": FactorAnswer.allCases.map(\.rawValue)],
                    ]
                ],
            ],
            "VulnerabilityProfile": [
                "type": "object", "required": ["personId", "model", "answers", "context", "profile"],
                "properties": [
                    "personId": ["type": "string", "format": "uuid"], "model": string,
                    "answers": ["type": "object", "additionalProperties": string],
                    "context": ["type": "object", "additionalProperties": string],
                    "profile": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": [
                                "level": string, "risks": ["type": "array", "items": string],
                                "protective": ["type": "array", "items": string], "unknown": ["type": "integer"],
                            ],
                        ],
                    ],
                    "assessedAt": ["type": ["string", "null"], "format": "date-time"],
                ],
            ],
            "Evaluation": [
                "type": "object", "required": ["instrument", "version", "dimensions", "conclusion", "reasons"],
                "properties": [
                    "instrument": string, "version": string,
                    "dimensions": [
                        "type": "object",
                        "additionalProperties": ["type": "string", "enum": ["positive", "negative", "insufficient"]],
                    ],
                    "conclusion": [
                        "type": "string", "enum": ["presumed-victim", "insufficient-information", "not-indicated"],
                    ],
                    "reasons": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "properties": ["dimension": string, "indicators": ["type": "array", "items": string]],
                        ],
                    ],
                ],
            ],
            "Screening": [
                "type": "object",
                "required": [
                    "id", "personId", "instrument", "instrumentVersion", "status", "answers", "result", "version",
                ],
                "properties": [
                    "id": ["type": "string", "format": "uuid"], "personId": ["type": "string", "format": "uuid"],
                    "instrument": string, "instrumentVersion": string,
                    "interviewerId": ["type": "string", "format": "uuid"],
                    "language": string, "interpreter": nullableString, "place": string, "date": string,
                    "status": ["type": "string", "enum": ["in-progress", "completed"]],
                    "answers": ["type": "object", "additionalProperties": string], "result": ref("Evaluation"),
                    "supersedes": ["type": ["string", "null"]], "version": ["type": "integer"],
                    "completedAt": ["type": ["string", "null"], "format": "date-time"],
                ],
            ],
            "PersonList": [
                "type": "object", "required": ["items", "page", "per", "total"],
                "properties": [
                    "items": ["type": "array", "items": ref("Person")], "page": ["type": "integer"],
                    "per": ["type": "integer"], "total": ["type": "integer"],
                ],
            ],
        ]
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Sanad API", "version": "1.0.0",
                "description": "Case management for migrant resource and response centres.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [] as [Any]]],
            "paths": merge(merge(paths, casePaths), reportPaths),
            "components": [
                "schemas": merge(merge(schemas, caseSchemas), reportSchemas),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }
}
