import Fluent
import Foundation
import SanadCore

public enum ErasureError: Error, Equatable, CustomStringConvertible {
    case notFound
    case needsReason
    case alreadyErased

    public var description: String {
        switch self {
        case .notFound: return "No person has this registration number."
        case .needsReason:
            return "Say why the personal data is erased (a request or a legal basis, up to 500 characters, no name)."
        case .alreadyErased: return "This person's personal data was erased already."
        }
    }
}

/// What an erasure replaced, by table (the values are counts of sealed values; look-ups are blind-index rows).
public struct ErasureResult: Sendable, Equatable {
    public let registrationNumber: String
    public let records: Int
    public let replaced: [String: Int]
    public let lookUpsRemoved: Int
}

/// The right to erasure (issue 18, `docs/data-protection.md`): a person's personal data — names, contacts,
/// documents, route and notes, earlier versions of them, what merges added, what was shared with partners, case
/// notes, plan needs, follow-up and approval comments, the return place and travel documents, the screening
/// interpreter — is replaced by an empty value sealed anew, so no key opens the old one, and the phone and
/// document look-ups are deleted. What figures are made of stays: the row itself with sex, birth year, nationality,
/// flags and dates, the screening answers and conclusion, services, stays, cases and their outcomes. Records merged
/// into the person are erased with them. One transaction; audited with counts, never with the reason or a name.
public struct PersonErasure: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    public init(db: any Database, actor: Actor, context: StoreContext) {
        self.db = db
        self.actor = actor
        self.context = context
    }

    public func erase(registrationNumber: String, reason: String) async throws -> ErasureResult {
        guard AccessPolicy.decide(actor, .erasePeople) == .allow else { throw StoreError.forbidden }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw ErasureError.needsReason }
        guard
            let named = try await Person.query(on: db)
                .filter(\.$registrationNumber == registrationNumber.trimmingCharacters(in: .whitespaces)).first()
        else { throw ErasureError.notFound }
        let survivorID = named.mergedInto ?? named.id!
        if let survivor = try await Person.find(survivorID, on: db),
            let personal = try? context.cipher.open(
                PersonalData.self, from: survivor.sealed, context: Person.sealContext(survivorID)),
            personal.erasure != nil
        {
            throw ErasureError.alreadyErased
        }
        let now = context.clock()
        let today = CivilDate(now).description
        let (records, replaced, lookUps, orphans) = try await db.transaction { tx in
            let people = try await Person.query(on: tx).group(.or) {
                $0.filter(\.$id == survivorID).filter(\.$mergedInto == survivorID)
            }.all()
            let ids = people.map { $0.id! }
            for person in people {
                person.sealed = try context.cipher.seal(
                    PersonalData.erased(on: today, reason: reason), context: Person.sealContext(person.id!))
                person.version += 1
                // A new time, so every server's name index and the field offices' sync take the erasure.
                person.updatedAt = now
                try await person.update(on: tx)
            }
            var replaced = [Person.schema: people.count]
            let lookUps = try await PersonIdentifier.query(on: tx).filter(\.$personID ~~ ids).count()
            try await PersonIdentifier.query(on: tx).filter(\.$personID ~~ ids).delete()
            replaced.merge(try await replaceRelated(ids, on: tx)) { a, b in a + b }
            // Documents (issue 15): names and captions emptied, each retracted, and their content destroyed below
            // unless the same file is still attached to someone else.
            var blobIDs: Set<UUID> = []
            for document in try await AttachmentRecord.query(on: tx).filter(\.$personID ~~ ids).all() {
                document.sealed = try context.cipher.seal(
                    AttachmentLabel(name: "", caption: ""), context: AttachmentRecord.sealContext(document.id!))
                if document.retractedAt == nil {
                    document.retractedAt = now
                    document.retractedBy = UUID(uuidString: actor.userID)
                }
                try await document.update(on: tx)
                blobIDs.insert(document.blobID)
                replaced[AttachmentRecord.schema, default: 0] += 1
            }
            var orphans: [String] = []
            for blobID in blobIDs {
                let live = try await AttachmentRecord.query(on: tx).filter(\.$blobID == blobID)
                    .filter(\.$retractedAt == nil).count()
                if live == 0, let blob = try await AttachmentBlob.find(blobID, on: tx) { orphans.append(blob.address) }
            }
            try await AuditTrail.append(
                action: "person.erased", actorID: actor.userID, recordType: "person",
                recordID: survivorID.uuidString,
                detail: replaced.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                now: now, key: context.keys.audit, on: tx)
            return (people.count, replaced, lookUps, orphans)
        }
        let blobs = BlobStore(root: context.attachments.root)
        for address in orphans { blobs.remove(address) }
        try await context.names.refresh(on: db, context: context)
        return ErasureResult(
            registrationNumber: named.registrationNumber, records: records, replaced: replaced.filter { $0.value > 0 },
            lookUpsRemoved: lookUps)
    }

    /// Every other sealed value about these people, replaced under its own context.
    private func replaceRelated(_ ids: [UUID], on tx: any Database) async throws -> [String: Int] {
        let cipher = context.cipher
        var counts: [String: Int] = [:]
        for revision in try await PersonRevision.query(on: tx).filter(\.$personID ~~ ids).all() {
            revision.sealedChanges = try cipher.seal(
                [FieldChange](), context: "person_revisions/\(revision.personID.uuidString)/\(revision.version)")
            try await revision.update(on: tx)
            counts[PersonRevision.schema, default: 0] += 1
        }
        let merges = try await PersonMerge.query(on: tx).group(.or) {
            $0.filter(\.$survivorID ~~ ids).filter(\.$mergedID ~~ ids)
        }.all()
        for merge in merges {
            merge.sealedAdditions = try cipher.seal(
                MergeAdditions(aliases: [], documents: [], phones: []),
                context: "person_merges/\(merge.id!.uuidString)")
            try await merge.update(on: tx)
            counts[PersonMerge.schema, default: 0] += 1
        }
        for referral in try await Referral.query(on: tx).filter(\.$personID ~~ ids).all() {
            referral.sharedSealed = try cipher.seal(
                SharedPayload(fields: [:], note: nil), context: "referrals/\(referral.id!.uuidString)")
            try await referral.update(on: tx)
            counts[Referral.schema, default: 0] += 1
        }
        for screening in try await ScreeningRecord.query(on: tx).filter(\.$personID ~~ ids).all() {
            let sealContext = "screenings/\(screening.id!.uuidString)/answers"
            // The answers are what the conclusion and the figures rest on; the interpreter is a person's name.
            var kept =
                (try? cipher.open(SealedScreening.self, from: screening.sealed, context: sealContext))
                ?? SealedScreening(answers: [:], interpreter: nil)
            kept.interpreter = nil
            screening.sealed = try cipher.seal(kept, context: sealContext)
            try await screening.update(on: tx)
            counts[ScreeningRecord.schema, default: 0] += 1
        }
        let cases = try await CaseRecord.query(on: tx).filter(\.$personID ~~ ids).all().map { $0.id! }
        for note in try await CaseNote.query(on: tx).filter(\.$caseID ~~ cases).all() {
            note.sealed = try cipher.seal("", context: "case-notes/\(note.id!.uuidString)")
            try await note.update(on: tx)
            counts[CaseNote.schema, default: 0] += 1
        }
        for approval in try await ApprovalRecord.query(on: tx).filter(\.$caseID ~~ cases).all()
        where approval.commentSealed != nil {
            approval.commentSealed = try cipher.seal("", context: "approvals/\(approval.id!.uuidString)")
            try await approval.update(on: tx)
            counts[ApprovalRecord.schema, default: 0] += 1
        }
        for item in try await PlanItem.query(on: tx).filter(\.$caseID ~~ cases).all() {
            item.needSealed = try cipher.seal("", context: "plan-items/\(item.id!.uuidString)")
            try await item.update(on: tx)
            counts[PlanItem.schema, default: 0] += 1
        }
        for item in try await FollowUp.query(on: tx).filter(\.$caseID ~~ cases).all() {
            item.noteSealed = try cipher.seal("", context: "follow-ups/\(item.id!.uuidString)")
            try await item.update(on: tx)
            counts[FollowUp.schema, default: 0] += 1
        }
        let returns = try await ReturnRecord.query(on: tx).filter(\.$personID ~~ ids).all()
        for item in returns {
            item.placeSealed = try cipher.seal("", context: "returns/\(item.id!.uuidString)/place")
            try await item.update(on: tx)
            counts[ReturnRecord.schema, default: 0] += 1
        }
        for step in try await ReturnStep.query(on: tx).filter(\.$returnID ~~ returns.map { $0.id! }).all()
        where step.documentsSealed != nil {
            step.documentsSealed = try cipher.seal("", context: "return-steps/\(step.id!.uuidString)")
            try await step.update(on: tx)
            counts[ReturnStep.schema, default: 0] += 1
        }
        return counts
    }
}
