import Crypto
import Fluent
import Foundation
import SanadCore

/// A document as staff see it in a list.
public struct AttachmentView: Sendable, Equatable {
    public let id: UUID
    public let owner: AttachmentOwner
    public let ownerID: UUID
    public let personID: UUID
    public let kind: AttachmentKind
    public let type: AttachmentType
    public let size: Int
    public let name: String
    public let caption: String
    public let addedBy: UUID
    public let addedAt: Date
    public let retractedAt: Date?
}

/// A file on its way in: the type is recognised from its first bytes, photos lose their metadata, the size is
/// counted against the limit, and the content is sealed to a scratch file as it streams.
public final class AttachmentUpload: @unchecked Sendable {
    let owner: AttachmentOwner
    let ownerID: UUID
    let personID: UUID
    let centre: String
    let limit: Int
    let writer: BlobStore.Writer
    var head: [UInt8] = []
    public private(set) var type: AttachmentType?
    var stripper: MetadataStripper?
    public private(set) var received = 0

    init(owner: AttachmentOwner, ownerID: UUID, personID: UUID, centre: String, limit: Int, writer: BlobStore.Writer) {
        (self.owner, self.ownerID, self.personID, self.centre, self.limit, self.writer) =
            (owner, ownerID, personID, centre, limit, writer)
    }

    /// Takes the next bytes of the file; throws `AttachmentProblem` (and keeps nothing) on the first that breaks
    /// a rule.
    public func write(_ bytes: [UInt8]) throws {
        received += bytes.count
        guard received <= limit else { throw AttachmentProblem.tooLarge }
        if type == nil {
            head += bytes
            if head.count >= 512 { try start() }
        } else {
            try pass(bytes)
        }
    }

    func start() throws {
        guard let sniffed = AttachmentType.sniff(Array(head.prefix(512))) else {
            throw AttachmentProblem.unsupportedType
        }
        type = sniffed
        stripper = MetadataStripper(sniffed)
        let bytes = head
        head = []
        try pass(bytes)
    }

    func pass(_ bytes: [UInt8]) throws {
        do {
            try writer.write(try stripper!.feed(bytes))
        } catch is MetadataStripper.StripError {
            throw AttachmentProblem.damaged
        }
    }

    func end() throws {
        guard received > 0 else { throw AttachmentProblem.empty }
        if type == nil { try start() }
        do { try stripper!.finish() } catch { throw AttachmentProblem.damaged }
    }

    public func discard() { writer.discard() }
}

/// Documents on records (issue 15): added by those who work the record, listed and downloaded by those who see
/// cases, retracted by supervisors. Every download and retraction is audited.
public struct AttachmentService: Sendable {
    let db: any Database
    let actor: Actor
    let context: StoreContext

    public init(db: any Database, actor: Actor, context: StoreContext) {
        (self.db, self.actor, self.context) = (db, actor, context)
    }

    var blobs: BlobStore { BlobStore(root: context.attachments.root) }

    /// The person and centre a record belongs to, after checking the actor may do `action` there.
    func resolve(
        _ owner: AttachmentOwner, _ id: UUID, for action: Action, refuseWithdrawn: Bool = true
    ) async throws -> (person: UUID, centre: String) {
        switch owner {
        case .person:
            let person = try await PeopleService(db: db, actor: actor, context: context).load(id, for: action)
            return (id, person.centreCode)
        case .kase:
            let record = try await CaseService(db: db, actor: actor, context: context).load(id, for: action)
            return (record.personID, record.centreCode)
        case .referral:
            // The sending centre's staff and the receiving partner's focal points, scoped by `PartnerService`;
            // a partner reads nothing once consent was withdrawn.
            let partners = PartnerService(db: db, actor: actor, context: context)
            let row = try await partners.load(id, for: .viewReferrals)
            if refuseWithdrawn, actor.role == .partner, try await !partners.consentWithdrawn([row]).isEmpty {
                throw StoreError.notFound
            }
            return (row.personID, row.centreCode)
        case .service:
            guard let row = try await ServiceRecord.find(id, on: db) else { throw StoreError.notFound }
            return try await resolve(.kase, row.caseID, for: action)
        case .avrr:
            guard let row = try await ReturnRecord.find(id, on: db) else { throw StoreError.notFound }
            return try await resolve(.kase, row.caseID, for: action)
        case .screening:
            guard let row = try await ScreeningRecord.find(id, on: db) else { throw StoreError.notFound }
            let (person, centre) = try await resolve(.person, row.personID, for: .viewPerson)
            guard AccessPolicy.roleMay(actor.role, action) else { throw StoreError.forbidden }
            return (person, centre)
        }
    }

