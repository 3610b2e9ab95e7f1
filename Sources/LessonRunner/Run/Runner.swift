import Spelling
import AtomicFiles
import CourseSteps
import Figures
import Foundation
import LessonModel
import Outputs
import Synchronization
import Tensors

/// Runs lessons: checks them, runs each stale cell in order (cached ones are restored), caches
/// what each cell showed and bound, and returns the `ExecutedLesson` that renderers draw.
///
/// A cell runs inside a display capture and a step context carrying its seed; values bound by
/// earlier cells are taken from memory or restored from their cache entries only when a stale
/// cell needs them. A failing cell is reported with its location; the cells that need it are
/// skipped, the others still run. Nothing of a failed or interrupted cell is cached.
public final class Runner: Sendable {
    /// The repository root (holding `Lessons/` and `Sources/`).
    public let repository: URL
    /// Where results are cached.
    public let cache: CacheStore
    /// The steps cells may call.
    public let catalog: [Step]
    /// The fingerprint of the library code, part of every key.
    public let fingerprint: CodeFingerprint
    /// The numeric backend results are computed with, part of every key (nil when it cannot load).
    public let backend: NumericBackend.Identity?
    /// The course-wide time limit of a cell, in seconds, for cells whose `timeout=` attribute
    /// and lesson `defaults` set none; nil for no limit.
    public let timeLimit: Double?

    private let stopRequested = Mutex(false)

    /// Creates a runner for the repository at `repository`, keyed by the code this binary was
    /// built from unless `fingerprint` says otherwise.
    public init(repository: URL, cache: CacheStore, catalog: [Step] = StepCatalog.steps, fingerprint: CodeFingerprint = .built,
                backend: NumericBackend.Identity? = (try? NumericBackend.current.get())?.identity, timeLimit: Double? = nil) {
        self.repository = repository
        self.cache = cache
        self.catalog = catalog
        self.fingerprint = fingerprint
        self.backend = backend
        self.timeLimit = timeLimit
    }

    /// The library modules whose sources in the repository differ from those this binary was
    /// built from: results computed now would be those of the old code, so say "rebuild".
    public func modulesChangedSinceBuild() -> [String] {
        let onDisk = CodeFingerprint(repository: repository, modules: catalog.flatMap(\.modules))
        return fingerprint.differences(from: onDisk).filter { onDisk.modules[$0] != "absent" }
    }

    /// Asks the running cell to stop: it ends as `.interrupted` (nothing of it cached), and the
    /// cells after it in this run are not started.
    public func stop() {
        stopRequested.withLock { $0 = true }
    }

    /// Checks `lesson`'s cells against the steps, without computing cache keys (no hashing, no
    /// dataset identity): what a command needs before it shows a lesson. Returns the warnings.
    public func check(_ lesson: Lesson) throws(DiagnosticError) -> [Diagnostic] {
        try CellChecker(catalog: catalog).check(lesson).warnings
    }

    /// Checks `lesson` and computes every cell's cache key, without running anything.
    public func plan(_ lesson: Lesson) throws(DiagnosticError) -> LessonPlan {
        let (checked, warnings) = try CellChecker(catalog: catalog).check(lesson)
        let cache = cache
        return LessonPlan(checked: checked, warnings: warnings, fingerprint: fingerprint, backend: backend) { step, source in
            DataIdentity.current(source: source, memo: cache.dataIdentityMemo(of: step))
        }
    }

    /// Whether each cell of `lesson` is cached, and why not.
    public func freshness(of lesson: Lesson) throws(DiagnosticError) -> [CellFreshness] {
        freshness(try plan(lesson))
    }

    /// Whether each cell of a planned lesson is cached, and why not.
    private func freshness(_ plan: LessonPlan) -> [CellFreshness] {
        let lesson = plan.lesson
        return plan.checked.cells.map { checkedCell in
            let id = checkedCell.cell.id
            let ingredients = plan.ingredients[id]!
            let key = ingredients.key
            if let manifest = try? cache.manifest(for: key) {
                return CellFreshness(cellID: id, key: key, reasons: [], seconds: manifest.seconds)
            }
            var reasons: [String]
            if let record = cache.lastRecord(slug: lesson.slug, cellID: id) {
                reasons = ingredients.changes(since: record.ingredients)
                if reasons.isEmpty {
                    reasons = [cache.hasEntry(for: key) ? "cache entry is corrupt" : "cache entry is missing"]
                }
            } else {
                reasons = ["never run"]
            }
            return CellFreshness(cellID: id, key: key, reasons: reasons, seconds: nil)
        }
    }

