/// The SyntaxHighlighting module; see the design for its role.
public enum SyntaxHighlightingModule {}
