import Foundation
import Testing

@testable import SanadCore

@Suite struct ScreeningBatchTests {
    let catalogue = InstrumentCatalogue(instruments: [
        SyntheticInstrument.make(), SyntheticInstrument.make(child: true),
    ])

    func object(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    @Test func evaluatesALine() throws {
        let line =
            #"{"instrument":"test-adult","answers":{"D1.i0":"yes","D1.i1":"yes","D4.i0":"yes","D4.i2":"yes","D5.i0":"yes","D5.i1":"yes"}}"#
        let out = try #require(ScreeningBatch.process(line, number: 1, catalogue: catalogue))
        #expect(out.ok)
        let json = object(out.json)
        #expect(json["instrument"] as? String == "test-adult")
        #expect(json["version"] as? String == "1")
        #expect(json["conclusion"] as? String == "presumed-victim")
        let dims = json["dimensions"] as? [String: String]
        #expect(dims?["D1"] == "positive" && dims?["D2"] == "insufficient")
        let reasons = json["reasons"] as? [[String: Any]]
        #expect(reasons?.first?["dimension"] as? String == "D1")
        #expect(reasons?.first?["indicators"] as? [String] == ["D1.i0", "D1.i1"])
        #expect(Set(json.keys) == ["instrument", "version", "dimensions", "conclusion", "reasons"])
    }

    @Test func leftOutIndicatorsAreUnknown() throws {
        let out = try #require(ScreeningBatch.process(#"{"instrument":"test-child"}"#, number: 3, catalogue: catalogue))
        #expect(object(out.json)["conclusion"] as? String == "insufficient-information")
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("[1,2]", "expected a JSON object"),
        (#"{"answers":{}}"#, "\"instrument\" must be a string"),
        (#"{"instrument":"nope"}"#, "unknown instrument"),
        (#"{"instrument":"test-adult","answers":{"D9.x":"yes"}}"#, "unknown indicator"),
        (#"{"instrument":"test-adult","answers":{"D1.i0":"maybe"}}"#, "must be \"yes\", \"no\" or \"unknown\""),
        (#"{"instrument":"test-adult","answers":{"D1.i0":true}}"#, "must be \"yes\""),
        (#"{"instrument":"test-adult","answers":{"D1.i0":"declined"}}"#, "must be \"yes\""),
        (#"{"instrument":"test-adult","answers":[]}"#, "\"answers\" must be an object"),
    ])
    func malformedLinesGiveAnErrorWithTheLineNumber(line: String, message: String) throws {
        let out = try #require(ScreeningBatch.process(line, number: 7, catalogue: catalogue))
        #expect(!out.ok)
        let json = object(out.json)
        #expect(json["line"] as? Int == 7)
        #expect((json["error"] as? String)?.contains(message) == true, "\(json)")
    }

    @Test func blankLinesAreSkipped() {
        #expect(ScreeningBatch.process("   ", number: 2, catalogue: catalogue) == nil)
    }
}
