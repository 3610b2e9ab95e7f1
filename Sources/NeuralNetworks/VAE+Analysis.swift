import Foundation
import Tensors

extension VAE {
    /// `count` new images decoded from codes drawn from the prior N(0, I).
    public func generate(count: Int, generator: inout RandomGenerator) -> Tensor {
        decode(Tensor.normal(shape: [count, configuration.latentSize], generator: &generator))
    }

    // ANCHOR: interpolate
    /// The images decoded along the straight line between two images' mean codes, `steps`
    /// of them including both ends.
    public func interpolate(from first: Tensor, to second: Tensor, steps: Int) -> Tensor {
        precondition(steps >= 2, "an interpolation needs at least its two ends")
        let start = encode(first).mean.copy(), end = encode(second).mean.copy()
        let codes = Tensor(shape: [steps, configuration.latentSize])
        for step in 0..<steps {
            let t = Float(step) / Float(steps - 1)
            for j in 0..<configuration.latentSize { codes[step, j] = (1 - t) * start[j] + t * end[j] }
        }
        return decode(codes)
    }
    // ANCHOR_END: interpolate

    /// The 2-D latent manifold: images decoded from a `size` × `size` grid of codes spaced
    /// evenly in probability under N(0, 1) (so the grid covers where the prior puts its mass),
    /// row by row from the top (largest z₂) to the bottom.
    public func manifold(size: Int, coverage: Double = 0.9) -> Tensor {
        precondition(configuration.latentSize == 2, "the manifold grid needs a latent size of 2")
        let tail = (1 - coverage) / 2
        let positions = (0..<size).map { i in inverseNormalCDF(tail + (1 - 2 * tail) * Double(i) / Double(max(size - 1, 1))) }
        let codes = Tensor(shape: [size * size, 2])
        for row in 0..<size {
            for column in 0..<size {
                codes[row * size + column, 0] = Float(positions[column])
                codes[row * size + column, 1] = Float(positions[size - 1 - row])
            }
        }
        return decode(codes)
    }

    // ANCHOR: mixture-density
    /// The density of the aggregate code distribution on a grid: the mixture of normals
    /// (1/N) Σᵢ N(z; μᵢ, diag σᵢ²), one normal per image, over a `resolution` × `resolution`
    /// grid spanning `range` in both coordinates. Row-major, first row at the bottom (smallest
    /// z₂), as a heat map draws it.
    ///
    /// Each normal is diagonal, so its density factorises into g(z₁)·h(z₂) and the whole
    /// grid is one matrix product G·Hᵀ over the images.
    public func aggregateDensity(of images: Tensor, resolution: Int, range: ClosedRange<Double>) -> [Double] {
        precondition(configuration.latentSize == 2, "the density grid needs a latent size of 2")
        let n = images.rows
        let means = Tensor(shape: [n, 2]), logVariances = Tensor(shape: [n, 2])
        let batch = Tensor(shape: [0])
        for first in stride(from: 0, to: n, by: 1000) {
            batch.gatherRows(of: images, at: first..<min(first + 1000, n))
            let (mean, logVariance) = encode(batch)
            means.setRows(startingAt: first, from: mean)
            logVariances.setRows(startingAt: first, from: logVariance)
        }
        let step = (range.upperBound - range.lowerBound) / Double(max(resolution - 1, 1))
        let grid = (0..<resolution).map { range.lowerBound + step * Double($0) }
        // factors[d][point, image] = N(grid[point]; μ_d, σ_d²) for coordinate d.
        let factors = (0..<2).map { d in
            Tensor(shape: [resolution, n]) { buffer in
                for image in 0..<n {
                    let mean = Double(means[image, d]), variance = exp(Double(logVariances[image, d]))
                    let normalizer = 1 / (2 * Double.pi * variance).squareRoot()
                    for (point, z) in grid.enumerated() {
                        buffer[point * n + image] = Float(normalizer * exp(-(z - mean) * (z - mean) / (2 * variance)))
                    }
                }
            }
        }
        // density[row (z₂), column (z₁)] = (1/N) Σᵢ h_i(z₂) g_i(z₁)
        let density = Tensor(shape: [0])
        Tensor.matmul(factors[1], factors[0], transposeB: true, into: density, alpha: 1 / Float(n))
        return (0..<resolution).flatMap { row in (0..<resolution).map { Double(density[row, $0]) } }
    }
    // ANCHOR_END: mixture-density

    /// `count` images decoded from codes drawn from one image's own distribution
    /// N(μ(x), σ(x)²): what the decoder makes of the codes that belong to that image.
    public func decodeDraws(of image: Tensor, count: Int, generator: inout RandomGenerator) -> Tensor {
        let repeated = Tensor(shape: [0])
        repeated.gatherRows(of: image, at: [Int](repeating: 0, count: count))
        let (mean, logVariance) = encode(repeated)
        let noise = Tensor(shape: [0]), standardDeviation = Tensor(shape: [0]), codes = Tensor(shape: [0])
        reparameterize(mean: mean, logVariance: logVariance, noise: noise, standardDeviation: standardDeviation, codes: codes,
                       generator: &generator)
        return decode(codes)
    }

    /// The mean codes of `images`, [count, latentSize], as a new tensor.
    public func meanCodes(of images: Tensor) -> Tensor {
        let result = Tensor(shape: [images.rows, configuration.latentSize])
        let batch = Tensor(shape: [0])
        for first in stride(from: 0, to: images.rows, by: 1000) {
            batch.gatherRows(of: images, at: first..<min(first + 1000, images.rows))
            result.setRows(startingAt: first, from: encode(batch).mean)
        }
        return result
    }
}

/// The quantile function of the standard normal (Acklam's rational approximation, refined by
/// one Newton step; accurate to about 1e-12).
func inverseNormalCDF(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    var x: Double
    if p < 0.02425 {
        let q = (-2 * log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p > 1 - 0.02425 {
        let q = (-2 * log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    let error = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    return x - error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
}
