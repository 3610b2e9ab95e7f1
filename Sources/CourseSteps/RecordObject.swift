import NeuralNetworks

/// A cell object that is a plain record of numbers and strings (a step's measurements, such as
/// ``ClassCounts``): its checkpoint is the record, as metadata, and it has no tensors.
public protocol RecordObject: CellObject {
    associatedtype Record: Codable
    /// Everything the object knows.
    var record: Record { get }
    init(record: Record)
}

extension RecordObject {
    /// The Swift name of the type: a record object's name in cells is its class's name.
    public static var typeName: String { String(describing: Self.self) }

    public func checkpoint() -> Safetensors {
        var checkpoint = Safetensors()
        checkpoint.setMetadata("record", to: record)
        return checkpoint
    }

    public static func restore(from checkpoint: Safetensors) throws -> Self {
        Self(record: try checkpoint.metadata("record", as: Record.self, of: "a \(typeName)"))
    }
}
