import CKernels
import Tensors

/// Training on two cores, each part owning a share of every layer's output features: the
/// rows of the weight matrix that compute them, those rows' gradients and their Adam moments.
///
/// Both parts process the whole batch. A weight row is only ever touched by one core, so no
/// weight moves between the cores' caches; what moves is activations, which are smaller.
/// (Splitting the batch instead has both cores read every weight each step, half of it just
/// written by the other core, which costs most when the two cores do not share a cache.)
/// An input gradient is the sum of the parts' shares, each from its own weight rows, added
/// in a fixed order; so results do not depend on which thread runs which part, nor on
/// whether the parts run at once or in turn (see `Parallel`).
///
/// The VAE's `FeatureParallelStep` is built from these pieces, one `Parallel.run` per layer: its end is the point where both parts' outputs
/// are complete and the next layer may read them.
enum FeatureShare {
    /// The output features part `part` owns of a layer with `count` of them: half, with the
    /// split on a 32-byte boundary when it can be, so vector stores stay whole.
    static func columns(of count: Int, part: Int) -> Range<Int> {
        let boundary = count / 2 >= 8 ? count / 2 / 8 * 8 : count / 2
        return part == 0 ? 0..<boundary : boundary..<count
    }
}

extension Linear {
    /// This part's outputs: `output[:, columns] = input · W[columns]ᵀ + b[columns]`, then
    /// negative values times `rectifierSlope` when one is given (0 for a ReLU).
    func forward(_ input: Tensor, into output: Tensor, columns: Range<Int>, rectifierSlope: Float? = nil) {
        ck_fill_columns(output.data, bias.value.data, output.rows, output.columns, columns.lowerBound, columns.count)
        Tensor.matmulTransposedB(input, weight.value, columns: columns, into: output, beta: 1)  // [batch, columns]
        if let slope = rectifierSlope {
            ck_leaky_rectify_columns(output.data, slope, output.rows, output.columns, columns.lowerBound, columns.count)
        }
    }

    /// This part's share of the input gradient, from the output gradient's `columns`:
    /// `share = outputGradient[:, columns] · W[columns, :]`, or added to `share` when `adding`.
    func inputGradientShare(_ outputGradient: Tensor, columns: Range<Int>, into share: Tensor, adding: Bool = false) {
        Tensor.matmul(outputGradient, weight.value, inner: columns, into: share, beta: adding ? 1 : 0)  // [batch, in]
    }

    /// This part's backward pass, from the output gradient's `columns`: its share of the input
    /// gradient (none when `inputGradientShare` is nil: a first layer needs none), added to
    /// the share when `adding`; then rows `columns` of the weight and bias gradients, and
    /// `optimizer`'s update of those rows in the step it has begun.
    func backward(_ outputGradient: Tensor, input: Tensor, columns: Range<Int>,
                  inputGradientShare share: Tensor?, adding: Bool = false, optimizer: Adam) {
        // The share reads the weights before the update changes them.
        if let share { inputGradientShare(outputGradient, columns: columns, into: share, adding: adding) }
        Tensor.matmulTransposedA(outputGradient, input, rows: columns, into: weight.gradient)  // [columns, in]
        outputGradient.sumRows(columns: columns, into: bias.gradient)                          // [columns]
        optimizer.update(weight, elements: (columns.lowerBound * inputSize)..<(columns.upperBound * inputSize))
        optimizer.update(bias, elements: columns)
    }
}

extension Tensor {
    /// `self[:, columns] = shares[0] + shares[1]`, times `slope` where `activation` (the
    /// output of a leaky rectifier, or of a ReLU with slope 0) is not positive: the gradient
    /// through that rectifier.
    func setRectifierGradient(columns: Range<Int>, shares: [Tensor], activation: Tensor, slope: Float) {
        ck_add_leaky_gradient_columns(shares[0].data, shares[1].data, activation.data, slope,
                                      data, rows, self.columns, columns.lowerBound, columns.count)
    }
}
