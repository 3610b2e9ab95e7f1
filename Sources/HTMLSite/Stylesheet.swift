import SyntaxHighlighting

/// The site's one style sheet: system fonts, a light and a dark theme that follow the reader's
/// setting, a reading column that also fits a phone, and print rules.
enum Stylesheet {
    /// The whole `style.css`: the site's rules followed by the code highlighting theme.
    static var css: String { site + "\n" + screenOnly(HTMLHighlighter.stylesheet(scope: ".hl")) }

    /// Dark rules limited to screens: paper is white whatever the reader's setting.
    private static func screenOnly(_ css: String) -> String {
        css.replacingOccurrences(of: "@media (prefers-color-scheme: dark)", with: "@media screen and (prefers-color-scheme: dark)")
    }

    private static let site = """
    /* Course site. No web fonts, no framework: system font stacks and custom properties. */
    :root {
      color-scheme: light dark;
      --font-text: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
      --font-code: ui-monospace, "SF Mono", "Cascadia Code", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
      --font-math: "STIX Two Math", "Latin Modern Math", "Cambria Math", "Noto Sans Math", math;
      --bg: #ffffff;
      --surface: #f6f8fa;
      --surface-strong: #eef1f4;
      --text: #1f2328;
      --muted: #59636e;
      --border: #d8dee4;
      --accent: #3451b2;
      --accent-soft: #e8edfb;
      --error: #b42318;
      --error-soft: #fef3f2;
      --wrap-mark: #b4bcc5;
      --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 4px 12px rgb(16 24 40 / 6%);
      --radius: 10px;
      --column: 46rem;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --bg: #141418;
        --surface: #1f1f24;
        --surface-strong: #27272e;
        --text: #e6e6e9;
        --muted: #a3a3ad;
        --border: #33333b;
        --accent: #9db0ff;
        --accent-soft: #232a45;
        --error: #ff8a80;
        --error-soft: #2d1a1a;
        --wrap-mark: #55555f;
        --shadow: 0 1px 2px rgb(0 0 0 / 40%), 0 4px 16px rgb(0 0 0 / 30%);
      }
    }

    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0;
      background: var(--bg);
      color: var(--text);
      font: 17px/1.65 var(--font-text);
      overflow-wrap: break-word;
    }
    a { color: var(--accent); text-underline-offset: 0.15em; text-decoration-thickness: 1px; }
    a:hover { text-decoration-thickness: 2px; }
    img { max-width: 100%; height: auto; }
    img.pixelated { image-rendering: pixelated; }
    code, pre { font-family: var(--font-code); font-size: 0.875em; }
    :not(pre) > code {
      background: var(--surface-strong);
      border-radius: 4px;
      padding: 0.1em 0.35em;
    }
    pre {
      margin: 1.25rem 0;
      padding: 0.85rem 1rem;
      overflow-x: auto;
      line-height: 1.5;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      tab-size: 4;
    }
    pre code { font-size: inherit; }
    /* Code boxes wrap a long line instead of hiding its end past the box's edge (see
       CodeLines.swift): its continuation rows hang two columns past the line's own indentation,
       beside a rule from the second row down, so they never read as lines of their own. */
    pre.hl { white-space: pre-wrap; overflow-wrap: anywhere; }
    .hl .line {
      display: block;
      position: relative;
      padding-left: calc(var(--indent, 0ch) + 2ch);
      text-indent: calc(-1 * (var(--indent, 0ch) + 2ch));
    }
    .hl .indent { white-space: pre; }
    .hl .line::after {
      content: "";
      position: absolute;
      top: 1.5em;
      bottom: 0.2em;
      left: calc(var(--indent, 0ch) + 0.5ch);
      border-left: 2px solid var(--wrap-mark);
    }
    math { font-family: var(--font-math); font-size: 1.08em; }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2.5rem 0; }
    blockquote {
      margin: 1.5rem 0;
      padding: 0.25rem 1.25rem;
      border-left: 4px solid var(--accent);
      background: var(--accent-soft);
      border-radius: 0 var(--radius) var(--radius) 0;
    }
    h1, h2, h3, h4, h5, h6 { line-height: 1.25; letter-spacing: -0.01em; font-weight: 600; }
    h2 { font-size: 1.55rem; margin: 2.75rem 0 0.75rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
    h4, h5, h6 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
    :target { scroll-margin-top: 1rem; }
    .anchor {
      margin-left: 0.35em;
      color: var(--muted);
      font-size: 0.75em;
      font-weight: 400;
      text-decoration: none;
      opacity: 0.4;
    }
    /* With a mouse the link appears on hover; on touch screens it stays faintly visible. */
    @media (hover: hover) {
      .anchor { opacity: 0; transition: opacity 0.1s; }
      :is(h1, h2, h3, h4, h5, h6):hover .anchor, .anchor:focus-visible { opacity: 1; }
    }

    /* Header and footer. */
    .site-header { border-bottom: 1px solid var(--border); background: var(--surface); }
    .site-header-inner {
      max-width: 72rem;
      margin: 0 auto;
      padding: 0.7rem 1.25rem;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .site-title { color: var(--text); font-weight: 700; text-decoration: none; letter-spacing: -0.01em; }
    .lesson-menu { position: relative; font-size: 0.95rem; }
    .lesson-menu summary {
      cursor: pointer;
      list-style: none;
      padding: 0.3rem 0.8rem;
      border: 1px solid var(--border);
      border-radius: 999px;
      background: var(--bg);
      color: var(--text);
    }
    .lesson-menu summary::-webkit-details-marker { display: none; }
    .lesson-menu summary::after { content: " ▾"; color: var(--muted); }
    .lesson-menu ol {
      position: absolute;
      right: 0;
      z-index: 10;
      width: min(22rem, 90vw);
      margin: 0.5rem 0 0;
      padding: 0.4rem;
      list-style: none;
      background: var(--bg);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      box-shadow: var(--shadow);
    }
    .lesson-menu li a {
      display: flex;
      gap: 0.6rem;
      padding: 0.45rem 0.6rem;
      border-radius: 6px;
      color: var(--text);
      text-decoration: none;
      line-height: 1.35;
    }
    .lesson-menu li a:hover { background: var(--surface); }
    .lesson-menu li a[aria-current="page"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
    .menu-number { color: var(--muted); font-variant-numeric: tabular-nums; min-width: 1.2em; text-align: right; }
    .site-footer {
      margin-top: 4rem;
      padding: 1.5rem 1.25rem 2.5rem;
      border-top: 1px solid var(--border);
      color: var(--muted);
      font-size: 0.875rem;
      text-align: center;
    }
    .site-footer a { color: inherit; }

    /* A lesson page: a reading column, with the contents beside it on wide screens. */
    .lesson {
      max-width: var(--column);
      margin: 0 auto;
      padding: 2.25rem 1.25rem 0;
    }
    .lesson-header h1 { font-size: 2.3rem; margin: 0.25rem 0 0.5rem; letter-spacing: -0.02em; }
    .lesson-number {
      margin: 0;
      color: var(--accent);
      font-size: 0.85rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    .lesson-summary { margin: 0 0 1.5rem; color: var(--muted); font-size: 1.15rem; line-height: 1.5; }
    .toc {
      margin: 0 0 2rem;
      padding: 0.9rem 1.1rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      font-size: 0.9rem;
      line-height: 1.45;
    }
    .toc-title {
      margin: 0 0 0.4rem;
      color: var(--muted);
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    .toc ol { margin: 0; padding: 0; list-style: none; }
    .toc ol ol { padding-left: 0.9rem; }
    .toc li { margin: 0.3rem 0; }
    .toc a { color: var(--text); text-decoration: none; }
    .toc a:hover { color: var(--accent); text-decoration: underline; }
    @media (min-width: 76rem) {
      .lesson {
        max-width: calc(var(--column) + 17rem);
        display: grid;
        grid-template-columns: minmax(0, var(--column)) 14rem;
        grid-template-areas: "header ." "body toc" "pager .";
        column-gap: 3rem;
      }
      .lesson-header { grid-area: header; }
      .lesson-body { grid-area: body; }
      .pager { grid-area: pager; }
      .toc {
        grid-area: toc;
        align-self: start;
        position: sticky;
        top: 1.5rem;
        max-height: calc(100vh - 3rem);
        overflow-y: auto;
        margin: 0;
        padding: 0 0 0 1rem;
        background: none;
        border: 0;
        border-left: 1px solid var(--border);
        border-radius: 0;
      }
    }
    .math-display { margin: 1.25rem 0; overflow-x: auto; overflow-y: hidden; padding: 0.25rem 0; }
    .include { margin: 1.5rem 0; }
    .include figcaption { font-size: 0.85rem; color: var(--muted); margin-bottom: 0.35rem; }
    .include pre { margin: 0; }
    .raw-html { color: var(--muted); }
    .math-error { color: var(--error); }

    /* Cells: the code, what it showed, and how it ran. */
    .cell {
      margin: 2rem 0;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--bg);
      box-shadow: var(--shadow);
      overflow: hidden;
    }
    .cell-source { border-bottom: 1px solid var(--border); }
    .cell-label {
      margin: 0;
      padding: 0.4rem 1rem;
      display: flex;
      gap: 0.6rem;
      align-items: baseline;
      font-size: 0.8rem;
      color: var(--muted);
      background: var(--surface-strong);
      border-bottom: 1px solid var(--border);
    }
    .cell-label a { color: var(--accent); font-weight: 600; text-decoration: none; }
    .cell-id { font-family: var(--font-code); }
    .cell-source pre { margin: 0; border: 0; border-radius: 0; }
    .cell-outputs { padding: 1rem; display: flex; flex-direction: column; gap: 1rem; }
    .cell-outputs > * { margin: 0; }
    .output-text { background: var(--bg); }
    .cell-meta {
      margin: 0;
      padding: 0.5rem 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: 0.8rem;
      color: var(--muted);
      background: var(--surface);
      border-top: 1px solid var(--border);
    }
    .cell-source + .cell-meta { border-top: 0; }
    .cell-reproduce code { background: var(--bg); }
    .cell-failed { border-color: var(--error); }
    .cell-error { margin: 0 1rem 1rem; color: var(--error); }
    .cell-outputs + .cell-error { margin-top: 0; }
    .cell-source + .cell-error { margin-top: 1rem; }
    .cell-error p { margin: 0 0 0.35rem; font-weight: 600; }
    .cell-error pre { margin: 0; color: var(--text); background: var(--error-soft); border-color: var(--error); white-space: pre-wrap; }
    .cell-not-run .cell-status { font-style: italic; }

    /* Outputs. */
    .table-scroll { overflow-x: auto; }
    .output-table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
    .output-table th, .output-table td { padding: 0.35rem 0.75rem; text-align: left; border-bottom: 1px solid var(--border); }
    .output-table th { font-weight: 600; border-bottom-width: 2px; }
    .output-table tbody tr:nth-child(even) { background: var(--surface); }
    .output-table .num { text-align: right; font-variant-numeric: tabular-nums; }
    .metrics { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    .metrics div {
      padding: 0.5rem 0.9rem;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: var(--surface);
      min-width: 9rem;
    }
    .metrics dt { font-size: 0.78rem; color: var(--muted); }
    .metrics dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .figure { text-align: center; }
    .figure-image { display: inline-block; max-width: 100%; line-height: 0; }
    .figure img { border-radius: 6px; }
    .figure figcaption { margin-top: 0.5rem; font-size: 0.9rem; color: var(--muted); text-align: left; }
    .figure-number { font-weight: 600; color: var(--text); }
    .figure-labels { display: block; font-size: 0.8rem; margin-top: 0.2rem; }

    /* Previous and next lesson. */
    .pager {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 1rem;
      margin: 3.5rem 0 0;
    }
    .pager a {
      display: flex;
      flex-direction: column;
      padding: 0.8rem 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      text-decoration: none;
      line-height: 1.35;
    }
    .pager a:hover { border-color: var(--accent); background: var(--accent-soft); }
    .pager-next { grid-column: 2; text-align: right; }
    .pager-label { font-size: 0.8rem; color: var(--muted); }
    .pager-title { font-weight: 600; }

    /* The home page. */
    .home { max-width: 72rem; margin: 0 auto; padding: 3rem 1.25rem 0; }
    .home-header { max-width: var(--column); margin-bottom: 2.5rem; }
    .home-header h1 { font-size: 2.6rem; margin: 0 0 0.5rem; letter-spacing: -0.025em; }
    .home-subtitle { margin: 0; font-size: 1.2rem; color: var(--muted); line-height: 1.5; }
    .home-section { border: 0; margin: 0 0 1rem; padding: 0; font-size: 1rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
      gap: 1.25rem;
    }
    .card a {
      display: flex;
      flex-direction: column;
      height: 100%;
      color: var(--text);
      text-decoration: none;
      border: 1px solid var(--border);
      border-radius: 12px;
      overflow: hidden;
      background: var(--bg);
      box-shadow: var(--shadow);
      transition: transform 0.15s ease, border-color 0.15s ease;
    }
    .card a:hover { transform: translateY(-2px); border-color: var(--accent); }
    .card-thumb {
      display: block;
      height: 12rem;
      padding: 0.75rem;
      background: var(--surface);
      border-bottom: 1px solid var(--border);
    }
    .card-thumb img { width: 100%; height: 100%; object-fit: contain; }
    .card-thumb-number { display: flex; height: 100%; align-items: center; justify-content: center; font-size: 4rem; font-weight: 700; color: var(--accent); opacity: 0.6; }
    .card-text { display: flex; flex-direction: column; gap: 0.3rem; padding: 1rem 1.1rem 1.2rem; }
    .card-number { font-size: 0.75rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); }
    .card-title { font-size: 1.2rem; font-weight: 600; line-height: 1.3; }
    .card-summary { color: var(--muted); font-size: 0.95rem; line-height: 1.5; }
    .card-meta { margin-top: auto; padding-top: 0.4rem; font-size: 0.8rem; color: var(--muted); }

    /* Phones: tighter margins, smaller titles. */
    @media (max-width: 36rem) {
      body { font-size: 16px; }
      .lesson, .home { padding-top: 1.5rem; }
      .lesson-header h1, .home-header h1 { font-size: 1.8rem; }
      h2 { font-size: 1.35rem; }
      .cell, pre { border-radius: 8px; }
      .cell-outputs { padding: 0.75rem; }
      .pager { grid-template-columns: 1fr; }
      .pager-next { grid-column: 1; }
    }

    /* Paper: no navigation, black on white, figures and cells kept whole where they fit. */
    @media print {
      :root { color-scheme: light; --text: #000; --muted: #444; --border: #bbb; --shadow: none; }
      body { font-size: 11pt; background: #fff; color: #000; }
      .site-header, .site-footer, .toc, .pager, .anchor { display: none; }
      .lesson { display: block; max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      pre { white-space: pre-wrap; }
      figure, .figure, .include, pre, table, .metrics, .math-display, .cell-meta { break-inside: avoid; }
      h1, h2, h3, h4 { break-after: avoid; }
      .cell { box-shadow: none; }
    }

    """

    /// The site icon: the course mark, two overlapping bell curves.
    static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
    <rect width="32" height="32" rx="7" fill="#3451b2"/>
    <path d="M3 25C8 25 8 9 12 9S16 25 21 25" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>
    <path d="M11 25C16 25 16 13 20 13S24 25 29 25" fill="none" stroke="#9db0ff" stroke-width="2.5" stroke-linecap="round"/>
    </svg>

    """
}
