import AtomicFiles
import CourseSteps
import Figures
import Foundation
import LessonModel
import Outputs

/// The state of one `Runner.run` call: each settled cell's result, and the values bound so far
/// (computed in this run or restored from the cache on demand).
struct RunSession {
    private static let executionLock = NSRecursiveLock()

    let runner: Runner
    let plan: LessonPlan
    /// The cells to run even when cached.
    let freshCells: Set<String>
    let progress: @Sendable (RunEvent) -> Void

    /// The result of each cell settled so far, by id.
    var results: [String: ExecutedCell] = [:]
    /// Values bound in this run or restored, by name.
    private var values: [String: StepValue] = [:]
    /// The manifests of cells taken from the cache, by cell id, to restore their values later.
    private var manifests: [String: CacheManifest] = [:]
    /// The cell that binds each name.
    private let producers: [String: String]

    init(runner: Runner, plan: LessonPlan, freshCells: Set<String>, progress: @escaping @Sendable (RunEvent) -> Void) {
        self.runner = runner
        self.plan = plan
        self.freshCells = freshCells
        self.progress = progress
        var producers: [String: String] = [:]
        for cell in plan.checked.cells {
            for binding in cell.bindings { producers[binding.name] = cell.cell.id }
        }
        self.producers = producers
    }

    private var cache: CacheStore { runner.cache }

    /// Gives the cell `id` its result: from the cache when fresh, else by running it (its
    /// upstream cells have been settled before, in lesson order).
    mutating func settle(_ id: String) {
        let checked = plan.checked.cell(id: id)!
        if runner.isStopRequested {
            finish(ExecutedCell(cellID: id, status: .interrupted, outputs: [], seconds: 0,
                                cacheKey: plan.key(of: id)))
            return
        }
        if let blocker = plan.checked.upstream(of: id).first(where: { upstreamID in
            guard let status = results[upstreamID]?.status else { return false }
            switch status {
            case .ran, .cached: return false
            case .failed, .skipped, .interrupted: return true
            }
        }) {
            finish(ExecutedCell(cellID: id, status: .skipped(dependency: blocker), outputs: [], seconds: 0,
                                cacheKey: plan.key(of: id)))
            return
        }
        if !freshCells.contains(id), let (manifest, outputs) = cachedResult(of: id) {
            manifests[id] = manifest
            rememberCachedResult(id, manifest: manifest)
            finish(ExecutedCell(cellID: id, status: .cached, outputs: outputs, seconds: manifest.seconds,
                                cacheKey: manifest.key))
            return
        }
        execute(checked)
    }

    /// The cached manifest and outputs of cell `id`; a damaged entry is reported, deleted and
    /// treated as missing.
    private mutating func cachedResult(of id: String) -> (CacheManifest, [DisplayItem])? {
        let key = plan.key(of: id)
        do {
            guard let manifest = try cache.manifest(for: key) else { return nil }
            return (manifest, try cache.outputs(of: manifest))
        } catch {
            discardDamagedEntry(key, cellID: id, error)
            return nil
        }
    }

    private func discardDamagedEntry(_ key: String, cellID: String, _ error: any Error) {
        if error is CacheCorruption {
            progress(.notice("cache entry for cell '\(cellID)' is corrupt (\(error)); recomputing"))
        } else {
            progress(.notice("cache entry for cell '\(cellID)' cannot be restored (\(error)); recomputing"))
        }
        cache.removeEntry(key)
    }

