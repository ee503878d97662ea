import SanadCore

extension Breakdown {
    /// The cells a reader sees: the sex-and-age columns of the dashboard, with every other cell (other or unknown
    /// sex, unknown age) merged into one `other`, so that the withheld cells are exactly those a table shows.
    static func shownColumns(_ banding: AgeBanding) -> [String] {
        [ReportSex.female, .male].flatMap { sex in
            banding.groups.filter { $0 != .unknown }.map { Breakdown.key(sex, $0) }
        }
    }

    /// Withholds small cells and what would reveal them; withheld values read as 0 and are named in `suppressed`.
    mutating func protectSmallCells(_ banding: AgeBanding, threshold: Int) {
        let shown = Self.shownColumns(banding)
        let other = total - shown.map { cells[$0] ?? 0 }.reduce(0, +)
        let keys = ["total"] + shown + [Self.otherKey]
        let values = [total] + shown.map { cells[$0] ?? 0 } + [other]
        let hidden = SmallCells.hidden(
            values, groups: [.init(total: 0, parts: Array(1..<values.count))], threshold: threshold)
        var protected = Breakdown()
        protected.total = hidden.contains(0) ? 0 : total
        for (i, key) in keys.enumerated().dropFirst() where !hidden.contains(i) && values[i] != 0 {
            protected.cells[key] = values[i]
        }
        protected.suppressed = hidden.sorted().map { keys[$0] }
        self = protected
    }

    public static let otherKey = "other"

    public func isSuppressed(_ key: String) -> Bool { suppressed.contains(key) }

    /// What a table row shows: the total, the sex-and-age columns and everything else; nil where withheld.
    public func shown(_ banding: AgeBanding) -> (total: Int?, columns: [Int?], other: Int?) {
        let keys = Self.shownColumns(banding)
        let columns = keys.map { suppressed.contains($0) ? nil : cells[$0] ?? 0 }
        let other: Int? =
            suppressed.contains(Self.otherKey)
            ? nil : suppressed.isEmpty ? total - keys.map { cells[$0] ?? 0 }.reduce(0, +) : cells[Self.otherKey] ?? 0
        return (suppressed.contains("total") ? nil : total, columns, other)
    }
}

extension ReportSummary {
    /// Every figure a data officer or administrator can reach passes here (`ReportService.summary`).
    mutating func protectSmallCells(threshold: Int = SmallCells.threshold) {
        let banding = query.banding
        let totals = (
            registrations: registrations.total, departures: departures.total,
            participants: participants.values.reduce(0, +)
        )
        assisted.protectSmallCells(banding, threshold: threshold)
        registrations.protectSmallCells(banding, threshold: threshold)
        presumedVictims.protectSmallCells(banding, threshold: threshold)
        confirmedVictims.protectSmallCells(banding, threshold: threshold)
        departures.protectSmallCells(banding, threshold: threshold)
        for key in screenings.keys { screenings[key]?.protectSmallCells(banding, threshold: threshold) }
        for key in services.keys {
            guard var figures = services[key] else { continue }
            figures.people.protectSmallCells(banding, threshold: threshold)
            // A handful of service records (or their quantity) points at a handful of people.
            if (1..<threshold).contains(figures.records) {
                figures.records = 0
                figures.quantity = 0
                figures.suppressed = true
            }
            services[key] = figures
        }
        referralsSuppressed = referrals.filter { (1..<threshold).contains($0.value) }.keys.sorted()
        for key in referralsSuppressed { referrals[key] = nil }
        let participantKeys = participants.keys.sorted()
        let participantValues = [participants.values.reduce(0, +)] + participantKeys.map { participants[$0] ?? 0 }
        let hiddenParticipants = SmallCells.hidden(
            participantValues, groups: [.init(total: 0, parts: Array(1..<participantValues.count))],
            threshold: threshold)
        participantsSuppressed = hiddenParticipants.contains(0)
        participantsSum = participantValues[0]
        participants = Dictionary(
            uniqueKeysWithValues: participantKeys.enumerated().filter { !hiddenParticipants.contains($0.offset + 1) }
                .map { ($0.element, participantValues[$0.offset + 1]) })
        protectMonths(totals: totals, threshold: threshold)
    }

    /// Months add up to the period's registrations, departures and participants, so those columns are protected
    /// against the period total; people assisted and presumed victims count each person once per month, so no
    /// month can be recovered from the total and primary suppression is enough.
    private mutating func protectMonths(
        totals: (registrations: Int, departures: Int, participants: Int), threshold: Int
    ) {
        let columns: [(String, WritableKeyPath<MonthFigures, Int>, Int?)] = [
            ("assisted", \.assisted, nil), ("registrations", \.registrations, totals.registrations),
            ("presumedVictims", \.presumedVictims, nil), ("departures", \.departures, totals.departures),
            ("participants", \.participants, totals.participants),
        ]
        for (name, path, total) in columns {
            let monthly = months.map { $0[keyPath: path] }
            let values = [total ?? 0] + monthly
            let groups: [SmallCells.Group] = total == nil ? [] : [.init(total: 0, parts: Array(1..<values.count))]
            let hidden = SmallCells.hidden(values, groups: groups, threshold: threshold)
            for i in months.indices where hidden.contains(i + 1) {
                months[i][keyPath: path] = 0
                months[i].suppressed.append(name)
            }
        }
    }
}
