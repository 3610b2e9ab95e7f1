/// The Datasets module; see the design for its role.
public enum DatasetsModule {}
