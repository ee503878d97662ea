import Foundation

/// What `sanad check` found (issue 16): one section per thing that can rot, and every finding by name.
public struct IntegrityReport: Codable, Sendable, Equatable {
    public struct Finding: Codable, Sendable, Equatable {
        /// `storage`, `sealed-value`, `blind-index`, `audit` or `reference`.
        public let kind: String
        public let table: String?
        public let record: String?
        /// A person's registration number, which stays readable when their sealed fields do not.
        public let registrationNumber: String?
        public let detail: String
    }

    public var checkedAt: Date
    public var database: String
    /// `ok`, or what the database's own check said.
    public var storage = "ok"
    public var sealedValues = 0
    public var unreadable = 0
    /// Unreadable values an administrator retired: known, and not a finding.
    public var retired = 0
    /// People whose phone and document look-ups were compared with their sealed record.
    public var peopleIndexed = 0
    public var mismatchedIndexes = 0
    public var auditEntries = 0
    /// `intact`, or where and why the chain breaks.
    public var audit = "intact"
    public var referencesChecked = 0
    public var orphans = 0
    /// Attachments do not exist yet; their blobs join this report when they do.
    public var findings: [Finding] = []

    public var clean: Bool { findings.isEmpty }

    public var summary: String {
        clean
            ? "clean: \(sealedValues) sealed values open, \(peopleIndexed) people's look-ups match, "
                + "\(auditEntries) audit entries intact, \(referencesChecked) references hold"
            : "\(findings.count) problem(s): \(unreadable) unreadable sealed value(s), "
                + "\(mismatchedIndexes) mismatched look-up index(es), audit \(audit), \(orphans) broken reference(s)"
                + (storage == "ok" ? "" : ", storage: \(storage)")
    }

    /// Lines for a terminal, findings by name.
    public var lines: [String] {
        var out = [
            "Database (\(database)): \(storage)",
            "Sealed values: \(sealedValues) checked, \(unreadable) unreadable, \(retired) retired",
            "Look-up indexes: \(peopleIndexed) people checked, \(mismatchedIndexes) mismatched",
            "Audit trail: \(auditEntries) entries, \(audit)",
            "References: \(referencesChecked) checked, \(orphans) broken",
        ]
        for f in findings {
            let place = [f.table, f.record].compactMap { $0 }.joined(separator: " ")
            let number = f.registrationNumber.map { " (\($0))" } ?? ""
            out.append("  \(f.kind): \(place)\(number): \(f.detail)")
        }
        out.append(clean ? "Clean." : "Not clean: \(summary)")
        return out
    }
}
