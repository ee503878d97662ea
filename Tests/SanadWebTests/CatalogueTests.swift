import Foundation
import SanadCore
import Testing

@testable import SanadWeb

@Suite struct CatalogueTests {
    /// Keys built at run time from coded values, which a search of the source cannot see.
    static var dynamicKeys: Set<String> {
        var keys = Set<String>()
        keys.formUnion(Gender.allCases.map { "sex.\($0.rawValue)" })
        keys.formUnion(ImportField.allCases.map { "import.field.\($0.rawValue)" })
        keys.formUnion(ImportOutcome.allCases.map { "import.outcome.\($0.rawValue)" })
        keys.formUnion(Set(ImportReasonText.rejections.values))
        keys.formUnion(PersonFlag.allCases.map { "flag.\($0.rawValue)" })
        keys.formUnion(DocumentType.allCases.map { "document.\($0.rawValue)" })
        keys.formUnion(Role.allCases.map { "role.\($0.rawValue)" })
        keys.formUnion(ValidationCode.allCases.map { "error.\($0.rawValue)" })
        keys.formUnion(ConsentAnswers.fieldNames.map { "consent.\($0)" })
        keys.formUnion(IndicatorAnswer.allCases.map { "answer.\($0.rawValue)" })
        keys.formUnion(["positive", "negative", "insufficient"].map { "dimension.\($0)" })
        keys.formUnion(["presumed-victim", "insufficient-information", "not-indicated"].map { "conclusion.\($0)" })
        keys.formUnion(Strength.allCases.map { "strength.\($0.rawValue)" })
        keys.formUnion(TraffickingStatus.allCases.map { "trafficking.\($0.rawValue)" })
        keys.formUnion(DecisionOrganisation.allCases.map { "organisation.\($0.rawValue)" })
        keys.formUnion(FactorAnswer.allCases.map { "domv.answer.\($0.rawValue)" })
        keys.formUnion(["domv.risk", "domv.protective"])
        keys.formUnion(CaseStage.allCases.map { "stage.\($0.rawValue)" })
        keys.formUnion(HTCDSCaseStatus.allCases.map { "htcds.\($0.rawValue)" })
        keys.formUnion(CaseEvent.Kind.allCases.map { "event.\($0.rawValue)" })
        keys.formUnion(CasePriority.allCases.map { "priority.\($0.rawValue)" })
        keys.formUnion(CaseRisk.allCases.map { "risk.\($0.rawValue)" })
        keys.formUnion(ClosureReason.allCases.map { "closure.\($0.rawValue)" })
        keys.formUnion(ApprovalKind.allCases.map { "approval.kind.\($0.rawValue)" })
        keys.formUnion(["approval.approved", "approval.rejected", "approval.pending"])
        keys.formUnion(["open", "done", "cancelled"].map { "plan.status.\($0)" })
        keys.formUnion(ServiceStatus.allCases.map { "service.status.\($0.rawValue)" })
        keys.formUnion(ServiceKind.units.map { "unit.\($0)" })
        keys.formUnion(ServiceKind.units.map { "unit.\($0).one" })
        keys.formUnion(BedRestriction.allCases.map { "bed.\($0.rawValue)" })
        keys.formUnion(ReferralUrgency.allCases.map { "urgency.\($0.rawValue)" })
        keys.formUnion(ReferralStatus.allCases.map { "referral.status.\($0.rawValue)" })
        keys.formUnion(ReferralEvent.Kind.allCases.map { "referral.event.\($0.rawValue)" })
        keys.formUnion(ReferralReason.allCases.map { "referral.reason.\($0.rawValue)" })
        keys.formUnion(SharedField.allCases.map { "shared.\($0.rawValue)" })
        keys.formUnion(AVRRStep.allCases.map { "avrr.\($0.rawValue)" })
        keys.formUnion(OrganisationType.allCases.map { "org.\($0.rawValue)" })
        keys.formUnion(WorkItem.Kind.allCases.map { "work.kind.\($0.rawValue)" })
        keys.formUnion(["all", "mine", "unassigned"].map { "case.scope.\($0)" })
        keys.formUnion(["start-assistance", "start-follow-up", "reopen"].map { "case.do.\($0)" })
        keys.formUnion(["accept", "complete"].map { "referral.do.\($0)" })
        keys.formUnion(AwarenessEventType.allCases.map { "event.type.\($0.rawValue)" })
        keys.formUnion(ParticipantGroup.all.map { "event.cell.\($0.sex.rawValue).\($0.age.hxlAttribute)" })
        keys.formUnion(
            EventValidationCode.allCases.filter { $0.validationCode == nil }.map { "event.error.\($0.rawValue)" })
        keys.formUnion(ReportSex.allCases.map { "report.sex.\($0.rawValue)" })
        keys.formUnion(AgeGroup.allCases.map { "report.age.\($0.rawValue)" })
        keys.formUnion(AgeBanding.allCases.map { "report.bands.\($0.rawValue)" })
        keys.formUnion(["rise", "fall"].map { "report.direction.\($0)" })
        keys.formUnion(ServiceKind.units.map { "report.unit.\($0)" })
        keys.formUnion(AttachmentKind.allCases.map { "attachment.kind.\($0.rawValue)" })
        keys.formUnion(AttachmentOwner.allCases.map { "attachment.concerns.\($0.rawValue)" })
        keys.formUnion(["person", "case"].map { "attachment.about.\($0)" })
        keys.formUnion(AttachmentProblem.allCases.map { "attachment.error.\($0.rawValue)" })
        keys.formUnion(
            ["from", "to", "centre", "state", "nationality", "bands", "by", "k", "cadence"].map { "report.field.\($0)" }
        )
        keys.formUnion(["nationality", "centre", "exploitation"].map { "report.dimension.\($0)" })
        keys.formUnion(InstrumentCatalogue.shipped.current.map { "report.exploitation.\($0.id)" })
        // Every field name a case-management form or refusal can name.
        keys.formUnion(
            [
                "priority", "risk", "event", "kind", "status", "need", "service", "partner", "due", "date", "type",
                "quantity", "cost", "currency", "urgency", "reason", "shared", "note", "follow-note", "country",
                "place", "step", "documents", "check-in", "check-out", "bed", "room", "labels", "restriction", "name",
                "code", "english", "arabic", "unit", "states", "services", "focal-point", "contact", "shelter",
                "comment", "centre", "caseworker",
            ].map { "cf.\($0)" })
        let history = PersonChanges.flatten(
            PersonalData(
                nameOriginal: "a", nameLatin: "b", birthDate: "2000-01-01", phone: "1",
                documents: [IdentityDocument(type: .passport, number: "1", issuingCountry: nil)], route: "r", notes: "n"
            ),
            PersonFacts(
                sex: .feminine, birthYear: 2000, estimatedAge: 3, nationality: "ERI", languages: ["tir"],
                arrivalDate: "2020-01-01", flags: [.pregnancy],
                consent: {
                    var c = ConsentAnswers(); c.interview = true; return c
                }()))
        keys.formUnion(history.keys.map { "field.\($0)" })
        return keys
    }

