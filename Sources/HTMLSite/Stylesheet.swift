import SyntaxHighlighting

/// The site's one style sheet, `Resources/style.css`: system fonts, a light and a dark theme
/// that follow the reader's setting, a reading column that also fits a phone, and print rules;
/// then the latent explorer's rules (`Resources/latent-explorer.css`) and the code highlighting
/// theme. The files are built into the binary, so the site needs no resource bundle at run time.
enum Stylesheet {
    /// The whole `style.css`: the site's rules followed by the code highlighting theme, whose dark
    /// rules, like the site's, apply on screens only: paper is white whatever the reader's setting.
    static var css: String {
        String(decoding: PackageResources.style_css, as: UTF8.self) + "\n"
            + String(decoding: PackageResources.latent_explorer_css, as: UTF8.self) + "\n"
            + HTMLHighlighter.stylesheet(scope: ".hl", darkMediaQuery: "screen and (prefers-color-scheme: dark)")
    }

    /// The site icon, `Resources/favicon.svg`: the course mark, two overlapping bell curves.
    static var favicon: String { String(decoding: PackageResources.favicon_svg, as: UTF8.self) }
}
