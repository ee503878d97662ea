import Foundation
import SanadCore

/// Where a person stands, for the top of their page (issue 20, finding 19): a caseworker who opens a record
/// should see the case, the bed and what partners are doing without opening three pages.
public struct PersonOverview: Sendable {
    /// The person's cases the actor may see, newest first.
    public let cases: [CaseSummary]
    public let stay: StayView?
    /// Referrals still waiting for, or in the hands of, a partner.
    public let openReferrals: [ReferralView]

    /// The case work happens in: the newest one not closed.
    public var currentCase: CaseSummary? { cases.first { $0.stage != .closed } }
    /// The case the current stay belongs to, for its centre's beds.
    public var stayCase: CaseSummary? { stay.flatMap { s in cases.first { $0.id == s.caseID } } }
}

extension CaseService {
    public func overview(ofPerson personID: UUID) async throws -> PersonOverview {
        let cases = try await cases(ofPerson: personID)
        guard !cases.isEmpty else { return PersonOverview(cases: [], stay: nil, openReferrals: []) }
        let partners = PartnerService(db: db, actor: actor, context: context)
        var referrals: [ReferralView] = []
        for summary in cases {
            referrals += try await partners.referrals(ofCase: summary.id).filter { !$0.status.isFinal }
        }
        // A stay belongs to a case; one the actor's cases do not include is not theirs to show.
        let stay = try await ShelterService(db: db, actor: actor, context: context).openStay(person: personID)
            .flatMap { s in cases.contains { $0.id == s.caseID } ? s : nil }
        return PersonOverview(cases: cases, stay: stay, openReferrals: referrals)
    }
}
