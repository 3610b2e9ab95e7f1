import Tensors

/// Adam's step after a data-parallel pass: every fully connected layer's weight gradient,
/// summed over the replicas that each processed part of the batch, and the update it drives.
///
/// Each part takes its share of every layer's output rows, computes those rows of the weight
/// and bias gradients, and updates them at once, while they are still in its core's cache:
/// gradients are never written out whole and read back, and there is one gradient per
/// parameter rather than one per replica. The replicas' backward passes must skip their
/// parameter gradients (`computesParameterGradients` false) and leave them to this step.
final class ReplicatedAdamStep: ParallelWork {
    let optimizer: Adam
    /// Each layer as every replica has it (the model's own first), with the indices of its
    /// weight and bias among the optimizer's parameters.
    private let layers: [(replicas: [Linear], weight: Int, bias: Int)]

    /// Steps `optimizer`, whose parameters must be exactly those of the layers of
    /// `replicas[0]`; `replicas[r][i]` is layer i as replica r has it.
    init(optimizer: Adam, replicas: [[Linear]]) {
        self.optimizer = optimizer
        layers = replicas[0].indices.map { i in
            let layer = replicas[0][i]
            guard let weight = optimizer.parameters.firstIndex(where: { $0 === layer.weight }),
                  let bias = optimizer.parameters.firstIndex(where: { $0 === layer.bias })
            else { preconditionFailure("ReplicatedAdamStep: \(layer.weight.name) is not among the optimizer's parameters") }
            return (replicas.map { $0[i] }, weight, bias)
        }
        precondition(layers.count * 2 == optimizer.parameters.count, "ReplicatedAdamStep: the optimizer has parameters outside the layers")
    }

    /// Computes the gradients of the replicas' last backward passes and takes one Adam step.
    func step() {
        optimizer.beginStep()
        Parallel.run(self)
    }

    func run(part: Int) {
        for (replicas, weight, bias) in layers {
            let layer = replicas[0], outputs = layer.outputSize
            let rows = (part * outputs / Parallel.parts)..<((part + 1) * outputs / Parallel.parts)
            layer.computeParameterGradients(rows: rows, summingOver: replicas)
            optimizer.update(weight, elements: (rows.lowerBound * layer.inputSize)..<(rows.upperBound * layer.inputSize))
            optimizer.update(bias, elements: rows)
        }
    }
}
