import CBLAS

/// Placeholder until the tensor lands.
public enum TensorsModule {}
