// StepDeclarations reads the public functions and properties of a module's `Steps/` folder —
// the one place a step is declared — and writes the Swift source of the catalog the runner,
// the checker and `course steps` use (see `StepCatalogPlugin`).
