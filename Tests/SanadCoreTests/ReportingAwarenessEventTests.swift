import Testing

@testable import SanadCore

@Suite struct ReportingAwarenessEventTests {
    let today = CivilDate(year: 2026, month: 11, day: 29)!

    func group(_ sex: ReportSex, _ age: AgeGroup) -> ParticipantGroup { ParticipantGroup(sex: sex, age: age)! }

    func base() -> AwarenessEventDraft {
        var d = AwarenessEventDraft()
        d.type = "community-theatre"
        d.title = "  Safe   migration play "
        d.startDate = "2026-11-20"
        d.statePcode = "SD11"
        d.localityPcode = "SD11052"
        d.centre = "SD11"
        return d
    }

    func errors(_ d: AwarenessEventDraft) -> [EventFieldError] {
        if case .failure(let f) = d.validate(today: today) { return f.errors }
        return []
    }

    @Test func minimalDraftIsValidAndTidied() throws {
        let event = try base().validate(today: today).get()
        #expect(event.type == .communityTheatre)
        #expect(event.title == "Safe migration play")
        #expect(event.startDate == CivilDate("2026-11-20"))
        #expect(event.endDate == nil)
        #expect(event.statePcode == "SD11")
        #expect(event.localityPcode == "SD11052")
        #expect(event.totalParticipants == 0)
        #expect(event.participants.count == 8, "every cell present, zero when not counted")
        #expect(event.materials.isEmpty)
    }

    @Test func everyProblemIsReportedAtOnce() {
        var d = AwarenessEventDraft()
        d.type = "concert"
        d.startDate = "2026-02-30"
        d.statePcode = "SD99"
        d.localityPcode = "SD00000"
        let found = errors(d)
        #expect(found.contains(EventFieldError(.type, .unknownValue)))
        #expect(found.contains(EventFieldError(.title, .required)))
        #expect(found.contains(EventFieldError(.startDate, .invalidDate)))
        #expect(found.contains(EventFieldError(.state, .unknownValue)))
        #expect(found.contains(EventFieldError(.locality, .unknownValue)))
        #expect(found.contains(EventFieldError(.centre, .required)))
        #expect(!found.contains(EventFieldError(.startDate, .required)), "a bad date is not a missing one")
    }

