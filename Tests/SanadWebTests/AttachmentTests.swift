import Fluent
import Foundation
import SanadCore
import SanadTestSupport
import Testing
import Vapor

@testable import SanadStore
@testable import SanadWeb

/// Issue 15: documents on people and cases — encrypted, typed by content, photos without their metadata, every
/// download checked and audited, retraction by supervisors.
@Suite struct AttachmentTests {
    /// A small JPEG with an EXIF segment holding a GPS-like marker and a comment, then a scan.
    static func jpegWithMetadata() -> [UInt8] {
        let exif: [UInt8] = Array("Exif\0\0GPSLatitude 15.5007 N 32.5599 E".utf8)
        let comment: [UInt8] = Array("taken at the safe house".utf8)
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xE1] + [UInt8((exif.count + 2) >> 8), UInt8((exif.count + 2) & 0xFF)] + exif
        bytes += [0xFF, 0xFE] + [UInt8((comment.count + 2) >> 8), UInt8((comment.count + 2) & 0xFF)] + comment
        bytes += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0] + (0..<2000).map { UInt8(($0 * 7) % 251) }
        bytes += [0xFF, 0xD9]
        return bytes
    }

    static func pdf(_ marker: String) -> [UInt8] {
        Array("%PDF-1.4\n% \(marker)\n".utf8) + (0..<300_000).map { UInt8(($0 * 31 + 7) % 256) }
            + Array("\n%%EOF\n".utf8)
    }

    /// Every file under `directory`, read whole.
    static func filesUnder(_ directory: URL) -> [Data] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var found: [Data] = []
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) { found.append(data) }
        }
        return found
    }

    @Test func documentsAreSealedTypedStrippedAndAudited() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-docs", .caseworker)
            let sup = try await fx.user("supervisor-docs", .supervisor)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Meron Gebremariam"))
            let caseID = try await CaseService(db: app.db, actor: actor, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let secretName = "جواز-سفر-ميرون.pdf"
            let pdf = Self.pdf("PASSPORT-MARKER-7781")
            let added = try await web.upload(
                "/people/\(person.id)/attachments", [("kind", "identity-document"), ("caption", "Passport page 2")],
                file: (secretName, pdf))
            #expect(added.status == .seeOther, "\(added.text.prefix(400))")
            let photo = try await web.upload(
                "/cases/\(caseID)/attachments", [("kind", "photo"), ("caption", "")],
                file: ("injury.jpg", Self.jpegWithMetadata()))
            #expect(photo.status == .seeOther, "\(photo.text.prefix(400))")

            // Listed on the pages, named as uploaded.
            let page = try await web.get("/people/\(person.id)").text
            #expect(page.contains(secretName) && page.contains("Passport page 2"))
            let casePage = try await web.get("/cases/\(caseID)").text
            #expect(casePage.contains("injury.jpg") && casePage.contains(##"href="#attachments""##))

            // Nothing of the content, name or caption is in clear anywhere in the data folder.
            let files = Self.filesUnder(fx.directory)
            #expect(!files.isEmpty)
            for needle in [
                Array("PASSPORT-MARKER-7781".utf8), Array(secretName.utf8), Array("Passport page 2".utf8),
                Array("GPSLatitude".utf8), Array(pdf[2_000..<2_064]),
            ] {
                #expect(!files.contains { $0.range(of: Data(needle)) != nil }, "found in clear: \(needle.prefix(20))")
            }

            // The download is the file, as an attachment that browsers do not sniff or show.
            let views = try await AttachmentService(db: app.db, actor: actor, context: fx.context)
                .list(owner: .person, id: person.id)
            let doc = try #require(views.first)
            let download = try await web.get("/attachments/\(doc.id)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "attachment.downloaded").count()
            #expect(audited == 1)

            // The photo lost its EXIF and comment, kept its picture.
            let photoView = try #require(
                try await AttachmentService(db: app.db, actor: actor, context: fx.context)
                    .list(owner: .kase, id: caseID).first)
            let stored = Array(try await web.get("/attachments/\(photoView.id)").body.readableBytesView)
            #expect(stored.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]))
            #expect(Data(stored).range(of: Data("GPSLatitude".utf8)) == nil)
            #expect(Data(stored).range(of: Data("safe house".utf8)) == nil)
            #expect(Array(stored.suffix(2002)) == Array(Self.jpegWithMetadata().suffix(2002)))

            // A data officer may not download; a caseworker may not retract; a supervisor may.
            let officer = try await fx.user("officer-docs", .dataOfficer)
            let theirs = try await WebClient(app: app, session: try await fx.browserSession(for: officer))
                .get("/attachments/\(doc.id)")
            #expect(theirs.status == .forbidden || theirs.status == .notFound)
            #expect(try await web.post("/attachments/\(doc.id)/retract").status == .forbidden)
            let supervisor = WebClient(app: app, session: try await fx.browserSession(for: sup))
            #expect(try await supervisor.post("/attachments/\(doc.id)/retract").status == .seeOther)
            #expect(try await web.get("/attachments/\(doc.id)").status == .notFound)
            #expect(try await web.get("/people/\(person.id)").text.contains("<del dir=\"auto\">\(secretName)</del>"))
            // Its content is gone from the disk: only the photo's blob is left.
            let blobs = try await AttachmentBlob.query(on: app.db).all()
            let left = blobs.filter { BlobStore(root: fx.context.attachments.root).exists($0.address) }
            #expect(left.count == 1)
        }
    }

    @Test func badFilesAreRefusedAndLeaveNothing() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-bad-docs", .caseworker)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Yonas Tekle"))
            var web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let path = "/people/\(person.id)/attachments"
            let html = Array("<html><script>alert(1)</script></html>".utf8)
            let cases: [(String, [(String, String)], (name: String, bytes: [UInt8])?, HTTPStatus)] = [
                ("empty", [("kind", "other")], ("empty.pdf", []), .unprocessableEntity),
                ("html named as a photo", [("kind", "photo")], ("photo.jpg", html), .unprocessableEntity),
                ("no kind", [], ("scan.pdf", Self.pdf("x")), .unprocessableEntity),
                (
                    "a broken jpeg", [("kind", "photo")],
                    ("x.jpg", [0xFF, 0xD8, 0xFF, 0x00] + Array(repeating: 1, count: 600)),
                    .unprocessableEntity
                ),
                ("no file", [("kind", "other")], nil, .unprocessableEntity),
            ]
            for (what, fields, file, status) in cases {
                let answer = try await web.upload(path, fields, file: file)
                #expect(answer.status == status, "\(what): \(answer.status)")
            }
            // Cut off halfway (no closing boundary): refused, nothing kept.
            let cut = try await web.upload(path, [("kind", "other")], file: ("a.pdf", Self.pdf("cut")), cutAt: 150_000)
            #expect(cut.status == .unprocessableEntity && cut.text.contains("did not arrive whole"))
            // Over the installation's limit: 413, nothing kept.
            let limit = app.sanad.attachments.limit
            app.sanad.attachments.limit = 100_000
            let large = try await web.upload(path, [("kind", "other")], file: ("big.pdf", Self.pdf("big")))
            #expect(large.status == .payloadTooLarge && large.text.contains("larger than the limit"))
            app.sanad.attachments.limit = limit
            let forged = try await web.upload(path, [("kind", "other")], file: ("a.pdf", Self.pdf("y")), csrf: false)
            #expect(forged.status == .forbidden)
            web.language = "ar"
            let arabic = try await web.upload(path, [("kind", "photo")], file: ("photo.jpg", html))
            #expect(arabic.text.contains("لا يمكن إرفاق إلا ملفات"), "\(arabic.text.suffix(900))")
            let pdfAsPhoto = try await web.upload(path, [("kind", "photo")], file: ("photo.jpg", Self.pdf("z")))
            #expect(pdfAsPhoto.status == .unprocessableEntity && pdfAsPhoto.text.contains("الملف تالف"))
            #expect(try await AttachmentRecord.query(on: app.db).count() == 0)
            #expect(try await AttachmentBlob.query(on: app.db).count() == 0)
            // Nothing half-stored: the scratch folder is empty and no blob file exists.
            let root = fx.context.attachments.root
            let leftovers = Self.filesUnder(root)
            #expect(leftovers.isEmpty, "\(leftovers.count) files left under \(root.path)")
        }
    }

    /// Erasing a person (issue 18) takes their documents with them: names and captions emptied, content destroyed.
    @Test func erasureDestroysAPersonsDocuments() async throws {
        try await TestApp.with { app, fx in
            let actor = try await fx.actor("caseworker-erase-docs", .caseworker)
            let admin = try await fx.actor("admin-erase-docs", .administrator)
            let person = try await fx.people(actor).register(TestFixture.draft("Saba Weldu"))
            let documents = AttachmentService(db: app.db, actor: actor, context: fx.context)
            let upload = try await documents.begin(owner: .person, id: person.id)
            try upload.write(Self.pdf("ERASE-ME"))
            let added = try await documents.finish(upload, kind: "identity-document", name: "saba.pdf", caption: "ID")
            let blobs = BlobStore(root: fx.context.attachments.root)
            let address = try #require(try await AttachmentBlob.query(on: app.db).first()).address
            #expect(blobs.exists(address))
            _ = try await PersonErasure(db: app.db, actor: admin, context: fx.context)
                .erase(registrationNumber: person.registrationNumber, reason: "The person asked")
            #expect(!blobs.exists(address))
            let listed = try await documents.list(owner: .person, id: person.id)
            let after = try #require(listed.first { $0.id == added.id })
            #expect(after.name.isEmpty && after.caption.isEmpty && after.retractedAt != nil)
        }
    }

    /// Documents chosen at sending go with a referral: its partner's focal point downloads those and no other, and
    /// nothing once the person withdraws consent.
    @Test func aReferralCarriesTheDocumentsChosenAtSending() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-refer-docs", .caseworker)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Lula Ghebre"))
            let caseID = try await CaseService(db: app.db, actor: actor, context: fx.context).open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            let documents = AttachmentService(db: app.db, actor: actor, context: fx.context)
            func add(_ owner: AttachmentOwner, _ id: UUID, _ marker: String) async throws -> AttachmentView {
                let upload = try await documents.begin(owner: owner, id: id)
                try upload.write(Self.pdf(marker))
                return try await documents.finish(upload, kind: "legal", name: "\(marker).pdf", caption: nil)
            }
            let shared = try await add(.person, person.id, "court-summons")
            let kept = try await add(.kase, caseID, "medical-report")
            let partnerID = try await fx.partner("Legal Aid Khartoum")
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let sent = try await web.post(
                "/cases/\(caseID)/referrals",
                [
                    ("partner", partnerID.uuidString), ("service", ServiceType.legalAid.rawValue),
                    ("urgency", "urgent"), ("reason", "AdditionalServicesRequired"), ("shared", "sex"),
                    ("consent_now", "on"), ("documents", shared.id.uuidString),
                ])
            #expect(sent.status == .seeOther, "\(sent.text.prefix(300))")
            let referral = try #require(try await Referral.query(on: app.db).first())
            let copies = try await AttachmentRecord.query(on: app.db).filter(\.$ownerID == referral.id!).all()
            #expect(copies.count == 1 && copies.first?.blobID != nil)

            let focal = try await fx.accounts.createUser(
                username: "focal-docs", password: TestFixture.password, role: .partner, centres: [],
                partner: partnerID, by: nil)
            let partner = WebClient(app: app, session: try await fx.browserSession(for: focal))
            let page = try await partner.get("/referrals/\(referral.id!)").text
            #expect(page.contains("court-summons.pdf") && !page.contains("medical-report"))
            let copy = try #require(copies.first?.id)
            let download = try await partner.get("/attachments/\(copy)")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == Self.pdf("court-summons"))
            // Not the originals, not the document that was not chosen.
            #expect(try await partner.get("/attachments/\(shared.id)").status == .forbidden)
            #expect(try await partner.get("/attachments/\(kept.id)").status == .forbidden)
            // A document of another person cannot be slipped into a referral.
            let stranger = try await fx.people(actor).register(TestFixture.draft("Other Person"))
            let foreign = try await add(.person, stranger.id, "foreign")
            let refused = try await web.post(
                "/cases/\(caseID)/referrals",
                [
                    ("partner", partnerID.uuidString), ("service", ServiceType.legalAid.rawValue),
                    ("urgency", "urgent"), ("reason", "AdditionalServicesRequired"), ("shared", "sex"),
                    ("documents", foreign.id.uuidString),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Referral.query(on: app.db).count() == 1)
            // Consent withdrawn: the partner gets nothing more.
            try await PartnerService(db: app.db, actor: actor, context: fx.context).setConsent(
                person: person.id, partner: partnerID, given: false)
            #expect(try await partner.get("/attachments/\(copy)").status == .notFound)
            let after = try await partner.get("/referrals/\(referral.id!)")
            #expect(after.status == .ok && !after.text.contains("court-summons.pdf"))
        }
    }

    /// A document added on the case's page can be about one of its services or its return, and on the person's page
    /// about one of their screenings; it lists with the record, says what it is about, and nothing outside the
    /// record can be named.
    @Test func documentsCanBeAboutAServiceAReturnOrAScreening() async throws {
        try await TestApp.with { app, fx in
            let user = try await fx.user("caseworker-about-docs", .caseworker)
            let actor = try #require(user.actor)
            let person = try await fx.people(actor).register(TestFixture.draft("Abeba Tsegay"))
            let cases = CaseService(db: app.db, actor: actor, context: fx.context)
            let caseID = try await cases.open(
                personID: person.id, priority: "normal", risk: "low", caseworker: user.id
            ).id
            _ = try await cases.recordService(
                caseID,
                ServiceDraft(
                    date: CivilDate(Date()).description, type: "medical", quantity: "1", status: "delivered",
                    partner: nil, cost: nil, currency: nil))
            let service = try #require(try await ServiceRecord.query(on: app.db).first()).id!
            let screening = try await ScreeningService(db: app.db, actor: actor, context: fx.context)
                .start(personID: person.id, TestFixture.screeningStart())
            let web = WebClient(app: app, session: try await fx.browserSession(for: user))
            let casePage = try await web.get("/cases/\(caseID)").text
            #expect(casePage.contains("<option value=\"service:\(service.uuidString)\""))
            let onService = try await web.upload(
                "/cases/\(caseID)/attachments", [("kind", "medical"), ("attach_to", "service:\(service.uuidString)")],
                file: ("clinic-note.pdf", Self.pdf("clinic")))
            #expect(onService.status == .seeOther, "\(onService.text.prefix(300))")
            let onScreening = try await web.upload(
                "/people/\(person.id)/attachments",
                [("kind", "other"), ("attach_to", "screening:\(screening.id.uuidString)")],
                file: ("interview-notes.txt", Array("Interview notes, page 1".utf8)))
            #expect(onScreening.status == .seeOther, "\(onScreening.text.prefix(300))")
            let rows = try await AttachmentRecord.query(on: app.db).all()
            #expect(Set(rows.map(\.ownerType)) == ["service", "screening"])
            #expect(try await web.get("/cases/\(caseID)").text.contains("clinic-note.pdf"))
            let personPage = try await web.get("/people/\(person.id)").text
            #expect(personPage.contains("interview-notes.txt") && personPage.contains("about a screening"))
            // Offering the screenings to choose from opens none of their answers: no read of them is audited.
            #expect(personPage.contains("<option value=\"screening:\(screening.id.uuidString)\""))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "screening.list").count() == 0)
            // Another person's screening, or a case's service named on a person: refused, nothing kept.
            let other = try await fx.people(actor).register(TestFixture.draft("Other Abeba"))
            let theirs = try await ScreeningService(db: app.db, actor: actor, context: fx.context)
                .start(personID: other.id, TestFixture.screeningStart())
            for about in ["screening:\(theirs.id.uuidString)", "service:\(service.uuidString)", "avrr:nonsense"] {
                let refused = try await web.upload(
                    "/people/\(person.id)/attachments", [("kind", "other"), ("attach_to", about)],
                    file: ("x.pdf", Self.pdf("x")))
                #expect(refused.status == .unprocessableEntity, "\(about)")
            }
            #expect(try await AttachmentRecord.query(on: app.db).count() == 2)
            #expect(try await AttachmentBlob.query(on: app.db).count() == 2)
        }
    }
}