    /// Runs a cell and caches its result when it succeeds.
    private mutating func execute(_ checked: CheckedCell) {
        let id = checked.cell.id
        let key = plan.key(of: id)
        var inputs: [String: StepValue] = [:]
        for name in checked.inputs {
            guard let value = value(of: name) else {
                let producer = producers[name] ?? "?"
                finish(ExecutedCell(cellID: id, status: .skipped(dependency: producer), outputs: [], seconds: 0,
                                    cacheKey: key))
                return
            }
            inputs[name] = value
        }
        // The display sink and the step context are process-wide, so cells of different runs
        // in one process (the test suite, a site build beside a stepper) take turns; the time
        // limit counts from the cell's turn.
        Self.executionLock.lock()
        defer { Self.executionLock.unlock() }
        progress(.started(cellID: id))
        let start = ContinuousClock.now
        let limit = TimeLimit(cell: checked.cell, lesson: plan.lesson, courseWide: runner.timeLimit)
        let runner = self.runner
        let progress = self.progress
        let context = StepContext(
            seed: plan.seeds[id]!,
            progress: { progress(.training(cellID: id, $0)) },
            shouldStop: { runner.isStopRequested || limit.map { Self.seconds(since: start) > $0.seconds } ?? false })
        let evaluator = CellEvaluator { name in inputs[name]! }
        let status: ExecutedCell.Status
        do {
            let (bound, outputs) = try StepContext.with(context) { () throws -> ([(name: String, value: StepValue)], [DisplayItem]) in
                try Display.capture { try evaluator.run(checked) }
            }
            let seconds = Self.seconds(since: start)
            for (name, value) in bound { values[name] = value }
            store(checked, seconds: seconds, outputs: outputs, bindings: bound)
            finish(ExecutedCell(cellID: id, status: .ran, outputs: outputs, seconds: seconds, cacheKey: key))
            return
        } catch is StepStopped {
            if let limit, !runner.isStopRequested {
                status = .failed(.error(
                    at: checked.cell.range.start, "cell '\(id)' ran longer than its time limit of \(limit.formattedSeconds) s",
                    hint: limit.hint))
            } else {
                status = .interrupted
            }
        } catch let error as DiagnosticError {
            var first = error.errors.first ?? error.diagnostics[0]
            first.notes += error.errors.dropFirst()
            status = .failed(first)
        } catch {
            status = .failed(.error(at: checked.cell.range.start, "cell '\(id)' failed: \(error)"))
        }
        finish(ExecutedCell(cellID: id, status: status, outputs: [], seconds: Self.seconds(since: start), cacheKey: key))
    }

    /// The value bound to `name`: from this run, else restored from its cell's cache entry; when
    /// that entry is damaged or cannot be restored, its cell runs again. Nil when it failed.
    private mutating func value(of name: String) -> StepValue? {
        if let value = values[name] { return value }
        guard let producer = producers[name] else { return nil }
        if let manifest = manifests[producer], manifest.bindings.contains(where: { $0.name == name }) {
            do {
                let value = try cache.value(name, of: manifest)
                values[name] = value
                return value
            } catch {
                discardDamagedEntry(manifest.key, cellID: producer, error)
                manifests[producer] = nil
            }
        }
        // Not cached, damaged, or a value with no stored form (an array of models): run its cell again.
        execute(plan.checked.cell(id: producer)!)
        return values[name]
    }

    /// What the inline value `inline` shows, when the cell that binds its name ran or came from
    /// the cache in this run; nil otherwise (the text then shows a placeholder).
    mutating func shown(_ inline: InlineValue) -> ShownValue? {
        guard let producer = producers[inline.name], let status = results[producer]?.status else { return nil }
        switch status {
        case .ran, .cached: break
        case .failed, .skipped, .interrupted: return nil
        }
        guard var value = value(of: inline.name) else { return nil }
        for member in inline.members {
            guard case .object(let object) = value,
                  let step = runner.catalog.first(where: { $0.name == member && $0.kind == .property(receiver: type(of: object).typeName) }),
                  let next = try? step.invoke([value]) else { return nil }
            value = next
        }
        return switch value {
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        case .string(let text): .text(text)
        case .bool(let truth): .bool(truth)
        case .choice(let name, _): .text(name)
        case .array, .object, .void: nil
        }
    }

    private func store(_ checked: CheckedCell, seconds: Double, outputs: [DisplayItem], bindings: [(name: String, value: StepValue)]) {
        let id = checked.cell.id
        let ingredients = plan.ingredients[id]!
        do {
            try cache.store(ingredients: ingredients, seconds: seconds, outputs: outputs, bindings: bindings)
            try cache.record(slug: plan.lesson.slug, cellID: id, ingredients: ingredients)
        } catch {
            progress(.notice("cannot cache cell '\(id)': \(error.fileSystemReason)"))
        }
    }

    /// Points the cell's record at the entry it was served from, when the record says otherwise:
    /// a build killed between storing an entry and recording it, or an entry computed under
    /// another kernel and now shown again, would leave the record naming a result the course no
    /// longer shows.
    private func rememberCachedResult(_ id: String, manifest: CacheManifest) {
        guard cache.lastRecord(slug: plan.lesson.slug, cellID: id)?.key != manifest.key else { return }
        do {
            try cache.record(slug: plan.lesson.slug, cellID: id, ingredients: plan.ingredients[id]!)
        } catch {
            progress(.notice("cannot record cell '\(id)': \(error.fileSystemReason)"))
        }
    }

    private mutating func finish(_ cell: ExecutedCell) {
        results[cell.cellID] = cell
        progress(.finished(cell))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
