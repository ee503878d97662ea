import Foundation

/// How a delivered service is counted.
public enum ServiceUnit: Sendable, Codable, Hashable {
    case night
    case kit
    case session
    case amount(currency: String)
    case item
    case person
    case other

    public var englishLabel: String {
        switch self {
        case .night: return "nights"
        case .kit: return "kits"
        case .session: return "sessions"
        case .amount(let currency): return "amount (\(currency))"
        case .item: return "items"
        case .person: return "persons"
        case .other: return "other"
        }
    }

    public var arabicLabel: String {
        switch self {
        case .night: return "ليالٍ"
        case .kit: return "حقائب"
        case .session: return "جلسات"
        case .amount(let currency): return "مبلغ (\(currency))"
        case .item: return "مواد"
        case .person: return "أشخاص"
        case .other: return "أخرى"
        }
    }
}

/// The assistance package a centre gives.
public enum ServiceType: String, Sendable, Codable, CaseIterable, Hashable {
    case safeAccommodation = "safe-accommodation"
    case medical
    case mhpss
    case food
    case nonFoodItems = "non-food-items"
    case legalAid = "legal-aid"
    case familyTracing = "family-tracing"
    case educationTraining = "education-training"
    case cash
    case avrr
    case other

    /// The unit a delivery is normally counted in; cash is counted in `cashCurrency` (configurable).
    public func defaultUnit(cashCurrency: String = "SDG") -> ServiceUnit {
        switch self {
        case .safeAccommodation: return .night
        case .medical, .mhpss, .legalAid, .educationTraining: return .session
        case .food, .nonFoodItems: return .kit
        case .familyTracing, .avrr: return .person
        case .cash: return .amount(currency: cashCurrency)
        case .other: return .other
        }
    }

    public var englishLabel: String {
        switch self {
        case .safeAccommodation: return "Safe accommodation"
        case .medical: return "Medical care"
        case .mhpss: return "Mental health and psychosocial support"
        case .food: return "Food"
        case .nonFoodItems: return "Non-food items"
        case .legalAid: return "Legal aid"
        case .familyTracing: return "Family tracing"
        case .educationTraining: return "Education and vocational training"
        case .cash: return "Cash assistance"
        case .avrr: return "Assisted voluntary return and reintegration"
        case .other: return "Other"
        }
    }

    public var arabicLabel: String {
        switch self {
        case .safeAccommodation: return "إيواء آمن"
        case .medical: return "رعاية طبية"
        case .mhpss: return "الصحة النفسية والدعم النفسي والاجتماعي"
        case .food: return "غذاء"
        case .nonFoodItems: return "مواد غير غذائية"
        case .legalAid: return "مساعدة قانونية"
        case .familyTracing: return "البحث عن الأسرة"
        case .educationTraining: return "تعليم وتدريب مهني"
        case .cash: return "مساعدة نقدية"
        case .avrr: return "العودة الطوعية المدعومة وإعادة الإدماج"
        case .other: return "أخرى"
        }
    }
}
