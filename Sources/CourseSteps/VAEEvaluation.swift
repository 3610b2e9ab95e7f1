/// A VAE's loss per test image and its two terms: what `evaluateVAE` returns, the numbers it shows.
public final class VAEEvaluation: RecordObject {

    public struct Record: Codable, Equatable {
        /// The negative ELBO per image, in nats (reconstruction plus KL, unweighted), rounded as the metric shows it.
        public var total: Double
        /// Its reconstruction term.
        public var reconstruction: Double
        /// Its KL term.
        public var kl: Double
        /// What training minimised: reconstruction plus β times KL (the negative ELBO when β = 1).
        public var objective: Double
    }

    public let record: Record

    public init(record: Record) { self.record = record }

    public var summary: String {
        "\(record.total) nats per image: reconstruction \(record.reconstruction), KL \(record.kl)"
    }
}
