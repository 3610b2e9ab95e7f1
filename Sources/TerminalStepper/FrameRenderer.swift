import LessonModel

/// Writes the stepper's frames: the header, the visible lines of the slide with their images
/// placed last, and the status rows; clears the screen when images come or go.
struct FrameRenderer {
    private var lastFrameHadImages = false

    /// The escape codes that draw a whole screen: `header`, `lines` from `scroll` on, and
    /// `footer` (``StatusLine/rows(_:legend:geometry:capabilities:)``).
    mutating func frame(header: StyledText, lines: [ScreenLine], scroll: Int, footer: String, on screen: StepperScreen) -> String {
        let geometry = screen.geometry, capabilities = screen.capabilities
        let visible = scroll..<min(lines.count, scroll + geometry.bodyRows)
        let hasImages = visible.contains { if case .image = lines[$0] { true } else { false } }
        var frame = ""
        if hasImages || lastFrameHadImages {
            if screen.images == .kitty { frame += TerminalOutput.deleteKittyImages }
            frame += TerminalOutput.clearScreen
        }
        lastFrameHadImages = hasImages
        frame += TerminalOutput.moveTo(row: 1) + header.rendered(for: capabilities) + TerminalOutput.clearToEndOfLine
        let indent = String(repeating: " ", count: geometry.margin)
        var deferredImages: [(row: Int, sequence: String)] = []
        for offset in 0..<geometry.bodyRows {
            let row = geometry.firstBodyRow + offset
            frame += TerminalOutput.moveTo(row: row)
            let index = scroll + offset
            guard index < lines.count else {
                frame += TerminalOutput.clearToEndOfLine
                continue
            }
            switch lines[index] {
            case .text(let text):
                frame += indent + text.rendered(for: capabilities)
            case .raw(let text):
                frame += indent + text
            case .image(let placement):
                if offset + placement.rows <= geometry.bodyRows {
                    deferredImages.append((row, placement.sequence))
                } else {
                    frame += indent + placement.placeholder.rendered(for: capabilities)
                }
            case .imageRow:
                break
            }
            frame += TerminalOutput.clearToEndOfLine
        }
        // Images last, so the text drawn after them cannot overwrite their cells.
        for (row, sequence) in deferredImages {
            frame += TerminalOutput.moveTo(row: row) + indent + sequence
        }
        return frame + footer
    }

    /// The top row: the course and lesson at the left, which cell at the right.
    static func header(courseTitle: String, lesson: Lesson, cellIndex: Int?, columns: Int) -> StyledText {
        let style = TextStyle(bold: true, foreground: .black, background: .rgb(0x7F, 0xD1, 0xB9))
        var left = " "
        if !courseTitle.isEmpty { left += courseTitle + " › " }
        left += "\(lesson.number). \(lesson.frontMatter.title)"
        let cellCount = lesson.cells.count
        let right = cellIndex.map { "cell \($0 + 1) of \(cellCount) " }
            ?? "end · \(cellCount) cell\(cellCount == 1 ? "" : "s") "
        let room = columns - TextWidth.of(right)
        var line = StyledText(left, style: style).truncated(toWidth: max(0, room - 1))
        line.append(String(repeating: " ", count: max(0, columns - line.width - TextWidth.of(right))), style: style)
        line.append(right, style: style)
        return line.truncated(toWidth: columns)
    }
}
