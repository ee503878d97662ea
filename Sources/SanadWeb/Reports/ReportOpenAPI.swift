import Foundation
import SanadCore

/// Events and reports in the OpenAPI document.
extension OpenAPIDocument {
    static var reportPaths: [String: Any] {
        let date: [String: Any] = ["type": "string", "format": "date"]
        let period: [[String: Any]] = [
            ["name": "from", "in": "query", "required": true, "schema": date],
            ["name": "to", "in": "query", "required": true, "schema": date],
            ["name": "centre", "in": "query", "schema": ["type": "string"]],
            ["name": "state", "in": "query", "schema": ["type": "string", "description": "State P-code"]],
            ["name": "nationality", "in": "query", "schema": ["type": "string", "description": "ISO 3166 alpha-3"]],
            ["name": "bands", "in": "query", "schema": enumString(AgeBanding.allCases.map(\.rawValue))],
        ]
        let badQuery = "Reversed or absurd period, unknown centre, state or nationality (each named in `errors`)."
        return [
            "/api/v1/reports/summary": [
                "get": operation(
                    "reportSummary",
                    "Indicators for a period: unique people assisted, registrations, screenings, victims, services, referrals, returns, shelter nights, events; each by sex and age group. Counts only.",
                    success: ("200", "The figures.", "ReportSummary"), problems: ["422": badQuery], parameters: period)
            ],
            "/api/v1/reports/trends": [
                "get": operation(
                    "reportTrends",
                    "Rises and falls in the period's last whole month (or calendar quarter) against the year before it (two-sided exact Poisson test, α = 0.01), by nationality, centre and form of exploitation.",
                    success: ("200", "The flags with their figures.", "TrendReport"), problems: ["422": badQuery],
                    parameters: period + [
                        ["name": "cadence", "in": "query", "schema": enumString(TrendCadence.allCases.map(\.rawValue))]
                    ])
            ],
            "/api/v1/events": [
                "get": operation(
                    "listEvents", "Awareness-raising events, newest first.",
                    success: ("200", "A page of events.", "EventList"),
                    problems: ["422": "Bad date, state or type."],
                    parameters: [
                        ["name": "from", "in": "query", "schema": date], ["name": "to", "in": "query", "schema": date],
                        ["name": "state", "in": "query", "schema": ["type": "string"]],
                        [
                            "name": "type", "in": "query",
                            "schema": enumString(AwarenessEventType.allCases.map(\.rawValue)),
                        ],
                        ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1]],
                    ]),
                "post": operation(
                    "recordEvent", "Record an event (no personal data: participants are counts).", body: "EventInput",
                    success: ("201", "The event.", "Event"), problems: ["422": invalid]),
            ],
            "/api/v1/events/{eid}": [
                "parameters": [uuidParameter("eid")],
                "get": operation(
                    "getEvent", "One event.", success: ("200", "The event.", "Event"), problems: ["404": unseen]),
            ],
        ]
    }

    static var reportSchemas: [String: Any] {
        let s: [String: Any] = ["type": "string"]
        let int: [String: Any] = ["type": "integer"]
        let counts: [String: Any] = ["type": "object", "additionalProperties": int]
        let breakdown = object([
            "total": int,
            "cells": [
                "type": "object", "additionalProperties": int,
                "description": "By sex and age group: f_children, m_adults, sex_unknown_age_unknown…",
            ],
        ])
        let material = object(["kind": s, "count": int])
        let participants: [String: Any] = [
            "type": "object", "additionalProperties": int,
            "description": "Keys: \(ParticipantGroup.all.map(\.description).joined(separator: ", "))",
        ]
        return [
            "Breakdown": breakdown,
            "ReportSummary": object([
                "from": s, "to": s, "centre": ["type": ["string", "null"]], "assisted": ref("Breakdown"),
                "registrations": ref("Breakdown"), "presumedVictims": ref("Breakdown"),
                "confirmedVictims": ref("Breakdown"), "departures": ref("Breakdown"),
                "screenings": ["type": "object", "additionalProperties": ref("Breakdown")],
                "services": [
                    "type": "object",
                    "additionalProperties": object([
                        "records": int, "quantity": ["type": "number"], "people": ref("Breakdown"),
                    ]),
                ],
                "referrals": counts, "shelterNights": ["type": "number"], "events": int, "participants": counts,
                "participantsTotal": int,
                "months": [
                    "type": "array",
                    "items": object([
                        "month": s, "assisted": int, "registrations": int, "presumedVictims": int, "departures": int,
                        "participants": int,
                    ]),
                ],
            ]),
            "TrendReport": object([
                "month": s, "test": s, "skipped": int,
                "flags": [
                    "type": "array",
                    "items": object([
                        "dimension": enumString(["nationality", "exploitation", "centre"]), "category": s,
                        "period": s, "observed": int, "expected": ["type": "number"], "ratio": ["type": "number"],
                        "pValue": ["type": "number"], "direction": enumString(["rise", "fall"]),
                    ]),
                ],
            ]),
            "Event": object([
                "id": ["type": "string", "format": "uuid"],
                "type": enumString(AwarenessEventType.allCases.map(\.rawValue)),
                "title": s, "startDate": s, "endDate": ["type": ["string", "null"]], "state": s,
                "locality": ["type": ["string", "null"]], "centre": s, "partners": ["type": "array", "items": s],
                "participants": participants, "participantsTotal": int, "community": ["type": ["string", "null"]],
                "materials": ["type": "array", "items": material], "notes": ["type": ["string", "null"]],
            ]),
            "EventList": object(["items": array("Event"), "page": int, "total": int]),
            "EventInput": object(
                [
                    "type": enumString(AwarenessEventType.allCases.map(\.rawValue)), "title": s,
                    "startDate": ["type": "string", "format": "date"], "endDate": ["type": "string", "format": "date"],
                    "state": s, "locality": s, "centre": s, "partners": ["type": "array", "items": s],
                    "participants": participants, "community": s, "materials": ["type": "array", "items": material],
                    "notes": s,
                ], required: ["type", "title", "startDate", "state", "centre"]),
        ]
    }
}
