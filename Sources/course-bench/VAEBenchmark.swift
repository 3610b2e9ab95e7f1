import Datasets
import NeuralNetworks
import Tensors

/// The reference VAE (784-400-20-400-784, BCE summed plus KL, Adam 1e-3, batch 128) trained
/// on Fashion-MNIST, reporting what `shared/reference/torch_vae.py` reports.
enum VAEBenchmark {
    struct Epoch: TrainedEpoch {
        let epoch: Int
        let trainSeconds: Double
        let testLoss: Double
        let testReconstruction: Double
        let testKL: Double
    }

    typealias Result = ModelBenchmarkResult<Epoch>

    static func run(epochs: Int, latentSize: Int, seed: UInt64) throws -> Result {
        let data = try MNISTFolder().load()
        let train = data.train.imageTensor()
        let test = data.test.imageTensor()
        var generator = RandomGenerator(seed: seed)
        let vae = VAE(VAE.Configuration(latentSize: latentSize), generator: &generator)
        let optimizer = Adam(parameters: vae.parameters, learningRate: 1e-3)
        var results: [Epoch] = []
        for epoch in 1...epochs {
            let history = try vae.train(on: train, epochs: 1, optimizer: optimizer, generator: &generator)
            let loss = vae.evaluate(on: test, generator: &generator)
            results.append(Epoch(
                epoch: epoch, trainSeconds: rounded(history.epochSeconds[0], 4), testLoss: rounded(loss.total, 5),
                testReconstruction: rounded(loss.reconstruction, 5), testKL: rounded(loss.kl, 4)
            ))
        }
        return Result(model: "VAE 784-400-\(latentSize)-400-784, Adam 1e-3, batch 128, Fashion-MNIST", epochs: results)
    }
}
