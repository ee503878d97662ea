import Foundation
import SanadCore
import SanadStore
import Vapor

/// Files uploaded to the import wizard, kept in memory between its steps (columns, preview, import) and never
/// written to disk in clear: an hour at most, a bounded total, each visible only to whoever uploaded it.
actor PendingImports {
    struct Entry: Sendable {
        let owner: String
        let name: String
        let data: Data
        let sheet: String?
        let centre: String
        let at: Date
    }

    static let lifetime: TimeInterval = 60 * 60
    static let capacity = 256 * 1024 * 1024
    /// The largest register the wizard and the API take (a 200,000-row CSV is about 30 MB).
    static let fileLimit = 48 * 1024 * 1024

    private var entries: [UUID: Entry] = [:]

    /// Nil when the store is full even after dropping what has expired.
    func put(_ entry: Entry) -> UUID? {
        let now = Date()
        entries = entries.filter { now.timeIntervalSince($0.value.at) < Self.lifetime }
        let used = entries.values.reduce(0) { $0 + $1.data.count }
        guard used + entry.data.count <= Self.capacity else { return nil }
        // A person uploading again replaces what they left waiting.
        entries = entries.filter { $0.value.owner != entry.owner }
        let id = UUID()
        entries[id] = entry
        return id
    }

    func get(_ id: UUID, owner: String) -> Entry? {
        guard let entry = entries[id], entry.owner == owner, Date().timeIntervalSince(entry.at) < Self.lifetime
        else { return nil }
        return entry
    }

    func remove(_ id: UUID) { entries[id] = nil }
}

struct PendingImportsKey: StorageKey {
    typealias Value = PendingImports
}

extension Application {
    var pendingImports: PendingImports {
        if let store = storage[PendingImportsKey.self] { return store }
        let store = PendingImports()
        storage[PendingImportsKey.self] = store
        return store
    }
}

/// The multipart form of the wizard's first step and of the API's importPeople.
struct ImportUploadForm: Content {
    var file: File?
    var centre: String?
    var mapping: String?
    var sheet: String?
    var dryRun: String?
    var importGoodRows: String?
    var csrf: String?

    enum CodingKeys: String, CodingKey {
        case file, centre, mapping, sheet
        case dryRun = "dry_run"
        case importGoodRows = "import_good_rows"
        case csrf = "_csrf"
    }

    static func flag(_ text: String?) -> Bool { ["1", "true", "yes", "on"].contains(text?.lowercased() ?? "") }
}

extension ImportMapping {
    /// The wizard's column choices (`column-N` = a field, `notes` or `ignore`) over the file's header.
    static func fromForm(_ value: (String) -> String?, header: [String]) -> ImportMapping {
        var mapping = ImportMapping()
        for index in header.indices {
            switch value("column-\(index)") {
            case "ignore": mapping.ignored.insert(index)
            case let text?: if let field = ImportField(rawValue: text) { mapping.fields[index] = field }
            case nil: break
            }
        }
        return mapping
    }

    func formValue(_ index: Int) -> String {
        fields[index]?.rawValue ?? (ignored.contains(index) ? "ignore" : "notes")
    }
}
