import Foundation

public enum MatchDecision: String, Sendable {
    case match, possible
}

/// A comparison of two records: a log-likelihood score in bits, the decision it leads to, and why, in short English
/// phrases free of names and personal values (birth years excepted). Reasons are given for pairs with a decision
/// only; a pair without one has none, because most compared pairs get none and writing them costs more than scoring.
public struct MatchResult: Sendable, Equatable {
    public let score: Double
    public let decision: MatchDecision?
    public let reasons: [String]

    public init(score: Double, decision: MatchDecision?, reasons: [String]) {
        self.score = score
        self.decision = decision
        self.reasons = reasons
    }
}

/// Fellegi–Sunter style comparison: each field adds the log2 likelihood ratio of what it shows (agreement on a rare
/// name part adds more than on a common one; a different sex subtracts a lot), and the sum decides.
public struct MatchScorer: Sendable {
    /// Chosen on `IdentityEvaluation.generate` populations (see `IdentityEvaluationTests`), for populations of up to
    /// `referencePopulation` records; the default match threshold then rises with the population
    /// (`defaultMatchThreshold(population:)`).
    public static let defaultThresholds = (match: 17.0, possible: 10.0)
    public static let referencePopulation = 10_000

    /// The default match threshold for a population of `population` records: one bit more each time the population
    /// doubles beyond `referencePopulation`. Name weights measure how common a name is, which does not change with
    /// size, but the number of different people who carry it and were born about the same year does: in a register
    /// of a million, "Tesfay Gebremariam, about 30" is several people, and only stronger evidence (a birth date,
    /// a phone, a document) makes a pair a `match`. The `possible` threshold stays, so that recall does not drop.
    public static func defaultMatchThreshold(population: Int) -> Double {
        let excess = Double(population) / Double(referencePopulation)
        return defaultThresholds.match + (excess > 1 ? log2(excess) : 0)
    }

    public let frequencies: NameFrequencies
    public let matchThreshold: Double
    public let possibleThreshold: Double

    /// `thresholds` nil means the defaults, with the match threshold adjusted to the population the frequencies
    /// were counted in; explicit thresholds are used as given.
    public init(frequencies: NameFrequencies = .empty, thresholds: (match: Double, possible: Double)? = nil) {
        self.frequencies = frequencies
        if let thresholds {
            matchThreshold = thresholds.match
            possibleThreshold = thresholds.possible
        } else {
            matchThreshold = Self.defaultMatchThreshold(population: frequencies.population)
            possibleThreshold = Self.defaultThresholds.possible
        }
    }

    public func compare(_ a: IdentityRecord, _ b: IdentityRecord) -> MatchResult {
        compare(IdentityFeatures(a), IdentityFeatures(b))
    }

    func decision(for score: Double) -> MatchDecision? {
        score >= matchThreshold ? .match : score >= possibleThreshold ? .possible : nil
    }

    func compare(_ a: IdentityFeatures, _ b: IdentityFeatures) -> MatchResult {
        let evidence = self.evidence(a, b)
        let score = (evidence.score * 100).rounded() / 100
        var decision = decision(for: score)
        // Reasons are only written out for pairs that get a decision: most compared pairs get none.
        guard decision != nil else { return MatchResult(score: score, decision: nil, reasons: []) }
        var reasons = evidence.reasons
        if decision == .match, let doubt = evidence.doubt {
            decision = .possible
            if doubt == .unconfirmed { reasons.append(Evidence.unconfirmedReason) }
        }
        return MatchResult(score: score, decision: decision, reasons: reasons)
    }

    enum FieldAgreement {
        case same, similar, different
    }

    /// What a comparison found, field by field; the score is their sum.
    struct Evidence {
        var phone: FieldAgreement?
        var document: FieldAgreement?
        var names: Alignment?
        var crossScript = false
        var birth: BirthEvidence?
        var sameSex: Bool?
        var sameNationality: Bool?
        var score = 0.0

