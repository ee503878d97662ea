import Foundation

/// What a document attached to a record is (issue 15).
public enum AttachmentKind: String, Sendable, Codable, CaseIterable, Hashable {
    case identityDocument = "identity-document"
    case consentForm = "consent-form"
    case medical
    case legal
    case travel
    case photo
    case other
}

/// The record a document is attached to.
public enum AttachmentOwner: String, Sendable, Codable, CaseIterable, Hashable {
    case person, kase = "case", screening, referral, avrr, service
}

/// The file types Sanad accepts, recognised from the first bytes of the content, never from the name or the
/// browser's claim: a "photo.jpg" that is an HTML page is refused.
public enum AttachmentType: String, Sendable, Codable, CaseIterable, Hashable {
    case pdf = "application/pdf"
    case jpeg = "image/jpeg"
    case png = "image/png"
    case text = "text/plain"

    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .jpeg: return "jpg"
        case .png: return "png"
        case .text: return "txt"
        }
    }

    /// Photos carry metadata (GPS, camera, time) that is stripped before the file is stored.
    public var isImage: Bool { self == .jpeg || self == .png }

    /// The type of a file from its first bytes (at least 8 are needed), or nil when it is none Sanad accepts.
    /// Plain text must be valid UTF-8 without control characters other than tab and line ends in what is seen.
    public static func sniff(_ head: [UInt8]) -> AttachmentType? {
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        guard !head.isEmpty else { return nil }
        // A UTF-8 sequence cut at the end of `head` is not a reason to refuse: drop up to three trailing bytes of a
        // multi-byte sequence, nothing else.
        var bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        var text = String(validating: bytes, as: UTF8.self)
        var dropped = 0
        while text == nil, let last = bytes.last, last >= 0x80, dropped < 3 {
            dropped += 1
            bytes.removeLast()
            text = String(validating: bytes, as: UTF8.self)
        }
        guard let text else { return nil }
        // Markup is not plain text: an HTML or SVG page is refused, whatever it is called.
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<") { return nil }
        let controls = text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F
        }
        return controls ? nil : .text
    }
}

/// Why an upload is refused; each has a message in both languages in the web catalogue (`attachment.error.*`).
public enum AttachmentProblem: String, Error, Sendable, CaseIterable {
    case empty
    case tooLarge = "too-large"
    case unsupportedType = "unsupported-type"
    case badName = "bad-name"
    case damaged
    case unknownKind = "unknown-kind"
    case captionTooLong = "caption-too-long"
    case incomplete
    case unknownTarget = "unknown-target"

    public var englishMessage: String {
        switch self {
        case .empty: return "The file is empty."
        case .tooLarge: return "The file is larger than the limit."
        case .unsupportedType: return "Only PDF, JPEG, PNG and plain text files can be attached."
        case .badName: return "The file name is not usable."
        case .damaged: return "The file is damaged: its content does not match its type."
        case .unknownKind: return "Choose what kind of document this is."
        case .captionTooLong: return "The caption is longer than 500 characters."
        case .incomplete: return "The upload did not arrive whole; send it again."
        case .unknownTarget: return "What the document is about is not a service, return or screening of this record."
        }
    }
}

public enum AttachmentName {
    /// The type a file's name claims by its extension, when it claims one Sanad knows.
    public static func claimedType(_ name: String) -> AttachmentType? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "pdf": return .pdf
        case "jpg", "jpeg", "jfif": return .jpeg
        case "png": return .png
        case "txt", "text": return .text
        default: return nil
        }
    }

    /// A file name as it will be shown and offered on download: the last path component only, no control or
    /// format characters, at most 120 characters; nil when nothing usable is left.
    public static func clean(_ raw: String) -> String? {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { s in
            !(s.properties.generalCategory == .control || s.properties.generalCategory == .format
                || s.properties.generalCategory == .lineSeparator
                || s.properties.generalCategory == .paragraphSeparator)
        }
        var name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 120 { name = String(name.prefix(120)) }
        return name.isEmpty ? nil : name
    }
}
