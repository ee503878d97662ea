import Foundation

/// Why a person came up for a search, in words the page translates (issue 17).
public enum PersonMatchReason: String, Sendable, Codable, CaseIterable {
    /// Exact look-ups, made by the store: a registration number, a phone or document number's blind index.
    case registrationNumber = "registration-number"
    case phone
    case document
    /// Every part of the query, spelled the same.
    case sameName = "same-name"
    /// The same name written another way (Mohamed / Muhammad, Abdel Rahman / Abdelrahman).
    case otherSpelling = "other-spelling"
    /// Found through the person's name in Ge'ez, Arabic or Latin letters when the query was in another script.
    case geezForm = "geez-form"
    case arabicForm = "arabic-form"
    case latinForm = "latin-form"
    /// A letter typed differently, or a name only begun.
    case closeSpelling = "close-spelling"
    case startOfName = "start-of-name"
    /// All but one part of a longer query (a grandfather's name missing on one side).
    case someParts = "some-parts"
}

/// How a person's names met a query: closer tiers first, then the score.
public struct NameMatch: Sendable, Equatable {
    /// 2 the same name in any spelling or script, 3 a typo or a begun name, 4 all but one part.
    public let tier: Int
    public let score: Double
    public let matchedParts: Int
    public let queryParts: Int
    public let reasons: [PersonMatchReason]
}

/// A person's name forms prepared once for search: the identity engine's name parts (`NameKeys`), so a search meets
/// the same spellings the duplicate check does.
public struct SearchableName: Sendable {
    struct Form: Sendable {
        let parts: [NamePart]
        /// The words as written (in Latin letters, compounds joined), to tell the same spelling from another one.
        let words: Set<String>
        let script: Script
    }

    let forms: [Form]

    public init(names: [String]) {
        var forms: [Form] = []
        for name in names where !name.isEmpty && forms.count < IdentityFeatures.maximumForms {
            let parts = Array(NameKeys.nameParts(name).prefix(IdentityFeatures.maximumParts))
            guard !parts.isEmpty else { continue }
            let words = Set(NameKeys.words(name))
            if forms.contains(where: { $0.words == words }) { continue }
            forms.append(Form(parts: parts, words: words, script: NameQuery.script(of: name)))
        }
        self.forms = forms
    }
}

/// A name typed into the search box, in any script.
public struct NameQuery: Sendable {
    let parts: [NamePart]
    let words: [String]
    let script: Script

    /// nil when the text holds no name part (digits, punctuation).
    public init?(_ text: String) {
        let parts = Array(NameKeys.nameParts(text).prefix(IdentityFeatures.maximumParts))
        guard !parts.isEmpty else { return nil }
        self.parts = parts
        words = NameKeys.words(text)
        script = Self.script(of: text)
    }

    static func script(of text: String) -> Script {
        let written = Transliteration.script(of: text)
        return written == .arabic || written == .ethiopic ? written : .latin
    }

    public var partCount: Int { parts.count }

    /// The best meeting of the query with any one of the person's name forms, or nil.
    public func match(_ name: SearchableName) -> NameMatch? {
        var best: NameMatch?
        for form in name.forms {
            if let found = match(form), best == nil || Self.ranks(found, above: best!) { best = found }
        }
        return best
    }

    static func ranks(_ a: NameMatch, above b: NameMatch) -> Bool {
        a.tier != b.tier ? a.tier < b.tier : a.score > b.score
    }

    /// How close two parts are for a search: 1 the same once folded, 0.9 another spelling (the same consonants and
    /// nearly the same vowels, or another reading of an ambiguous letter), 0.6 one letter typed wrong, 0.5 a name begun (the last word only), else 0. Stricter than the
    /// duplicate check's comparison, where a birth date or a phone can carry a weak name: Mahmoud is not Mohamed.
    static func similarity(_ q: NamePart, _ p: NamePart, last: Bool) -> Double {
        // Cheapest tests first: this runs for every part of every person at every search.
        if q.folded == p.folded { return 1 }
        if q.skeleton == p.skeleton {
            if q.folded.withinOneEdit(of: p.folded)
                || vowelsAtTheEdges(q.folded).withinOneEdit(of: vowelsAtTheEdges(p.folded))
            {
                return 0.9
            }
        } else {
            if (q.hasAlternates || p.hasAlternates) && q.sharesReading(with: p) && distance(q.folded, p.folded) <= 2 {
                return 0.9
            }
            if q.skeleton.count >= 4, p.skeleton.count >= 4, q.skeleton.withinOneEdit(of: p.skeleton) { return 0.6 }
        }
        if q.folded.count >= 4, p.folded.count >= 4, q.folded.withinOneEdit(of: p.folded) { return 0.6 }
        if last, q.folded.count >= 2, begins(p.folded, with: q.folded) { return 0.5 }
        return 0
    }

