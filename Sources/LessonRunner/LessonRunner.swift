// LessonRunner: executes parsed lessons, in five stages, one folder each:
// - Check: resolves every cell against the step catalog (and, on request, as real Swift with swiftc);
// - Plan: computes each cell's cache key (source, upstream keys, seed, data, code fingerprint,
//   numeric backend) and so which cells are stale, without running anything;
// - Cache: stores what each cell showed and bound, atomically, behind a lock;
// - Run: runs the stale cells in-process with their bindings, seeds and time limits;
// - Verify: reruns cells fresh and measures how their outputs differ from the cache.
