import Crypto
import Foundation
import SQLKit
import SanadCore
import SanadStore
import SanadTestSupport
import Testing
import Vapor

/// One centre's work done entirely through the API, every operation at least once with a successful answer
/// whose body is read and checked against the document. The last check fails when an operation is added to the
/// API without being walked here.
@Suite struct APIWalkTests {
    final class Walk: @unchecked Sendable {
        let app: Application
        let conformance: APIConformance
        var covered: Set<String> = []

        init(app: Application) async throws {
            self.app = app
            self.conformance = try await APIConformance.shared(app: app)
        }

        /// Calls as the holder of `token` (nil: no token), expects `status`, and returns the parsed body.
        @discardableResult
        func call(
            _ token: String?, _ method: HTTPMethod, _ path: String, _ body: String? = nil, _ status: UInt,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> JSON {
            let client = WebClient(app: app, bearer: token)
            let response = try await client.json(method, path, body, sourceLocation: sourceLocation)
            #expect(
                response.status.code == status, "\(method) \(path): \(response.text.prefix(400))",
                sourceLocation: sourceLocation)
            if response.status.code < 300, let id = conformance.operation(method, path)?.id { covered.insert(id) }
            return JSON(try? JSONSerialization.jsonObject(with: Data(response.text.utf8), options: .fragmentsAllowed))
        }
    }

    /// A read-only view of a parsed body: `json["plan"][0]["id"].string`.
    struct JSON {
        let value: Any?
        init(_ value: Any?) { self.value = value }
        subscript(_ key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
        subscript(_ index: Int) -> JSON {
            guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
            return JSON(array[index])
        }
        var string: String { value as? String ?? "" }
        var count: Int { (value as? [Any])?.count ?? 0 }
        var array: [JSON] { ((value as? [Any]) ?? []).map(JSON.init) }
    }

