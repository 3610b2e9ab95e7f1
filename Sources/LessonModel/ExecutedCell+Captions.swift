import Outputs

extension ExecutedCell {
    /// The outputs as a reader sees them under `cell`: its `caption=` and `alt=` attributes
    /// replace the caption and text alternative of its first figure (or explorer), because the author words
    /// the figure the lesson is about and the step words the rest. Inline values in them
    /// (`` `{swift} name` ``) show `values`, as the run computed them.
    public func outputs(captionedBy cell: Cell, values: [String: String]) -> [DisplayItem] {
        guard let first = outputs.firstIndex(where: { $0.captionAndAltText != nil }) else { return outputs }
        let shown = { (text: String) in InlineValue.substitute(in: text) { values[$0] } }
        let caption = cell.caption.flatMap { $0.isEmpty ? nil : shown($0) }
        let alt = cell.alt.flatMap { $0.isEmpty ? nil : shown($0) }
        var captioned = outputs
        switch outputs[first] {
        case .imageGrid(let grid, let stepCaption, let stepAlt):
            captioned[first] = .imageGrid(grid, caption: caption ?? stepCaption, altText: alt ?? stepAlt)
        case .chart(let chart, let stepCaption, let stepAlt):
            captioned[first] = .chart(chart, caption: caption ?? stepCaption, altText: alt ?? stepAlt)
        case .latentExplorer(let explorer, let stepCaption, let stepAlt):
            captioned[first] = .latentExplorer(explorer, caption: caption ?? stepCaption, altText: alt ?? stepAlt)
        case .text, .table, .metrics:
            break
        }
        return captioned
    }
}