    /// How long `run(lesson:cell:fresh:)` should take for the cell `cellID`: the sum of the
    /// last run times of the cells it will execute (the cell itself unless it is cached and
    /// `fresh` is false, and every stale cell it needs). A stale cell's last run, before its
    /// code or data changed, is still the best guess. Nil when one of them never ran, or its
    /// entry is gone, or the lesson has errors.
    public func expectedSeconds(of lesson: Lesson, cell cellID: String, fresh: Bool) -> Double? {
        guard let plan = try? plan(lesson) else { return nil }
        let cached = Set(freshness(plan).filter(\.isCached).map(\.cellID))
        var total = 0.0
        for id in plan.checked.upstream(of: cellID) + [cellID] where !cached.contains(id) || (fresh && id == cellID) {
            guard let seconds = lastRunSeconds(of: lesson, cellID: id) else { return nil }
            total += seconds
        }
        return total
    }

    /// The seconds the cell took the last time it ran, if that run's entry is still cached.
    func lastRunSeconds(of lesson: Lesson, cellID: String) -> Double? {
        guard let record = cache.lastRecord(slug: lesson.slug, cellID: cellID) else { return nil }
        return (try? cache.manifest(for: record.key))?.seconds
    }

    /// Runs `lesson`, or only the cell `cellID` and the cells it needs.
    ///
    /// - Parameters:
    ///   - fresh: run the lesson's cells (or only the cell `cellID`) again even when cached; the
    ///     results replace the cached ones. The cells a fresh cell needs still come from the cache
    ///     when it is up to date, so rerunning a figure does not retrain the model behind it.
    ///   - progress: told when each cell starts, trains and finishes.
    /// - Returns: the executed cells in lesson order (only those involved when `cellID` is given).
    /// - Throws: the checker's diagnostics when the lesson has errors (nothing runs then), an
    ///   error when `cellID` names no cell, or one when the cache cannot be locked.
    ///
    /// While it runs, the run holds the cache's lock (``CacheLock``): a run of the same course in
    /// another process waits for it, reporting `.waiting`, and then finds these results cached.
    /// ``stop()`` ends such a wait too: every cell of the run is then `.interrupted`.
    public func run(
        lesson: Lesson, cell cellID: String? = nil, fresh: Bool = false,
        progress: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) throws(DiagnosticError) -> ExecutedLesson {
        let plan = try plan(lesson)
        var targets = plan.checked.cells.map(\.cell.id)
        if let cellID {
            guard plan.checked.cell(id: cellID) != nil else {
                throw DiagnosticError(.error(
                    at: SourceLocation(file: lesson.path, line: 0, column: 0), "no cell with id '\(cellID)'",
                    hint: SpellingSuggestion.hint(for: cellID, among: targets) ?? "cells: " + targets.joined(separator: ", ")))
            }
            let needed = Set(plan.checked.upstream(of: cellID) + [cellID])
            targets = targets.filter(needed.contains)
        }
        stopRequested.withLock { $0 = false }
        let lock: CacheLock?
        do {
            lock = try CacheLock(folder: cache.folder, waiting: { holder in progress(.waiting(for: holder)) },
                                 shouldStopWaiting: { self.isStopRequested })
        } catch is CacheLock.WaitStopped {
            // Stopped while another process held the cache: the stop request stays set, so each
            // cell below settles as interrupted without touching the cache.
            lock = nil
        } catch {
            throw DiagnosticError(.error(
                at: SourceLocation(file: cache.folder.path, line: 0, column: 0), "cannot lock the cache: \(error.fileSystemReason)",
                hint: "the cache folder must be writable; delete it to start afresh"))
        }
        defer { withExtendedLifetime(lock) {} }
        let freshCells: Set<String> = fresh ? Set(cellID.map { [$0] } ?? targets) : []
        var session = RunSession(runner: self, plan: plan, freshCells: freshCells, progress: progress)
        for id in targets { session.settle(id) }
        var values: [String: ShownValue] = [:]
        for value in lesson.inlineValues where values[value.expression] == nil {
            values[value.expression] = session.shown(value)
        }
        return ExecutedLesson(lesson: lesson, cells: targets.compactMap { session.results[$0] }, values: values)
    }

    var isStopRequested: Bool { stopRequested.withLock { $0 } }
}
