import Foundation

/// Steps of assisted voluntary return and reintegration, in order, then the two early endings.
public enum AVRRStep: String, Sendable, Codable, CaseIterable, Hashable {
    case request
    case eligibility
    case counselling
    case riskAssessment = "risk-assessment"
    case travelDocuments = "travel-documents"
    case fitToTravel = "fit-to-travel"
    case departureBooked = "departure-booked"
    case departed
    case received
    case reintegrationPlan = "reintegration-plan"
    case reintegrationAssistance = "reintegration-assistance"
    case monitoringVisits = "monitoring-visits"
    case closed
    case withdrawn
    case ineligible

    /// The main path, request … closed.
    public static let sequence: [AVRRStep] = [
        .request, .eligibility, .counselling, .riskAssessment, .travelDocuments, .fitToTravel, .departureBooked,
        .departed, .received, .reintegrationPlan, .reintegrationAssistance, .monitoringVisits, .closed,
    ]

    /// Position on the main path; nil for withdrawn and ineligible.
    public var order: Int? { Self.sequence.firstIndex(of: self) }

    public var isTerminal: Bool { self == .closed || self == .withdrawn || self == .ineligible }
}

public enum AVRRError: Error, Sendable, Hashable, CustomStringConvertible {
    case finished(AVRRStep)
    case notForward(from: AVRRStep, to: AVRRStep)
    case skipsRequiredStep(from: AVRRStep, to: AVRRStep, missing: AVRRStep)
    case withdrawAfterDeparture(from: AVRRStep)
    case ineligibleOnlyAtEligibility(from: AVRRStep)

    public var description: String {
        switch self {
        case .finished(let step): return "This return is \(step.rawValue); it cannot move on."
        case .notForward(let from, let to):
            return "A return cannot go back from \(from.rawValue) to \(to.rawValue)."
        case .skipsRequiredStep(let from, let to, let missing):
            return "A return cannot go from \(from.rawValue) to \(to.rawValue): \(missing.rawValue) is required first."
        case .withdrawAfterDeparture(let from):
            return "A return that is \(from.rawValue) can no longer be withdrawn: the person has departed."
        case .ineligibleOnlyAtEligibility(let from):
            return "A return at \(from.rawValue) cannot be found ineligible: that is decided at the eligibility check."
        }
    }
}

public enum AVRRMachine {
    /// Moves forward to `to`. Steps in between may be skipped only when the programme does not require them.
    /// A request can be withdrawn at any time before departure (return must stay voluntary),
    /// and found ineligible only at the eligibility check.
    public static func advance(
        from: AVRRStep, to: AVRRStep, required: Set<AVRRStep> = Set(AVRRStep.sequence)
    ) -> Result<AVRRStep, AVRRError> {
        guard !from.isTerminal, let fromOrder = from.order else { return .failure(.finished(from)) }
        switch to {
        case .withdrawn:
            let departed = AVRRStep.departed.order!
            return fromOrder < departed ? .success(.withdrawn) : .failure(.withdrawAfterDeparture(from: from))
        case .ineligible:
            return from == .eligibility ? .success(.ineligible) : .failure(.ineligibleOnlyAtEligibility(from: from))
        default:
            guard let toOrder = to.order, toOrder > fromOrder else {
                return .failure(.notForward(from: from, to: to))
            }
            if let missing = AVRRStep.sequence[(fromOrder + 1)..<toOrder].first(where: required.contains) {
                return .failure(.skipsRequiredStep(from: from, to: to, missing: missing))
            }
            return .success(to)
        }
    }

    /// Whole days a return has waited at its step since `since`; never negative.
    public static func waitingDays(since: CivilDate, today: CivilDate) -> Int {
        max(0, since.days(until: today))
    }
}
