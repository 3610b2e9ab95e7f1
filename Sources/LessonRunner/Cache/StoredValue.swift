import CourseSteps
import Foundation
import NeuralNetworks

/// A plain value bound by a cell (a number, a string, an array), in the JSON form the cache
/// stores. Library objects are stored as checkpoints instead.
indirect enum StoredValue: Codable, Equatable {
    case int(Int), double(Double), string(String), bool(Bool), void
    case array([StoredValue], element: String)

    /// The stored form of `value`, or nil for a library object or an array holding one.
    init?(_ value: StepValue) {
        switch value {
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .string(let v): self = .string(v)
        case .bool(let v): self = .bool(v)
        case .void: self = .void
        case .object, .choice: return nil
        case .array(let elements, let element):
            var stored: [StoredValue] = []
            for element in elements {
                guard let value = StoredValue(element) else { return nil }
                stored.append(value)
            }
            guard let type = StoredValue.typeCode(element) else { return nil }
            self = .array(stored, element: type)
        }
    }

    /// The value again.
    var value: StepValue {
        get throws {
            switch self {
            case .int(let v): return .int(v)
            case .double(let v): return .double(v)
            case .string(let v): return .string(v)
            case .bool(let v): return .bool(v)
            case .void: return .void
            case .array(let elements, let element):
                guard let type = StoredValue.type(code: element) else { throw CheckpointError("an array of unknown element type '\(element)'") }
                return .array(try elements.map { try $0.value }, element: type)
            }
        }
    }

    private static func typeCode(_ type: StepType) -> String? {
        switch type {
        case .int, .double, .string, .bool, .void: type.description
        case .array(let element): typeCode(element).map { "[\($0)]" }
        case .object, .choice: nil
        }
    }

    private static func type(code: String) -> StepType? {
        switch code {
        case "Int": .int
        case "Double": .double
        case "String": .string
        case "Bool": .bool
        case "Void": .void
        default:
            code.hasPrefix("[") && code.hasSuffix("]") ? type(code: String(code.dropFirst().dropLast())).map(StepType.array) : nil
        }
    }
}

/// Restores library objects from checkpoints by their Swift type name, so any `CellObject` the
/// step catalog can return is restorable without the runner listing the types.
enum CellObjectTypes {
    /// The fully qualified name to store for `object`, such as `CourseSteps.TrainedVAE`.
    static func storedName(of object: any CellObject) -> String {
        String(reflecting: type(of: object))
    }

    /// Rebuilds an object of the type named `name` from `checkpoint`.
    static func restore(_ name: String, from checkpoint: Safetensors) throws -> any CellObject {
        guard let type = _typeByName(name) as? any CellObject.Type else {
            throw CheckpointError("no cell object type named \(name) in this build")
        }
        return try type.restore(from: checkpoint)
    }
}
