/// The LessonModel module; see the design for its role.
public enum LessonModelModule {}
