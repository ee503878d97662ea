import Foundation
import SanadCore

/// People counted at most once per figure, by their surviving record; a bit per person.
struct PersonSet {
    private var bits: [UInt64]
    private(set) var count = 0

    init(size: Int) { bits = [UInt64](repeating: 0, count: size / 64 + 1) }

    /// True when `person` was not in the set yet.
    mutating func insert(_ person: Int32) -> Bool {
        let word = Int(person) >> 6
        let bit = UInt64(1) << UInt64(Int(person) & 63)
        guard bits[word] & bit == 0 else { return false }
        bits[word] |= bit
        count += 1
        return true
    }
}

/// Counts by sex and age group, as numbers until the end (`Breakdown` keys are strings).
struct BreakdownCounter {
    let groups: [AgeGroup]
    private var cells: [Int]

    init(groups: [AgeGroup]) {
        self.groups = groups
        cells = [Int](repeating: 0, count: ReportSex.allCases.count * groups.count)
    }

    mutating func add(sex: Int, age: Int) { cells[sex * groups.count + age] += 1 }

    var breakdown: Breakdown {
        var b = Breakdown()
        for (s, sex) in ReportSex.allCases.enumerated() {
            for (a, age) in groups.enumerated() where cells[s * groups.count + a] > 0 {
                b.add(sex, age, cells[s * groups.count + a])
            }
        }
        return b
    }
}

