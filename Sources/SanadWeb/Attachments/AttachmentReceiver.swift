import SanadCore
import SanadStore
import Vapor

/// What the page and the API share: reading a multipart upload as it streams, and sending a document back.
enum AttachmentReceiver {
    /// Reads the request's multipart body into a new document on the record. `form` is a browser's form, whose
    /// token must match the session's; API calls are authorised by their bearer token instead. Throws
    /// `AttachmentProblem` with nothing kept when the file breaks a rule.
    static func receive(_ req: Request, owner: AttachmentOwner, id: UUID, form: Bool) async throws -> AttachmentView {
        guard let boundary = req.headers.contentType?.parameters["boundary"],
            req.headers.contentType?.type == "multipart", req.headers.contentType?.subType == "form-data"
        else { throw Abort(.unsupportedMediaType, reason: "Send the file as multipart/form-data.") }
        let upload = try await req.attachments.begin(owner: owner, id: id)
        let parser = UploadParser(boundary: boundary, upload: upload)
        do {
            for try await buffer in req.body {
                parser.feed(buffer)
                if parser.problem != nil { break }
            }
        } catch {
            upload.discard()
            throw AttachmentProblem.incomplete
        }
        if let problem = parser.problem {
            upload.discard()
            throw problem as? AttachmentProblem ?? .incomplete
        }
        if form {
            guard let sent = parser.fields["_csrf"], !req.state.csrf.isEmpty, !req.state.newCSRFCookie,
                sent == req.state.csrf
            else {
                upload.discard()
                throw FormRefused(cause: "csrf")
            }
        }
        guard parser.sawFile else {
            upload.discard()
            throw AttachmentProblem.empty
        }
        // A connection that dropped mid-file ends the body early: what arrived is not the file.
        guard parser.fileComplete else {
            upload.discard()
            throw AttachmentProblem.incomplete
        }
        return try await req.attachments.finish(
            upload, kind: parser.fields["kind"], name: parser.fileName, caption: parser.fields["caption"],
            about: parser.fields["attach_to"])
    }

    /// The document's content, streamed as it is opened, as a file to save: never shown or sniffed by a browser.
    static func download(_ req: Request, id: UUID) async throws -> Response {
        let (view, address, key) = try await req.attachments.prepareDownload(id)
        let blobs = BlobStore(root: req.context.attachments.root)
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: view.type.rawValue)
        response.headers.replaceOrAdd(name: .contentDisposition, value: disposition(view.name))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        response.body = .init(
            asyncStream: { writer in
                do {
                    try await blobs.read(address, key: key) { chunk in
                        try await writer.writeBuffer(ByteBuffer(bytes: chunk))
                    }
                    try await writer.write(.end)
                } catch {
                    try await writer.write(.error(error))
                }
            }, count: view.size)
        return response
    }

    /// `attachment` with an ASCII stand-in name and the real one in RFC 5987 form, so Arabic names survive.
    static func disposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { s -> Character in
                s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != ";" ? Character(s) : "_"
            })
        let encoded =
            name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? ""
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// An API refusal for a file that breaks a rule: 413 for size, 422 naming the field otherwise.
    static func apiError(_ problem: AttachmentProblem) -> any Error {
        if problem == .tooLarge { return Abort(.payloadTooLarge, reason: problem.englishMessage) }
        let field: String
        switch problem {
        case .unknownKind: field = "kind"
        case .captionTooLong: field = "caption"
        case .unknownTarget: field = "attach_to"
        default: field = "file"
        }
        return APIValidation(fields: [.init(field: field, code: problem.rawValue, detail: problem.englishMessage)])
    }
}