        /// Why a pair that scores as a match is still only `possible`. Name weights assume that names are
        /// independent, but in families and clans they are not: siblings share the father's and grandfather's names,
        /// a father's given name is his son's second name, and a popular full name with a similar age is several
        /// people in one register. So names (and an approximate age) alone never make a sure match: a same phone,
        /// document number or full birth date must confirm them; given names that differ (siblings) or parts in
        /// another order (father and son as often as a surname written first) or a different sex leave it to a person
        /// unless the document numbers agree. Measured on registers with families in `scripts/import-quality.py`, see
        /// `docs/importing.md`.
        enum Doubt {
            case unconfirmed, givenNamesDiffer, partsReordered, differentSex
        }

        static let unconfirmedReason = "no phone, document or birth date confirms it"

        var doubt: Doubt? {
            if document == .same { return nil }
            if names?.givenNamesDiffer == true { return .givenNamesDiffer }
            if names?.swapped == true || names?.shifted == true { return .partsReordered }
            // A brother and a sister with one phone and like names (Reem and Ramy) differ here first.
            if sameSex == false { return .differentSex }
            let confirmed = phone == .same || document == .similar || birth?.confirms == true
            return confirmed ? nil : .unconfirmed
        }

        var reasons: [String] {
            var reasons: [String] = []
            if phone == .same { reasons.append("same phone") }
            switch document {
            case .same: reasons.append("same document number")
            case .similar: reasons.append("document numbers differ by one character")
            case .different: reasons.append("different document numbers")
            case nil: break
            }
            if let names { reasons += names.reasons(crossScript: crossScript) }
            if let reason = birth?.reason { reasons.append(reason) }
            if sameSex == false { reasons.append("different sex") }
            if sameNationality == false { reasons.append("different nationality") }
            return reasons
        }
    }

    func evidence(_ a: IdentityFeatures, _ b: IdentityFeatures) -> Evidence {
        var evidence = Evidence()
        if let phone = a.phone, let other = b.phone {
            let same = phone == other
            evidence.phone = same ? .same : .different
            evidence.score += same ? Weights.samePhone : Weights.differentPhone
        }
        if let document = a.document, let other = b.document {
            if document == other {
                evidence.document = .same
                evidence.score += Weights.sameDocument
            } else if document.utf8.count >= 6, Self.withinOneEdit(document, other) {
                evidence.document = .similar
                evidence.score += Weights.similarDocument
            } else {
                evidence.document = .different
                evidence.score += Weights.differentDocument
            }
        }
        if let (alignment, crossScript) = compareNames(a, b) {
            evidence.names = alignment
            evidence.crossScript = crossScript
            evidence.score += alignment.score
        }
        if let birth = Self.compareBirth(a, b) {
            evidence.birth = birth
            evidence.score += birth.score
        }
        if let sex = a.sex, let other = b.sex {
            evidence.sameSex = sex == other
            evidence.score += sex == other ? Weights.sameSex : Weights.differentSex
        }
        if let nationality = a.nationality, let other = b.nationality {
            evidence.sameNationality = nationality == other
            evidence.score += nationality == other ? Weights.sameNationality : Weights.differentNationality
        }
        return evidence
    }

    enum Weights {
        static let samePhone = 8.0
        static let differentPhone = -1.0
        static let sameDocument = 12.0
        static let similarDocument = 5.0
        static let differentDocument = -5.0
        static let sameSex = 0.5
        static let differentSex = -6.0
        static let sameNationality = 0.5
        static let differentNationality = -5.0
        /// Per pair of name parts that both records give but that do not agree.
        static let partDisagreement = -5.0
        /// When the given names (the first parts) disagree: siblings share father's and grandfather's names.
        static let givenNameDisagreement = -8.0
        /// Per part one record has and the other lacks: "Mohamed Ahmed" agrees with every "Mohamed Ahmed X", so
        /// two parts that agree say less when the other record has three.
        static let partMissing = -1.0
        static let noNameAgrees = -8.0
        static let partsSwapped = -4.0
        /// One record's given name is the other's second name: a father and his child ("Peter Makuei Majok" and
        /// "Malwal Peter Makuei Majok").
        static let nameShifted = -6.0
        /// Birth years 13 or more apart, however they were estimated: a parent and a child share names and phones.
        static let generationApart = -16.0
    }
}

// MARK: - Names

