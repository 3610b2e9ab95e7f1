import Dispatch

/// Data-parallel execution across the machine's cores.
///
/// Training splits each batch in two halves that two model replicas process at once, each with
/// single-threaded BLAS (see `BLASThreads`), then sums their gradients. On two cores that
/// keeps both busy through the whole step — the elementwise work and the optimizer too —
/// instead of only inside large matrix products, where OpenBLAS's own threads wait for each
/// other on every call.
/// The split is fixed (always two halves), so results do not depend on the core count.
public enum Parallel {
    /// The number of parts work is split into: fixed, for reproducible results.
    public static let parts = 2

    /// Runs `body(0)` … `body(parts − 1)` at once and returns when all have finished.
    ///
    /// The parts must write disjoint memory (their own replica, their own half of a tensor):
    /// that is the caller's promise, which the compiler cannot check for tensors.
    public static func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts) { shared.value($0) }
        }
    }

    /// Splits items with the given sizes into ``parts`` groups of nearly equal total size
    /// (largest first, each to the lightest group): how parameters are shared out for the
    /// optimizer's update.
    public static func balancedGroups(sizes: [Int]) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: parts), totals = [Int](repeating: 0, count: parts)
        for index in sizes.indices.sorted(by: { sizes[$0] > sizes[$1] || (sizes[$0] == sizes[$1] && $0 < $1) }) {
            let lightest = totals.indices.min { totals[$0] < totals[$1] }!
            groups[lightest].append(index)
            totals[lightest] += sizes[index]
        }
        return groups
    }
}

/// A value handed to other threads whose safety the caller guarantees (see ``Parallel/run(_:)``).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
