import Foundation
import SanadCore

/// The case-management part of the OpenAPI document.
extension OpenAPIDocument {
    static func uuidParameter(_ name: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
    }

    static func enumString(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        ["type": "object", "required": required, "properties": properties]
    }

    static func array(_ schema: String) -> [String: Any] {
        ["type": "array", "items": ref(schema)]
    }

    /// One JSON operation: its body (if any), its success and the problems it can answer with.
    static func operation(
        _ id: String, _ summary: String, body: String? = nil, success: (String, String, String?),
        problems: [String: String] = [:], parameters: [[String: Any]] = []
    ) -> [String: Any] {
        var responses: [String: Any] = authErrors
        let (code, description, schema) = success
        responses[code] =
            schema.map { schema -> [String: Any] in
                schema.hasPrefix("[")
                    ? [
                        "description": description,
                        "content": ["application/json": ["schema": array(String(schema.dropFirst().dropLast()))]],
                    ]
                    : ok(description, schema)
            } ?? ["description": description]
        for (status, text) in problems { responses[status] = problem(text) }
        if body != nil {
            responses["400"] = problem("Malformed body.")
            responses["413"] = problem("Body too large.")
            responses["415"] = problem("Not JSON.")
        }
        var op: [String: Any] = ["operationId": id, "summary": summary, "responses": responses]
        if let body { op["requestBody"] = jsonBody(body) }
        if !parameters.isEmpty { op["parameters"] = parameters }
        return op
    }

    static let invalid = "Invalid fields, each named in `errors`."
    static let unseen = "Unknown, or not visible to the caller."
    static let refused = "Not possible from the record's current state (`type` names the rule)."

