import Foundation
import SanadCore
import SanadStore
import Vapor

struct ReturnOut: Content {
    struct Step: Content {
        let step: String
        let date: String
        let by: UUID
        let documents: String?
    }

    let id: UUID
    let caseId: UUID
    let country: String
    let place: String
    let step: String
    let stepSince: String
    let waitingDays: Int
    let steps: [Step]
    let version: Int
}

extension ReturnOut {
    init(_ r: ReturnView, today: CivilDate) {
        self.init(
            id: r.id, caseId: r.caseID, country: r.country, place: r.place, step: r.step.rawValue,
            stepSince: r.stepSince, waitingDays: r.step.isTerminal ? 0 : r.waitingDays(today: today),
            steps: r.steps.map { Step(step: $0.step.rawValue, date: $0.date, by: $0.byUser, documents: $0.documents) },
            version: r.version)
    }
}

struct ReturnBody: Content {
    var country: String?
    var place: String?
    var date: String?
}

struct ReturnStepBody: Content {
    var step: String?
    var date: String?
    var documents: String?
    var version: Int?
}
