import MarkupEscaping
import Outputs

/// Writes a latent explorer as a numbered figure: the interactive part, hidden until
/// `latent-explorer.js` starts it, and a sentence saying what it offers, which readers without
/// scripts and paper see instead; then the scripts that bring its data and run it.
///
/// The scripts sit right after the figure, not in the page's head: the page template stays as
/// it is, and a script placed there finds the explorer already parsed. The shared script starts
/// only the explorers not yet started, so a page with two runs it twice harmlessly.
enum ExplorerRenderer {
    /// The script every explorer runs, at the site's root.
    static let scriptPath = "latent-explorer.js"

    /// The script's contents, `Resources/latent-explorer.js`.
    static var script: String { String(decoding: PackageResources.latent_explorer_js, as: UTF8.self) }

    /// The plane's size in canvas pixels (CSS may show it smaller on a phone).
    static let planeSize = 360

    /// The HTML for `explorer`, shown as `figure` with the caption HTML `caption`.
    static func html(_ explorer: LatentExplorer, figure: Figure, caption: String) -> String {
        let data = MarkupEscaping.attribute(LinkResolver.encoded(figure.path))
        let alt = MarkupEscaping.text(figure.altText)
        let side = explorer.imageColumns, height = explorer.imageRows
        return """
        <figure class="figure explorer" id="\(figure.anchor)">
        <div class="explorer-app" data-explorer="\(MarkupEscaping.attribute(figure.path))" hidden>
        <div class="explorer-pair">
        <canvas class="explorer-plane" width="\(planeSize)" height="\(planeSize)" tabindex="0">\(alt)</canvas>
        <div class="explorer-decoded"><canvas width="\(side)" height="\(height)">The image decoded from the code under the pointer.</canvas>
        <output>z = (0, 0)</output></div>
        </div>
        <ul class="explorer-legend"></ul>
        <div class="explorer-path">
        <canvas class="explorer-end" width="\(side)" height="\(height)">The image at the slider's start.</canvas>
        <input type="range" min="0" max="1000" value="500" aria-label="Position on the line between the two images' codes">
        <canvas class="explorer-end" width="\(side)" height="\(height)">The image at the slider's end.</canvas>
        <canvas class="explorer-path-image" width="\(side)" height="\(height)">The image decoded from the code at the slider.</canvas>
        <output>z = (0, 0)</output>
        </div>
        </div>
        <p class="explorer-fallback">\(MarkupEscaping.text(explorer.summary))</p>
        <figcaption>\(caption)</figcaption>
        </figure>
        <script src="\(data)"></script>
        <script src="\(scriptPath)"></script>

        """
    }
}
