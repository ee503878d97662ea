import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing

@testable import SanadStore

/// A case from opening to closure, with every refusal the state machines and approval rules make.
@Suite struct CaseWorkflowTests {
    struct Team {
        let cw: Actor
        let sup: Actor
        let admin: Actor
        let personID: UUID
        let caseID: UUID
        let fx: TestFixture

        var cases: CaseService { CaseService(db: fx.app.db, actor: cw, context: fx.context) }
        var supCases: CaseService { CaseService(db: fx.app.db, actor: sup, context: fx.context) }

        static func make(_ fx: TestFixture, name: String = "Hiwet Gebre") async throws -> Team {
            let cw = try await fx.actor("cw-\(UUID().uuidString.prefix(6).lowercased())", .caseworker)
            let sup = try await fx.actor("sup-\(UUID().uuidString.prefix(6).lowercased())", .supervisor)
            let admin = try await fx.actor("adm-\(UUID().uuidString.prefix(6).lowercased())", .administrator)
            let person = try await fx.people(cw).register(TestFixture.draft(name))
            let opened = try await CaseService(db: fx.app.db, actor: cw, context: fx.context).open(
                personID: person.id, priority: "high", risk: "medium", caseworker: nil)
            return Team(cw: cw, sup: sup, admin: admin, personID: person.id, caseID: opened.id, fx: fx)
        }

        func planAndApprove() async throws {
            _ = try await cases.transition(caseID, .assess, expectedVersion: nil)
            let item = PlanItemDraft(need: "Medical check after the journey", service: "medical", due: "2030-01-01")
            try await cases.addPlanItem(caseID, item)
            try await cases.requestApproval(caseID, kind: .carePlan, subject: nil)
            let pending = try await supCases.file(caseID).pendingApproval!
            try await supCases.decide(caseID, approval: pending.id, approve: true, comment: "")
        }
    }

