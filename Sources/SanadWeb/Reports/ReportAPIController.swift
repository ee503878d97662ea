import Foundation
import SanadCore
import SanadStore
import Vapor

/// The dashboard's figures and trend flags as JSON: counts only, for the caller's centres.
struct ReportAPIController: RouteCollection {
    static let period: [APIQuery] = [
        .date("from"), .date("to"), .string("centre"), .string("state", "State P-code, e.g. SD11."),
        .string("nationality", "ISO 3166 alpha-3."), .oneOf("bands", AgeBanding.allCases.map(\.rawValue)),
    ]

    func boot(routes: any RoutesBuilder) throws {
        routes.api(
            .GET, "/reports/summary",
            APIDoc(
                "reportSummary",
                "People assisted (each once), registrations, screenings, victims, services, referrals, departures and events in a period, by sex and age group.",
                query: Self.period), use: summary)
        routes.api(
            .GET, "/reports/trends",
            APIDoc(
                "reportTrends",
                "What changed in the last whole month or quarter of the period, by nationality, form of exploitation and centre (exact Poisson test).",
                query: Self.period + [.oneOf("cadence", TrendCadence.allCases.map(\.rawValue))]), use: trends)
    }

    func summary(req: Request) async throws -> OK<SummaryOut> {
        let q = try await ReportPageController.query(req, defaults: false)
        return OK(SummaryOut(try await req.reports.summary(q)))
    }

    func trends(req: Request) async throws -> OK<TrendsOut> {
        let q = try await ReportPageController.query(req, defaults: false)
        return OK(TrendsOut(try await req.trends(TrendTest(cadence: try ReportPageController.cadence(req))).trends(q)))
    }
}
