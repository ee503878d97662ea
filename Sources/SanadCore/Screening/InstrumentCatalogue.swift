import Foundation

public enum CatalogueError: Error, Equatable, CustomStringConvertible {
    case unknownInstrument(String)
    case unknownIndicator(String)

    public var description: String {
        switch self {
        case .unknownInstrument(let id): return "unknown instrument \"\(id)\""
        case .unknownIndicator(let id): return "unknown indicator \"\(id)\""
        }
    }
}

/// The instruments shipped as resources (`<id>.v<version>.json`). Every version stays loadable, so a past
/// screening is always re-read with the instrument it was made with.
public struct InstrumentCatalogue: Sendable {
    public let instruments: [Instrument]

    /// The bundled instruments plus any `ilo-*.json` in `SANAD_INSTRUMENTS_DIR`, so a corrected or new set (such as
    /// the sexual-exploitation sets) can be added as data without a new build.
    public static let shipped = InstrumentCatalogue(
        instruments: loadBundled() + loadDirectory(ProcessInfo.processInfo.environment["SANAD_INSTRUMENTS_DIR"]))

    public init(instruments: [Instrument]) {
        self.instruments = instruments.sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// The newest version of `id`, or the given version.
    public func instrument(_ id: String, version: String? = nil) throws -> Instrument {
        let matching = instruments.filter { $0.id == id && (version == nil || $0.version == version) }
        guard let found = matching.max(by: { (Int($0.version) ?? 0) < (Int($1.version) ?? 0) }) else {
            throw CatalogueError.unknownInstrument(version.map { "\(id) v\($0)" } ?? id)
        }
        return found
    }

    /// The newest version of each instrument.
    public var current: [Instrument] {
        Dictionary(grouping: instruments, by: \.id).values.compactMap { versions in
            versions.max { (Int($0.version) ?? 0) < (Int($1.version) ?? 0) }
        }.sorted { $0.id < $1.id }
    }

    static func loadBundled() -> [Instrument] {
        load(Bundle.module.paths(forResourcesOfType: "json", inDirectory: nil).map(URL.init(fileURLWithPath:)))
    }

    static func loadDirectory(_ path: String?) -> [Instrument] {
        guard let path, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return load(
            names.filter { $0.hasSuffix(".json") }.map { URL(fileURLWithPath: path).appendingPathComponent($0) })
    }

    static func load(_ urls: [URL]) -> [Instrument] {
        urls.filter { $0.lastPathComponent.hasPrefix("ilo-") }.sorted { $0.path < $1.path }.map { url in
            do {
                return try JSONDecoder().decode(Instrument.self, from: Data(contentsOf: url))
            } catch {
                preconditionFailure("Instrument \(url.lastPathComponent) is not valid: \(error)")
            }
        }
    }
}
