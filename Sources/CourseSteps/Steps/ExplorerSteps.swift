import Figures
import NeuralNetworks
import Outputs
import Tensors

/// Shows a 2-D code space to move through: on the site, pointing at a code decodes it.
///
/// Shows an explorer of a 2-D code space: on the course site, the codes of `count` images
/// drawn as points (and of the images `first` and `second`, if they are not among them), and
/// pointing at any code shows the image the decoder makes of it, computed in the reader's
/// browser from the trained decoder's weights; a slider moves along the straight line between
/// the codes of the images `first` and `second`. The terminal describes it in words.
///
/// - Parameter model: the trained VAE or autoencoder
/// - Parameter images: the images whose codes are drawn
/// - Parameter count: how many images
/// - Parameter first: the index of the image at one end of the slider
/// - Parameter second: the index of the image at the other end
public func exploreLatentSpace(_ model: TrainedVAE, of images: ImageSet, count: Int = 2000, from first: Int = 0, to second: Int = 1) throws {
    try checkArgument(count, in: 2...10_000, label: "count")
    try checkArgument(first, in: 0...60_000, label: "from")
    try checkArgument(second, in: 0...60_000, label: "to")
    try requireTwoDimensionalCodes(model, for: "the latent explorer")
    for (index, label) in [(first, "from"), (second, "to")] where !images.dataset.labels.indices.contains(index) {
        throw StepError("there is no image \(index) in a set of \(images.count)", hint: "use an index from 0 to \(images.count - 1)",
                        argument: label)
    }
    // The first `count` images, then the slider's ends when they are not among them.
    var rows = Array(0..<min(count, images.count))
    let ends = [first, second].map { index in
        if index < rows.count { return index }
        rows.append(index)
        return rows.count - 1
    }
    let subset = Tensor(shape: [0])
    subset.gatherRows(of: images.images, at: rows)  // [rows, 784]
    let names = images.dataset.classNames, labels = rows.map { images.dataset.labels[$0] }
    let explorer = model.vae.latentExplorer(of: subset, classes: labels, classNames: names, from: ends[0], to: ends[1],
                                            imageRows: images.dataset.rows, imageColumns: images.dataset.columns)
    let shown = rows.count
    let from = inSentence(names[labels[ends[0]]]), to = inSentence(names[labels[ends[1]]])
    let kind = model.vae.configuration.variational ? "VAE" : "autoencoder"
    Display.show(.latentExplorer(
        explorer,
        caption: "Point at a code to see what the \(kind)'s decoder makes of it; the slider walks from \(article(from)) \(from) to \(article(to)) \(to)",
        altText: "An interactive plane of \(shown) codes colored by class, with the image decoded from the code under the pointer, "
            + "and a slider over the line from \(article(from)) \(from) to \(article(to)) \(to)"
    ))
}