    @Test func everyOperationOnceThroughTheAPI() async throws {
        try await TestApp.with { app, fx in
            let w = try await Walk(app: app)
            let admin = try await fx.user("walk-admin", .administrator)
            let sup = try await fx.user("walk-sup", .supervisor)
            let cw = try await fx.user("walk-cw", .caseworker)
            let cw2 = try await fx.user("walk-cw2", .caseworker)
            let data = try await fx.user("walk-data", .dataOfficer)
            let a = try await fx.apiToken(for: admin)
            let s = try await fx.apiToken(for: sup)
            let d = try await fx.apiToken(for: data)
            let today = CivilDate(Date()).description

            // Signing in: the caseworker's token comes from the API itself.
            let signIn = try await w.call(
                nil, .POST, "/api/v1/auth/token", #"{"username":"walk-cw","password":"\#(TestFixture.password)"}"#, 201)
            let c = signIn["token"].string
            let c2 = try await fx.apiToken(for: cw2)

            // Administration.
            try await w.call(a, .GET, "/api/v1/centres", nil, 200)
            try await w.call(
                a, .POST, "/api/v1/centres",
                #"{"code":"SD09","prefix":"DAM","nameEn":"Ed Damer","nameAr":"الدامر","state":"SD09"}"#, 201)
            let users = try await w.call(a, .GET, "/api/v1/users", nil, 200)
            #expect(users.array.contains { $0["username"].string == "walk-cw" })
            let created = try await w.call(
                a, .POST, "/api/v1/users",
                #"{"username":"walk-new","password":"long enough password","role":"caseworker","centres":["SD01"]}"#,
                201)
            try await w.call(a, .POST, "/api/v1/users/\(sup.id)/self-approval", #"{"granted":true}"#, 204)
            // On the account just made: a reset ends the account's sessions and tokens.
            try await w.call(a, .POST, "/api/v1/users/\(created["id"].string)/two-factor/reset", nil, 204)
            try await w.call(a, .POST, "/api/v1/two-factor-policy", #"{"roles":["partner"]}"#, 204)
            try await w.call(a, .GET, "/api/v1/two-factor-policy", nil, 200)
            try await w.call(a, .POST, "/api/v1/two-factor-policy", #"{"roles":[]}"#, 204)
            try await w.call(c, .GET, "/api/v1/service-types", nil, 200)
            try await w.call(
                a, .POST, "/api/v1/service-types",
                #"{"code":"blankets","english":"Blankets","arabic":"بطانيات","unit":"item"}"#, 201)
            let partner = try await w.call(
                a, .POST, "/api/v1/partners",
                #"{"name":"Law Clinic","type":"NGO","services":["legal-aid"],"states":["SD01"]}"#, 201)["id"].string
            try await w.call(c, .GET, "/api/v1/partners", nil, 200)
            let shelter = try await w.call(s, .POST, "/api/v1/shelters/SD01", #"{"name":"Main shelter"}"#, 201)["id"]
                .string
            let beds = try await w.call(
                s, .POST, "/api/v1/shelters/SD01/beds",
                #"{"shelter":"\#(shelter)","room":"1","labels":["A1","A2"],"restriction":"none"}"#, 200)
            #expect(beds.count == 2)
            try await w.call(c, .GET, "/api/v1/shelters/SD01", nil, 200)
            try await w.call(c, .GET, "/api/v1/shelters/SD01/occupancy?date=\(today)", nil, 200)

            // A person, the duplicate check and a merge undone.
            let person =
                #"{"nameOriginal":"ሰላም ተስፋይ","nameLatin":"Selam Tesfay","sex":"Feminine","estimatedAge":24,"nationality":"ERI","centre":"SD01","consent":{"interview":true,"toldPurpose":true,"toldUses":true}}"#
            try await w.call(c, .POST, "/api/v1/people/matches", person, 200)
            let p = try await w.call(c, .POST, "/api/v1/people", person, 201)["id"].string
            let twin = try await w.call(
                c, .POST, "/api/v1/people", person.replacingOccurrences(of: "Selam Tesfay", with: "Selam Tesfai"), 201)[
                    "id"
                ].string
            try await w.call(c, .GET, "/api/v1/people?q=Selam", nil, 200)
            try await w.call(c, .GET, "/api/v1/people/\(p)", nil, 200)
            try await w.call(c, .PATCH, "/api/v1/people/\(p)", #"{"version":1,"phone":"0912345678"}"#, 200)
            try await w.call(c, .GET, "/api/v1/people/\(p)/duplicates", nil, 200)
            try await w.call(s, .POST, "/api/v1/people/\(p)/merge", #"{"other":"\#(twin)"}"#, 204)
            try await w.call(s, .POST, "/api/v1/people/\(twin)/unmerge", nil, 204)
            try await w.call(s, .POST, "/api/v1/people/\(p)/distinct", #"{"other":"\#(twin)"}"#, 204)

            // Screening and vulnerability.
            let instruments = try await w.call(c, .GET, "/api/v1/screening/instruments", nil, 200)
            #expect(instruments.count > 0)
            try await w.call(c, .GET, "/api/v1/screening/instruments/ilo-adult-labour", nil, 200)
            let screening = try await w.call(
                c, .POST, "/api/v1/people/\(p)/screenings",
                #"{"instrument":"ilo-adult-labour","language":"tir","place":"Khartoum","consent":{"interview":true}}"#,
                201)["id"].string
            try await w.call(
                c, .PATCH, "/api/v1/screenings/\(screening)",
                #"{"version":1,"answers":{"D2.violence-on-victims":"yes"}}"#, 200)
            try await w.call(c, .POST, "/api/v1/screenings/\(screening)/complete", #"{"version":2,"answers":{}}"#, 200)
            try await w.call(c, .GET, "/api/v1/screenings/\(screening)", nil, 200)
            try await w.call(c, .GET, "/api/v1/people/\(p)/screenings", nil, 200)
            // A supervisor reopens it: a new interview from its answers, the completed one kept.
            try await w.call(s, .POST, "/api/v1/screenings/\(screening)/reopen", nil, 201)
            try await w.call(
                s, .POST, "/api/v1/people/\(p)/trafficking-status",
                #"{"status":"PossibleVictimOfTrafficking","decisionOrganisation":"CourtOrProsecution"}"#, 204)
            try await w.call(
                s, .POST, "/api/v1/people/\(p)/trafficking-status",
                #"{"status":"ActualVictimOfTrafficking","decisionOrganisation":"CourtOrProsecution"}"#, 409)
            let factor = VulnerabilityModel.shipped.factors(in: "individual")[0].id
            try await w.call(
                c, .POST, "/api/v1/people/\(p)/vulnerability", #"{"answers":{"\#(factor)":"present"}}"#, 201)
            try await w.call(c, .GET, "/api/v1/people/\(p)/vulnerability", nil, 200)
            let context = VulnerabilityModel.shipped.factors(in: "community")[0].id
            try await w.call(s, .POST, "/api/v1/centres/SD01/context", #"{"answers":{"\#(context)":"absent"}}"#, 201)
            try await w.call(s, .GET, "/api/v1/centres/SD01/context", nil, 200)

            // A case from opening to assistance, with everything a caseworker and a supervisor do on it.
            let k = try await w.call(
                c, .POST, "/api/v1/people/\(p)/cases", #"{"priority":"high","risk":"medium"}"#, 201)[
                    "id"
                ].string
            try await w.call(c, .GET, "/api/v1/cases?scope=all", nil, 200)
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/events",
                #"{"event":"assess","version":1,"priority":"high","risk":"high"}"#,
                200)
            try await w.call(c, .POST, "/api/v1/cases/\(k)/notes", #"{"text":"Met the person."}"#, 204)
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/plan-items",
                #"{"need":"Medical check","service":"medical","due":"2030-01-01"}"#,
                204)
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/plan-items", #"{"need":"Food","service":"food","due":"2030-01-01"}"#, 204)
            try await w.call(c, .POST, "/api/v1/cases/\(k)/approvals", #"{"kind":"care-plan"}"#, 204)
            var file = try await w.call(s, .GET, "/api/v1/cases/\(k)", nil, 200)
            try await w.call(
                s, .POST, "/api/v1/cases/\(k)/approvals/\(file["approvals"][0]["id"].string)",
                #"{"decision":"approved","comment":"Go ahead"}"#, 204)
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/plan-items/\(file["plan"][0]["id"].string)/status", #"{"status":"done"}"#,
                204)
            let planned = try await w.call(
                c, .POST, "/api/v1/cases/\(k)/services",
                #"{"date":"\#(today)","type":"food","quantity":2,"status":"planned"}"#, 201)["id"].string
            try await w.call(c, .POST, "/api/v1/cases/\(k)/services/\(planned)/status", #"{"status":"delivered"}"#, 204)
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/follow-ups", #"{"due":"2030-02-01","note":"Call back"}"#, 204)
            file = try await w.call(c, .GET, "/api/v1/cases/\(k)", nil, 200)
            #expect(file["case"]["stage"].string == "assistance", "a delivered service on an approved plan")
            try await w.call(
                c, .POST, "/api/v1/cases/\(k)/follow-ups/\(file["followUps"][0]["id"].string)/done", nil, 204)
            try await w.call(s, .POST, "/api/v1/cases/\(k)/assign", #"{"caseworker":"\#(cw.id)"}"#, 200)
            try await w.call(c, .POST, "/api/v1/cases/\(k)/transfers", #"{"caseworker":"\#(cw2.id)"}"#, 204)
            file = try await w.call(c, .GET, "/api/v1/cases/\(k)", nil, 200)
            try await w.call(
                c2, .POST, "/api/v1/cases/\(k)/transfers/\(file["transfer"]["id"].string)/answer",
                #"{"decision":"accept"}"#, 204)

            // Referral, shelter and return, through the new caseworker.
            try await w.call(c2, .POST, "/api/v1/people/\(p)/consents", #"{"partner":"\#(partner)","given":true}"#, 204)
            let referral = try await w.call(
                c2, .POST, "/api/v1/cases/\(k)/referrals",
                #"{"partner":"\#(partner)","service":"legal-aid","urgency":"routine","reason":"AdditionalServicesRequired","shared":["sex"]}"#,
                201)
            try await w.call(c2, .GET, "/api/v1/referrals", nil, 200)
            try await w.call(
                c2, .POST, "/api/v1/referrals/\(referral["id"].string)/answer", #"{"decision":"withdraw"}"#, 200)
            let stay = try await w.call(
                c2, .POST, "/api/v1/cases/\(k)/stays", #"{"bed":"\#(beds[0]["id"].string)","checkIn":"\#(today)"}"#, 201
            )
            try await w.call(
                c2, .POST, "/api/v1/stays/\(stay["id"].string)/checkout", #"{"checkOut":"\#(today)"}"#, 204)
            let back = try await w.call(
                c2, .POST, "/api/v1/cases/\(k)/returns", #"{"country":"ERI","place":"Keren","date":"\#(today)"}"#, 201)
            try await w.call(
                c2, .POST, "/api/v1/returns/\(back["id"].string)/steps",
                #"{"step":"eligibility","date":"\#(today)","version":1}"#, 200)
            try await w.call(c2, .GET, "/api/v1/work", nil, 200)

            // An awareness event, and the figures.
            let event = try await w.call(
                c, .POST, "/api/v1/events",
                #"{"type":"radio","title":"Safe migration","startDate":"\#(today)","state":"SD01","centre":"SD01","participants":{"f_adults":12}}"#,
                201)
            try await w.call(c, .GET, "/api/v1/events", nil, 200)
            try await w.call(c, .GET, "/api/v1/events/\(event["id"].string)", nil, 200)
            try await w.call(d, .GET, "/api/v1/reports/summary?from=2026-01-01&to=\(today)", nil, 200)
            try await w.call(d, .GET, "/api/v1/reports/trends?from=2026-01-01&to=\(today)", nil, 200)

            // A field office joins, sends an edit made on a value the centre has changed since (held for a
            // supervisor), and the supervisor keeps it.
            let (_, code) = try await OpenServices(db: app.db, context: fx.context).syncNodes.add(
                name: "walk-office", centres: ["SD01"], by: "admin")
            let key = Curve25519.Signing.PrivateKey()
            let join =
                #"{"code":"\#(code)","publicKey":"\#(key.publicKey.rawRepresentation.base64EncodedString())","organisation":"\#(fx.context.keys.active.id)"}"#
            #expect(try await w.call(nil, .POST, "/api/v1/sync/join", join, 200)["node"].string == "walk-office")
            let edit = SyncOperation(
                id: SyncOpID(node: "walk-office", sequence: 1), record: "people/\(p.uppercased())", centre: "SD01",
                field: "nationality", kind: .edit(value: Array(#""ETH""#.utf8), basis: nil), author: "walk-office",
                at: 0)
            let request =
                #"{"cursor":0,"limit":50,"operations":"#
                + String(decoding: try JSONEncoder().encode([edit]), as: UTF8.self) + "}"
            let bundle = try SyncBundle.seal(
                body: Data(request.utf8), node: "walk-office", kind: "request", count: 1,
                organisation: fx.context.keys.active.id, key: fx.context.keys.sync, signer: key)
            var headers = HTTPHeaders()
            headers.contentType = .binary
            let exchanged = try await app.testing().sendRequest(
                .POST, "/api/v1/sync/exchange", headers: headers, body: ByteBuffer(data: bundle))
            #expect(exchanged.status == .ok && exchanged.headers.contentType == .binary)
            if exchanged.status == .ok { w.covered.insert("exchange") }
            let conflicts = try await w.call(s, .GET, "/api/v1/sync/conflicts", nil, 200)
            #expect(conflicts.count == 1 && conflicts[0]["held"][0]["value"].string == "ETH")
            try await w.call(
                s, .POST, "/api/v1/sync/conflicts/\(conflicts[0]["id"].string)/resolve",
                #"{"choice":"walk-office#1"}"#, 200)

            // Integrity: one person's record and another's phone look-up damaged, found by the check, repaired.
            let registrar = fx.people(try #require(cw.actor))
            let broken = try await registrar.register(TestFixture.draft("Walk Damaged"))
            var phoned = TestFixture.draft("Walk Indexed")
            phoned.phone = "+249911111111"
            let indexed = try await registrar.register(phoned)
            try await DamagedRecordTests.damage(app, sealed: broken.id, index: indexed.id, auditEntry: nil)
            _ = try await IntegrityCheck(db: app.db, context: fx.context).run()
            let damaged = try await w.call(a, .GET, "/api/v1/integrity", nil, 200)["damaged"].array
            #expect(damaged.count == 2)
            for record in damaged {
                if record["kind"].string == "blind-index" {
                    try await w.call(a, .POST, "/api/v1/integrity/\(record["id"].string)/rebuild", nil, 200)
                } else {
                    try await w.call(
                        a, .POST, "/api/v1/integrity/\(record["id"].string)/retire", #"{"reason":""}"#, 422)
                    try await w.call(
                        a, .POST, "/api/v1/integrity/\(record["id"].string)/retire", #"{"reason":"Disk fault"}"#, 200)
                }
            }

            // Documents (issue 15): multipart uploads, lists checked against the document, download, retraction.
            let pdf = Array("%PDF-1.4\n% walk\n%%EOF\n".utf8)
            for (path, id) in [
                ("/api/v1/people/\(p)/attachments", "Person"), ("/api/v1/cases/\(k)/attachments", "Case"),
            ] {
                let added = try await WebClient(app: app, bearer: c).upload(
                    path, [("kind", "consent-form"), ("caption", "signed")], file: ("consent.pdf", pdf), csrf: false)
                #expect(added.status == .created && added.headers.first(name: .location) != nil, "\(added.text)")
                if added.status == .created { w.covered.insert("add\(id)Attachment") }
                #expect(try await w.call(c, .GET, path, nil, 200).count == 1)
            }
            let document = try await w.call(c, .GET, "/api/v1/people/\(p)/attachments", nil, 200)[0]["id"].string
            let fetched = try await WebClient(app: app, bearer: c).get("/api/v1/attachments/\(document)")
            #expect(fetched.status == .ok && Array(fetched.body.readableBytesView) == pdf)
            if fetched.status == .ok { w.covered.insert("downloadAttachment") }
            try await w.call(s, .POST, "/api/v1/attachments/\(document)/retract", nil, 204)

            // Imports (issue 14): a dry run, the import, a held row decided, the batch read and undone.
            try await w.call(
                s, .POST, "/api/v1/people",
                #"{"nameOriginal":"Yohannes Gebremedhin Tesfay","sex":"Masculine","estimatedAge":30,"nationality":"ERI","centre":"SD01","consent":{"interview":true}}"#,
                201)
            let register = Array(
                "Name,Sex,Age,Nationality\nYohanes Gebremedhin,M,31,ERI\nDawit Haile Gebru,M,40,ERI\n".utf8)
            let upload = { (fields: [(String, String)]) in
                try await WebClient(app: app, bearer: s).upload(
                    "/api/v1/imports", [("centre", "SD01")] + fields, file: ("register.csv", register), csrf: false)
            }
            let dry = try await upload([("dry_run", "true")])
            #expect(dry.status == .ok, "\(dry.text)")
            let imported = try await upload([])
            #expect(imported.status == .ok, "\(imported.text)")
            let report = JSON(try? JSONSerialization.jsonObject(with: Data(imported.text.utf8)))
            if imported.status == .ok { w.covered.insert("importPeople") }
            let batch = report["batchId"].string
            let held = report["rows"].array.first { $0["outcome"].string == "held-for-review" }
            #expect(held != nil, "\(imported.text)")
            try await w.call(s, .GET, "/api/v1/imports", nil, 200)
            if let held {
                try await w.call(
                    s, .POST, "/api/v1/imports/\(batch)/rows/\(held["row"].value as? Int ?? 0)/decision",
                    #"{"samePerson":false}"#, 200)
            }
            try await w.call(s, .GET, "/api/v1/imports/\(batch)", nil, 200)
            try await w.call(s, .POST, "/api/v1/imports/\(batch)/undo", nil, 204)

            let doc = try #require(try await WebClient(app: app).get("/api/v1/openapi.json").jsonObject())
            let all = Set(
                (doc["paths"] as? [String: [String: Any]] ?? [:]).values.flatMap {
                    $0.values.compactMap { ($0 as? [String: Any])?["operationId"] as? String }
                })
            #expect(all.subtracting(w.covered).isEmpty, "not walked: \(all.subtracting(w.covered).sorted())")
        }
    }
}