extension MatchScorer {
    /// The best agreement between any name form of `a` and any of `b`, and whether it was found across scripts.
    func compareNames(_ a: IdentityFeatures, _ b: IdentityFeatures) -> (Alignment, Bool)? {
        guard !a.parts.isEmpty, !b.parts.isEmpty else { return nil }
        return a.parts.withUnsafeBufferPointer { partsA in
            b.parts.withUnsafeBufferPointer { partsB in
                var best: (alignment: Alignment, crossScript: Bool)?
                var startA = 0
                while startA < partsA.count {
                    var endA = startA + 1
                    while endA < partsA.count, partsA[endA].form == partsA[startA].form { endA += 1 }
                    var startB = 0
                    while startB < partsB.count {
                        var endB = startB + 1
                        while endB < partsB.count, partsB[endB].form == partsB[startB].form { endB += 1 }
                        let alignment = align(
                            UnsafeBufferPointer(rebasing: partsA[startA..<endA]),
                            UnsafeBufferPointer(rebasing: partsB[startB..<endB]))
                        let crossScript = partsA[startA].script != partsB[startB].script
                        if best == nil || alignment.score > best!.alignment.score
                            || (alignment.score == best!.alignment.score && crossScript && !best!.crossScript)
                        {
                            best = (alignment, crossScript)
                        }
                        startB = endB
                    }
                    startA = endA
                }
                return best.map { ($0.alignment, $0.crossScript) }
            }
        }
    }

    struct Alignment {
        var score: Double
        var matched: Int
        var countA: Int
        var countB: Int
        /// Sum of the rarity-weighted agreements.
        var agreement: Double
        var allClose: Bool
        var swapped: Bool
        /// The first part of one record is unmatched while the other's first part matched a later part.
        var shifted: Bool
        var givenNamesDiffer: Bool
        var disagreements: Int

        func reasons(crossScript: Bool) -> [String] {
            guard matched > 0 else { return ["names differ"] }
            var reasons: [String] = []
            if givenNamesDiffer { reasons.append("given names differ") }
            if disagreements > (givenNamesDiffer ? 1 : 0) { reasons.append("some name parts differ") }
            if !givenNamesDiffer && disagreements == 0 {
                let agree = allClose ? "names agree" : "names agree except for spelling"
                reasons.append(crossScript ? agree + " across scripts" : agree)
            } else if crossScript {
                reasons.append("names compared across scripts")
            }
            if countA != countB && disagreements == 0 {
                let missingLast = max(countA, countB) == 3 && min(countA, countB) == 2
                reasons.append(
                    missingLast ? "grandfather's name missing in one record" : "a name part missing in one record")
            }
            if swapped { reasons.append("name parts in a different order") }
            if shifted { reasons.append("one record's given name is the other's second name") }
            if agreement < 9 {
                reasons.append("common names")
            } else if agreement >= 18 {
                reasons.append("rare names")
            }
            return reasons
        }
    }

