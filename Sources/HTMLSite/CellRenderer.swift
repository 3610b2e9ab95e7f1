import Foundation
import LessonModel
import MarkupEscaping

/// Writes a cell as the reader sees it: its highlighted code, what it showed, and a line
/// saying how long it ran, whether it came from the cache, and the command that reruns it.
struct CellRenderer {
    /// The lesson the cells are in, which names the command that reruns one.
    let lesson: Lesson
    /// The runner's results, keyed by cell id.
    let results: [String: ExecutedCell]
    /// The lesson's figures, keyed by cell id and output position.
    let figures: [String: [Int: Figure]]

    /// The HTML for `cell`; the element's id is the cell's id, so `page.html#train` links to it.
    func render(_ cell: Cell) -> String {
        let result = results[cell.id]
        var html = "<div class=\"cell\(statusClass(result))\" id=\"\(MarkupEscaping.attribute(cell.id))\">\n"
        if !cell.isHidden {
            html += "<div class=\"cell-source\">"
            html += "<p class=\"cell-label\"><a href=\"#\(MarkupEscaping.attribute(cell.id))\">Cell \(cell.index)</a>"
            html += " <span class=\"cell-id\">\(MarkupEscaping.text(cell.id))</span></p>\n"
            html += "<pre class=\"hl\"><code>\(CodeLines.html(cell.source, language: "swift"))</code></pre></div>\n"
        }
        if let result {
            let outputs = result.outputs.enumerated().map { position, item in
                OutputRenderer.render(item, figure: figures[cell.id]?[position])
            }.joined()
            if !outputs.isEmpty { html += "<div class=\"cell-outputs\">\n\(outputs)</div>\n" }
            if case .failed(let diagnostic) = result.status {
                html += "<div class=\"cell-error\"><p>This cell failed:</p><pre>\(MarkupEscaping.text(diagnostic.description))</pre></div>\n"
            }
        }
        html += "<p class=\"cell-meta\">\(meta(for: result))</p>\n"
        return html + "</div>\n"
    }

    private func statusClass(_ result: ExecutedCell?) -> String {
        switch result?.status {
        case .failed?: " cell-failed"
        case .skipped?, .interrupted?, nil: " cell-not-run"
        case .ran?, .cached?: ""
        }
    }

    private func meta(for result: ExecutedCell?) -> String {
        guard let result else { return "<span class=\"cell-status\">Not run in this build</span>" }
        let time = Self.duration(result.seconds)
        let status: String
        switch result.status {
        case .ran: status = "Ran in \(time)"
        case .cached: status = "From the cache; ran in \(time)"
        case .failed: status = "Failed after \(time)"
        case .skipped(let dependency):
            let link = "<a href=\"#\(MarkupEscaping.attribute(dependency))\">\(MarkupEscaping.text(dependency))</a>"
            status = "Not run: it needs cell \(link), which failed"
        case .interrupted: status = "Interrupted after \(time)"
        }
        let html = "<span class=\"cell-status\">\(status)</span>"
        let command = lesson.reproduceCommand(cellID: result.cellID)
        return html + " <span class=\"cell-reproduce\">Reproduce: <code>\(MarkupEscaping.text(command))</code></span>"
    }

    /// A duration the way people say it: `0.42 s`, `3.1 s`, `2 min 05 s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "an unknown time" }
        if seconds < 1 { return String(format: "%.2f s", seconds) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, whole % 3600 / 60)
    }
}
