import Testing
@testable import NeuralNetworks

@Test func moduleLinks() { _ = NeuralNetworksModule.self }
