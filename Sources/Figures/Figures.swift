/// The Figures module; see the design for its role.
public enum FiguresModule {}