    @Test func caseGoesFromOpeningToClosureAndReopens() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            #expect(try await team.cases.summary(team.caseID).htcdsStatus == .active)
            try await team.planAndApprove()
            #expect(try await team.cases.summary(team.caseID).stage == .planApproved)
            let service = ServiceDraft(
                date: CivilDate(Date()).description, type: "food", quantity: "2", status: "delivered")
            _ = try await team.cases.recordService(team.caseID, service)
            #expect(try await team.cases.summary(team.caseID).stage == .assistance)
            _ = try await team.cases.transition(team.caseID, .startFollowUp, expectedVersion: nil)
            #expect(try await team.cases.summary(team.caseID).htcdsStatus == .followUp)
            try await team.cases.requestApproval(team.caseID, kind: .closure, subject: "referred")
            let closure = try await team.supCases.file(team.caseID).pendingApproval!
            try await team.supCases.decide(team.caseID, approval: closure.id, approve: true, comment: "Done")
            let closed = try await team.cases.summary(team.caseID)
            #expect(closed.stage == .closed && closed.htcdsStatus == .closedReferred)
            // Nothing is added to a closed case: one refusal, whatever is tried.
            await #expect(throws: CaseError.caseClosed) {
                _ = try await team.cases.recordService(team.caseID, service)
            }
            let late = PlanItemDraft(need: "Late need", service: "food", due: "2030-01-01")
            await #expect(throws: CaseError.caseClosed) { try await team.cases.addPlanItem(team.caseID, late) }
            _ = try await team.cases.transition(team.caseID, .reopen, expectedVersion: nil)
            #expect(try await team.cases.summary(team.caseID).stage == .opened)
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            for action in ["case.open", "case.assess", "case.approval.approved", "case.service", "case.reopen"] {
                #expect(actions.contains(action), "\(action) audited")
            }
        }
    }

    @Test func illegalTransitionsAreRefusedAndChangeNothing() async throws {
        try await TestApp.with { _, fx in
            let team = try await Team.make(fx)
            let before = try await team.cases.summary(team.caseID)
            await #expect(throws: CaseError.transition(TransitionError(from: .opened, event: .startAssistance))) {
                _ = try await team.cases.transition(team.caseID, .startAssistance, expectedVersion: nil)
            }
            await #expect(throws: CaseError.needsApproval(.carePlan)) {
                _ = try await team.cases.transition(team.caseID, .approvePlan, expectedVersion: nil)
            }
            await #expect(throws: CaseError.needsApproval(.closure)) {
                _ = try await team.cases.transition(team.caseID, .close, expectedVersion: nil)
            }
            // A plan cannot go for approval before the case is assessed, nor empty.
            await #expect(throws: CaseError.transition(TransitionError(from: .opened, event: .approvePlan))) {
                try await team.cases.requestApproval(team.caseID, kind: .carePlan, subject: nil)
            }
            _ = try await team.cases.transition(team.caseID, .assess, expectedVersion: nil)
            await #expect(throws: CaseError.emptyPlan) {
                try await team.cases.requestApproval(team.caseID, kind: .carePlan, subject: nil)
            }
            await #expect(throws: StoreError.versionConflict(current: before.version + 1)) {
                _ = try await team.cases.transition(team.caseID, .startFollowUp, expectedVersion: before.version)
            }
            await #expect(throws: CaseError.caseAlreadyOpen) {
                _ = try await team.cases.open(personID: team.personID, priority: "low", risk: "low", caseworker: nil)
            }
        }
    }

    @Test func approvalsNeedASupervisorWhoIsNotTheCaseworkerUnlessGranted() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            _ = try await team.cases.transition(team.caseID, .assess, expectedVersion: nil)
            let item = PlanItemDraft(need: "Shelter", service: "safe-accommodation", due: "2030-02-01")
            try await team.cases.addPlanItem(team.caseID, item)
            try await team.cases.requestApproval(team.caseID, kind: .carePlan, subject: nil)
            await #expect(throws: CaseError.approvalPending(.carePlan)) {
                try await team.cases.requestApproval(team.caseID, kind: .carePlan, subject: nil)
            }
            let pending = try await team.cases.file(team.caseID).pendingApproval!
            await #expect(throws: CaseError.approval(.notSupervisor)) {
                try await team.cases.decide(team.caseID, approval: pending.id, approve: true, comment: "")
            }
            await #expect(throws: CaseError.approval(.commentRequired)) {
                try await team.supCases.decide(team.caseID, approval: pending.id, approve: false, comment: "  ")
            }
            // The supervisor takes the case over: approving it is now approving their own case.
            _ = try await team.supCases.assign(team.caseID, to: UUID(uuidString: team.sup.userID))
            await #expect(throws: CaseError.approval(.selfApprovalNotGranted)) {
                try await team.supCases.decide(team.caseID, approval: pending.id, approve: true, comment: "")
            }
            try await fx.accounts.setSelfApproval(
                userID: UUID(uuidString: team.sup.userID)!, granted: true, by: team.admin)
            try await team.supCases.decide(team.caseID, approval: pending.id, approve: true, comment: "")
            #expect(try await team.cases.summary(team.caseID).stage == .planApproved)
            await #expect(throws: CaseError.approvalAlreadyDecided) {
                try await team.supCases.decide(team.caseID, approval: pending.id, approve: true, comment: "")
            }
            let otherCentre = try await fx.actor("sup-kassala", .supervisor, centres: ["SD11"])
            await #expect(throws: StoreError.notFound) {
                _ = try await CaseService(db: app.db, actor: otherCentre, context: fx.context).file(team.caseID)
            }
        }
    }

    @Test func confirmedTraffickingStatusNeedsApprovalAndIsRecorded() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            try await team.cases.requestApproval(
                team.caseID, kind: .traffickingConfirmation, subject: TraffickingStatus.actual.rawValue)
            let pending = try await team.supCases.file(team.caseID).pendingApproval!
            try await team.supCases.decide(team.caseID, approval: pending.id, approve: true, comment: "Interviewed")
            let person = try await Person.find(team.personID, on: app.db)
            #expect(person?.traffickingStatus == TraffickingStatus.actual.rawValue)
        }
    }

    @Test func badServicesAreRefusedAndNothingIsSaved() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            let tomorrow = CivilDate(Date()).adding(days: 1).description
            let future = ServiceDraft(date: tomorrow, type: "medical", quantity: "1", status: "delivered")
            await #expect(throws: CaseError.invalid(CaseValidationError(["date": .futureDate]))) {
                _ = try await team.cases.recordService(team.caseID, future)
            }
            var negative = future
            negative.date = "2026-01-05"
            negative.quantity = "-3"
            await #expect(throws: CaseError.invalid(CaseValidationError(["quantity": .outOfRange]))) {
                _ = try await team.cases.recordService(team.caseID, negative)
            }
            var costWithoutCurrency = negative
            costWithoutCurrency.quantity = "1"
            costWithoutCurrency.cost = "12.5"
            await #expect(throws: CaseError.invalid(CaseValidationError(["currency": .required]))) {
                _ = try await team.cases.recordService(team.caseID, costWithoutCurrency)
            }
            var planned = future
            planned.status = "planned"
            _ = try await team.cases.recordService(team.caseID, planned)
            #expect(try await ServiceRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func notesAndPlansAreSealed() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            try await team.cases.addNote(team.caseID, text: "Told us about the broker in Kassala")
            let note = try await CaseNote.query(on: app.db).first()!
            #expect(!String(decoding: note.sealed, as: UTF8.self).contains("broker"))
            #expect(try await team.cases.file(team.caseID).notes.first?.text == "Told us about the broker in Kassala")
        }
    }

    @Test func shelterStayBecomesNightsOfService() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            let shelters = ShelterService(db: app.db, actor: team.sup, context: fx.context)
            let shelter = try await shelters.addShelter(centre: "SD01", name: "Women's house")
            try await shelters.addBeds(shelter: shelter, room: "1", labels: "W1", restriction: "women")
            try await shelters.addBeds(shelter: shelter, room: "2", labels: "M1", restriction: "men")
            let beds = try await shelters.occupancy(centre: "SD01", on: CivilDate(Date()))
            let men = beds.first { $0.label == "M1" }!.id
            let women = beds.first { $0.label == "W1" }!.id
            let cwShelter = ShelterService(db: app.db, actor: team.cw, context: fx.context)
            await #expect(throws: CaseError.stay(.restricted(.men))) {
                _ = try await cwShelter.checkIn(caseID: team.caseID, bed: men, date: CivilDate(Date()).description)
            }
            let checkIn = CivilDate(Date()).adding(days: -3)
            let stay = try await cwShelter.checkIn(caseID: team.caseID, bed: women, date: checkIn.description)
            #expect(
                try await shelters.occupancy(centre: "SD01", on: checkIn.adding(days: 1)).first { $0.id == women }?
                    .occupied == true)
            #expect(
                try await shelters.occupancy(centre: "SD01", on: checkIn.adding(days: -1)).first { $0.id == women }?
                    .occupied == false)
            await #expect(throws: CaseError.stay(.checkOutBeforeCheckIn)) {
                try await cwShelter.checkOut(stay: stay.id, date: checkIn.adding(days: -1).description)
            }
            try await cwShelter.checkOut(stay: stay.id, date: CivilDate(Date()).description)
            let nights = try await ServiceRecord.query(on: app.db).filter(\.$stayID == stay.id).first()
            #expect(
                nights?.quantity == 3 && nights?.serviceType == "safe-accommodation" && nights?.status == "delivered")
            await #expect(throws: CaseError.stay(.alreadyCheckedOut)) {
                try await cwShelter.checkOut(stay: stay.id, date: CivilDate(Date()).description)
            }
            // Back-dating a new stay into the closed one is refused: the bed was taken on those nights.
            let other = try await Team.make(fx, name: "Saba Tekle")
            await #expect(throws: CaseError.stay(.bedTaken)) {
                _ = try await ShelterService(db: app.db, actor: other.cw, context: fx.context).checkIn(
                    caseID: other.caseID, bed: women, date: checkIn.adding(days: 1).description)
            }
        }
    }

    @Test func referralsNeedConsentAndPartnersSeeOnlyWhatWasShared() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx, name: "Yordanos Tesfamariam")
            let partner = try await fx.partner("Legal Aid Sudan")
            let otherPartner = try await fx.partner("Another NGO")
            let partners = PartnerService(db: app.db, actor: team.cw, context: fx.context)
            let draft = ReferralDraft(
                partner: partner.uuidString, service: "legal-aid", urgency: "urgent",
                reason: "AdditionalServicesRequired", shared: ["sex", "age"])
            await #expect(throws: CaseError.referral(.noConsent(partner: partner.uuidString))) {
                _ = try await partners.send(caseID: team.caseID, draft)
            }
            #expect(try await Referral.query(on: app.db).count() == 0)
            try await partners.setConsent(person: team.personID, partner: partner, given: true)
            let sent = try await partners.send(caseID: team.caseID, draft)
            #expect(sent.status == .sent && sent.shared[.name] == nil && sent.shared[.sex] == "Feminine")
            #expect(sent.answerDue == CivilDate(Date()).adding(days: 3).description)

            let focal = try await fx.accounts.createUser(
                username: "focal", password: TestFixture.password, role: .partner, centres: [], partner: partner,
                by: nil)
            let outsider = try await fx.accounts.createUser(
                username: "outsider", password: TestFixture.password, role: .partner, centres: [],
                partner: otherPartner, by: nil)
            let mine = PartnerService(db: app.db, actor: focal.actor!, context: fx.context)
            let theirs = PartnerService(db: app.db, actor: outsider.actor!, context: fx.context)
            #expect(try await mine.inbox(status: nil).total == 1)
            #expect(try await theirs.inbox(status: nil).total == 0)
            await #expect(throws: StoreError.notFound) { _ = try await theirs.find(sent.id) }
            await #expect(throws: StoreError.forbidden) {
                _ = try await CaseService(db: app.db, actor: focal.actor!, context: fx.context).file(team.caseID)
            }
            await #expect(throws: CaseError.referral(.reasonRequired)) {
                _ = try await mine.answer(sent.id, .decline(reason: " "), expectedVersion: nil)
            }
            await #expect(throws: CaseError.referral(.notAllowed(from: .sent, event: .complete))) {
                _ = try await mine.answer(sent.id, .complete, expectedVersion: nil)
            }
            _ = try await mine.answer(sent.id, .accept, expectedVersion: 1)
            await #expect(throws: StoreError.forbidden) {
                _ = try await partners.answer(sent.id, .complete, expectedVersion: nil)
            }
            let done = try await mine.answer(sent.id, .complete, expectedVersion: nil)
            #expect(done.status == .completed)
            // Withdrawn consent stops further referrals.
            try await partners.setConsent(person: team.personID, partner: partner, given: false)
            await #expect(throws: CaseError.referral(.noConsent(partner: partner.uuidString))) {
                _ = try await partners.send(caseID: team.caseID, draft)
            }
        }
    }

    @Test func returnsFollowTheProgrammeSteps() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            let returns = ReturnService(db: app.db, actor: team.cw, context: fx.context)
            let request = AVRRRequestDraft(
                country: "ERI", place: "Asmara", date: CivilDate(Date()).adding(days: -10).description)
            let r = try await returns.request(caseID: team.caseID, request)
            await #expect(throws: CaseError.avrrAlreadyOpen) {
                _ = try await returns.request(caseID: team.caseID, request)
            }
            func step(_ s: String, _ daysAgo: Int) -> AVRRStepDraft {
                let d = AVRRStepDraft(step: s, date: CivilDate(Date()).adding(days: -daysAgo).description)
                return d
            }
            await #expect(throws: CaseError.invalid(CaseValidationError(["date": .tooEarly]))) {
                _ = try await returns.advance(r.id, step("eligibility", 12), expectedVersion: nil)
            }
            await #expect(
                throws: CaseError.avrr(.skipsRequiredStep(from: .request, to: .departed, missing: .eligibility))
            ) {
                _ = try await returns.advance(r.id, step("departed", 1), expectedVersion: nil)
            }
            var current = try await returns.advance(r.id, step("eligibility", 9), expectedVersion: 1)
            #expect(current.waitingDays(today: CivilDate(Date())) == 9)
            for (i, s) in [
                "counselling", "risk-assessment", "travel-documents", "fit-to-travel", "departure-booked", "departed",
            ].enumerated() {
                current = try await returns.advance(r.id, step(s, 8 - i), expectedVersion: nil)
            }
            await #expect(throws: CaseError.avrr(.withdrawAfterDeparture(from: .departed))) {
                _ = try await returns.advance(r.id, step("withdrawn", 1), expectedVersion: nil)
            }
            #expect(current.step == .departed && current.steps.count == 8)
            let other = try await Team.make(fx, name: "Senait Haile")
            let second = try await ReturnService(db: app.db, actor: other.cw, context: fx.context).request(
                caseID: other.caseID, request)
            let withdrawn = try await ReturnService(db: app.db, actor: other.cw, context: fx.context).advance(
                second.id, step("withdrawn", 0), expectedVersion: nil)
            #expect(withdrawn.step == .withdrawn)
        }
    }

    @Test func workListsComeFromTheRecordsOverdueFirst() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            try await team.cases.addFollowUp(team.caseID, due: "2020-01-01", note: "Call the family")
            let item = PlanItemDraft(need: "Legal advice", service: "legal-aid", due: "2031-05-01")
            try await team.cases.addPlanItem(team.caseID, item)
            let mine = try await WorkService(db: app.db, actor: team.cw, context: fx.context).items(mine: true)
            #expect(mine.map(\.kind) == [.followUp, .planItem])
            #expect(mine.first?.isOverdue(today: CivilDate(Date())) == true)
            let centre = try await WorkService(db: app.db, actor: team.sup, context: fx.context).items(mine: false)
            #expect(centre.contains { $0.kind == .followUp })
            await #expect(throws: StoreError.forbidden) {
                _ = try await WorkService(db: app.db, actor: team.cw, context: fx.context).items(mine: false)
            }
            // Done follow-ups leave the list: nothing is kept apart that could drift.
            let followUp = try await team.cases.file(team.caseID).followUps.first!
            try await team.cases.completeFollowUp(team.caseID, followUp: followUp.id)
            let after = try await WorkService(db: app.db, actor: team.cw, context: fx.context).items(mine: true)
            #expect(after.map(\.kind) == [.planItem])
        }
    }

    @Test func transfersAreAnsweredByTheReceivingSide() async throws {
        try await TestApp.with { app, fx in
            let team = try await Team.make(fx)
            await #expect(throws: CaseError.transfer(.nothingToTransfer)) {
                try await team.cases.requestTransfer(team.caseID, toCentre: "SD01", toUser: nil)
            }
            try await team.cases.requestTransfer(team.caseID, toCentre: "SD11", toUser: nil)
            let transfer = try await team.cases.file(team.caseID).pendingTransfer!
            await #expect(throws: StoreError.forbidden) {
                try await team.cases.answerTransfer(team.caseID, transfer: transfer.id, accept: true, reason: "")
            }
            let kassala = try await fx.actor("sup-ksl", .supervisor, centres: ["SD11"])
            let receiving = CaseService(db: app.db, actor: kassala, context: fx.context)
            #expect(try await receiving.incomingTransfers().count == 1)
            await #expect(throws: CaseError.transfer(.reasonRequired)) {
                try await receiving.answerTransfer(team.caseID, transfer: transfer.id, accept: false, reason: "")
            }
            try await receiving.answerTransfer(team.caseID, transfer: transfer.id, accept: true, reason: "")
            #expect(try await receiving.summary(team.caseID).centre == "SD11")
            // The receiving centre now sees the person; the sending one no longer sees the case.
            _ = try await PeopleService(db: app.db, actor: kassala, context: fx.context).find(team.personID)
            await #expect(throws: StoreError.notFound) { _ = try await team.cases.summary(team.caseID) }
        }
    }
}
