import SanadCore
import SanadStore
import Vapor

/// Reads a browser's multipart upload as it arrives: the small fields are kept, the file's bytes go straight to
/// the `AttachmentUpload`, which seals them to a scratch file — the file is never whole in memory (issue 15).
final class UploadParser: @unchecked Sendable {
    private let parser: MultipartParser
    private let upload: AttachmentUpload
    private(set) var fields: [String: String] = [:]
    private(set) var fileName: String?
    private(set) var sawFile = false
    /// The file's part ended with its boundary: a body cut off halfway never sets this.
    private(set) var fileComplete = false
    private(set) var problem: (any Error)?
    private var headers = HTTPHeaders()
    private var value: [UInt8] = []
    private var inFile = false

    init(boundary: String, upload: AttachmentUpload) {
        parser = MultipartParser(boundary: boundary)
        self.upload = upload
        parser.onHeader = { [unowned self] name, value in headers.add(name: name, value: value) }
        parser.onBody = { [unowned self] buffer in
            guard problem == nil else { return }
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            if !inFile, partName == "file" {
                inFile = true
                sawFile = true
                fileName = headers.contentDisposition?.filename
            }
            if inFile {
                do { try self.upload.write(bytes) } catch { problem = error }
            } else if value.count + bytes.count <= 4096 {
                value += bytes
            }
        }
        parser.onPartComplete = { [unowned self] in
            if inFile { fileComplete = true }
            if !inFile, let name = partName { fields[name] = String(decoding: value, as: UTF8.self) }
            inFile = false
            headers = HTTPHeaders()
            value = []
        }
    }

    private var partName: String? { headers.contentDisposition?.name }

    func feed(_ buffer: ByteBuffer) {
        guard problem == nil else { return }
        do { try parser.execute(buffer) } catch { problem = AttachmentProblem.incomplete }
    }
}
