import CourseSteps
import Figures
import Foundation
import LessonModel

/// Reruns lessons from scratch, into a temporary cache so the real one is never touched, and
/// compares every output with the cached one.
public struct Verifier: Sendable {
    /// How one output compares.
    public enum Verdict: Sendable, Equatable {
        /// The same canonical bytes.
        case identical
        /// Metrics that differ by at most the relative tolerance.
        case withinTolerance(largestRelativeDifference: Double)
        /// Anything else, with what differs.
        case different(String)
    }

    /// The comparison of one output of one cell.
    public struct Item: Sendable, Equatable {
        public var cellID: String
        /// The output's position in the cell (1-based).
        public var index: Int
        /// What the output is: "figure …png", "metrics", "text", "table".
        public var kind: String
        public var verdict: Verdict
    }

    /// A lesson's verification.
    public struct Report: Sendable, Equatable {
        public var lesson: Lesson
        public var items: [Item]
        /// Problems that prevent a comparison: a cell that is not cached, or failed when rerun.
        public var problems: [Diagnostic]

        /// Whether every output was identical or within tolerance, with nothing missing.
        public var passed: Bool {
            problems.isEmpty && items.allSatisfy { if case .different = $0.verdict { false } else { true } }
        }
    }

    /// The largest relative difference of a metric that still counts as reproduced.
    public static let relativeTolerance = 1e-6

    /// The runner whose cache holds the published results.
    public let runner: Runner

    public init(runner: Runner) {
        self.runner = runner
    }

    /// Reruns `lesson` fresh and compares each cell's outputs with the cached ones.
    public func verify(_ lesson: Lesson, progress: @escaping @Sendable (RunEvent) -> Void = { _ in }) throws -> Report {
        let plan = try runner.plan(lesson)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("course-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let freshRunner = Runner(repository: runner.repository, cache: try CacheStore(folder: scratch),
                                 catalog: runner.catalog, fingerprint: runner.fingerprint, backend: runner.backend,
                                 timeLimit: runner.timeLimit)
        let rerun = try freshRunner.run(lesson: lesson, fresh: true, progress: progress)

        var items: [Item] = []
        var problems: [Diagnostic] = []
        for executed in rerun.cells {
            let cell = plan.checked.cell(id: executed.cellID)!.cell
            let location = cell.range.start
            switch executed.status {
            case .failed(let diagnostic):
                problems.append(diagnostic)
                continue
            case .skipped(let dependency):
                problems.append(.error(at: location, "cell '\(executed.cellID)' was not rerun because cell '\(dependency)' failed"))
                continue
            case .interrupted:
                problems.append(.error(at: location, "cell '\(executed.cellID)' was interrupted"))
                continue
            case .ran, .cached:
                break
            }
            let cachedOutputs: [DisplayItem]
            do {
                guard let manifest = try runner.cache.manifest(for: plan.key(of: executed.cellID)) else {
                    problems.append(.error(at: location, "cell '\(executed.cellID)' has no cached result to compare with",
                                           hint: "run 'course run \(lesson.slug)' first; the cache is stale or empty"))
                    continue
                }
                cachedOutputs = try runner.cache.outputs(of: manifest)
            } catch {
                problems.append(.error(at: location, "the cached result of cell '\(executed.cellID)' is corrupt",
                                       hint: "run 'course run \(lesson.slug)' to recompute it"))
                continue
            }
            if cachedOutputs.count != executed.outputs.count {
                problems.append(.error(at: location, "cell '\(executed.cellID)' showed \(executed.outputs.count) outputs, the cache has \(cachedOutputs.count)"))
            }
            for (index, (new, old)) in zip(executed.outputs, cachedOutputs).enumerated() {
                items.append(Item(cellID: executed.cellID, index: index + 1, kind: Self.kind(of: new), verdict: Self.compare(new, old)))
            }
        }
        return Report(lesson: lesson, items: items, problems: problems)
    }

    /// Compares a rerun output with the cached one.
    static func compare(_ new: DisplayItem, _ old: DisplayItem) -> Verdict {
        if new.canonicalBytes == old.canonicalBytes { return .identical }
        guard case .metrics(let newMetrics) = new, case .metrics(let oldMetrics) = old,
              newMetrics.map(\.name) == oldMetrics.map(\.name) else {
            return .different("\(kind(of: new)) differs from the cached one")
        }
        var largest = 0.0
        for (a, b) in zip(newMetrics, oldMetrics) {
            if a.value == b.value || (a.value.isNaN && b.value.isNaN) { continue }
            let difference = abs(a.value - b.value) / max(abs(a.value), abs(b.value))
            guard difference.isFinite, difference <= relativeTolerance else {
                return .different("\(a.name) is \(a.formattedValue), cached \(b.formattedValue)")
            }
            largest = max(largest, difference)
        }
        return .withinTolerance(largestRelativeDifference: largest)
    }

    static func kind(of item: DisplayItem) -> String {
        switch item {
        case .text: "text"
        case .table: "table"
        case .metrics: "metrics"
        case .imageGrid(_, let caption, _), .chart(_, let caption, _):
            "figure (\(item.figureFileExtension!))" + (caption.isEmpty ? "" : " \"\(caption)\"")
        }
    }
}