    /// Query parts paired one to one with the form's parts, each with its best unused partner.
    func match(_ form: SearchableName.Form) -> NameMatch? {
        var used = Set<Int>()
        var similarities: [Double] = []
        var inPlace = 0
        for (q, queryPart) in parts.enumerated() {
            var best = (index: -1, similarity: 0.0)
            for index in form.parts.indices where !used.contains(index) {
                let similarity = Self.similarity(queryPart, form.parts[index], last: q == parts.count - 1)
                if similarity > best.similarity { best = (index, similarity) }
            }
            guard best.index >= 0 else { continue }
            used.insert(best.index)
            similarities.append(best.similarity)
            if best.index == q { inPlace += 1 }
        }
        let matched = similarities.count
        let n = parts.count
        guard matched == n || (n >= 3 && matched >= n - 1) else { return nil }
        let lowest = similarities.min() ?? 0
        let spelledAlike = script == form.script && words.allSatisfy(form.words.contains)
        // The same name in any spelling or script is a full-name match; how it was spelled only orders them.
        let tier = matched < n ? 4 : lowest >= 0.9 ? 2 : 3
        var reasons: [PersonMatchReason] = []
        switch tier {
        case 2: reasons.append(lowest == 1 && spelledAlike ? .sameName : .otherSpelling)
        case 3: reasons.append(lowest == 0.5 ? .startOfName : .closeSpelling)
        default: reasons.append(.someParts)
        }
        if form.script != script {
            reasons.append(form.script == .ethiopic ? .geezForm : form.script == .arabic ? .arabicForm : .latinForm)
        }
        // Among equals: parts where the query put them first (people type the given name, then the father's: that
        // says more than a spelling that differs by a vowel), then a query covering more of the name.
        let score =
            similarities.reduce(0, +) + 0.15 * Double(inPlace) + 0.1 * Double(matched) / Double(form.parts.count)
        return NameMatch(tier: tier, score: score, matchedParts: matched, queryParts: n, reasons: reasons)
    }

    /// A folded spelling with the vowels where transliterations disagree most made alike: an opening vowel (Idris /
    /// Edris, Osman / Usman, Ismail / Esmail) becomes "a", and closing vowels go (Habte / Habtay, Tsegay / Tsegaye).
    static func vowelsAtTheEdges(_ code: NameCode) -> NameCode {
        // a e i o u y as NameCode symbols (a = 1 … z = 26).
        func vowel(_ symbol: UInt64) -> Bool { [1, 5, 9, 15, 21, 25].contains(symbol) }
        var end = code.count
        while end > 2, vowel(code[end - 1]) { end -= 1 }
        var letters: [Character] = []
        letters.reserveCapacity(end)
        for index in 0..<end {
            let symbol = index == 0 && vowel(code[0]) ? 1 : code[index]
            switch symbol {
            case 1...26: letters.append(Character(Unicode.Scalar(UInt8(96 + symbol))))
            case 27: letters.append("C")
            case 28: letters.append("S")
            default: letters.append("?")
            }
        }
        return NameCode(letters)
    }

    /// Edits between two folded spellings, counted up to 3 (more is "far").
    static func distance(_ a: NameCode, _ b: NameCode) -> Int {
        let x = a.count
        let y = b.count
        if abs(x - y) > 2 { return 3 }
        var previous = Array(0...y)
        var current = Array(repeating: 0, count: y + 1)
        for i in 1...max(x, 1) where x > 0 {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(y, 1) where y > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > 2 { return 3 }
            swap(&previous, &current)
        }
        return min(previous[y], 3)
    }

    static func begins(_ code: NameCode, with prefix: NameCode) -> Bool {
        guard prefix.count <= code.count else { return false }
        for index in 0..<prefix.count where code[index] != prefix[index] { return false }
        return true
    }
}
