import SanadCore
import SanadStore
import Vapor

/// A refused case-management action as the user reads it (their language) and as the API reports it (English,
/// with a stable problem type).
struct CaseRefusal {
    let status: HTTPStatus
    let slug: String
    let english: String
    let localized: String
    let fields: [Problem.FieldProblem]
    /// Each refused field as the user reads it ("Date: required"), for the list at the top of the page.
    var fieldTexts: [String] = []

    init(_ error: CaseError, _ t: Catalogue) {
        func make(_ status: HTTPStatus, _ slug: String, _ key: String, _ english: String, _ args: [String] = []) -> (
            HTTPStatus, String, String, String
        ) {
            (status, slug, english, t.t(key, args))
        }
        var fields: [Problem.FieldProblem] = []
        let parts: (HTTPStatus, String, String, String)
        switch error {
        case .invalid(let e):
            fields = e.errors.sorted { $0.key < $1.key }.map {
                Problem.FieldProblem(field: $0.key, code: $0.value.rawValue, detail: $0.value.englishMessage)
            }
            let list = e.errors.sorted { $0.key < $1.key }.map {
                "\(t.t("cf.\($0.key.replacingOccurrences(of: "_", with: "-"))")): \(t.error($0.value))"
            }
            fieldTexts = list
            parts = (
                .unprocessableEntity, "validation", "Some fields are not valid. " + e.englishSummary,
                t.t("error.validation") + " " + list.joined(separator: " · ")
            )
        case .transition(let e):
            parts = make(
                .conflict, "illegal-transition", "case.refused", e.description,
                [t.t("stage.\(e.from.rawValue)"), t.t("event.\(e.event.rawValue)")])
        case .caseClosed:
            parts = make(.conflict, "case-closed", "case.closed-refused", "This case is closed; reopen it first.")
        case .approval(let e):
            switch e {
            case .notSupervisor: parts = make(.forbidden, "not-supervisor", "approval.not-supervisor", e.description)
            case .selfApprovalNotGranted: parts = make(.forbidden, "self-approval", "approval.self", e.description)
            case .commentRequired:
                parts = make(.unprocessableEntity, "comment-required", "approval.comment-required", e.description)
                fields = [.init(field: "comment", code: "required", detail: e.description)]
            }
        case .needsApproval(let kind):
            parts = make(
                .conflict, "approval-required", "approval.required",
                "This step needs a supervisor's approval: ask for \(kind.rawValue) approval.",
                [t.t("approval.kind.\(kind.rawValue)")])
        case .approvalPending(let kind):
            parts = make(
                .conflict, "approval-pending", "approval.pending-already",
                "An approval of this kind (\(kind.rawValue)) is already waiting for a supervisor.",
                [t.t("approval.kind.\(kind.rawValue)")])
        case .approvalAlreadyDecided:
            parts = make(.conflict, "approval-decided", "approval.decided", "This approval has already been decided.")
        case .emptyPlan:
            parts = make(
                .unprocessableEntity, "empty-plan", "plan.empty", "Add at least one need and service to the plan first."
            )
        case .referral(let e):
            switch e {
            case .notAllowed(let from, let event):
                parts = make(
                    .conflict, "illegal-transition", "referral.refused", e.description,
                    [t.t("referral.status.\(from.rawValue)"), t.t("referral.event.\(event.rawValue)")])
            case .reasonRequired:
                parts = make(.unprocessableEntity, "reason-required", "referral.reason-required", e.description)
                fields = [.init(field: "reason", code: "required", detail: e.description)]
            case .noConsent:
                parts = make(.unprocessableEntity, "consent-required", "referral.no-consent", e.description)
                fields = [.init(field: "partner", code: "consent-required", detail: e.description)]
            }
        case .stay(let e):
            switch e {
            case .bedTaken: parts = make(.conflict, "bed-taken", "stay.bed-taken", e.description)
            case .personAlreadyStaying: parts = make(.conflict, "already-staying", "stay.already", e.description)
            case .restricted(let r):
                parts = make(
                    .unprocessableEntity, "bed-restricted", "stay.restricted", e.description,
                    [t.t("bed.\(r.rawValue)")])
            case .checkOutBeforeCheckIn:
                parts = make(.unprocessableEntity, "check-out-before-check-in", "stay.before", e.description)
            case .alreadyCheckedOut: parts = make(.conflict, "already-checked-out", "stay.ended", e.description)
            }
        case .avrr(let e):
            let step = { (s: AVRRStep) in t.t("avrr.\(s.rawValue)") }
            switch e {
            case .finished(let s):
                parts = make(.conflict, "illegal-transition", "avrr.finished", e.description, [step(s)])
            case .notForward(let f, let to):
                parts = make(.conflict, "illegal-transition", "avrr.back", e.description, [step(f), step(to)])
            case .skipsRequiredStep(let f, let to, let missing):
                parts = make(
                    .conflict, "illegal-transition", "avrr.skip", e.description, [step(f), step(to), step(missing)])
            case .withdrawAfterDeparture(let f):
                parts = make(.conflict, "illegal-transition", "avrr.withdraw-late", e.description, [step(f)])
            case .ineligibleOnlyAtEligibility(let f):
                parts = make(.conflict, "illegal-transition", "avrr.ineligible-late", e.description, [step(f)])
            }
        case .avrrAlreadyOpen:
            parts = make(.conflict, "return-open", "avrr.open-already", "This case already has a return in progress.")
        case .transfer(let e):
            switch e {
            case .alreadyDecided: parts = make(.conflict, "transfer-decided", "transfer.decided", e.description)
            case .nothingToTransfer:
                parts = make(.unprocessableEntity, "transfer-nothing", "transfer.nothing", e.description)
            case .reasonRequired:
                parts = make(.unprocessableEntity, "reason-required", "transfer.reason-required", e.description)
                fields = [.init(field: "reason", code: "required", detail: e.description)]
            }
        case .caseAlreadyOpen:
            parts = make(
                .conflict, "case-open", "case.open-already",
                "This person already has an open case; close it before opening another.")
        case .unknownCaseworker:
            parts = make(
                .unprocessableEntity, "unknown-caseworker", "case.unknown-caseworker",
                "Choose an active caseworker or supervisor of the case's centre.")
            fields = [.init(field: "caseworker", code: "unknown-value", detail: "No such caseworker at this centre.")]
        case .unknownPartner:
            parts = make(
                .unprocessableEntity, "unknown-partner", "partner.unknown", "Choose a partner from the directory.")
            fields = [.init(field: "partner", code: "unknown-value", detail: "No such partner.")]
        case .unknownCentre:
            parts = make(.unprocessableEntity, "unknown-centre", "centre.unknown", "Choose one of your centres.")
            fields = [.init(field: "centre", code: "unknown-value", detail: "No such centre.")]
        case .serviceNotPlanned:
            parts = make(
                .conflict, "service-not-planned", "service.not-planned",
                "Only a planned service can be marked delivered or cancelled; record a correction as a new service.")
        }
        (status, slug, english, localized) = parts
        self.fields = fields
    }
}
