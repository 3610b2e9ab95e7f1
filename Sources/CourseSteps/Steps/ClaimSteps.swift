/// Checks a claim the lesson's text makes about a result, and fails the cell when it does not hold.
///
/// A lesson states what its prose relies on, `expect(distance < 200, "the GAN is closer to the
/// test images than the VAE")`; when a rerun on another machine no longer supports it, the cell
/// fails, quoting the claim and the values it compared, instead of the text going stale.
///
/// - Parameter condition: what must hold, such as `classes.covered >= 5`
/// - Parameter claim: the claim in the lesson's words
public func expect(_ condition: Bool, _ claim: String) throws {
    guard condition else { throw StepError(claim: claim) }
}
