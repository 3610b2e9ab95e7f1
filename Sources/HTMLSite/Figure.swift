import Figures
import LessonModel
import Outputs

/// A figure a cell showed, as the page presents it: numbered within its lesson, written to its
/// own file, with the caption and text alternative it is shown with. A latent explorer is a
/// figure too, whose file is the data script its page loads.
struct Figure: Sendable, Equatable {
    /// The position among the lesson's figures, from 1.
    var sequence: Int
    /// The number shown in the caption, `2.3` for the third figure of lesson 2.
    var number: String
    /// The file, relative to the site folder: `figures/02-vae-loss-train-1.png`.
    var path: String
    /// The file's contents (PNG, SVG, or an explorer's data script).
    var bytes: [UInt8]
    /// The natural size in CSS pixels.
    var width: Int
    var height: Int
    /// The caption, without the `Figure 2.3:` prefix; may be empty.
    var caption: String
    /// What the figure shows, for readers who cannot see it.
    var altText: String
    /// What an image grid's labels say, as a sentence for under the caption (see ``GridLabels``);
    /// nil for charts and for grids without labels.
    var labelSentence: String?
    /// Whether the image is a pixel grid that should be scaled without smoothing.
    var isPixelArt: Bool
    /// The latent explorer this figure runs, whose data script is the file; nil for an image.
    var explorer: LatentExplorer? = nil

    /// The element id, such as `figure-2.3`; the dot keeps it apart from heading and cell ids.
    var anchor: String { "figure-\(number)" }

    /// The figures of a lesson, keyed by cell id and then by output position, numbered in
    /// document order, captioned as ``ExecutedCell/outputs(captionedBy:)`` says.
    static func figures(of executed: ExecutedLesson, pageStem: String) -> [String: [Int: Figure]] {
        var result: [String: [Int: Figure]] = [:]
        var count = 0
        let values = executed.valueTexts
        for cell in executed.lesson.cells {
            guard let outputs = executed.cell(id: cell.id)?.outputs(captionedBy: cell, values: values) else { continue }
            for (position, item) in outputs.enumerated() {
                guard let fileName = item.figureFileName(lesson: pageStem, cellID: cell.id, position: position + 1)
                    ?? ExplorerData.fileName(of: item, lesson: pageStem, cellID: cell.id, position: position + 1) else { continue }
                count += 1
                let number = "\(executed.lesson.number).\(count)"
                let path = "figures/" + fileName
                var figure: Figure
                switch item {
                case .imageGrid(let grid, let caption, let altText):
                    let raster = grid.raster()
                    figure = Figure(sequence: count, number: number, path: path, bytes: raster.pngData(), width: raster.width, height: raster.height,
                                    caption: caption, altText: altText,
                                    labelSentence: grid.labels.flatMap { GridLabels.sentence(labels: $0, gridColumns: grid.gridColumns) },
                                    isPixelArt: true)
                case .chart(let chart, let caption, let altText):
                    let size = chart.size
                    figure = Figure(sequence: count, number: number, path: path, bytes: item.figureFileBytes() ?? [], width: size.width,
                                    height: size.height, caption: caption, altText: altText, labelSentence: nil, isPixelArt: false)
                case .latentExplorer(let explorer, let caption, let altText):
                    figure = Figure(sequence: count, number: number, path: path, bytes: ExplorerData.script(explorer, key: path), width: 0,
                                    height: 0, caption: caption, altText: altText, labelSentence: nil, isPixelArt: false, explorer: explorer)
                case .text, .table, .metrics:
                    continue
                }
                if figure.altText.isEmpty { figure.altText = figure.caption.isEmpty ? "Figure \(number)" : figure.caption }
                result[cell.id, default: [:]][position] = figure
            }
        }
        return result
    }
}

extension Chart {
    /// The chart's SVG size in pixels.
    var size: (width: Int, height: Int) {
        switch self {
        case .line(let chart): (chart.width, chart.height)
        case .scatter(let chart): (chart.width, chart.height)
        case .bar(let chart): (chart.width, chart.height)
        case .heatMap(let chart): (chart.width, chart.height)
        case .smallMultiples(let chart): (chart.width, chart.height)
        }
    }
}
