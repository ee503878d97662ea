/// Who a bed is kept for. Centres keep rooms for women and children apart from men's rooms.
public enum BedRestriction: String, Sendable, Codable, CaseIterable, Hashable {
    case none
    case women
    case womenAndChildren = "women-and-children"
    case children
    case men

    /// Whether a person of this HTCDS gender and age (nil when unknown) may sleep in such a bed.
    /// An unknown age never counts as a child: a bed for children is not given on a guess.
    public func admits(gender: Gender, age: Int?) -> Bool {
        let child = age.map { $0 < 18 } ?? false
        let feminine = gender == .feminine || gender == .transgenderFeminine
        let masculine = gender == .masculine || gender == .transgenderMasculine
        switch self {
        case .none: return true
        case .women: return feminine && !child
        case .womenAndChildren: return feminine || child
        case .children: return child
        case .men: return masculine && !child
        }
    }
}

public enum StayError: Error, Sendable, Hashable, CustomStringConvertible {
    case bedTaken
    case personAlreadyStaying
    case restricted(BedRestriction)
    case checkOutBeforeCheckIn
    case alreadyCheckedOut

    public var description: String {
        switch self {
        case .bedTaken: return "This bed is taken on that date; choose another bed."
        case .personAlreadyStaying: return "This person is already checked in to a bed; check them out first."
        case .restricted(let r): return "This bed is kept for \(r.rawValue); choose another bed."
        case .checkOutBeforeCheckIn: return "The check-out date is before the check-in date."
        case .alreadyCheckedOut: return "This stay has already ended."
        }
    }
}

public enum StayRules {
    /// Nights spent: a stay checked in and out on the same day counts as one night of shelter given.
    public static func nights(checkIn: CivilDate, checkOut: CivilDate) -> Int {
        max(1, checkIn.days(until: checkOut))
    }

    /// Whether a stay covers the night of `date` (checked in on or before it, not yet out on it).
    public static func occupies(checkIn: CivilDate, checkOut: CivilDate?, on date: CivilDate) -> Bool {
        guard checkIn <= date else { return false }
        guard let checkOut else { return true }
        return date < checkOut || (checkIn == checkOut && date == checkIn)
    }
}
