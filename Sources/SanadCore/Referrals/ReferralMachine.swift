import Foundation

/// A referral's status as the partner answers it.
public enum ReferralStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case sent
    case accepted
    case declined
    case completed
    case withdrawn

    public var isFinal: Bool { ReferralMachine.transitions[self, default: [:]].isEmpty }
}

/// Something that happens to a sent referral.
public enum ReferralEvent: Sendable, Codable, Hashable {
    case accept
    case decline(reason: String)
    case complete
    case withdraw

    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case accept
        case decline
        case complete
        case withdraw
    }

    public var kind: Kind {
        switch self {
        case .accept: return .accept
        case .decline: return .decline
        case .complete: return .complete
        case .withdraw: return .withdraw
        }
    }
}

public enum ReferralError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAllowed(from: ReferralStatus, event: ReferralEvent.Kind)
    case reasonRequired
    case noConsent(partner: String)

    public var description: String {
        switch self {
        case .notAllowed(let from, let event):
            return "A referral that is \(from.rawValue) cannot be \(Self.pastTense(event))."
        case .reasonRequired: return "A declined referral needs a reason."
        case .noConsent: return "The person has not consented to a referral to this partner."
        }
    }

    private static func pastTense(_ event: ReferralEvent.Kind) -> String {
        switch event {
        case .accept: return "accepted"
        case .decline: return "declined"
        case .complete: return "completed"
        case .withdraw: return "withdrawn"
        }
    }
}

/// sent → accepted / declined (with reason) → completed, or withdrawn while sent or accepted.
public enum ReferralMachine {
    public static let transitions: [ReferralStatus: [ReferralEvent.Kind: ReferralStatus]] = [
        .sent: [.accept: .accepted, .decline: .declined, .withdraw: .withdrawn],
        .accepted: [.complete: .completed, .withdraw: .withdrawn],
        .declined: [:],
        .completed: [:],
        .withdrawn: [:],
    ]

    public static func apply(_ event: ReferralEvent, to status: ReferralStatus) -> Result<ReferralStatus, ReferralError>
    {
        guard let next = transitions[status]?[event.kind] else {
            return .failure(.notAllowed(from: status, event: event.kind))
        }
        if case .decline(let reason) = event, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.reasonRequired)
        }
        return .success(next)
    }
}

public enum ReferralRules {
    /// A referral may be sent only to a partner the person consented to share with.
    public static func maySend(consentedPartners: Set<String>, partner: String) -> Bool {
        !partner.isEmpty && consentedPartners.contains(partner)
    }

    /// The status of a new referral, or the refusal when consent for this partner is missing.
    public static func send(consentedPartners: Set<String>, partner: String) -> Result<ReferralStatus, ReferralError> {
        maySend(consentedPartners: consentedPartners, partner: partner)
            ? .success(.sent) : .failure(.noConsent(partner: partner))
    }
}
