import Foundation

/// The sentence a figure's caption adds for an image grid's labels, which the terminal prints
/// under the images but the PNG does not show.
///
/// Steps label a grid in one of two ways: every image (its class), or only the first image of
/// each grid row (the epoch the row comes from), leaving the other labels empty. A list of
/// every label in reading order would then read ", , ,", so the sentence follows the way the
/// grid was labelled: it lists every image's label, or every row's, or, for any other mix,
/// names the position of each labelled image. A grid without a single label gets no sentence.
enum GridLabels {
    /// The sentence for `labels`, one per image of a grid with `gridColumns` (at least 1) images
    /// per row, or nil when no image has a label. The text is not escaped.
    static func sentence(labels: [String], gridColumns: Int) -> String? {
        let labelled = labels.indices.filter { !labels[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !labelled.isEmpty else { return nil }
        if labelled.count == labels.count {
            return "Images in reading order: \(labels.joined(separator: ", "))."
        }
        let rowStarts = Array(stride(from: 0, to: labels.count, by: gridColumns))
        if rowStarts.count > 1, labelled == rowStarts {
            return "Rows from top to bottom: \(labelled.map { labels[$0] }.joined(separator: ", "))."
        }
        let named = labelled.map { "image \($0 + 1): \(labels[$0])" }.joined(separator: "; ")
        return named.prefix(1).uppercased() + named.dropFirst() + "."
    }
}
