import CourseSteps
import LessonModel
import Tensors

/// A checked lesson with every cell's cache-key ingredients: what the runner needs to decide,
/// without running anything, which cells are fresh.
public struct LessonPlan: Sendable {
    /// The checked lesson.
    public let checked: CheckedLesson
    /// Each cell's ingredients, by cell id.
    public let ingredients: [String: CacheKeyIngredients]
    /// Each cell's seed, by cell id.
    public let seeds: [String: UInt64]
    /// Warnings from the checker.
    public let warnings: [Diagnostic]

    /// The cache key of the cell `id`.
    public func key(of id: String) -> String { ingredients[id]!.key }

    /// The lesson.
    public var lesson: Lesson { checked.lesson }

    /// Computes the ingredients of every cell in order, each cell's from its upstream cells' keys.
    init(checked: CheckedLesson, warnings: [Diagnostic], fingerprint: CodeFingerprint, backend: NumericBackend.Identity?,
         dataIdentity: (_ step: String, DataSource) -> String) {
        self.checked = checked
        self.warnings = warnings
        var ingredients: [String: CacheKeyIngredients] = [:]
        var seeds: [String: UInt64] = [:]
        var identities: [String: String] = [:]
        for checkedCell in checked.cells {
            let cell = checkedCell.cell
            let steps = checkedCell.steps
            let seed = CellSeed.seed(of: cell, in: checked.lesson)
            var attributes: [String: String] = [:]
            // verify's tolerance judges the results and does not make them: changing it reruns nothing.
            for attribute in cell.attributes where attribute.name != "tolerance" { attributes[attribute.name] = attribute.value }
            var upstream: [String: String] = [:]
            for id in checkedCell.dependencies { upstream[id] = ingredients[id]?.key }
            var cellData: String?
            let loads = steps.filter { $0.dataSource != nil }.map(\.name)
            for name in Set(loads).sorted() {
                let step = steps.first { $0.name == name }!
                if identities[name] == nil { identities[name] = dataIdentity(name, step.dataSource!) }
                cellData = (cellData.map { $0 + "\n" } ?? "") + identities[name]!
            }
            seeds[cell.id] = seed
            ingredients[cell.id] = CacheKeyIngredients(
                source: CanonicalSource.text(of: cell.statements), attributes: attributes, upstream: upstream,
                seed: seed, data: cellData, modules: fingerprint.subset(steps.flatMap(\.modules)),
                backend: steps.isEmpty ? nil : backend)
        }
        self.ingredients = ingredients
        self.seeds = seeds
    }
}
