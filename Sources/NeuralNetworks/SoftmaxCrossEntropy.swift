import Foundation
import Tensors

/// Cross-entropy of the softmax of each row of logits against a class label per row:
/// `−log softmax(x)[label]`.
public enum SoftmaxCrossEntropy {
    /// The loss and, when `gradient` is given, its gradient `softmax(x) − onehot(label)`
    /// scaled by the reduction (`.mean` divides by the rows).
    public static func loss(_ logits: Tensor, labels: [Int], reduction: Reduction = .mean, gradient: Tensor? = nil) -> Double {
        let (rows, classes) = (logits.rows, logits.columns)
        precondition(labels.count == rows, "\(labels.count) labels for \(rows) rows of logits")
        let factor = reduction.factor(count: rows)
        gradient?.resize(to: logits.shape)
        var total = 0.0
        for row in 0..<rows {
            let x = logits.data + row * classes
            let label = labels[row]
            precondition(label >= 0 && label < classes, "label \(label) outside 0..<\(classes)")
            // Subtracting the largest logit keeps exp from overflowing.
            var largest = x[0]
            for j in 1..<classes where x[j] > largest { largest = x[j] }
            var sum = 0.0
            for j in 0..<classes { sum += Foundation.exp(Double(x[j] - largest)) }
            let logSum = Foundation.log(sum) + Double(largest)
            total += logSum - Double(x[label])
            if let g = gradient?.data {
                for j in 0..<classes {
                    let probability = Foundation.exp(Double(x[j]) - logSum)
                    g[row * classes + j] = Float((probability - (j == label ? 1 : 0)) * factor)
                }
            }
        }
        return total * factor
    }
}