extension FigureStore {
    /// The period's figures over `centres` (events aside: they name no person and stay in SQL).
    func counts(_ query: ReportQuery, centres: [String]) -> ReportSummary {
        var report = ReportSummary(query: query)
        report.months = query.months.map { MonthFigures(month: $0) }
        let from = DayNumber.of(query.from)
        let to = DayNumber.of(query.to)
        var inCentre = [Bool](repeating: false, count: codes.names.count)
        for c in centres { if let n = codes.existing(c) { inCentre[Int(n)] = true } }
        let nationality: Int32? = query.nationality.map { codes.existing($0) ?? -2 }
        let monthIndex: [Int32: Int] = Dictionary(
            uniqueKeysWithValues: report.months.enumerated().compactMap { i, m in
                DayNumber.month(m.month).map { ($0, i) }
            })

        let root = survivors()
        let groups = query.banding.groups
        let sexes = ReportSex.allCases
        // Each person's cell, from the surviving record: its sex, and its age at the end of the period.
        var sexOf = [Int](repeating: 0, count: people.rows.count)
        var ageOf = [Int](repeating: 0, count: people.rows.count)
        let ageYear = Int32(query.to.year)
        for (i, p) in people.rows.enumerated() {
            sexOf[i] = sexes.firstIndex(of: p.sex) ?? sexes.count - 1
            let group = query.banding.group(forAge: p.birthYear > 0 ? Int(ageYear - p.birthYear) : nil)
            ageOf[i] = groups.firstIndex(of: group) ?? groups.count - 1
        }
        func counted(_ person: Int32) -> Int32? {
            guard person >= 0 else { return nil }
            let r = root[Int(person)]
            guard people.rows[Int(r)].live else { return nil }
            if let nationality, people.rows[Int(r)].nationality != nationality { return nil }
            return r
        }
        func within(_ day: Int32) -> Bool { day >= from && day <= to }
        func centreIn(_ c: Int32) -> Bool { c >= 0 && Int(c) < inCentre.count && inCentre[Int(c)] }

        // People assisted: delivered services, each person once in the period, once a month and once per type.
        var assisted = PersonSet(size: people.rows.count)
        var assistedCells = BreakdownCounter(groups: groups)
        var monthly = report.months.map { _ in PersonSet(size: people.rows.count) }
        // By service type, indexed by the type's code number (updated in place: a copy per service would cost more
        // than the count).
        var typeRecords = [Int](repeating: 0, count: codes.names.count)
        var typeQuantity = [Double](repeating: 0, count: codes.names.count)
        var typePeople = codes.names.map { _ in PersonSet(size: 0) }
        var typeCells = codes.names.map { _ in BreakdownCounter(groups: groups) }
        for s in services.rows where s.live && s.delivered && within(s.day) && centreIn(s.centre) {
            guard let r = counted(s.person), s.type >= 0 else { continue }
            if assisted.insert(r) { assistedCells.add(sex: sexOf[Int(r)], age: ageOf[Int(r)]) }
            if let m = monthIndex[DayNumber.month(s.day)] { _ = monthly[m].insert(r) }
            let t = Int(s.type)
            if typeRecords[t] == 0 { typePeople[t] = PersonSet(size: people.rows.count) }
            typeRecords[t] += 1
            typeQuantity[t] += s.quantity
            if typePeople[t].insert(r) { typeCells[t].add(sex: sexOf[Int(r)], age: ageOf[Int(r)]) }
        }
        report.assisted = assistedCells.breakdown
        for (i, set) in monthly.enumerated() { report.months[i].assisted = set.count }
        for t in typeRecords.indices where typeRecords[t] > 0 {
            report.services[codes.names[t]] = ServiceFigures(
                records: typeRecords[t], quantity: typeQuantity[t], people: typeCells[t].breakdown)
        }
        report.shelterNights = report.services[ServiceType.safeAccommodation.rawValue]?.quantity ?? 0

        // New registrations: records not merged into another, by the centre that registered them.
        var registrations = BreakdownCounter(groups: groups)
        for (i, p) in people.rows.enumerated()
        where p.live && p.mergedInto == nil && within(p.created) && centreIn(p.centre) {
            if let nationality, p.nationality != nationality { continue }
            registrations.add(sex: sexOf[i], age: ageOf[i])
            if let m = monthIndex[DayNumber.month(p.created)] { report.months[m].registrations += 1 }
        }
        report.registrations = registrations.breakdown

        // Completed screenings by conclusion (each screening counts).
        var screened: [Int32: BreakdownCounter] = [:]
        for s in screenings.rows where s.live && s.completed > 0 && within(s.completed) && centreIn(s.centre) {
            guard let r = counted(s.person) else { continue }
            screened[s.conclusion, default: BreakdownCounter(groups: groups)].add(
                sex: sexOf[Int(r)], age: ageOf[Int(r)])
        }
        for (conclusion, cells) in screened { report.screenings[codes.names[Int(conclusion)]] = cells.breakdown }

        // Presumed and confirmed victims: people whose status became so in the period, each once.
        for (status, keyPath) in [
            (TraffickingStatus.possible, \ReportSummary.presumedVictims), (.actual, \ReportSummary.confirmedVictims),
        ] {
            guard let code = codes.existing(status.rawValue) else { continue }
            var seen = PersonSet(size: people.rows.count)
            var cells = BreakdownCounter(groups: groups)
            var months = report.months.map { _ in PersonSet(size: people.rows.count) }
            for c in statusChanges.rows where c.live && c.status == code && within(c.day) {
                guard let r = counted(c.person), centreIn(people.rows[Int(r)].centre) else { continue }
                if seen.insert(r) { cells.add(sex: sexOf[Int(r)], age: ageOf[Int(r)]) }
                if status == .possible, let m = monthIndex[DayNumber.month(c.day)] { _ = months[m].insert(r) }
            }
            report[keyPath: keyPath] = cells.breakdown
            if status == .possible {
                for (i, set) in months.enumerated() { report.months[i].presumedVictims = set.count }
            }
        }

        // Referrals sent in the period, by where they stand now.
        for r in referrals.rows where r.live && within(r.day) && centreIn(r.centre) {
            guard counted(r.person) != nil else { continue }
            report.referrals[codes.names[Int(r.status)], default: 0] += 1
        }

        // Returns: departures in the period, each person once; the months count departures.
        if let departed = codes.existing(AVRRStep.departed.rawValue) {
            var seen = PersonSet(size: people.rows.count)
            var cells = BreakdownCounter(groups: groups)
            for st in steps.rows where st.live && st.step == departed && within(st.day) && st.ret >= 0 {
                let ret = returns.rows[Int(st.ret)]
                guard ret.live, centreIn(ret.centre), let r = counted(ret.person) else { continue }
                if seen.insert(r) { cells.add(sex: sexOf[Int(r)], age: ageOf[Int(r)]) }
                if let m = monthIndex[DayNumber.month(st.day)] { report.months[m].departures += 1 }
            }
            report.departures = cells.breakdown
        }
        return report
    }
}