    /// Pairs parts one to one, greedily by rarity-weighted similarity (names have two to four parts, where greedy
    /// pairing is as good as exhaustive), preferring parts in the same position on ties.
    func align(_ a: UnsafeBufferPointer<NamePart>, _ b: UnsafeBufferPointer<NamePart>) -> Alignment {
        let m = min(a.count, 8)
        let n = min(b.count, 8)
        let cells = m * n
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * cells + m + n) { buffer in
            // Weights of pairing i with j, their similarities, then each part's rarity, computed when first needed.
            for index in 0..<(2 * cells) { buffer[index] = 0 }
            for index in (2 * cells)..<(2 * cells + m + n) { buffer[index] = -1 }
            func rarity(_ slot: Int, _ part: NamePart) -> Double {
                if buffer[slot] < 0 { buffer[slot] = frequencies.agreementWeight(part.skeleton) }
                return buffer[slot]
            }
            for i in 0..<m {
                for j in 0..<n {
                    let similarity = Self.similarity(a[i], b[j])
                    guard similarity > 0 else { continue }
                    buffer[cells + i * n + j] = similarity
                    buffer[i * n + j] = similarity * min(rarity(2 * cells + i, a[i]), rarity(2 * cells + m + j, b[j]))
                }
            }
            var usedA: UInt16 = 0
            var usedB: UInt16 = 0
            // partner[i] (a byte each) is the part of b paired with part i of a.
            var partners: UInt64 = 0
            var matched = 0
            var agreement = 0.0
            var closeness = 1.0
            while true {
                var best = (i: -1, j: -1, weight: 0.0)
                for i in 0..<m where usedA & (1 << i) == 0 {
                    for j in 0..<n where usedB & (1 << j) == 0 {
                        let weight = buffer[i * n + j]
                        if weight > best.weight + 1e-9
                            || (weight > 0 && abs(weight - best.weight) <= 1e-9 && abs(i - j) < abs(best.i - best.j))
                        {
                            best = (i, j, weight)
                        }
                    }
                }
                guard best.i >= 0 else { break }
                usedA |= 1 << best.i
                usedB |= 1 << best.j
                partners |= UInt64(best.j) << (8 * UInt64(best.i))
                matched += 1
                agreement += best.weight
                closeness = min(closeness, buffer[cells + best.i * n + best.j])
            }
            var inversions = 0
            for x in 0..<m where usedA & (1 << x) != 0 {
                for y in (x + 1)..<max(m, x + 1) where usedA & (1 << y) != 0 {
                    if (partners >> (8 * UInt64(y))) & 0xFF < (partners >> (8 * UInt64(x))) & 0xFF { inversions += 1 }
                }
            }
            let givenNamesDiffer = usedA & 1 == 0 && usedB & 1 == 0
            let shifted = matched > 0 && (usedA & 1 == 0) != (usedB & 1 == 0)
            var disagreements = min(m - matched, n - matched)
            var score = agreement
            if matched == 0 {
                score = Weights.noNameAgrees
                disagreements = 0
            } else {
                if givenNamesDiffer {
                    disagreements = max(disagreements, 1)
                    score += Weights.givenNameDisagreement + Weights.partDisagreement * Double(disagreements - 1)
                } else {
                    score += Weights.partDisagreement * Double(disagreements)
                }
                if inversions > 0 { score += Weights.partsSwapped }
                if shifted { score += Weights.nameShifted }
                score += Weights.partMissing * Double(abs(m - n))
            }
            return Alignment(
                score: score, matched: matched, countA: m, countB: n, agreement: agreement,
                allClose: closeness >= 0.8, swapped: inversions > 0, shifted: shifted,
                givenNamesDiffer: givenNamesDiffer && matched > 0, disagreements: disagreements)
        }
    }

    /// 1 for the same spelling once folded, 0.9 for the same skeleton and nearly the same vowels, 0.8 for the same
    /// skeleton (Hassan / Hussein also share one: rarity weighs them as one name) or an alternative reading, less when
    /// even the first letter differs, 0.6 for one letter typed wrong, else 0.
    static func similarity(_ a: NamePart, _ b: NamePart) -> Double {
        if a.folded == b.folded { return 1 }
        if a.skeleton == b.skeleton {
            if a.folded.withinOneEdit(of: b.folded) { return 0.9 }
            // Omar and Amira share a skeleton; Hassan and Hussein at least start alike.
            return a.folded[0] == b.folded[0] ? 0.8 : 0.65
        }
        if a.hasAlternates || b.hasAlternates, a.sharesReading(with: b) { return 0.8 }
        // A slip of the keyboard seldom hits the first letter; Ahmed and Mohamed are one letter apart otherwise.
        if a.skeleton.count >= 4, b.skeleton.count >= 4, a.skeleton[0] == b.skeleton[0],
            a.skeleton.withinOneEdit(of: b.skeleton)
        {
            return 0.6
        }
        if a.folded.count >= 4, b.folded.count >= 4, a.folded[0] == b.folded[0], a.folded.withinOneEdit(of: b.folded) {
            return 0.6
        }
        return 0
    }

    /// Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b` (or they are equal).
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                if abs(x.count - y.count) > 1 { return false }
                var start = 0
                while start < x.count, start < y.count, x[start] == y[start] { start += 1 }
                if start == x.count && start == y.count { return true }
                var endX = x.count
                var endY = y.count
                while endX > start, endY > start, x[endX - 1] == y[endY - 1] {
                    endX -= 1
                    endY -= 1
                }
                let restX = endX - start
                let restY = endY - start
                if restX <= 1 && restY <= 1 { return true }
                // Neighbours swapped: "ab" against "ba".
                return restX == 2 && restY == 2 && x[start] == y[start + 1] && x[start + 1] == y[start]
            }
        }
    }
}

// MARK: - Birth

