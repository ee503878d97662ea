import Testing

@testable import SanadCore

@Suite struct NameSearchTests {
    static let people: [[String]] = [
        ["Mohamed Ahmed Ali"], ["محمد عثمان", "Mohammed Osman"], ["Muhammad Idris"], ["ሙሓመድ ሰዒድ", "Mohammed Seid"],
        ["Mahmoud Hassan"], ["Amina Yusuf"],
    ]

    @Test(arguments: ["Mohamed", "Mohammed", "Muhammad", "محمد", "መሓመድ"])
    func oneNameInEveryScriptFindsTheSamePeople(query: String) throws {
        let q = try #require(NameQuery(query))
        let found = Self.people.indices.filter { q.match(SearchableName(names: Self.people[$0])) != nil }
        #expect(found == [0, 1, 2, 3], "\(query)")
    }

    @Test func reasonsSayHowTheNameWasMet() throws {
        func reasons(_ query: String, _ names: [String]) -> [PersonMatchReason]? {
            NameQuery(query)?.match(SearchableName(names: names))?.reasons
        }
        #expect(reasons("Mohamed Ahmed", ["Mohamed Ahmed Ali"]) == [.sameName])
        #expect(reasons("Muhammad Ahmad", ["Mohamed Ahmed Ali"]) == [.otherSpelling])
        #expect(reasons("መሓመድ", ["Mohamed Ahmed"])?.contains(.latinForm) == true)
        #expect(reasons("Mohamed", ["ሙሓመድ ሰዒድ"])?.contains(.geezForm) == true)
        #expect(reasons("Abdel Rahman Osman", ["Abdelrahman Osman"])?.first == .sameName)
        #expect(reasons("Rahel Gebru Haile", ["Rahel Haile"]) == [.someParts])
        #expect(reasons("Moham", ["Mohamed Ahmed"]) == [.startOfName])
        #expect(reasons("Mohamed Ahnmed", ["Mohamed Ahmed"]) == [.closeSpelling])
        #expect(reasons("Mohamed", ["Mahmoud Hassan"]) == nil)
        #expect(reasons("Amina", ["Mohamed Ahmed"]) == nil)
        #expect(reasons("Mohamed Amina", ["Mohamed Ahmed"]) == nil)
    }
}