    static var casePaths: [String: Any] {
        let cid = [uuidParameter("cid")]
        let page: [String: Any] = ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1]]
        return [
            "/api/v1/cases": [
                "get": operation(
                    "listCases", "Cases at the caller's centres, most recently changed first.",
                    success: ("200", "A page of cases.", "CaseList"), problems: ["422": "Unknown stage or scope."],
                    parameters: [
                        ["name": "stage", "in": "query", "schema": enumString(CaseStage.allCases.map(\.rawValue))],
                        ["name": "scope", "in": "query", "schema": enumString(["all", "mine", "unassigned"])], page,
                    ])
            ],
            "/api/v1/people/{id}/cases": [
                "parameters": [idParameter],
                "post": operation(
                    "openCase", "Open a case for a person (one open case at a time).", body: "OpenCase",
                    success: ("201", "The new case.", "Case"),
                    problems: ["404": unseen, "409": "The person already has an open case.", "422": invalid]),
            ],
            "/api/v1/cases/{cid}": [
                "parameters": cid,
                "get": operation(
                    "getCase", "The case file: notes, approvals, plan, services, referrals, returns, stay (audited).",
                    success: ("200", "The case file.", "CaseFile"), problems: ["404": unseen]),
            ],
            "/api/v1/cases/{cid}/events": [
                "parameters": cid,
                "post": operation(
                    "caseEvent",
                    "Assess, start assistance, start follow-up or reopen. Plan approval and closure need a supervisor's approval instead.",
                    body: "CaseEvent", success: ("200", "The case after the step.", "Case"),
                    problems: ["404": unseen, "409": refused + " Or changed since `version`.", "422": invalid]),
            ],
            "/api/v1/cases/{cid}/notes": [
                "parameters": cid,
                "post": operation(
                    "addCaseNote", "Add a note (stored encrypted).", body: "Note", success: ("204", "Added.", nil),
                    problems: ["404": unseen, "422": invalid]),
            ],
            "/api/v1/cases/{cid}/plan-items": [
                "parameters": cid,
                "post": operation(
                    "addPlanItem", "Add a need and the service planned for it.", body: "PlanItem",
                    success: ("204", "Added.", nil), problems: ["404": unseen, "409": refused, "422": invalid]),
            ],
            "/api/v1/cases/{cid}/approvals": [
                "parameters": cid,
                "post": operation(
                    "requestApproval", "Ask a supervisor to approve the care plan, a closure or a trafficking status.",
                    body: "ApprovalRequest", success: ("204", "Asked.", nil),
                    problems: ["404": unseen, "409": refused + " Or one is already waiting.", "422": invalid]),
            ],
            "/api/v1/cases/{cid}/approvals/{aid}": [
                "parameters": cid + [uuidParameter("aid")],
                "post": operation(
                    "decideApproval",
                    "Approve (applies what was asked) or reject (with a comment). Never one's own case unless granted.",
                    body: "ApprovalDecision", success: ("204", "Decided.", nil),
                    problems: [
                        "404": unseen, "409": "Already decided, or the step is no longer possible.", "422": invalid,
                    ]),
            ],
            "/api/v1/cases/{cid}/services": [
                "parameters": cid,
                "post": operation(
                    "recordService", "Record a planned, delivered or cancelled service.", body: "ServiceInput",
                    success: ("201", "The service record.", "Service"),
                    problems: ["404": unseen, "409": refused, "422": invalid]),
            ],
            "/api/v1/cases/{cid}/referrals": [
                "parameters": cid,
                "post": operation(
                    "sendReferral", "Refer to a partner the person consented to share with.", body: "ReferralInput",
                    success: ("201", "The referral.", "Referral"),
                    problems: ["404": unseen, "409": refused, "422": invalid + " Or no consent for this partner."]),
            ],
            "/api/v1/cases/{cid}/returns": [
                "parameters": cid,
                "post": operation(
                    "requestReturn", "Record a voluntary return request.", body: "ReturnInput",
                    success: ("201", "The return.", "Return"),
                    problems: ["404": unseen, "409": "A return is already in progress.", "422": invalid]),
            ],
            "/api/v1/cases/{cid}/stays": [
                "parameters": cid,
                "post": operation(
                    "checkIn", "Check the person into a bed; a bed is never given to two people.", body: "StayInput",
                    success: ("201", "The stay.", "Stay"),
                    problems: [
                        "404": unseen, "409": "The bed is taken, or the person is already in a bed.", "422": invalid,
                    ]),
            ],
            "/api/v1/returns/{rid}/steps": [
                "parameters": [uuidParameter("rid")],
                "post": operation(
                    "recordReturnStep", "Record the next AVRR step; required steps cannot be skipped.",
                    body: "ReturnStepInput", success: ("200", "The return.", "Return"),
                    problems: ["404": unseen, "409": refused + " Or changed since `version`.", "422": invalid]),
            ],
            "/api/v1/stays/{sid}/checkout": [
                "parameters": [uuidParameter("sid")],
                "post": operation(
                    "checkOut", "End a stay; its nights become a delivered safe-accommodation service.",
                    body: "CheckOutInput", success: ("204", "Checked out.", nil),
                    problems: ["404": unseen, "409": "Already checked out.", "422": invalid]),
            ],
            "/api/v1/people/{id}/consents": [
                "parameters": [idParameter],
                "post": operation(
                    "setReferralConsent", "Record or withdraw the person's consent to share with a partner.",
                    body: "ConsentInput", success: ("204", "Recorded.", nil), problems: ["404": unseen, "422": invalid]),
            ],
            "/api/v1/shelters/{centre}/occupancy": [
                "parameters": [["name": "centre", "in": "path", "required": true, "schema": ["type": "string"]]],
                "get": operation(
                    "shelterOccupancy", "Every bed of a centre and who slept there on a date (default today).",
                    success: ("200", "Beds.", "[Bed]"), problems: ["404": unseen, "422": "Bad date."],
                    parameters: [["name": "date", "in": "query", "schema": ["type": "string", "format": "date"]]]),
            ],
            "/api/v1/partners": [
                "get": operation(
                    "listPartners", "The partner directory.", success: ("200", "Partners.", "[Partner]"))
            ],
            "/api/v1/referrals": [
                "get": operation(
                    "listReferrals",
                    "A partner focal point's inbox, or the referrals sent from the caller's centres; soonest due first.",
                    success: ("200", "A page of referrals.", "ReferralList"), problems: ["422": "Unknown status."],
                    parameters: [
                        [
                            "name": "status", "in": "query",
                            "schema": enumString(ReferralStatus.allCases.map(\.rawValue)),
                        ],
                        page,
                    ])
            ],
            "/api/v1/referrals/{rid}/answer": [
                "parameters": [uuidParameter("rid")],
                "post": operation(
                    "answerReferral",
                    "The partner accepts, declines (with a reason) or completes; the sender withdraws.",
                    body: "ReferralAnswer", success: ("200", "The referral.", "Referral"),
                    problems: ["404": unseen, "409": refused + " Or changed since `version`.", "422": invalid]),
            ],
            "/api/v1/work": [
                "get": operation(
                    "listWork",
                    "What is due, overdue first: the caller's cases, or (`scope=centre`, supervisors) the whole centre.",
                    success: ("200", "Work items.", "[WorkItem]"),
                    parameters: [["name": "scope", "in": "query", "schema": enumString(["mine", "centre"])]])
            ],
        ]
    }

    static var caseSchemas: [String: Any] {
        let s: [String: Any] = ["type": "string"]
        let ns: [String: Any] = ["type": ["string", "null"]]
        let date: [String: Any] = ["type": "string", "format": "date"]
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let int: [String: Any] = ["type": "integer"]
        let number: [String: Any] = ["type": "number", "minimum": 0]
        let caseOut = object(
            [
                "id": uuid, "personId": uuid, "centre": s,
                "caseworkerId": ["type": ["string", "null"], "format": "uuid"],
                "stage": enumString(CaseStage.allCases.map(\.rawValue)),
                "status": enumString(HTCDSCaseStatus.allCases.map(\.rawValue)),
                "priority": enumString(CasePriority.allCases.map(\.rawValue)),
                "risk": enumString(CaseRisk.allCases.map(\.rawValue)), "closureReason": ns, "openedOn": date,
                "closedOn": ns, "version": int,
            ], required: ["id", "personId", "centre", "stage", "status", "priority", "risk", "openedOn", "version"])
        let service = object([
            "id": uuid, "date": date, "type": s, "quantity": number, "unit": s,
            "status": enumString(ServiceStatus.allCases.map(\.rawValue)), "partnerId": ns,
            "cost": ["type": ["number", "null"]],
            "currency": ns, "fromShelterStay": ["type": "boolean"],
        ])
        let referral = object([
            "id": uuid, "caseId": uuid, "partnerId": uuid, "partnerName": s, "service": s,
            "urgency": enumString(ReferralUrgency.allCases.map(\.rawValue)),
            "reason": enumString(ReferralReason.allCases.map(\.rawValue)),
            "shared": [
                "type": "object", "additionalProperties": s, "description": "Only what the person agreed to share.",
            ],
            "status": enumString(ReferralStatus.allCases.map(\.rawValue)), "declineReason": ns, "sentOn": date,
            "answerDue": date, "overdue": ["type": "boolean"], "version": int,
        ])
        let steps = AVRRStep.allCases.map(\.rawValue)
        let returnOut = object([
            "id": uuid, "caseId": uuid, "country": s, "place": s, "step": enumString(steps), "stepSince": date,
            "waitingDays": int, "version": int,
            "steps": [
                "type": "array",
                "items": object(["step": enumString(steps), "date": date, "by": uuid, "documents": ns]),
            ],
        ])
        let stay = object(["id": uuid, "bedId": uuid, "caseId": uuid, "checkIn": date, "checkOut": ns])
        return [
            "Case": caseOut,
            "CaseList": object(["items": array("Case"), "page": int, "total": int]),
            "CaseFile": object([
                "case": ref("Case"),
                "notes": ["type": "array", "items": object(["author": uuid, "at": s, "text": s])],
                "approvals": [
                    "type": "array",
                    "items": object(["id": uuid, "kind": s, "status": s, "subject": ns, "comment": ns]),
                ],
                "plan": [
                    "type": "array", "items": object(["id": uuid, "need": s, "service": s, "due": date, "status": s]),
                ],
                "services": array("Service"), "referrals": array("Referral"), "returns": array("Return"),
                "followUps": [
                    "type": "array",
                    "items": object(["id": uuid, "due": date, "note": s, "done": ["type": "boolean"]]),
                ],
                "stay": ["oneOf": [ref("Stay"), ["type": "null"]]],
            ]),
            "Service": service, "Referral": referral, "Return": returnOut, "Stay": stay,
            "ReferralList": object(["items": array("Referral"), "page": int, "total": int]),
            "Bed": object([
                "id": uuid, "shelter": s, "room": s, "label": s,
                "restriction": enumString(BedRestriction.allCases.map(\.rawValue)), "occupied": ["type": "boolean"],
                "stay": ["oneOf": [ref("Stay"), ["type": "null"]], "description": "Only for roles that see people."],
            ]),
            "Partner": object([
                "id": uuid, "name": s, "type": enumString(OrganisationType.allCases.map(\.rawValue)),
                "services": ["type": "array", "items": s], "states": ["type": "array", "items": s], "focalPoint": ns,
                "contact": ns,
            ]),
            "WorkItem": object([
                "kind": enumString(WorkItem.Kind.allCases.map(\.rawValue)), "caseId": uuid, "due": ns,
                "overdue": ["type": "boolean"], "detail": s,
            ]),
            "OpenCase": object(
                [
                    "priority": enumString(CasePriority.allCases.map(\.rawValue)),
                    "risk": enumString(CaseRisk.allCases.map(\.rawValue)), "caseworker": uuid,
                ], required: ["priority", "risk"]),
            "CaseEvent": object(
                [
                    "event": enumString(CaseEvent.Kind.allCases.map(\.rawValue)), "version": int,
                    "priority": enumString(CasePriority.allCases.map(\.rawValue)),
                    "risk": enumString(CaseRisk.allCases.map(\.rawValue)),
                ], required: ["event"]),
            "Note": object(["text": ["type": "string", "maxLength": 5000]], required: ["text"]),
            "PlanItem": object(
                ["need": s, "service": s, "partner": uuid, "due": date], required: ["need", "service", "due"]),
            "ApprovalRequest": object(
                [
                    "kind": enumString(ApprovalKind.allCases.map(\.rawValue)),
                    "subject": [
                        "type": "string",
                        "description":
                            "Closure: a closure reason. Trafficking confirmation: an HTCDS trafficking status.",
                    ],
                ], required: ["kind"]),
            "ApprovalDecision": object(
                ["decision": enumString(ApprovalDecision.allCases.map(\.rawValue)), "comment": s],
                required: ["decision"]),
            "ServiceInput": object(
                [
                    "date": date, "type": s, "quantity": number,
                    "status": enumString(ServiceStatus.allCases.map(\.rawValue)),
                    "partner": uuid, "cost": number, "currency": ["type": "string", "pattern": "^[A-Za-z]{3}$"],
                ], required: ["date", "type", "quantity", "status"]),
            "ReferralInput": object(
                [
                    "partner": uuid, "service": s, "urgency": enumString(ReferralUrgency.allCases.map(\.rawValue)),
                    "reason": enumString(ReferralReason.allCases.map(\.rawValue)),
                    "shared": ["type": "array", "items": enumString(SharedField.allCases.map(\.rawValue))],
                    "note": s,
                ], required: ["partner", "service", "urgency", "reason"]),
            "ReturnInput": object(
                ["country": s, "place": s, "date": date], required: ["country", "place", "date"]),
            "ReturnStepInput": object(
                ["step": enumString(steps), "date": date, "documents": s, "version": int], required: ["step", "date"]),
            "StayInput": object(["bed": uuid, "checkIn": date], required: ["bed"]),
            "CheckOutInput": object(["checkOut": date]),
            "ConsentInput": object(["partner": uuid, "given": ["type": "boolean"]], required: ["partner"]),
            "ReferralAnswer": object(
                [
                    "decision": enumString(["accept", "decline", "complete", "withdraw"]), "reason": s,
                    "version": int,
                ], required: ["decision"]),
        ]
    }
}