    @Test func emptyDraftNeedsTheRequiredFields() {
        #expect(
            errors(AwarenessEventDraft()) == [
                EventFieldError(.type, .required), EventFieldError(.title, .required),
                EventFieldError(.startDate, .required),
                EventFieldError(.state, .required), EventFieldError(.centre, .required),
            ])
    }

    @Test func everyTypeIsAccepted() throws {
        #expect(AwarenessEventType.allCases.count == 7)
        for type in AwarenessEventType.allCases {
            var d = base()
            d.type = type.rawValue
            #expect(try d.validate(today: today).get().type == type)
        }
    }

    @Test func titleLength() {
        var d = base()
        d.title = String(repeating: "a", count: 200)
        #expect(errors(d).isEmpty)
        d.title = String(repeating: "a", count: 201)
        #expect(errors(d) == [EventFieldError(.title, .tooLong)])
        d.title = "   "
        #expect(errors(d) == [EventFieldError(.title, .required)])
    }

    @Test func endDateNotBeforeStart() {
        var d = base()
        d.endDate = "2026-11-20"
        #expect(errors(d).isEmpty, "a one-day event may end on its start date")
        d.endDate = "2026-11-19"
        #expect(errors(d) == [EventFieldError(.endDate, .tooEarly)])
        d.endDate = "20/11/2026"
        #expect(errors(d) == [EventFieldError(.endDate, .invalidDate)])
    }

    @Test func plannedEventsAreAllowedWithinAYear() {
        var d = base()
        d.startDate = "2027-03-01"
        d.endDate = "2027-03-02"
        #expect(errors(d).isEmpty)
        d.startDate = "2027-11-30"
        d.endDate = nil
        #expect(errors(d).isEmpty, "366 days ahead")
        d.startDate = "2027-12-01"
        #expect(errors(d) == [EventFieldError(.startDate, .implausibleDate)])
        d.startDate = "1999-12-31"
        #expect(errors(d) == [EventFieldError(.startDate, .implausibleDate)])
    }

    @Test func plannedEventsCannotHaveCounts() {
        var d = base()
        d.startDate = "2026-11-30"
        d.participants[group(.female, .adults)] = "12"
        d.materials = [MaterialDraft(kind: "leaflet", count: "100")]
        #expect(
            errors(d) == [
                EventFieldError(.participants, .countedBeforeEvent),
                EventFieldError(.materialCount, .countedBeforeEvent),
            ])
        d.participants[group(.female, .adults)] = "0"
        d.materials = [MaterialDraft(kind: "leaflet", count: "0")]
        #expect(errors(d).isEmpty, "zeros are not counts")
        d.startDate = "2026-11-29"
        d.participants[group(.female, .adults)] = "12"
        #expect(errors(d).isEmpty, "an event starting today can be counted")
    }

    @Test func localityMustBelongToTheState() {
        var d = base()
        d.localityPcode = "SD12080"
        #expect(errors(d) == [EventFieldError(.locality, .localityNotInState)])
        d.localityPcode = " sd11060 "
        d.statePcode = "sd11"
        #expect(errors(d).isEmpty, "P-codes are trimmed and upper-cased")
        d.localityPcode = nil
        #expect(errors(d).isEmpty, "the locality is optional")
    }

    @Test func stateByPcodeOnly() {
        var d = base()
        d.statePcode = "Kassala"
        d.localityPcode = nil
        #expect(errors(d) == [EventFieldError(.state, .unknownValue)])
    }

    @Test func participantsAreCountedBySexAndAge() throws {
        var d = base()
        d.participants = [
            group(.female, .children): "12", group(.female, .adults): " 30 ", group(.male, .children): "",
            group(.male, .adults): "25", group(.other, .adults): "1", group(.unknown, .children): "4",
        ]
        let event = try d.validate(today: today).get()
        #expect(event.totalParticipants == 72)
        #expect(event.participants[group(.male, .children)] == 0)
        #expect(event.participants[group(.female, .adults)] == 30)
    }

    @Test func participantCountsMustBeWholeNumbersInRange() {
        var d = base()
        d.participants[group(.female, .adults)] = "1000000"
        #expect(errors(d).isEmpty)
        d.participants[group(.female, .adults)] = "1000001"
        #expect(errors(d) == [EventFieldError(.participants, .outOfRange)])
        d.participants[group(.female, .adults)] = "-3"
        #expect(errors(d) == [EventFieldError(.participants, .outOfRange)])
        for bad in ["12.5", "ten", "+4", "1e3", "٣"] {
            d.participants[group(.female, .adults)] = bad
            #expect(errors(d) == [EventFieldError(.participants, .invalidNumber)], "\(bad)")
        }
        d.participants[group(.female, .adults)] = "x"
        d.participants[group(.male, .adults)] = "y"
        #expect(errors(d) == [EventFieldError(.participants, .invalidNumber)], "one message per field")
    }

    @Test func participantGroupsAreChildrenOrAdults() {
        #expect(ParticipantGroup(sex: .female, age: .age0to4) == nil)
        #expect(ParticipantGroup(sex: .female, age: .unknown) == nil)
        #expect(ParticipantGroup.all.count == 8)
        #expect(Set(ParticipantGroup.all).count == 8)
        #expect(group(.female, .children).description == "participants_f_children")
        let keys = HXLDisaggregation(banding: .childrenAdults, measure: HXLMeasure.eventParticipants).measures.map(
            \.key)
        for cell in ParticipantGroup.all { #expect(keys.contains(cell.description), "\(cell)") }
    }

    @Test func materials() throws {
        var d = base()
        d.materials = [
            MaterialDraft(kind: " leaflet ", count: "500"), MaterialDraft(kind: nil, count: " "),
            MaterialDraft(kind: "poster", count: "20"),
        ]
        let event = try d.validate(today: today).get()
        #expect(
            event.materials == [
                DistributedMaterial(kind: "leaflet", count: 500), DistributedMaterial(kind: "poster", count: 20),
            ])

        d.materials = [MaterialDraft(kind: "Leaflet", count: "5"), MaterialDraft(kind: "leaflet", count: "6")]
        #expect(errors(d) == [EventFieldError(.materialKind, .duplicate)])
        d.materials = [MaterialDraft(kind: "leaflet", count: nil), MaterialDraft(kind: nil, count: "4")]
        #expect(errors(d) == [EventFieldError(.materialCount, .required), EventFieldError(.materialKind, .required)])
        d.materials = [
            MaterialDraft(kind: "leaflet", count: "-1"),
            MaterialDraft(kind: String(repeating: "k", count: 101), count: "1"),
        ]
        #expect(errors(d) == [EventFieldError(.materialCount, .outOfRange), EventFieldError(.materialKind, .tooLong)])
    }

    @Test func partnersAreTidiedAndDeduplicated() throws {
        var d = base()
        d.partners = ["IOM", " ", "Sudanese  Red Crescent", "iom"]
        #expect(try d.validate(today: today).get().partners == ["IOM", "Sudanese Red Crescent"])
        d.partners = [String(repeating: "p", count: 201)]
        #expect(errors(d) == [EventFieldError(.partners, .tooLong)])
    }

    @Test func freeTextLimits() {
        var d = base()
        d.community = String(repeating: "c", count: 201)
        d.notes = String(repeating: "n", count: 5001)
        #expect(errors(d) == [EventFieldError(.community, .tooLong), EventFieldError(.notes, .tooLong)])
        d.community = "Eritrean community, Kassala"
        d.notes = String(repeating: "n", count: 5000)
        #expect(errors(d).isEmpty)
    }

    @Test func codesShareTheUICatalogueWherePossible() {
        #expect(EventValidationCode.required.validationCode == .required)
        #expect(EventValidationCode.outOfRange.validationCode == .outOfRange)
        #expect(EventValidationCode.localityNotInState.validationCode == nil)
        #expect(EventValidationCode.countedBeforeEvent.validationCode == nil)
        for code in EventValidationCode.allCases {
            #expect(!code.englishMessage.isEmpty)
            #expect(code.englishMessage != "This value is not valid.", "\(code) has its own message")
        }
    }
}
