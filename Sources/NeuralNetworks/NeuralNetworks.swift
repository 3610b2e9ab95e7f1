/// The NeuralNetworks module; see the design for its role.
public enum NeuralNetworksModule {}
