import ArgumentParser
import LessonModel
import LessonParser
import LessonRunner

/// `course list`: every lesson and cell, cached or stale, and why.
struct ListCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List lessons and cells: cached or stale, and why.")

    @OptionGroup var options: RepositoryOptions

    func execute(console: Console) throws -> Int32 {
        let runner = try options.runner(console: console)
        var errors = 0
        let entries: [LessonCatalog.Entry]
        do { entries = try options.lessons([]) } catch {
            console.report(error.diagnostics)
            return 1
        }
        for entry in entries {
            do {
                let lesson = try options.parse(path: entry.path)
                console.out("\(entry.path)  \(lesson.frontMatter.title)")
                let cells = try runner.freshness(of: lesson)
                let width = cells.map(\.cellID.count).max() ?? 0
                for cell in cells {
                    let padded = cell.cellID + String(repeating: " ", count: width - cell.cellID.count)
                    if cell.isCached {
                        console.out("  \(padded)  cached  (ran in \(String(format: "%.2f", cell.seconds ?? 0)) s)")
                    } else {
                        console.out("  \(padded)  stale   \(cell.reasons.joined(separator: "; "))")
                    }
                }
            } catch {
                console.out("\(entry.path)  (has errors; see 'course check')")
                errors += console.report(error.diagnostics)
            }
        }
        return errors == 0 ? 0 : 1
    }
}
