import Foundation

/// Misspelt nationalities ("Eritrian", "Ethopia", "Sudaness") and languages ("Tigrinia") read as the nearest name
/// Sanad knows, when that is near enough and nothing else is as near. Registers repeat a few spellings thousands of
/// times, so each is worked out once.
final class NearestSpelling: @unchecked Sendable {
    static let nationalities = NearestSpelling(ImportValues.nationalityIndex)
    static let languages = NearestSpelling(ImportValues.languageIndex)

    private let lock = NSLock()
    private var known: [String: String?] = [:]
    private let keys: [(key: [Character], code: String)]

    /// `index` from search keys to what they mean (an ISO code).
    init(_ index: [String: String]) {
        keys = index.filter { $0.key.count >= 4 }.map { (Array($0.key), $0.value) }
    }

    func nearest(_ key: String) -> String? {
        if let found = lock.withLock({ known[key] }) { return found }
        let word = Array(key)
        // One slip in a short word, two in a longer one; never for a word too short to tell apart.
        let allowed = word.count < 5 ? 0 : (word.count < 8 ? 1 : 2)
        var best = allowed + 1
        var found: Set<String> = []
        for (candidate, code) in keys where abs(candidate.count - word.count) <= allowed {
            let distance = Self.distance(word, candidate, limit: best)
            if distance < best {
                best = distance
                found = [code]
            } else if distance == best {
                found.insert(code)
            }
        }
        let answer = best <= allowed && found.count == 1 ? found.first : nil
        lock.withLock { known[key] = answer }
        return answer
    }

    /// Edit distance with adjacent transpositions ("Ethiopain"), stopping early past `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
