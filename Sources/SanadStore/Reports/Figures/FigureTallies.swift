import Foundation
import SanadCore

/// What the figures need of each record, and nothing personal: codes, dates as day numbers, and which person.
/// Codes (centres, nationalities, service types, statuses) are numbered once per store (`FigureCodes`).
struct PersonTally {
    var live = false
    var sex = ReportSex.unknown
    var birthYear: Int32 = 0
    var nationality: Int32 = -1
    var centre: Int32 = -1
    var created: Int32 = 0
    /// The surviving record when this one was merged into it.
    var mergedInto: UUID?
}

struct ServiceTally {
    var live = false
    var person: Int32 = -1
    var centre: Int32 = -1
    var day: Int32 = 0
    var type: Int32 = -1
    var quantity = 0.0
    var delivered = false
}

struct ScreeningTally {
    var live = false
    var person: Int32 = -1
    var centre: Int32 = -1
    var instrument: Int32 = -1
    /// 0 until completed.
    var completed: Int32 = 0
    /// The day a conclusion was reached, whatever the status says (trends count by it).
    var concluded: Int32 = 0
    var conclusion: Int32 = -1
}

struct StatusChangeTally {
    var live = false
    var person: Int32 = -1
    var status: Int32 = -1
    var day: Int32 = 0
}

struct ReferralTally {
    var live = false
    var person: Int32 = -1
    var centre: Int32 = -1
    var day: Int32 = 0
    var status: Int32 = -1
}

struct ReturnTally {
    var live = false
    var person: Int32 = -1
    var centre: Int32 = -1
}

struct ReturnStepTally {
    var live = false
    var ret: Int32 = -1
    var step: Int32 = -1
    var day: Int32 = 0
}

/// Strings numbered in the order first seen; -1 is "none".
struct FigureCodes {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    mutating func number(_ name: String?) -> Int32 {
        guard let name else { return -1 }
        if let n = numbers[name] { return n }
        let n = Int32(names.count)
        names.append(name)
        numbers[name] = n
        return n
    }

    func existing(_ name: String) -> Int32? { numbers[name] }
}

/// Records of one kind by id, in slots that stay put (a removed record's slot is marked not live).
struct FactTable<Facts> {
    private(set) var slots: [UUID: Int32] = [:]
    var rows: [Facts] = []
    let empty: Facts

    init(empty: Facts) { self.empty = empty }

    /// The slot of `id`, made (empty) when new, so a record can be referred to before it is read.
    mutating func slot(_ id: UUID) -> Int32 {
        if let s = slots[id] { return s }
        let s = Int32(rows.count)
        rows.append(empty)
        slots[id] = s
        return s
    }

    func existing(_ id: UUID) -> Int32? { slots[id] }

    subscript(_ slot: Int32) -> Facts {
        get { rows[Int(slot)] }
        set { rows[Int(slot)] = newValue }
    }

    mutating func removeAll() {
        slots = [:]
        rows = []
    }
}
