import Testing

@testable import SanadCore

@Suite struct CaseAVRRTests {
    @Test func walksTheWholePath() {
        var step = AVRRStep.request
        for next in AVRRStep.sequence.dropFirst() {
            step = (try? AVRRMachine.advance(from: step, to: next).get()) ?? step
        }
        #expect(step == .closed)
        #expect(AVRRStep.sequence.count == 13 && AVRRStep.allCases.count == 15)
    }

    @Test func cannotSkipRequiredButMaySkipOptional() {
        #expect(
            AVRRMachine.advance(from: .counselling, to: .travelDocuments)
                == .failure(.skipsRequiredStep(from: .counselling, to: .travelDocuments, missing: .riskAssessment)))
        let required = Set(AVRRStep.sequence).subtracting([.riskAssessment])
        #expect(
            AVRRMachine.advance(from: .counselling, to: .travelDocuments, required: required)
                == .success(.travelDocuments))
        #expect(AVRRMachine.advance(from: .counselling, to: .fitToTravel, required: required) != .success(.fitToTravel))
        #expect(
            AVRRMachine.advance(from: .travelDocuments, to: .counselling)
                == .failure(.notForward(from: .travelDocuments, to: .counselling)))
        #expect(
            AVRRMachine.advance(from: .request, to: .request) == .failure(.notForward(from: .request, to: .request)))
    }

    @Test func withdrawOnlyBeforeDeparture() {
        for step in AVRRStep.sequence {
            let result = AVRRMachine.advance(from: step, to: .withdrawn)
            if step == .closed {
                #expect(result == .failure(.finished(.closed)))
            } else if step.order! < AVRRStep.departed.order! {
                #expect(result == .success(.withdrawn), "\(step)")
            } else {
                #expect(result == .failure(.withdrawAfterDeparture(from: step)), "\(step)")
            }
        }
    }

    @Test func ineligibleOnlyAtEligibility() {
        for step in AVRRStep.sequence.dropLast() {
            let result = AVRRMachine.advance(from: step, to: .ineligible)
            #expect(
                result
                    == (step == .eligibility
                        ? .success(.ineligible) : .failure(.ineligibleOnlyAtEligibility(from: step))))
        }
    }

    @Test func terminalStates() {
        for end in [AVRRStep.closed, .withdrawn, .ineligible] {
            #expect(end.isTerminal)
            for to in AVRRStep.allCases {
                #expect(AVRRMachine.advance(from: end, to: to) == .failure(.finished(end)))
            }
        }
        #expect(AVRRError.finished(.withdrawn).description == "This return is withdrawn; it cannot move on.")
    }

    @Test func waitingDays() {
        func d(_ s: String) -> CivilDate { CivilDate(s)! }
        #expect(AVRRMachine.waitingDays(since: d("2024-01-31"), today: d("2024-03-01")) == 30)
        #expect(AVRRMachine.waitingDays(since: d("2023-01-31"), today: d("2023-03-01")) == 29)
        #expect(AVRRMachine.waitingDays(since: d("2023-12-31"), today: d("2024-01-01")) == 1)
        #expect(AVRRMachine.waitingDays(since: d("2024-01-01"), today: d("2025-01-01")) == 366)
        #expect(AVRRMachine.waitingDays(since: d("1900-02-28"), today: d("1900-03-01")) == 1)
        #expect(AVRRMachine.waitingDays(since: d("2000-02-28"), today: d("2000-03-01")) == 2)
        #expect(AVRRMachine.waitingDays(since: d("2026-05-10"), today: d("2026-05-10")) == 0)
        #expect(AVRRMachine.waitingDays(since: d("2026-05-10"), today: d("2026-05-01")) == 0)
        #expect(d("2026-05-10").days(until: d("2026-05-01")) == -9)
        #expect(d("1970-01-01").dayNumber == 0)
    }
}
