extension Tensor {
    /// Creates a tensor of draws from N(mean, standardDeviation²).
    public static func normal(shape: [Int], mean: Float = 0, standardDeviation: Float = 1, generator: inout RandomGenerator) -> Tensor {
        let result = Tensor(shape: shape)
        result.fillNormal(mean: mean, standardDeviation: standardDeviation, generator: &generator)
        return result
    }

    /// Creates a tensor of draws from the uniform distribution on [low, high).
    public static func uniform(shape: [Int], low: Float = 0, high: Float = 1, generator: inout RandomGenerator) -> Tensor {
        let result = Tensor(shape: shape)
        result.fillUniform(low: low, high: high, generator: &generator)
        return result
    }

    /// Overwrites every element with a draw from N(mean, standardDeviation²).
    public func fillNormal(mean: Float = 0, standardDeviation: Float = 1, generator: inout RandomGenerator) {
        generator.fillNormal(mutableBuffer, mean: mean, standardDeviation: standardDeviation)
    }

    /// Overwrites every element with a draw from the uniform distribution on [low, high).
    public func fillUniform(low: Float = 0, high: Float = 1, generator: inout RandomGenerator) {
        generator.fillUniform(mutableBuffer, low: low, high: high)
    }
}
