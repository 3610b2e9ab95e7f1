import Foundation
import LessonModel
import Outputs
import Testing
import TerminalStepper

/// The plain-text renderer over an executed lesson: what `course step --plain` prints, and
/// the outputs `course run` prints, with every figure saved under the one naming scheme.
struct PlainRendererTests {
    private let range = SourceRange(file: "Lessons/04-tiny.md", startLine: 1, startColumn: 1, endLine: 1, endColumn: 1)

    private var executed: ExecutedLesson {
        let cell = Cell(id: "loss", index: 1, attributes: [CellAttribute(name: "caption", value: "The loss falls", range: range)],
                        source: "showLoss()", range: range, bodyRange: nil, statements: [])
        let lesson = Lesson(path: "Lessons/04-tiny.md", slug: "tiny", number: 4,
                            frontMatter: FrontMatter(title: "Tiny", summary: ""),
                            blocks: [.paragraph([.text("Before the cell.")], range: range), .cell(cell)])
        let chart = LineChart(title: "Loss", series: [.init(name: "loss", values: [3, 2, 1])])
        return ExecutedLesson(lesson: lesson, cells: [
            ExecutedCell(cellID: "loss", status: .ran, outputs: [.text("done\n"), .chart(.line(chart), caption: "", altText: "")],
                         seconds: 2, cacheKey: "k"),
        ])
    }

    @Test func rendersTheLessonWithItsResultsAndSavesEveryFigure() throws {
        let folder = NSTemporaryDirectory() + "plain-renderer-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let printer = PlainPrinter(width: 60, figureFolder: folder, courseTitle: "Course")
        let text = printer.render(executed)
        #expect(text.hasPrefix("Course\n4. Tiny\n=======\n\nBefore the cell.\n\n┌─ cell 1 of 1 · loss\n│ showLoss()\n\n✓ ran in 2.0 s\n\ndone\n\n"))
        #expect(text.hasSuffix("▣ figure saved to \(folder)/tiny-loss-2.svg\nThe loss falls\n\n"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: folder + "/tiny-loss-2.svg"))
        // `course run` prints the same outputs without the status line.
        let outputs = printer.outputs(executed.cells[0], of: executed.lesson.cells[0], lessonSlug: "tiny")
        #expect(text.hasSuffix("✓ ran in 2.0 s\n" + outputs + "\n"), "\(outputs)")
    }
}