    /// What a document added on a person's or case's page is about (`attach_to`: `service:ID`, `avrr:ID` for a
    /// return, `screening:ID`), checked to belong to that record; nil or empty: the record itself.
    func target(_ text: String?, of upload: AttachmentUpload) async throws -> (AttachmentOwner, UUID) {
        guard let text, !text.isEmpty, text != upload.owner.rawValue else { return (upload.owner, upload.ownerID) }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let owner = AttachmentOwner(rawValue: parts[0]), let id = UUID(uuidString: parts[1])
        else { throw AttachmentProblem.unknownTarget }
        let belongs: Bool
        switch (upload.owner, owner) {
        case (.kase, .service): belongs = try await ServiceRecord.find(id, on: db)?.caseID == upload.ownerID
        case (.kase, .avrr): belongs = try await ReturnRecord.find(id, on: db)?.caseID == upload.ownerID
        case (.person, .screening): belongs = try await ScreeningRecord.find(id, on: db)?.personID == upload.ownerID
        default: belongs = false
        }
        guard belongs else { throw AttachmentProblem.unknownTarget }
        return (owner, id)
    }

    /// The records whose documents show with a person's or a case's: its screenings, or its services and returns.
    func related(_ owner: AttachmentOwner, _ id: UUID) async throws -> [UUID] {
        switch owner {
        case .person:
            return [id] + (try await ScreeningRecord.query(on: db).filter(\.$personID == id).all().compactMap(\.id))
        case .kase:
            return [id] + (try await ServiceRecord.query(on: db).filter(\.$caseID == id).all().compactMap(\.id))
                + (try await ReturnRecord.query(on: db).filter(\.$caseID == id).all().compactMap(\.id))
        default:
            return [id]
        }
    }

    /// The documents chosen to go with a referral, checked: each a live document about the referral's person.
    func shareable(_ ids: [String], personID: UUID) async throws -> [AttachmentRecord] {
        var out: [AttachmentRecord] = []
        for text in Set(ids) {
            // Any live document about this person (their record, cases, services, returns, screenings), never
            // one already sent with a referral.
            guard let id = UUID(uuidString: text), let record = try await AttachmentRecord.find(id, on: db),
                record.retractedAt == nil, record.personID == personID,
                record.ownerType != AttachmentOwner.referral.rawValue
            else { throw CaseError.invalid(CaseValidationError(["documents": .unknownValue])) }
            out.append(record)
        }
        return out
    }

    /// Each document becomes one of the referral too: the same stored file, its name and caption sealed anew for
    /// the referral's copy, so the partner reads that copy only, and only while consent stands (issue 15).
    func share(_ documents: [AttachmentRecord], withReferral referralID: UUID, on tx: any Database) async throws {
        for original in documents {
            let label = try context.cipher.open(
                AttachmentLabel.self, from: original.sealed, context: AttachmentRecord.sealContext(original.id!))
            let copy = AttachmentRecord()
            copy.id = UUID()
            copy.blobID = original.blobID
            copy.ownerType = AttachmentOwner.referral.rawValue
            copy.ownerID = referralID
            copy.personID = original.personID
            copy.centreCode = original.centreCode
            copy.kind = original.kind
            copy.contentType = original.contentType
            copy.size = original.size
            copy.sealed = try context.cipher.seal(label, context: AttachmentRecord.sealContext(copy.id!))
            copy.addedBy = UUID(uuidString: actor.userID) ?? UUID()
            copy.addedAt = context.clock()
            try await copy.create(on: tx)
            try await AuditTrail.append(
                action: "attachment.shared", actorID: actor.userID, recordType: "referral",
                recordID: referralID.uuidString, now: context.clock(), key: context.keys.audit, on: tx)
        }
    }

