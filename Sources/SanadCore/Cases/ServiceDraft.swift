import Foundation

/// Where a service stands. Only delivered services count as assistance in reports.
public enum ServiceStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case planned, delivered, cancelled
}

/// One entry of the service catalogue: a built-in type or one an administrator added, with its labels and unit.
public struct ServiceKind: Sendable, Hashable, Codable {
    public let code: String
    public let english: String
    public let arabic: String
    /// `night`, `kit`, `session`, `amount`, `item`, `person` or `other`.
    public let unit: String

    public init(code: String, english: String, arabic: String, unit: String) {
        self.code = code
        self.english = english
        self.arabic = arabic
        self.unit = unit
    }

    public func label(_ lang: String) -> String { lang == "ar" ? arabic : english }

    public static let units = ["night", "kit", "session", "amount", "item", "person", "other"]

    /// The built-in catalogue from `ServiceType`.
    public static let builtIn: [ServiceKind] = ServiceType.allCases.map { type in
        let unit: String
        switch type.defaultUnit() {
        case .night: unit = "night"
        case .kit: unit = "kit"
        case .session: unit = "session"
        case .amount: unit = "amount"
        case .item: unit = "item"
        case .person: unit = "person"
        case .other: unit = "other"
        }
        return ServiceKind(code: type.rawValue, english: type.englishLabel, arabic: type.arabicLabel, unit: unit)
    }

    /// A new catalogue entry from an administrator: a lower-case code and both labels.
    public static func validate(code: String?, english: String?, arabic: String?, unit: String?, existing: Set<String>)
        -> Result<ServiceKind, CaseValidationError>
    {
        var c = FieldChecks()
        let code = FieldChecks.tidy(code)?.lowercased()
        c.check(code != nil, "code", .required)
        c.check(
            code.map { $0.count <= 40 && $0.allSatisfy { ($0.isASCII && $0.isLetter) || $0.isNumber || $0 == "-" } }
                ?? true, "code", .unknownValue)
        c.check(code.map { !existing.contains($0) } ?? true, "code", .duplicate)
        let en = c.text(english, "english", max: 100, required: true)
        let ar = c.text(arabic, "arabic", max: 100, required: true)
        let unit = FieldChecks.tidy(unit)
        c.check(unit.map(units.contains) ?? false, "unit", .unknownValue)
        return c.result(ServiceKind(code: code ?? "", english: en ?? "", arabic: ar ?? "", unit: unit ?? "other"))
    }
}

/// A service given or planned, as typed into a form.
public struct ServiceDraft: Sendable, Equatable {
    public var date: String?
    public var type: String?
    public var quantity: String?
    public var status: String?
    public var partner: String?
    public var cost: String?
    public var currency: String?

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(
        date: String? = nil, type: String? = nil, quantity: String? = nil, status: String? = nil,
        partner: String? = nil, cost: String? = nil, currency: String? = nil
    ) {
        (self.date, self.type, self.quantity, self.status) = (date, type, quantity, status)
        (self.partner, self.cost, self.currency) = (partner, cost, currency)
    }

    public struct Valid: Sendable, Equatable {
        public let date: CivilDate
        public let type: ServiceKind
        public let quantity: Double
        public let status: ServiceStatus
        /// Nil when the centre gave the service itself.
        public let partner: String?
        public let cost: Double?
        public let currency: String?
    }

    static let maxQuantity = 1_000_000.0

    /// A delivered service cannot be dated in the future; a planned one can. Quantities and costs are never
    /// negative, and a cost needs its currency.
    public func validate(today: CivilDate, catalogue: [ServiceKind]) -> Result<Valid, CaseValidationError> {
        var c = FieldChecks()
        let status = FieldChecks.tidy(status).flatMap(ServiceStatus.init(rawValue:))
        c.check(status != nil, "status", .required)
        let date = c.date(self.date, "date", notAfter: status == .delivered ? today : nil)
        let kind = FieldChecks.tidy(type).flatMap { code in catalogue.first { $0.code == code } }
        c.check(FieldChecks.tidy(type) != nil, "type", .required)
        c.check(FieldChecks.tidy(type) == nil || kind != nil, "type", .unknownValue)
        let quantity = Self.number(self.quantity, "quantity", &c, required: true)
        c.check((quantity ?? 1) > 0 || status != .delivered, "quantity", .outOfRange)
        let cost = Self.number(self.cost, "cost", &c, required: false)
        let currency = FieldChecks.tidy(currency)?.uppercased()
        c.check(
            currency.map { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isLetter } } ?? true, "currency",
            .unknownValue)
        c.check(cost == nil || currency != nil, "currency", .required)
        return c.result(
            Valid(
                date: date ?? today, type: kind ?? ServiceKind.builtIn[0], quantity: quantity ?? 0,
                status: status ?? .planned, partner: FieldChecks.tidy(partner), cost: cost,
                currency: cost == nil ? nil : currency))
    }

    static func number(_ text: String?, _ field: String, _ c: inout FieldChecks, required: Bool) -> Double? {
        guard let text = FieldChecks.tidy(text) else {
            c.check(!required, field, .required)
            return nil
        }
        guard let value = Double(text), value.isFinite else {
            c.check(false, field, .invalidNumber)
            return nil
        }
        c.check(value >= 0 && value <= maxQuantity * 1000, field, .outOfRange)
        return value
    }
}

/// One line of a care plan: a need and the service planned for it.
public struct PlanItemDraft: Sendable, Equatable {
    public var need: String?
    public var service: String?
    public var partner: String?
    public var due: String?

    /// As typed in a form or sent in a body: every member unchecked until `validate`.
    public init(need: String? = nil, service: String? = nil, partner: String? = nil, due: String? = nil) {
        (self.need, self.service, self.partner, self.due) = (need, service, partner, due)
    }

    public struct Valid: Sendable, Equatable {
        public let need: String
        public let service: String
        public let partner: String?
        public let due: CivilDate
    }

    public func validate(catalogue: [ServiceKind]) -> Result<Valid, CaseValidationError> {
        var c = FieldChecks()
        let need = c.text(need, "need", max: 500, required: true)
        let service = FieldChecks.tidy(service)
        c.check(service != nil, "service", .required)
        c.check(service.map { s in catalogue.contains { $0.code == s } } ?? true, "service", .unknownValue)
        let due = c.date(self.due, "due")
        return c.result(
            Valid(
                need: need ?? "", service: service ?? "", partner: FieldChecks.tidy(partner),
                due: due ?? CivilDate(year: 2000, month: 1, day: 1)!))
    }
}
