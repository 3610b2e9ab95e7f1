import Foundation
import LessonModel
import TeX

/// The site's search index, `search-index.js`: every lesson cut into sections at its headings,
/// each with the heading's anchor and the section's prose as plain text, which `search.js`
/// searches in the reader's browser.
///
/// It is a script that sets a global rather than a JSON file, because a page opened from
/// `file://` may load a script next to it but may not `fetch()` a local file.
struct SearchIndex {
    /// One searchable section of a lesson: the text from one heading to the next.
    struct Section: Codable, Equatable {
        /// The lesson's number, title and page.
        var lesson: Int
        var lessonTitle: String
        var page: String
        /// The heading's text and its anchor; for the text before a lesson's first section,
        /// the lesson's title and an empty anchor (the top of the page).
        var heading: String
        var anchor: String
        /// The section's prose and captions, as plain text with inline values as the run
        /// computed them and math as one line of Unicode (`½∑ⱼ(μⱼ² + σⱼ²)`), as the terminal shows it.
        var text: String
    }

    /// The global the script sets.
    static let variable = "courseSearchIndex"

    let sections: [Section]

    /// The sections of every lesson, in course order.
    init(lessons: [ExecutedLesson]) {
        sections = lessons.flatMap(Self.sections(of:))
    }

    /// The contents of `search-index.js`.
    var script: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(sections)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        // U+2028 and U+2029 end a line in older JavaScript, though JSON allows them in strings.
        let safe = json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return "// Written by course build: the sections search.js searches.\nwindow.\(Self.variable) = \(safe);\n"
    }

    /// `executed`'s lesson cut at its headings. A leading `# Title` is the page's title, so
    /// the text after it belongs to the lesson's first section, which links to the page's top.
    static func sections(of executed: ExecutedLesson) -> [Section] {
        let lesson = executed.lesson
        let link = LessonLink(lesson)
        let values = executed.valueTexts
        var sections = [Section(lesson: lesson.number, lessonTitle: link.title, page: link.page,
                                heading: link.title, anchor: "", text: "")]
        var blocks = lesson.blocks
        if case .heading(1, _, _, _)? = blocks.first { blocks.removeFirst() }
        func append(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + trimmed
        }
        // An answer stays out of the index: a result would give it away, and link into a closed box.
        Block.visit(blocks, enteringAnswers: false) { block in
            switch block {
            case .heading(_, let inlines, let anchor, _):
                sections.append(Section(lesson: lesson.number, lessonTitle: link.title, page: link.page,
                                        heading: plainText(inlines, values: values), anchor: anchor, text: ""))
            case .paragraph(let inlines, _):
                append(plainText(inlines, values: values))
            case .displayMath(let formula, _):
                append(TeX.unicode(for: formula.node))
            case .cell(let cell):
                // A caption says what a figure shows; its inline values were computed by the run.
                for attribute in cell.attributes where attribute.name == "caption" {
                    append(InlineValue.substitute(in: attribute.value) { values[$0] })
                }
            default:
                break
            }
        }
        // A lesson that opens with a section has no text before it.
        if sections.count > 1 && sections[0].text.isEmpty { sections.removeFirst() }
        return sections
    }

    /// The text a reader sees, with each inline value as the run computed it.
    static func plainText(_ inlines: [Inline], values: [String: String]) -> String {
        inlines.map { inline in
            switch inline {
            case .value(let value): values[value.expression] ?? InlineValue.placeholder
            case .math(let formula, _): TeX.unicode(for: formula.node)
            // The page shows raw HTML as code, so a reader may search for it.
            case .html(let raw): raw
            case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
                plainText(children, values: values)
            default: Inline.plainText(of: [inline])
            }
        }.joined()
    }
}
