import Crypto
import Foundation

/// What a backup says about itself, in the clear: enough to refuse a wrong file before anything is written, and
/// nothing personal (the database inside keeps its personal fields sealed, so a backup alone reveals no name).
public struct BackupHeader: Codable, Sendable, Equatable {
    public var format = 1
    public var created: String
    /// `sqlite` (the database file, from `VACUUM INTO`) or `postgresql` (`pg_dump --format=custom`).
    public var database: String
    /// The installation the data belongs to (a random id made at its first start).
    public var installation: String
    /// The key check value: a keyed digest that only the same master key reproduces.
    public var keyCheck: String
    public var bytes: Int
    public var sha256: String
    public var people: Int
    public var auditSeq: Int
    public var auditHash: String
}

/// Why a backup file cannot be used, said in words a person at a field office can act on.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    case notABackup
    case unsupportedFormat(Int)
    case truncated(expected: Int, found: Int)
    case edited
    case anotherKey
    case anotherInstallation(String)
    case anotherDatabase(String)
    case targetHoldsData(people: Int)
    case keyMissing
    case tool(String)
    case damagedSnapshot(String)

    public var description: String {
        switch self {
        case .notABackup: return "This file is not a Sanad backup."
        case .unsupportedFormat(let v): return "This backup has format \(v), which this version of Sanad cannot read."
        case .truncated(let expected, let found):
            return "This backup is truncated: it should hold \(expected) bytes of data but holds \(found)."
        case .edited: return "This backup was changed after it was made: its checksum does not match."
        case .anotherKey:
            return "This backup was made with another master key; set SANAD_MASTER_KEY or SANAD_KEY_FILE to that key."
        case .anotherInstallation(let id):
            return "This backup is of another installation (\(id)); the database here holds that one's data."
        case .anotherDatabase(let kind):
            return "This backup is of a \(kind) database; restore it into the same kind (DATABASE_URL)."
        case .targetHoldsData(let people):
            return "The database here holds \(people) people; add --force to replace it with the backup."
        case .keyMissing:
            return "No master key here: set SANAD_MASTER_KEY or SANAD_KEY_FILE to the key the backup was made with."
        case .tool(let why): return why
        case .damagedSnapshot(let why): return "The database inside the backup is damaged: \(why)"
        }
    }
}

/// The file: a magic line, the header as one JSON line, then the database bytes.
public enum BackupFile {
    static let magic = Data("SANAD-BACKUP\n".utf8)

    public static func sha256(_ data: Data) -> String {
        Digests.hex(SHA256.hash(data: data))
    }

    /// Covers the data and every other header field, so neither can be changed unnoticed.
    public static func checksum(_ header: BackupHeader, payload: Data) -> String {
        var unsealed = header
        unsealed.sha256 = ""
        var hashed = payload
        hashed.append((try? encoder.encode(unsealed)) ?? Data())
        return sha256(hashed)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Written beside the target and renamed into place, so a full disk or a crash never leaves half a backup
    /// under the name asked for.
    @discardableResult
    public static func write(_ header: BackupHeader, payload: Data, to url: URL) throws -> BackupHeader {
        var header = header
        header.bytes = payload.count
        header.sha256 = checksum(header, payload: payload)
        var data = magic
        data.append(try encoder.encode(header))
        data.append(Data("\n".utf8))
        data.append(payload)
        let partial = url.appendingPathExtension("partial")
        try data.write(to: partial)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: partial, to: url)
        return header
    }

    /// Reads and checks a backup: the magic, the format, the length (truncated) and the checksum (edited).
    public static func read(_ url: URL) throws(BackupError) -> (BackupHeader, Data) {
        guard let data = try? Data(contentsOf: url), data.starts(with: magic) else { throw .notABackup }
        let rest = data.dropFirst(magic.count)
        guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else { throw .notABackup }
        guard let header = try? JSONDecoder().decode(BackupHeader.self, from: Data(rest[rest.startIndex..<newline]))
        else { throw .notABackup }
        guard header.format == 1 else { throw .unsupportedFormat(header.format) }
        let payload = Data(rest[rest.index(after: newline)...])
        guard payload.count == header.bytes else { throw .truncated(expected: header.bytes, found: payload.count) }
        guard checksum(header, payload: payload) == header.sha256 else { throw .edited }
        return (header, payload)
    }
}
