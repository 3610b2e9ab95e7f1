// CourseSteps: what a lesson's cells call. Each step is one documented public function (or a
// property in an extension) in `Steps/`, whose catalog entry StepCatalogPlugin generates; the
// other files hold the values steps pass between cells (`CourseData`, `TrainedVAE`, …), the
// argument checks and options, and the context the runner gives a running cell.
