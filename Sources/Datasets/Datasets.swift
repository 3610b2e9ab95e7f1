// Datasets: reads MNIST-format data (gzip IDX files through zlib) into tensors, fingerprints the
// files for the cache, and deals out seeded shuffled batches.
