import Outputs
import Tensors

extension VAE {
    /// The decoder as plain numbers, code to pixel probabilities: the layers ``decode(_:)`` runs,
    /// read from the model, so a browser that runs them computes what `decode` does.
    public var decoderDescription: [NetworkLayer] {
        (decoderLayers + [imageActivation]).map { layer in
            guard let described = layer.networkLayer else { preconditionFailure("the VAE's decoder has a layer with no plain form: \(type(of: layer))") }
            return described
        }
    }

    /// An explorer of this VAE's 2-D code space: its decoder, the mean codes of `images` (one
    /// class each, from `classes`), and the images at positions `first` and `second` as the
    /// ends of an interpolation.
    public func latentExplorer(of images: Tensor, classes: [Int], classNames: [String], from first: Int, to second: Int,
                               imageRows: Int, imageColumns: Int) -> LatentExplorer {
        precondition(configuration.latentSize == 2, "the explorer needs a latent size of 2")
        let codes = meanCodes(of: images)  // [count, 2]
        let ends = Tensor(shape: [0])
        ends.gatherRows(of: images, at: [first, second])  // [2, pixels]
        return LatentExplorer(decoder: decoderDescription, imageRows: imageRows, imageColumns: imageColumns, codes: codes.array,
                              classes: classes, classNames: classNames, interpolationEnds: [first, second], endImages: ends.array)
    }
}
