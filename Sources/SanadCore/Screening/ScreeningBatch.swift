import Foundation

/// The `sanad screening evaluate` contract: one JSON object per input line in, one per line out, errors in place.
public enum ScreeningBatch {
    public struct Output: Sendable {
        public let json: String
        public let ok: Bool
    }

    struct LineError: Encodable {
        let line: Int
        let error: String
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Evaluates one line; `nil` for a blank line, which is skipped.
    public static func process(_ line: String, number: Int, catalogue: InstrumentCatalogue) -> Output? {
        guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        do {
            let evaluation = try evaluate(line, catalogue: catalogue)
            return Output(json: String(decoding: try encoder.encode(evaluation), as: UTF8.self), ok: true)
        } catch {
            let message = (error as? BatchError)?.description ?? (error as? CatalogueError)?.description ?? "\(error)"
            let body = (try? encoder.encode(LineError(line: number, error: message))) ?? Data()
            return Output(json: String(decoding: body, as: UTF8.self), ok: false)
        }
    }

    enum BatchError: Error, CustomStringConvertible {
        case notJSON
        case notObject
        case missingInstrument
        case answersNotObject
        case badAnswer(String, String)

        var description: String {
            switch self {
            case .notJSON: return "not valid JSON"
            case .notObject: return "expected a JSON object"
            case .missingInstrument: return "\"instrument\" must be a string"
            case .answersNotObject:
                return "\"answers\" must be an object of indicator id to \"yes\", \"no\" or \"unknown\""
            case .badAnswer(let id, let value):
                return "answer for \"\(id)\" must be \"yes\", \"no\" or \"unknown\", not \(value)"
            }
        }
    }

    static func evaluate(_ line: String, catalogue: InstrumentCatalogue) throws -> Evaluation {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) else {
            throw BatchError.notJSON
        }
        guard let dict = object as? [String: Any] else { throw BatchError.notObject }
        guard let id = dict["instrument"] as? String else { throw BatchError.missingInstrument }
        let instrument = try catalogue.instrument(id)
        let known = Set(instrument.indicators.map(\.id))
        var answers: [String: IndicatorAnswer] = [:]
        if let raw = dict["answers"], !(raw is NSNull) {
            guard let given = raw as? [String: Any] else { throw BatchError.answersNotObject }
            for (key, value) in given.sorted(by: { $0.key < $1.key }) {
                guard known.contains(key) else { throw CatalogueError.unknownIndicator(key) }
                guard let text = value as? String, let answer = IndicatorAnswer(rawValue: text),
                    [.yes, .no, .unknown].contains(answer)
                else { throw BatchError.badAnswer(key, describe(value)) }
                answers[key] = answer
            }
        }
        return ScreeningEvaluator.evaluate(instrument, answers: answers)
    }

    static func describe(_ value: Any) -> String {
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
