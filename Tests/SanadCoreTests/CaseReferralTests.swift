import Testing

@testable import SanadCore

@Suite struct CaseReferralTests {
    static let expected: [String: ReferralStatus] = [
        "sent accept": .accepted,
        "sent decline": .declined,
        "sent withdraw": .withdrawn,
        "accepted complete": .completed,
        "accepted withdraw": .withdrawn,
    ]

    @Test func everyStatusAndEventPair() {
        let events: [ReferralEvent] = [.accept, .decline(reason: "No capacity"), .complete, .withdraw]
        for status in ReferralStatus.allCases {
            for event in events {
                let expected = Self.expected["\(status.rawValue) \(event.kind.rawValue)"]
                switch ReferralMachine.apply(event, to: status) {
                case .success(let next): #expect(next == expected)
                case .failure(let error):
                    #expect(expected == nil)
                    #expect(error == .notAllowed(from: status, event: event.kind))
                }
            }
        }
        #expect(ReferralStatus.allCases.filter(\.isFinal) == [.declined, .completed, .withdrawn])
    }

    @Test func declineNeedsReason() {
        #expect(ReferralMachine.apply(.decline(reason: " "), to: .sent) == .failure(.reasonRequired))
        #expect(
            ReferralError.notAllowed(from: .sent, event: .complete).description
                == "A referral that is sent cannot be completed.")
    }

    @Test func consent() {
        let consented: Set = ["unhcr", "src"]
        #expect(ReferralRules.maySend(consentedPartners: consented, partner: "unhcr"))
        #expect(!ReferralRules.maySend(consentedPartners: consented, partner: "msf"))
        #expect(!ReferralRules.maySend(consentedPartners: [], partner: ""))
        #expect(ReferralRules.send(consentedPartners: consented, partner: "src") == .success(.sent))
        #expect(
            ReferralRules.send(consentedPartners: consented, partner: "msf") == .failure(.noConsent(partner: "msf")))
    }
}
