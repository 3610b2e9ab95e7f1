/// The LessonRunner module; see the design for its role.
public enum LessonRunnerModule {}
