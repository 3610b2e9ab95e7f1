import CourseSteps
import Figures
import Foundation
import LessonModel
import Outputs

/// Reruns lessons from scratch, into a temporary cache so the real one is never touched, and
/// compares every output with the cached one.
public struct Verifier: Sendable {
    /// How one output compares, always with the measured difference unless identical.
    public enum Verdict: Sendable, Equatable {
        /// The same canonical bytes.
        case identical
        /// A difference no larger than the cell's tolerance.
        case withinTolerance(OutputDifference, tolerance: Double)
        /// A difference larger than the cell's tolerance, or one of structure.
        case different(OutputDifference, tolerance: Double)
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

    /// A cell whose outputs were compared with an older cached result, since none is cached
    /// for what it runs with now: under another numeric backend, say.
    public struct OlderResult: Sendable, Equatable {
        public var cellID: String
        /// What changed since that result was cached, as `course list` says it.
        public var changes: [String]
    }

    /// A lesson's verification.
    public struct Report: Sendable, Equatable {
        public var lesson: Lesson
        public var items: [Item]
        /// The cells compared with an older cached result.
        public var olderResults: [OlderResult]
        /// Problems that prevent a comparison: a cell that is not cached, or failed when rerun.
        public var problems: [Diagnostic]

        /// Whether every output was identical or within tolerance, with nothing missing.
        public var passed: Bool {
            problems.isEmpty && items.allSatisfy { if case .different = $0.verdict { false } else { true } }
        }
    }

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
        var olderResults: [OlderResult] = []
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
                guard let cached = try cachedResult(of: executed.cellID, in: plan) else {
                    problems.append(.error(at: location, "cell '\(executed.cellID)' has no cached result to compare with",
                                           hint: "run 'course run \(lesson.slug)' first; the cache is empty"))
                    continue
                }
                if !cached.changes.isEmpty { olderResults.append(OlderResult(cellID: executed.cellID, changes: cached.changes)) }
                cachedOutputs = try runner.cache.outputs(of: cached.manifest)
            } catch {
                problems.append(.error(at: location, "the cached result of cell '\(executed.cellID)' is corrupt",
                                       hint: "run 'course run \(lesson.slug)' to recompute it"))
                continue
            }
            if cachedOutputs.count != executed.outputs.count {
                problems.append(.error(at: location, "cell '\(executed.cellID)' showed \(executed.outputs.count) outputs, the cache has \(cachedOutputs.count)"))
            }
            let tolerance = VerifyTolerance(cell: cell, lesson: lesson)
            for (index, (new, old)) in zip(executed.outputs, cachedOutputs).enumerated() {
                let verdict = tolerance.verdict(on: OutputDifference.between(new, old))
                items.append(Item(cellID: executed.cellID, index: index + 1, kind: Self.kind(of: new), verdict: verdict))
            }
        }
        return Report(lesson: lesson, items: items, olderResults: olderResults, problems: problems)
    }

    /// The cached result to compare a cell's rerun with: the entry for what it runs with now,
    /// else the entry of its last run, with what changed since, so that a run under another
    /// kernel still says how far its figures moved.
    private func cachedResult(of cellID: String, in plan: LessonPlan) throws -> (manifest: CacheManifest, changes: [String])? {
        let ingredients = plan.ingredients[cellID]!
        if let manifest = try runner.cache.manifest(for: ingredients.key) { return (manifest, []) }
        guard let record = runner.cache.lastRecord(slug: plan.lesson.slug, cellID: cellID),
              let manifest = try runner.cache.manifest(for: record.key) else { return nil }
        return (manifest, ingredients.changes(since: record.ingredients))
    }

    static func kind(of item: DisplayItem) -> String {
        switch item {
        case .text: "text"
        case .table: "table"
        case .metrics: "metrics"
        case .latentExplorer: "latent explorer"
        case .imageGrid(_, let caption, _), .chart(_, let caption, _):
            "figure (\(item.figureFileExtension!))" + (caption.isEmpty ? "" : " \"\(caption)\"")
        }
    }
}
