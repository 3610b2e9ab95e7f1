import Dispatch
import Foundation
import Synchronization

/// Parallel execution across the machine's cores.
///
/// Training splits its work in two parts that run at once, each with single-threaded BLAS
/// (see `BLASThreads`): the VAE and the GAN give each part half of every layer's output
/// features. On two cores that keeps both busy through the whole step — the elementwise work
/// and the optimizer too — instead of only inside large matrix products, where OpenBLAS's
/// own threads wait for each other on every call.
/// The split is fixed (always two parts), so results do not depend on the core count.
public enum Parallel {
    /// The number of parts work is split into: fixed, for reproducible results.
    public static let parts = 2

    /// Runs `body(0)` … `body(parts − 1)` at once and returns when all have finished.
    ///
    /// The parts must write disjoint memory (their own rows of a weight matrix, their own columns of a tensor):
    /// that is the caller's promise, which the compiler cannot check for tensors.
    ///
    /// Part 0 runs on the calling thread and part 1 on a helper thread that lives as long as
    /// the process, so a call allocates nothing (a training step calls this several times).
    /// When the helper is busy with another caller's work, or for a call made from inside a
    /// part, both parts run one after the other on the calling thread: same results, no wait.
    public static func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in run(ClosureWork(body)) }
    }

    /// Runs `work.run(part:)` for every part at once, as ``run(_:)`` does a closure. Handing
    /// over an object the caller keeps between calls allocates nothing, where a closure's
    /// context is allocated on every call: training steps use this form.
    public static func run(_ work: some ParallelWork) {
        guard helper.claim() else {
            for part in 0..<parts { work.run(part: part) }
            return
        }
        helper.run(work)
    }

    private static let helper = HelperThread()
}

/// Work split into ``Parallel/parts`` parts that may run at the same time.
public protocol ParallelWork: AnyObject {
    /// Does part `part` (0 or 1) of the work.
    func run(part: Int)
}

/// A closure as parallel work.
private final class ClosureWork: ParallelWork {
    let body: (Int) -> Void
    init(_ body: @escaping (Int) -> Void) { self.body = body }
    func run(part: Int) { body(part) }
}

/// The thread that runs part 1 of ``Parallel/run(_:)``.
///
/// Calls come every few hundred microseconds during training, so the helper spins for a
/// while before sleeping: waking a sleeping thread costs more than the work of a small layer.
/// And part 1 goes to whichever thread gets to it first: when the machine is busy and the
/// helper is not running, the caller does part 1 itself after part 0 instead of waiting.
private final class HelperThread: @unchecked Sendable {
    /// Calls requested and calls completed, counted; part 1 of call n runs when requested reaches n.
    private let requested = Atomic<Int>(0), completed = Atomic<Int>(0)
    /// The last call whose part 1 a thread has taken.
    private let taken = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let busy = Mutex(false)
    /// The work of the current call; written before `requested` is raised.
    private var job: (any ParallelWork)?

    init() {
        let thread = Thread { [unowned self] in serve() }
        thread.name = "Parallel part 1"
        thread.start()
    }

    private func serve() {
        var handled = 0
        while true {
            var spins = 0
            while requested.load(ordering: .acquiring) == handled {
                spins += 1
                guard spins > 200_000 else { continue }
                sleeping.store(true, ordering: .sequentiallyConsistent)
                // A call raised after this check finds `sleeping` set and signals; a signal
                // with no call behind it only makes this loop look once more.
                if requested.load(ordering: .sequentiallyConsistent) == handled { wake.wait() }
                sleeping.store(false, ordering: .sequentiallyConsistent)
                spins = 0
            }
            handled = requested.load(ordering: .acquiring)
            if taken.compareExchange(expected: handled - 1, desired: handled, ordering: .acquiringAndReleasing).exchanged {
                job?.run(part: 1)
                completed.store(handled, ordering: .releasing)
            }
        }
    }

    /// Takes the helper for one call; false when another call has it.
    func claim() -> Bool {
        busy.withLock { busy in
            if busy { return false }
            busy = true
            return true
        }
    }

    /// Runs part 0 here and part 1 on the helper; the caller must have claimed it.
    func run(_ work: any ParallelWork) {
        job = work
        let call = requested.add(1, ordering: .sequentiallyConsistent).newValue
        if sleeping.load(ordering: .sequentiallyConsistent) { wake.signal() }
        work.run(part: 0)
        if taken.compareExchange(expected: call - 1, desired: call, ordering: .acquiringAndReleasing).exchanged {
            work.run(part: 1)
        } else {
            var spins = 0
            while completed.load(ordering: .acquiring) != call {
                spins += 1
                if spins > 10_000 { sched_yield() }
            }
        }
        job = nil
        busy.withLock { $0 = false }
    }
}