extension MatchScorer {
    struct BirthEvidence {
        enum Kind {
            case sameDate, dayMonthSwapped, sameYear, oneFieldDiffers, sameYearOtherDay
            case years(sameDay: Bool, estimated: Int)
        }

        var score: Double
        var kind: Kind
        var years: (Int, Int)

        /// Whether the two records give the same full birth date, allowing for one slip (day and month swapped, one
        /// field or the year mistyped); a year, an age or a 1 January stand-in for one is not a date.
        var confirms: Bool {
            switch kind {
            case .sameDate, .dayMonthSwapped, .oneFieldDiffers, .years(sameDay: true, estimated: 0): return true
            default: return false
            }
        }

        var reason: String? {
            let (low, high) = years.0 <= years.1 ? years : (years.1, years.0)
            let span = "birth years \(low) and \(high)"
            switch kind {
            case .sameDate: return "same date of birth"
            case .dayMonthSwapped: return "day and month of birth swapped"
            case .sameYear: return "same birth year"
            case .oneFieldDiffers: return "birth dates differ in one field"
            case .sameYearOtherDay: return "same birth year, different day"
            case .years(let sameDay, let estimated):
                switch estimated {
                case 2: return low == high ? "same estimated birth year" : "estimated " + span
                case 1: return low == high ? "same birth year (one estimated)" : span + " (one estimated)"
                default: return sameDay ? span + ", same day" : span
                }
            }
        }
    }

    static let thisYear = CivilDate(Date()).year

    static func compareBirth(_ a: IdentityFeatures, _ b: IdentityFeatures) -> BirthEvidence? {
        guard let yearA = a.birthYear, let yearB = b.birthYear else { return nil }
        let gap = abs(yearA - yearB)
        let years = (yearA, yearB)
        func evidence(_ score: Double, _ kind: BirthEvidence.Kind) -> BirthEvidence {
            BirthEvidence(score: score, kind: kind, years: years)
        }
        let estimated = (a.birthYearEstimated ? 1 : 0) + (b.birthYearEstimated ? 1 : 0)
        if estimated > 0 {
            let kind = BirthEvidence.Kind.years(sameDay: false, estimated: estimated)
            // A child's age is known to within a year or two; siblings a few years apart share everything else.
            if max(yearA, yearB) >= Self.thisYear - 16 {
                switch gap {
                case 0...1: return evidence(2, kind)
                case 2: return evidence(0, kind)
                case 3...4: return evidence(-5, kind)
                default: return evidence(-12, kind)
                }
            }
            switch gap {
            case 0...1: return evidence(2, kind)
            case 2...3: return evidence(0.5, kind)
            case 4...5: return evidence(-1.5, kind)
            case 6...8: return evidence(-3, kind)
            case 9...12: return evidence(-6, kind)
            default: return evidence(Weights.generationApart, kind)
            }
        }
        if let dateA = a.birthDate, let dateB = b.birthDate {
            if dateA == dateB {
                return evidence(11, .sameDate)
            }
            if gap == 0 {
                if dateA.month == dateB.day && dateA.day == dateB.month { return evidence(6, .dayMonthSwapped) }
                if (dateA.month == 1 && dateA.day == 1) || (dateB.month == 1 && dateB.day == 1) {
                    return evidence(2, .sameYear)
                }
                if dateA.month == dateB.month || dateA.day == dateB.day { return evidence(2, .oneFieldDiffers) }
                return evidence(-4, .sameYearOtherDay)
            }
            if gap == 1 {
                let sameDay = dateA.month == dateB.month && dateA.day == dateB.day
                return evidence(sameDay ? 3 : -2, .years(sameDay: sameDay, estimated: 0))
            }
            // Two written dates a generation apart are two people, whatever their names and phone share.
            return evidence(gap == 2 ? -5 : gap < 13 ? -10 : -30, .years(sameDay: false, estimated: 0))
        }
        // One exact date and one year, or two years.
        switch gap {
        case 0: return evidence(2, .sameYear)
        case 1: return evidence(-1, .years(sameDay: false, estimated: 0))
        case 2: return evidence(-4, .years(sameDay: false, estimated: 0))
        case 3...12: return evidence(-10, .years(sameDay: false, estimated: 0))
        default: return evidence(Weights.generationApart, .years(sameDay: false, estimated: 0))
        }
    }
}
