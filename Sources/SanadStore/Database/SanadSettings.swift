import Foundation

/// Settings read from the environment; see the README's configuration table.
public struct SanadSettings: Sendable {
    public var dataDirectory: URL
    public var databaseURL: String?
    public var masterKey: String?
    public var keyFile: URL
    /// The address people reach Sanad at, when a TLS proxy stands in front of it (`https://sanad.example.org`).
    /// With an https address, cookies are `Secure`, HSTS is sent, and printed links use it.
    public var publicURL: URL?
    /// The smallest k a CTDC download may ask for (`SANAD_CTDC_MIN_K`, default 11); an administrator of the
    /// installation may change it, never below `DisclosureFloor.absoluteMinimum`.
    public var ctdcMinimumK = DisclosureFloor.defaultK
    public var ctdcMinimumKProblem: String?
    /// A bearer token that opens `GET /metrics` from anywhere (`SANAD_METRICS_TOKEN`); without it, only the
    /// machine itself may read the metrics, and not at all behind a proxy.
    public var metricsToken: String?
    /// Attachments' encrypted files, inside the data folder so that a backup of the folder has them.
    public var attachmentsDirectory: URL { dataDirectory.appendingPathComponent("attachments") }
    /// `json` writes logs as one JSON object per line (`SANAD_LOG_FORMAT`).
    public var logFormat: String?
    /// The largest attachment in MB (`SANAD_ATTACHMENT_LIMIT_MB`, 1 to 200, default 20).
    public var attachmentLimitMB = 20

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        dataDirectory =
            environment["SANAD_DATA_DIR"].map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? cwd.appendingPathComponent("sanad-data")
        databaseURL = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        masterKey = environment["SANAD_MASTER_KEY"]
        // The key lives outside the data folder by default, so that a copy or backup of that folder alone
        // reveals no personal data.
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? cwd
        keyFile =
            environment["SANAD_KEY_FILE"].map { URL(fileURLWithPath: $0, relativeTo: cwd) }
            ?? home.appendingPathComponent(".config/sanad/master.key")
        publicURL = environment["SANAD_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : URL(string: $0) }
        publicURLProblem = environment["SANAD_PUBLIC_URL"].flatMap { Self.problem(publicURL: $0) }
        metricsToken = environment["SANAD_METRICS_TOKEN"].flatMap { $0.count >= 16 ? $0 : nil }
        logFormat = environment["SANAD_LOG_FORMAT"]
        if let mb = environment["SANAD_ATTACHMENT_LIMIT_MB"].flatMap(Int.init), (1...200).contains(mb) {
            attachmentLimitMB = mb
        }
        if let text = environment["SANAD_CTDC_MIN_K"], !text.isEmpty {
            if let k = Int(text), k >= DisclosureFloor.absoluteMinimum, k <= 1000 {
                ctdcMinimumK = k
            } else {
                ctdcMinimumKProblem =
                    "SANAD_CTDC_MIN_K must be a whole number from \(DisclosureFloor.absoluteMinimum) to 1000"
            }
        }
    }

    /// Why `SANAD_PUBLIC_URL` cannot be used, if it cannot: start-up stops with this rather than serve
    /// cookies that a proxy's https address would need to be `Secure`.
    public let publicURLProblem: String?

    static func problem(publicURL text: String) -> String? {
        guard !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil,
            url.path.isEmpty || url.path == "/"
        else {
            return
                "SANAD_PUBLIC_URL must be an http or https address with a host and no path, e.g. https://sanad.example.org"
        }
        return nil
    }

    /// Whether people reach Sanad over https, so cookies must be `Secure` and HSTS sent.
    public var servedOverHTTPS: Bool { publicURL?.scheme?.lowercased() == "https" }

    /// `publicURL` without a trailing slash, or nil.
    public var publicOrigin: String? {
        guard let url = publicURL, let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme.lowercased())://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    public var usesPostgres: Bool { databaseURL != nil }
}

/// How far a data download may go: groups in a CTDC file hold at least this many people (issue 19, finding 3).
public enum DisclosureFloor {
    public static let defaultK = 11
    public static let absoluteMinimum = 5
}
