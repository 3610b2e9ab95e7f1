import CBLAS

/// OpenBLAS runs every call on one thread in this process.
///
/// All parallelism is ours (see `Parallel`): the training loops split batches across cores
/// themselves. Fixing the BLAS thread count once, instead of switching it around parallel
/// sections, also keeps results reproducible when two trainings run at once in one process:
/// a global setting changed by one would otherwise change the other's arithmetic.
enum BLASThreads {
    /// Evaluated once, on the first matrix product.
    static let singleThreaded: Void = openblas_set_num_threads(1)
}
