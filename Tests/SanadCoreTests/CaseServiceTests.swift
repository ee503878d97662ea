import Foundation
import Testing

@testable import SanadCore

@Suite struct CaseServiceTests {
    @Test func catalogue() throws {
        #expect(ServiceType.allCases.count == 11)
        #expect(ServiceType.safeAccommodation.defaultUnit() == .night)
        #expect(ServiceType.nonFoodItems.defaultUnit() == .kit)
        #expect(ServiceType.mhpss.defaultUnit() == .session)
        #expect(ServiceType.cash.defaultUnit() == .amount(currency: "SDG"))
        #expect(ServiceType.cash.defaultUnit(cashCurrency: "USD") == .amount(currency: "USD"))
        #expect(ServiceType.nonFoodItems.rawValue == "non-food-items")
        for service in ServiceType.allCases {
            #expect(!service.englishLabel.isEmpty)
            #expect(service.arabicLabel.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        }
        let unit = ServiceUnit.amount(currency: "SDG")
        #expect(try JSONDecoder().decode(ServiceUnit.self, from: JSONEncoder().encode(unit)) == unit)
        #expect(unit.englishLabel == "amount (SDG)")
    }
}
