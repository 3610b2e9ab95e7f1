/// The TeX module; see the design for its role.
public enum TeXModule {}