    /// Every literal key used by the web layer's source.
    static func sourceKeys() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SanadWeb")
        var keys = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"\bt\(\s*"([a-z0-9][a-z0-9.\-]*)""#)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return keys
    }

    @Test func everyShippedLanguageHasEveryKey() throws {
        let source = try Self.sourceKeys()
        #expect(source.count > 100, "the source scan must find the keys")
        let needed = source.union(Self.dynamicKeys)
        for language in Catalogue.supported {
            let catalogue = Catalogue.forLanguage(language)
            let missing = needed.subtracting(catalogue.keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
            let empty = catalogue.keys.filter { catalogue.t($0).trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(empty.isEmpty, "\(language) has empty texts: \(empty.sorted())")
        }
        #expect(Catalogue.forLanguage("en").keys == Catalogue.forLanguage("ar").keys)
    }

    @Test func arabicTextsAreArabic() {
        let ar = Catalogue.forLanguage("ar")
        let latinOnly = ar.keys.filter { key in
            let text = ar.t(key)
            return !text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } && key != "app.name"
        }
        #expect(latinOnly.isEmpty, "untranslated: \(latinOnly.sorted())")
        #expect(ar.isRightToLeft && ar.direction == "rtl")
    }

    @Test func acceptLanguageNegotiation() {
        #expect(Catalogue.negotiate("ar-SD,ar;q=0.9,en;q=0.8") == "ar")
        #expect(Catalogue.negotiate("fr;q=1, en;q=0.2, ar;q=0.5") == "ar")
        #expect(Catalogue.negotiate("de, fr") == nil)
        #expect(Catalogue.negotiate("ar;q=0, en") == "en")
        #expect(Catalogue.negotiate(nil) == nil)
    }

    @Test func placeholdersAreFilled() {
        #expect(Catalogue.forLanguage("en").t("list.page", "2", "9") == "Page 2 of 9")
        #expect(Catalogue.forLanguage("ar").t("list.page", "2", "9") == "الصفحة 2 من 9")
    }
}
