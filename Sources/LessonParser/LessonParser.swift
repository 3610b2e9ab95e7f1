/// The LessonParser module; see the design for its role.
public enum LessonParserModule {}
