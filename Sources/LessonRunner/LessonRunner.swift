// LessonRunner: checks lessons' cells against the step catalog (and, on request, as real Swift
// with swiftc), runs them in-process with their bindings, seeds and time limits, caches what
// each cell showed and bound under keys that include the code's fingerprint and the numeric
// backend, and verifies that fresh runs reproduce the cache.
