import Foundation
import LessonModel
import Outputs
import Synchronization

/// A cell running on a background thread while the main thread reads keys and redraws.
final class CellRun: Sendable {
    /// The cell's 0-based position in the lesson.
    let index: Int
    let started = ContinuousClock.now
    /// How long the run should take, asked once at the start for the ETA of every redraw.
    let expectedSeconds: Double?
    private let latestProgress = Mutex<(cellID: String, progress: TrainingProgress)?>(nil)
    private let holder = Mutex<String?>(nil)
    private let finished = Mutex<ExecutedCell?>(nil)
    private let stopRequested = Atomic<Bool>(false)

    /// Starts the cell on its own thread.
    init(index: Int, fresh: Bool, executor: any CellExecuting) {
        self.index = index
        expectedSeconds = executor.expectedSeconds(cellAt: index, fresh: fresh)
        // The executor is documented to be called from this thread while the main thread
        // may only call `interrupt()`, which is the one cross-thread call it must allow.
        nonisolated(unsafe) let executor = executor
        let thread = Thread { [self] in
            let result = executor.execute(cellAt: index, fresh: fresh) { [weak self] report in
                self?.record(report)
            }
            finished.withLock { $0 = result }
        }
        // Cells train models; give them the room the main thread would have.
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func record(_ report: RunEvent) {
        switch report {
        case .waiting(let description):
            holder.withLock { $0 = description }
        case .started:
            holder.withLock { $0 = nil }
        case .training(let cellID, let progress):
            holder.withLock { $0 = nil }
            latestProgress.withLock { $0 = (cellID, progress) }
        case .finished, .notice:
            break
        }
    }

    /// The latest training report, and the id of the cell training.
    var progress: (cellID: String, progress: TrainingProgress)? { latestProgress.withLock { $0 } }

    /// The process the run waits for before it can start, while it waits.
    var waitingFor: String? { holder.withLock { $0 } }

    /// The result, once the cell has returned.
    var result: ExecutedCell? { finished.withLock { $0 } }

    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Whether Ctrl-C has been passed on to the executor.
    var isStopping: Bool { stopRequested.load(ordering: .relaxed) }

    func markStopping() { stopRequested.store(true, ordering: .relaxed) }
}