    /// Checks that the actor may add to this record before a byte is kept.
    public func begin(owner: AttachmentOwner, id: UUID) async throws -> AttachmentUpload {
        let action: Action = owner == .person ? .updatePerson : .manageCases
        let (person, centre) = try await resolve(owner, id, for: action)
        return AttachmentUpload(
            owner: owner, ownerID: id, personID: person, centre: centre, limit: context.attachments.limit,
            writer: try blobs.writer(addressKey: context.keys.blindIndex))
    }

    /// Keeps a received file with its kind, name and caption, or refuses it and keeps nothing.
    public func finish(
        _ upload: AttachmentUpload, kind: String?, name: String?, caption: String?, about: String? = nil
    ) async throws -> AttachmentView {
        do {
            try upload.end()
            let (owner, ownerID) = try await target(about, of: upload)
            guard let kind = kind.flatMap(AttachmentKind.init(rawValue:)) else { throw AttachmentProblem.unknownKind }
            let caption = (caption ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard caption.count <= 500 else { throw AttachmentProblem.captionTooLong }
            guard let type = upload.type else { throw AttachmentProblem.unsupportedType }
            // A name that claims another type than the content is a file that is not what it says.
            if let claimed = AttachmentName.claimedType(name ?? ""), claimed != type { throw AttachmentProblem.damaged }
            let fileName = AttachmentName.clean(name ?? "") ?? "document.\(type.fileExtension)"
            let (address, key) = try upload.writer.finish()
            let now = context.clock()
            let id = UUID()
            try await db.transaction { tx in
                let blob: AttachmentBlob
                var replace = true
                if let existing = try await AttachmentBlob.query(on: tx).filter(\.$address == address).first() {
                    blob = existing
                    replace = !blobs.exists(address)
                    if replace {
                        // Its file went when its last document was retracted: this copy takes its place.
                        blob.keySealed = try context.cipher.seal(
                            key.withUnsafeBytes { Data($0) }, context: AttachmentBlob.sealContext(blob.id!))
                        try await blob.update(on: tx)
                    }
                } else {
                    blob = AttachmentBlob()
                    blob.id = UUID()
                    blob.address = address
                    blob.size = upload.writer.size
                    blob.keySealed = try context.cipher.seal(
                        key.withUnsafeBytes { Data($0) }, context: AttachmentBlob.sealContext(blob.id!))
                    blob.createdAt = now
                    try await blob.create(on: tx)
                }
                let record = AttachmentRecord()
                record.id = id
                record.blobID = blob.id!
                record.ownerType = owner.rawValue
                record.ownerID = ownerID
                record.personID = upload.personID
                record.centreCode = upload.centre
                record.kind = kind.rawValue
                record.contentType = type.rawValue
                record.size = upload.writer.size
                record.sealed = try context.cipher.seal(
                    AttachmentLabel(name: fileName, caption: caption), context: AttachmentRecord.sealContext(id))
                record.addedBy = UUID(uuidString: actor.userID) ?? UUID()
                record.addedAt = now
                try await record.create(on: tx)
                try await AuditTrail.append(
                    action: "attachment.added", actorID: actor.userID, recordType: owner.rawValue,
                    recordID: ownerID.uuidString, detail: "\(type.rawValue) \(upload.writer.size) bytes",
                    now: now, key: context.keys.audit, on: tx)
                // The file takes its place last, inside the transaction: if it cannot, nothing is recorded.
                try blobs.keep(upload.writer, at: address, replace: replace)
            }
            return try view(try await AttachmentRecord.find(id, on: db)!)
        } catch {
            upload.discard()
            throw error
        }
    }

    func view(_ r: AttachmentRecord) throws -> AttachmentView {
        let label = try context.cipher.open(
            AttachmentLabel.self, from: r.sealed, context: AttachmentRecord.sealContext(r.id!))
        return AttachmentView(
            id: r.id!, owner: AttachmentOwner(rawValue: r.ownerType) ?? .person, ownerID: r.ownerID,
            personID: r.personID, kind: AttachmentKind(rawValue: r.kind) ?? .other,
            type: AttachmentType(rawValue: r.contentType) ?? .pdf, size: r.size, name: label.name,
            caption: label.caption, addedBy: r.addedBy, addedAt: r.addedAt, retractedAt: r.retractedAt)
    }

    /// What reading a record's documents takes: seeing people's cases, or for a referral seeing referrals.
    static func readAction(_ owner: AttachmentOwner) -> Action {
        switch owner {
        case .person: return .viewPerson
        case .referral: return .viewReferrals
        case .screening: return .viewScreenings
        default: return .viewCases
        }
    }

    static func under(_ owner: AttachmentOwner) -> [AttachmentOwner] {
        switch owner {
        case .person: return [.screening]
        case .kase: return [.service, .avrr]
        default: return []
        }
    }

    /// The documents on a record, newest first, retracted ones included (shown as such).
    public func list(owner: AttachmentOwner, id: UUID) async throws -> [AttachmentView] {
        _ = try await resolve(owner, id, for: Self.readAction(owner), refuseWithdrawn: false)
        guard AccessPolicy.roleMay(actor.role, owner == .referral ? .viewReferrals : .viewCases) else { return [] }
        // A partner whose consent was withdrawn sees the referral, and no longer its documents.
        if owner == .referral, actor.role == .partner, let row = try await Referral.find(id, on: db),
            try await !PartnerService(db: db, actor: actor, context: context).consentWithdrawn([row]).isEmpty
        {
            return []
        }
        // A person's page lists their screenings' documents too; a case's, its services' and returns'.
        let ids = try await related(owner, id)
        return try await AttachmentRecord.query(on: db).filter(\.$ownerID ~~ ids)
            .filter(\.$ownerType ~~ ([owner] + Self.under(owner)).map(\.rawValue))
            .sort(\.$addedAt, .descending).all().map(view)
    }

    func load(_ id: UUID, for action: Action) async throws -> AttachmentRecord {
        guard let record = try await AttachmentRecord.find(id, on: db) else { throw StoreError.notFound }
        let owner = AttachmentOwner(rawValue: record.ownerType) ?? .person
        // A document that went with a referral is read as the referral is read (a partner's focal point too).
        let needed = owner == .referral && action == .viewCases ? Action.viewReferrals : action
        guard AccessPolicy.roleMay(actor.role, needed) else { throw StoreError.forbidden }
        _ = try await resolve(owner, record.ownerID, for: Self.readAction(owner))
        return record
    }

    /// One document, for those who may see its record.
    public func find(_ id: UUID) async throws -> AttachmentView { try view(try await load(id, for: .viewCases)) }

    /// What a download needs, checked and audited: the document, its blob's address and key.
    public func prepareDownload(_ id: UUID) async throws -> (AttachmentView, String, SymmetricKey) {
        let record = try await load(id, for: .viewCases)
        guard record.retractedAt == nil else { throw StoreError.notFound }
        // A file missing from the data folder (restored from a backup without its attachments) is not found,
        // rather than a download that breaks off.
        guard let blob = try await AttachmentBlob.find(record.blobID, on: db), blobs.exists(blob.address) else {
            throw StoreError.notFound
        }
        let raw = try context.cipher.open(
            Data.self, from: blob.keySealed, context: AttachmentBlob.sealContext(blob.id!))
        try await AuditTrail.append(
            action: "attachment.downloaded", actorID: actor.userID, recordType: "attachment",
            recordID: id.uuidString, now: context.clock(), key: context.keys.audit, on: db)
        return (try view(record), blob.address, SymmetricKey(data: raw))
    }

    /// Withdraws a document: it stays in the list as retracted, by whom and when; its content is destroyed when no
    /// other document has the same content.
    public func retract(_ id: UUID) async throws {
        let record = try await load(id, for: .approveCases)
        guard record.retractedAt == nil else { return }
        let now = context.clock()
        let orphan: String? = try await db.transaction { tx in
            record.retractedAt = now
            record.retractedBy = UUID(uuidString: actor.userID)
            try await record.update(on: tx)
            let live = try await AttachmentRecord.query(on: tx).filter(\.$blobID == record.blobID)
                .filter(\.$retractedAt == nil).count()
            try await AuditTrail.append(
                action: "attachment.retracted", actorID: actor.userID, recordType: "attachment",
                recordID: id.uuidString, now: now, key: context.keys.audit, on: tx)
            return live == 0 ? try await AttachmentBlob.find(record.blobID, on: tx)?.address : nil
        }
        if let orphan { blobs.remove(orphan) }
    }
}
