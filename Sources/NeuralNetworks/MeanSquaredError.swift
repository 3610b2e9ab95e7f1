import Tensors

/// Squared error `(prediction − target)²` per element.
public enum MeanSquaredError {
    /// The loss and, when `gradient` is given, its gradient `2(prediction − target)` scaled by the reduction.
    public static func loss(_ prediction: Tensor, targets: Tensor, reduction: Reduction = .mean, gradient: Tensor? = nil) -> Double {
        precondition(prediction.count == targets.count, "MSE: prediction \(prediction.shape) and targets \(targets.shape)")
        let factor = reduction.factor(count: prediction.count)
        gradient?.resize(to: prediction.shape)
        var total: Double = 0
        let scale = Float(2 * factor)
        for i in 0..<prediction.count {
            let difference = prediction.data[i] - targets.data[i]
            total += Double(difference) * Double(difference)
            gradient?.data[i] = scale * difference
        }
        return total * factor
    }
}
