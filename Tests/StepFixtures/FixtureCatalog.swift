import CourseSteps

/// The steps of this test module's Steps folder, generated as `CourseSteps`' own are.
public let fixtureSteps: [Step] = declaredSteps
