// ChildProcesses: starting programs with posix_spawn and waiting for them, for the benchmark
// and the tests that drive the stepper and the browser as separate processes.
