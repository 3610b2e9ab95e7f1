// Outputs: what steps show and what training reports, as plain values — display items, metrics,
// tables, image grids, charts, colors and training progress. No ML and no encoding: the runner
// caches these values, and `Figures` and the two renderers draw them.
