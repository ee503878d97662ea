/// Human-facing numbers, unique per centre: `KRT-2026-000123`. Ids stay UUIDs; this is what staff read aloud.
public enum RegistrationNumber {
    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    /// The sequence number of a formatted registration number, when it is one.
    public static func parse(_ text: String) -> (prefix: String, year: Int, sequence: Int)? {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 3, parts[0].count == 3, parts[0].allSatisfy(\.isLetter), parts[1].count == 4,
            let year = Int(parts[1]), parts[2].count >= 6, let seq = Int(parts[2])
        else { return nil }
        return (String(parts[0]), year, seq)
    }
}
