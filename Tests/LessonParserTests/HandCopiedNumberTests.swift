import Foundation
import LessonModel
import Testing
import TestSupport
@testable import LessonParser

/// No number a run computed is copied into a lesson's text by hand: a number written in prose,
/// a caption or an alt text next to the words of a result (a loss, a distance, a score…) must
/// be an inline value (`` `{swift} name` ``). The numbers that stand there for another reason
/// (a threshold, a setting the lesson chose) are listed below, each with why.
@Suite struct HandCopiedNumberTests {
    /// Words that name something a run measures.
    static let resultWords = [
        "loss", "losses", "nats", "distance", "distances", "fréchet", "score", "scores", "scored", "accuracy",
        "kl", "reconstruction", "cost", "elbo", "samples", "covers", "classes",
    ]

    /// Numbers in the text that a run did not compute, by lesson file name: what the lesson set
    /// or a fact of the method, not a result.
    static let allowed: [String: Set<String>] = [
        // Two-number codes: the size the lesson chose.
        "01-codes-from-distributions.md": ["2"],
        // The KL weights β the lesson compares.
        "02-vae-loss.md": ["0.1", "1", "4"],
        // Code sizes the lesson chose, and the number of test images.
        "03-generating-with-vae.md": ["2", "20", "2-d", "20-d", "2-number", "20-number", "10,000"],
        // The cost's bounds (0 and 1 for D), the score thresholds the claims check (0.2, 0.95),
        // the number of steps six epochs of 64-image batches make, and lesson numbers.
        "04-gans.md": ["0", "1", "0.2", "0.95", "1,900", "3", "5"],
        // The number of samples the lesson draws, and the distance of identical statistics.
        "05-training-gans.md": ["0", "2,000"],
    ]

    /// A number within `window` words of a result word, as the reader sees the text.
    static func handCopiedNumbers(in text: String, window: Int = 4) -> [String] {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word in
            String(word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()\"'“”—–")))
        }
        var found: [String] = []
        for (index, word) in words.enumerated() where word.first?.isNumber == true && word.contains(where: \.isNumber) {
            let nearby = words[max(0, index - window)...min(words.count - 1, index + window)]
            if nearby.contains(where: { resultWords.contains($0) }) { found.append(word) }
        }
        return found
    }

    /// The text a reader sees outside code, math and inline values: prose, captions, alt texts.
    static func readerText(of lesson: Lesson) -> [String] {
        var texts: [String] = []
        func text(_ inlines: [Inline]) -> String {
            inlines.map { inline -> String in
                switch inline {
                case .text(let text): text
                case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children): text(children)
                case .softBreak, .lineBreak: " "
                case .code, .math, .html, .value: " "
                }
            }.joined()
        }
        Block.visit(lesson.blocks) { block in
            switch block {
            case .heading(_, let inlines, _, _), .paragraph(let inlines, _): texts.append(text(inlines))
            default: break
            }
        }
        for cell in lesson.cells {
            for attribute in cell.attributes where attribute.name == "caption" || attribute.name == "alt" {
                var plain = attribute.value
                for span in InlineValue.spans(in: attribute.value).reversed() { plain.replaceSubrange(span.range, with: " ") }
                texts.append(plain)
            }
        }
        return texts
    }

    static let lessons = (try? LessonCatalog(repositoryRoot: PackageRoot.url.path))?.entries.map(\.path) ?? []

    @Test(arguments: lessons)
    func noResultNumberIsCopiedByHand(_ path: String) throws {
        let lesson = try LessonParser(repositoryRoot: PackageRoot.url.path).parse(fileAt: path).lesson
        let name = URL(fileURLWithPath: path).lastPathComponent
        let found = Self.readerText(of: lesson).flatMap { Self.handCopiedNumbers(in: $0) }
        let unexplained = found.filter { !(Self.allowed[name] ?? []).contains($0) }
        #expect(unexplained.isEmpty, "\(name): numbers next to results that should be `{swift} …` values: \(unexplained)")
    }

    @Test func theScanFindsANumberNextToAResult() {
        #expect(Self.handCopiedNumbers(in: "The test loss is 243.9 nats per image.") == ["243.9"])
        #expect(Self.handCopiedNumbers(in: "Train for 5 epochs on the images.") == [])
    }
}
