/// Updates parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates.
    var parameters: [Parameter] { get }
    /// Takes one step using the gradients the last backward pass wrote.
    func step()
}
