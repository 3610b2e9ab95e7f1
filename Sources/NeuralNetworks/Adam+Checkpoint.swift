import Tensors

extension Adam {
    /// The moment estimates as named tensors (`prefix.m.<parameter>`, `prefix.v.<parameter>`),
    /// for saving with the weights so training can resume exactly.
    public func momentTensors(prefix: String) -> [String: Tensor] {
        var tensors: [String: Tensor] = [:]
        for (index, parameter) in parameters.enumerated() {
            tensors["\(prefix).m.\(parameter.name)"] = firstMoments[index].copy()
            tensors["\(prefix).v.\(parameter.name)"] = secondMoments[index].copy()
        }
        return tensors
    }

    /// Restores the moment estimates saved by ``momentTensors(prefix:)``.
    public func restoreMoments(from tensors: [String: Tensor], prefix: String, source: String) throws {
        for (index, parameter) in parameters.enumerated() {
            for (kind, moments) in [("m", firstMoments), ("v", secondMoments)] {
                let name = "\(prefix).\(kind).\(parameter.name)"
                guard let tensor = tensors[name] else { throw SafetensorsError(file: source, message: "tensor '\(name)' is missing") }
                guard tensor.shape == moments[index].shape else {
                    throw SafetensorsError(file: source, message: "tensor '\(name)' has shape \(tensor.shape), expected \(moments[index].shape)")
                }
                moments[index].assign(tensor)
            }
        }
    }
}
